package dev.poddashboard.identity;

import java.util.Map;

/**
 * One line on each {@code user.extra} key TokenReview and SelfSubjectReview return for a service-account token
 * (pod-name and pod-uid since bound tokens; credential-id and node-name/node-uid from 1.30). Unknown keys are shown
 * as they are.
 */
public record ExtraKey(String key, java.util.List<String> values, String explanation) {
    private static final String PREFIX = "authentication.kubernetes.io/";
    private static final Map<String, String> EXPLAINED = Map.of(
            PREFIX + "credential-id", "Which credential authenticated: JTI=<the token's jti>. Audit logs carry the same "
                    + "ID, so this one token can be traced (1.30+).",
            PREFIX + "pod-name", "The pod the token is bound to: authorization (and audit) can tell which pod asked.",
            PREFIX + "pod-uid", "That pod's uid: a new pod with the same name is another pod.",
            PREFIX + "node-name", "The node named in the token: the bound pod's node, or the node a node-bound token is "
                    + "bound to (1.30+). The Node authorizer and admission can restrict by it.",
            PREFIX + "node-uid", "That node's uid.");

    public ExtraKey {
        values = values == null ? java.util.List.of() : java.util.List.copyOf(values);
    }

    static ExtraKey of(String key, java.util.List<String> values) {
        return new ExtraKey(key, values, EXPLAINED.getOrDefault(key, ""));
    }

    public boolean known() {
        return !explanation.isEmpty();
    }
}
