package dev.poddashboard.token;

import dev.poddashboard.version.Feature;
import dev.poddashboard.version.KubeVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * "If this object is deleted, this token …": what the API server's token authenticator does, per binding, as the
 * real servers answered TokenReview in ../shared/fixtures/bindings and v1.33/bindings (12 s after each deletion;
 * the API server caches a token's authentication for 10 s) and as Kubernetes' service-account validator is
 * written: it looks up the service account, the bound pod or Secret, and (for a node-bound token only) the Node.
 *
 * @param object      "Pod my-app", "Node node-1", "ServiceAccount dashboard/dashboard-sa"
 * @param invalidates whether the token stops working
 * @param effect      one sentence: when and why
 * @param command     the kubectl command that deletes it
 */
public record Deletion(String object, boolean invalidates, String effect, String command) {
    static final String INVALIDATED = "invalidated within about 10 s (the API server caches an authentication for "
            + "10 s), with \"service account token has been invalidated\"";

    /** The rows for a token with this binding and claims, on a server of this version. */
    public static List<Deletion> of(TokenClaims claims, KubeVersion server) {
        Binding binding = claims.binding();
        String ns = claims.kubernetes() != null ? claims.kubernetes().namespace()
                : claims.legacy() != null ? claims.legacy().namespace() : null;
        List<Deletion> rows = new ArrayList<>();
        switch (binding.kind()) {
            case POD -> {
                rows.add(new Deletion("Pod " + binding.name(), true, "It is " + INVALIDATED + ": a pod-bound token lives "
                        + "only as long as its pod (a new pod with the same name has another uid).",
                        "kubectl delete pod " + binding.name() + namespaceFlag(ns)));
                // Named in the token from 1.30 (information only); before that the token does not name it at all.
                TokenClaims.ObjectRef node = claims.kubernetes().node();
                String pod = binding.name();
                rows.add(new Deletion(node != null ? "Node " + node.name() : "Node of pod " + pod + " (not named in the token)",
                        false, "It still works until exp: for a pod-bound token the API server checks the pod, not its "
                        + "node (v1.28 and v1.33 both answered so). The pod garbage collector deletes pods whose node "
                        + "is gone (after about 40 s), and the token then stops working with its pod.",
                        "kubectl delete node " + (node != null ? node.name()
                                : "$(kubectl get pod " + pod + namespaceFlag(ns) + " -o jsonpath='{.spec.nodeName}')")));
            }
            case SECRET -> rows.add(new Deletion("Secret " + binding.name(), true, "It is " + INVALIDATED + ".",
                    "kubectl delete secret " + binding.name() + namespaceFlag(ns)));
            case NODE -> rows.add(Feature.NODE_BINDING_VALIDATION.on(server)
                    ? new Deletion("Node " + binding.name(), true, "It is " + INVALIDATED + ": the node is what it is "
                    + "bound to, and this API server checks that the node still exists ("
                    + Feature.NODE_BINDING_VALIDATION.gate() + ").", "kubectl delete node " + binding.name())
                    : new Deletion("Node " + binding.name(), true, "This API server (" + server.label() + ") does not "
                    + "check node-bound tokens, so it rejects this one whether or not the node exists ("
                    + Feature.NODE_BINDING_VALIDATION.gate() + " is on by default from 1."
                    + Feature.NODE_BINDING_VALIDATION.since() + ").", "kubectl delete node " + binding.name()));
            case LEGACY_SECRET -> rows.add(new Deletion("Secret " + binding.name(), true, "It stops working: a legacy "
                    + "token is valid only while the Secret that stores it exists: deleting it (or the service "
                    + "account) is how such a token is revoked.", "kubectl delete secret " + binding.name() + namespaceFlag(ns)));
            case UNKNOWN -> rows.add(new Deletion("kubernetes.io." + binding.objectKind(), false, "This dashboard does "
                    + "not know this kind of binding, so it cannot say; ask TokenReview after deleting the object.", ""));
            case NONE -> {
                // Nothing but the service account, below: the token works until exp.
            }
        }
        String sa = claims.serviceAccount();
        if (sa != null && sa.contains("/")) {
            String saNs = sa.substring(0, sa.indexOf('/'));
            String saName = sa.substring(sa.indexOf('/') + 1);
            rows.add(new Deletion("ServiceAccount " + sa, true, "It is " + INVALIDATED + ": every service-account "
                    + "token names its service account (and its uid: a re-created account does not revive it).",
                    "kubectl delete serviceaccount " + saName + " -n " + saNs));
        }
        return List.copyOf(rows);
    }

    /** The TokenReview that shows the effect: create it again after the deletion (it is never stored). */
    public static String reviewCommand(List<String> audiences) {
        return "kubectl create -o yaml -f - <<EOF\napiVersion: authentication.k8s.io/v1\nkind: TokenReview\nspec:\n"
                + "  token: $TOKEN\n" + (audiences.isEmpty() ? "" : "  audiences: [" + String.join(", ", audiences) + "]\n")
                + "EOF";
    }

    private static String namespaceFlag(String ns) {
        return ns == null ? "" : " -n " + ns;
    }
}
