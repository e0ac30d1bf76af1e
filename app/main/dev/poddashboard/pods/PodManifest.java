package dev.poddashboard.pods;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code kubectl get pod NAME -o yaml}: the pod as the API server returns it, as YAML the way kubectl writes it
 * (keys in alphabetical order, as sigs.k8s.io/yaml does, lists not indented under their key, no document marker),
 * and without {@code metadata.managedFields} unless asked for ({@code --show-managed-fields}), as kubectl 1.21+ does.
 */
public final class PodManifest {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    private final PodStore store;

    public PodManifest(PodStore store) {
        this.store = store;
    }

    /** The pod as YAML; {@code managedFields} only when asked for. */
    public String yaml(String namespace, String name, boolean managedFields) {
        return yaml(store.manifest(namespace, name), managedFields);
    }

    static String yaml(JsonNode pod, boolean managedFields) {
        JsonNode copy = pod.deepCopy();
        if (!managedFields && copy.path("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
        try {
            return YAML.writeValueAsString(sorted(copy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    /** Keys in alphabetical order at every level, as kubectl prints them. */
    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                out.set(name, sorted(object.get(name)));
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
                out.add(sorted(it.next()));
            }
            return out;
        }
        return node;
    }

}
