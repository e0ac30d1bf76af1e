package dev.poddashboard.token;

/**
 * The object a token's validity hangs on, as the API server decides it: a pod-bound token names the pod (and, from
 * 1.30, its node, for information only); a secret-bound token the Secret; a node-bound token only the Node; a
 * legacy token the Secret that stores it.
 *
 * @param objectKind "Pod", "Secret", "Node"; for an unknown binding the claim's key under kubernetes.io
 * @param raw        the claim as sent (JSON), shown for an unknown binding
 */
public record Binding(Kind kind, String objectKind, String name, String uid, String raw) {

    public enum Kind { POD, SECRET, NODE, LEGACY_SECRET, NONE, UNKNOWN }

    public static final Binding NONE = new Binding(Kind.NONE, "", "", "", "");

    public Binding {
        name = name == null ? "" : name;
        uid = uid == null ? "" : uid;
        raw = raw == null ? "" : raw;
    }

    public boolean bound() {
        return kind != Kind.NONE;
    }

    /** "Pod my-app (uid 02b5…)", "unknown binding kubernetes.io.widget: {…}", or what an unbound token is. */
    public String label() {
        return switch (kind) {
            case NONE -> "nothing (not bound to an object)";
            case UNKNOWN -> "unknown binding kubernetes.io." + objectKind + ": " + raw;
            case LEGACY_SECRET -> "Secret " + name + ", which stores it (a legacy token is valid while its Secret exists)";
            default -> objectKind + " " + name + (uid.isEmpty() ? "" : " (uid " + uid + ")");
        };
    }

    /** "pod/my-app" for kubectl, or empty. */
    public String kubectlRef() {
        return switch (kind) {
            case POD -> "pod/" + name;
            case SECRET, LEGACY_SECRET -> "secret/" + name;
            case NODE -> "node/" + name;
            default -> "";
        };
    }
}
