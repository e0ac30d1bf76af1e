package dev.poddashboard.cluster;

/** Told of every request to the API server once it has an answer (for the metrics). */
public interface ApiCalls {
    ApiCalls NONE = (verb, code) -> {
    };

    /**
     * @param verb GET, LIST, WATCH or POST
     * @param code the HTTP status, or 0 when no answer came (connection refused, TLS failure, timeout)
     */
    void completed(String verb, int code);

    /** Both told, in order. */
    static ApiCalls both(ApiCalls first, ApiCalls second) {
        return (verb, code) -> {
            first.completed(verb, code);
            second.completed(verb, code);
        };
    }

    /**
     * The Kubernetes verb of a request, as the API server's own metrics name it: WATCH for {@code ?watch=1}, LIST
     * for a collection ({@code /api/v1/pods}, {@code /api/v1/namespaces/ns/pods}, {@code /api/v1/namespaces}), GET
     * for one object or its subresource, else the HTTP method (POST for the reviews).
     */
    static String verb(String method, okhttp3.HttpUrl url) {
        if (!method.equals("GET")) {
            return method;
        }
        String watch = url.queryParameter("watch");
        if ("1".equals(watch) || "true".equals(watch)) {
            return "WATCH";
        }
        java.util.List<String> segments = url.pathSegments();
        int namespaces = segments.indexOf("namespaces");
        // A collection ends right after the version (/api/v1/pods) or right after namespaces/<ns>/<resource>.
        int collectionLength = namespaces >= 0 && segments.size() > namespaces + 2 ? namespaces + 3 : 3;
        return segments.size() == collectionLength ? "LIST" : "GET";
    }
}
