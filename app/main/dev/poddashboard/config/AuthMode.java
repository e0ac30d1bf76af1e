package dev.poddashboard.config;

/** Who may look ({@code AUTH_MODE}): anyone who reaches the port, or only visitors the cluster authenticates. */
public enum AuthMode {
    /** Whoever reaches the port sees what the service account may see: the port-forward lesson (the default). */
    NONE("none"),
    /** Each visitor signs in with their own Kubernetes token; TokenReview and SubjectAccessReview decide. */
    TOKEN("token");

    private final String value;

    AuthMode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static AuthMode parse(String raw) {
        return Mode.choice("AUTH_MODE", raw, values(), AuthMode::value);
    }
}
