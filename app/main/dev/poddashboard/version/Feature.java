package dev.poddashboard.version;

/**
 * The one table of version-dependent Kubernetes behaviour the dashboard teaches: each feature with its feature
 * gate and the releases in which it became alpha (off by default), beta (on by default) and GA, as Kubernetes'
 * feature-gate documentation lists them. Every page that depends on the version asks here.
 */
public enum Feature {
    NO_TOKEN_SECRETS("LegacyServiceAccountTokenNoAutoGeneration", 24, 24, 26,
            "makes no token Secret for a new ServiceAccount (tokens are requested, not stored)",
            "still makes a token Secret for every new ServiceAccount"),
    SELF_SUBJECT_REVIEW("APISelfSubjectReview", 26, 27, 28,
            "answers SelfSubjectReview (kubectl auth whoami)",
            "has no SelfSubjectReview (kubectl auth whoami)"),
    LEGACY_TOKEN_CLEANUP("LegacyServiceAccountTokenCleanUp", 28, 29, 30,
            "invalidates legacy Secret tokens unused for a year (and deletes them a year later)",
            "keeps unused legacy Secret tokens valid forever"),
    NATIVE_SIDECARS("SidecarContainers", 28, 29, 33,
            "runs init containers with restartPolicy: Always as sidecars beside the app containers",
            "drops restartPolicy from init containers (no native sidecars)"),
    TOKEN_JTI("ServiceAccountTokenJTI", 29, 30, 32,
            "puts a jti (a token ID) in every token it issues and names it as credential-id in user.extra",
            "puts no jti (token ID) in the tokens it issues"),
    POD_NODE_INFO("ServiceAccountTokenPodNodeInfo", 29, 30, 32,
            "names the pod's node (kubernetes.io.node) in a pod-bound token and node-name/node-uid in user.extra",
            "does not name the pod's node in pod-bound tokens"),
    NODE_BINDING_VALIDATION("ServiceAccountTokenNodeBindingValidation", 29, 30, 32,
            "checks that the Node a node-bound token names still exists (delete the node and the token stops working)",
            "cannot check a node-bound token, so it rejects any"),
    NODE_BINDING("ServiceAccountTokenNodeBinding", 29, 31, 33,
            "mints tokens bound to a Node (kubectl create token --bound-object-kind Node)",
            "cannot bind tokens to a Node (only to a Pod or a Secret)");

    private final String gate;
    private final int alpha;
    private final int onByDefault;
    private final int ga;
    private final String does;
    private final String doesNot;

    Feature(String gate, int alpha, int onByDefault, int ga, String does, String doesNot) {
        this.gate = gate;
        this.alpha = alpha;
        this.onByDefault = onByDefault;
        this.ga = ga;
        this.does = does;
        this.doesNot = doesNot;
    }

    public String gate() {
        return gate;
    }

    /** The first release in which it is on by default. */
    public int since() {
        return onByDefault;
    }

    public int ga() {
        return ga;
    }

    /** Whether a server of this version has it on by default (an unknown or newer version counts as the newest). */
    public boolean on(KubeVersion version) {
        return version.effectiveMinor() >= onByDefault;
    }

    /**
     * What a server of this version does, in one sentence: "This API server (v1.28.7) cannot bind tokens to a Node
     * (only to a Pod or a Secret): that came in 1.29 (ServiceAccountTokenNodeBinding, on by default from 1.31)."
     */
    public String sentence(KubeVersion version) {
        return "This API server (" + version.label() + ") " + statement(version);
    }

    /** The same without its subject, for a list under a heading that names the server: "cannot bind tokens …". */
    public String statement(KubeVersion version) {
        int minor = version.effectiveMinor();
        if (minor >= ga) {
            return does + " (" + gate + ", GA since 1." + ga + ").";
        }
        if (minor >= onByDefault) {
            return does + " by default (" + gate + ", on by default since 1." + onByDefault
                    + "; a cluster can turn the gate off).";
        }
        if (minor >= alpha) {
            return doesNot + " unless the alpha feature gate " + gate + " is turned on (on by default from 1."
                    + onByDefault + ").";
        }
        return doesNot + ": that came in 1." + alpha + " (" + gate + ", on by default from 1." + onByDefault + ").";
    }

    /** "1.31+" for short labels: the release from which a server does it by default. */
    public String sinceLabel() {
        return "1." + onByDefault + "+";
    }
}
