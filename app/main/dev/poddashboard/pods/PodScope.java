package dev.poddashboard.pods;

/**
 * Which pods a list covers: one namespace ({@code kubectl get pods -n NS}) or all of them ({@code -A}), backed
 * by one list+watch of {@code /api/v1/pods} at the cluster scope.
 *
 * @param namespace the namespace, or null for all namespaces
 */
public record PodScope(String namespace) {
    private static final PodScope ALL = new PodScope(null);

    public static PodScope allNamespaces() {
        return ALL;
    }

    public static PodScope of(String namespace) {
        return new PodScope(java.util.Objects.requireNonNull(namespace));
    }

    public boolean isAll() {
        return namespace == null;
    }

    /** The collection's path on the API server. */
    String path() {
        return isAll() ? "/api/v1/pods" : "/api/v1/namespaces/" + namespace + "/pods";
    }

    /** For messages and logs: "namespace dashboard" or "all namespaces". */
    public String describe() {
        return isAll() ? "all namespaces" : "namespace " + namespace;
    }
}
