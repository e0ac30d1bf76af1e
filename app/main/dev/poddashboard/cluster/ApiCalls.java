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
}
