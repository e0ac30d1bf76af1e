package dev.poddashboard.version;

import java.util.Arrays;
import java.util.List;

/**
 * What a page says about the API server it talks to: its version, what the dashboard had to assume, and one
 * sentence per feature the page depends on.
 */
public record ServerFacts(String version, String assumption, List<String> notes) {
    public ServerFacts {
        notes = List.copyOf(notes);
    }

    /** The token pages' facts: token IDs, node claims, node binding and its validation. */
    public static final List<Feature> TOKENS = List.of(Feature.TOKEN_JTI, Feature.POD_NODE_INFO, Feature.NODE_BINDING,
            Feature.NODE_BINDING_VALIDATION);

    public static ServerFacts about(KubeVersion server, List<Feature> features) {
        return new ServerFacts(server.label(), server.assumption(),
                features.stream().map(f -> capitalized(f.statement(server))).toList());
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public static ServerFacts about(KubeVersion server, Feature... features) {
        return about(server, Arrays.asList(features));
    }
}
