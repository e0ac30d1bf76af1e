package dev.poddashboard.lesson;

import static dev.poddashboard.lesson.Lesson.TIME;
import static dev.poddashboard.lesson.Lesson.allowed;
import static dev.poddashboard.lesson.Lesson.as;
import static dev.poddashboard.lesson.Lesson.noNote;
import static dev.poddashboard.lesson.Lesson.note;
import static dev.poddashboard.lesson.Lesson.serviceAccount;
import static dev.poddashboard.lesson.Lesson.serviceAccountName;
import static dev.poddashboard.lesson.Lesson.withPod;

import dev.poddashboard.lesson.Lesson.Definition;
import dev.poddashboard.token.TokenHistory;
import dev.poddashboard.token.TokenKind;
import dev.poddashboard.version.Feature;
import java.util.List;

/** The lesson's steps, in order: what each teaches, what to type, where to look, and when it holds. */
final class LessonSteps {
    private static final String LABEL = "-l app.kubernetes.io/name=pod-dashboard";

    private LessonSteps() {
    }

    static final List<Definition> ALL = List.of(
            new Definition("identity", "User accounts and service accounts",
                    "People are users: Kubernetes keeps no object for them, an authenticator (certificates, OIDC) vouches "
                            + "for them. Programs in pods are service accounts: API objects in a namespace, named "
                            + "system:serviceaccount:<namespace>:<name>.",
                    f -> List.of("kubectl auth whoami", "kubectl get serviceaccounts -n " + f.namespace()), "/token", noNote(),
                    f -> {
                        if (!f.whoAmI().known()) {
                            return StepState.unknown(f.whoAmI().unknown());
                        }
                        var user = f.whoAmI().value();
                        return StepState.holds(user.username().startsWith("system:serviceaccount:")
                                ? "SelfSubjectReview: the API server knows the dashboard as " + user.username()
                                : "SelfSubjectReview: the dashboard runs as the user " + user.username()
                                + " (a user account, from your kubeconfig)");
                    }),
            new Definition("service-account", "The pod's service account",
                    "A pod names one service account in spec.serviceAccountName (by default \"default\"); the kubelet "
                            + "mounts a token for it, and every request the pod makes with it is that account's.",
                    f -> List.of("kubectl -n " + f.namespace() + " get pod " + LABEL + " -o jsonpath='{..serviceAccountName}'"),
                    "/pods/{pod}", noNote(), f -> withPod(f, pod -> StepState.holds("the pod " + pod.name() + " runs as "
                            + pod.namespace() + "/" + pod.serviceAccountName()))),
            new Definition("sa-fixed", "serviceAccountName is fixed for a pod's life",
                    "The API server refuses to change the service account of a running pod: to run as another account you "
                            + "make a new pod, which is what a Deployment's rollout does.",
                    f -> List.of("kubectl -n " + f.namespace() + " set serviceaccount deployment/pod-dashboard default "
                            + "--dry-run=server -o jsonpath='{..serviceAccountName}'"), "/pods/{pod}", noNote(),
                    f -> withPod(f, pod -> StepState.holds("the pod " + pod.name() + " has run as "
                            + pod.serviceAccountName() + " since " + pod.created()))),
            new Definition("no-token-secret", "Since 1.24, no token Secret",
                    "A new service account gets no Secret holding a token any more: tokens are requested (TokenRequest), "
                            + "short-lived and bound, and nothing long-lived lies around to be copied.",
                    f -> List.of("kubectl -n " + f.namespace() + " get serviceaccount " + serviceAccountName(f) + " -o yaml"),
                    "/token", note(Feature.NO_TOKEN_SECRETS), f -> !f.version().known()
                            ? StepState.unknown("the API server's version could not be read")
                            : Feature.NO_TOKEN_SECRETS.on(f.version())
                            ? StepState.holds("/version: " + f.version().label() + ", 1.24 or newer")
                            : StepState.notYet("/version: " + f.version().label() + ", older than 1.24")),
            new Definition("create-token", "Mint a token yourself",
                    "kubectl create token asks the TokenRequest API for a token: an hour by default (--duration), for the "
                            + "API server's audience (--audience), bound to an object if asked (--bound-object-kind/-name).",
                    f -> List.of("kubectl create token " + serviceAccountName(f) + " -n " + f.namespace() + " --duration=10m",
                            "kubectl create token " + serviceAccountName(f) + " -n " + f.namespace() + " --audience=vault"),
                    "/token/decode", noNote(), f -> f.labs().minted().isEmpty()
                            ? StepState.notYet("mint one and paste it into the lab below")
                            : StepState.holds("a token minted by TokenRequest (" + f.labs().minted() + " UTC) is in the lab")),
            new Definition("projected-volume", "The projected kube-api-access volume",
                    "Admission adds a projected volume to every pod: a serviceAccountToken (expirationSeconds: 3607), "
                            + "ca.crt from the ConfigMap kube-root-ca.crt and the namespace from the downward API, mounted "
                            + "at /var/run/secrets/kubernetes.io/serviceaccount.",
                    f -> List.of("kubectl -n " + f.namespace() + " get pod " + LABEL + " -o jsonpath='{..volumes}'"),
                    "/pods/{pod}", noNote(), f -> withPod(f, pod -> {
                        if (pod.tokenVolumes().isEmpty()) {
                            return StepState.notYet("this pod mounts no projected token (automountServiceAccountToken: "
                                    + "false, or a legacy Secret instead)");
                        }
                        var v = pod.tokenVolumes().get(0);
                        return StepState.holds(v.name() + (v.automatic() ? " (added by admission)" : " (declared by hand)")
                                + ": a token of " + v.expirationSeconds() + " s" + (v.caConfigMap().isEmpty() ? ""
                                : ", ca.crt from " + v.caConfigMap()) + (v.namespaceFile().isEmpty() ? "" : ", " + v.namespaceFile()));
                    })),
            new Definition("rotation", "The kubelet rotates the token",
                    "At 80 % of the lifetime it asked for (at most after 24 h) the kubelet requests a new token and swaps "
                            + "it into the same file; the dashboard re-reads the file, so nothing restarts.",
                    f -> List.of("kubectl -n " + f.namespace() + " exec deploy/pod-dashboard -- cat "
                            + "/var/run/secrets/kubernetes.io/serviceaccount/token | cut -d. -f2 | base64 -d"), "/token", noNote(),
                    f -> {
                        if (f.mode().equals("kubeconfig")) {
                            return StepState.unknown("in kubeconfig mode the dashboard has no mounted token to watch");
                        }
                        List<TokenHistory.Entry> seen = f.history();
                        if (seen.size() >= 2) {
                            var last = seen.get(seen.size() - 1);
                            return StepState.holds(seen.size() + " tokens seen, rotated " + TIME.format(
                                    last.fileModified() != null ? last.fileModified() : last.seenAt()) + " UTC");
                        }
                        return StepState.notYet(seen.isEmpty() ? "no token seen yet" : "one token seen so far (issued "
                                + (seen.get(0).iat() == null ? "?" : TIME.format(seen.get(0).iat())) + " UTC); the next one "
                                + "comes at 80 % of its lifetime (with components/short-token: every ~8 min)");
                    }),
            new Definition("least-privilege", "Least privilege",
                    "The dashboard's Role grants get, list and watch on pods and events in its own namespace. RBAC allows "
                            + "only what a binding grants, so the same question elsewhere is denied.",
                    f -> List.of("kubectl auth can-i list pods -n kube-system " + as(f)), "/?namespace=kube-system", noNote(),
                    f -> {
                        StepState s = allowed(f, Facts.Access.PODS_KUBE_SYSTEM, "", "");
                        if (s.state() == StepState.State.UNKNOWN) {
                            return s;
                        }
                        return s.state() == StepState.State.HOLDS
                                ? StepState.notYet("SelfSubjectAccessReview: list pods in kube-system allowed: this account "
                                + "holds more than its namespace (remove components/cluster-wide)")
                                : StepState.holds("SelfSubjectAccessReview: list pods in kube-system denied");
                    }),
            new Definition("pods-log", "Logs are a permission of their own",
                    "Reading a log is get on the subresource pods/log, not on pods: logs may hold secrets, so a Role that "
                            + "reads pods does not read their logs.",
                    f -> List.of("kubectl auth can-i get pods/log -n " + f.namespace() + " " + as(f),
                            "kubectl create role pods-log-reader --verb=get --resource=pods/log -n " + f.namespace()),
                    "/pods/{pod}/logs", noNote(), f -> allowed(f, Facts.Access.POD_LOGS,
                            "SelfSubjectAccessReview: get pods/log allowed (components/logs)",
                            "SelfSubjectAccessReview: get pods/log denied: add components/logs and kubectl apply -k k8s-manifests/")),
            new Definition("all-namespaces", "All namespaces need a ClusterRole",
                    "A Role grants inside its own namespace only. Listing pods in every namespace (kubectl get pods -A) "
                            + "takes a ClusterRole bound with a ClusterRoleBinding.",
                    f -> List.of("kubectl auth can-i list pods --all-namespaces " + as(f)), "/?all-namespaces=true", noNote(),
                    f -> allowed(f, Facts.Access.PODS_EVERYWHERE,
                            "SelfSubjectAccessReview: list pods at the cluster scope allowed (components/cluster-wide)",
                            "SelfSubjectAccessReview: list pods at the cluster scope denied: add components/cluster-wide")),
            new Definition("token-review", "TokenReview and system:auth-delegator",
                    "Another program checks a token by asking the API server (a TokenReview), which needs the ClusterRole "
                            + "system:auth-delegator. Vault's Kubernetes auth and kube-rbac-proxy do exactly this.",
                    f -> List.of("kubectl create clusterrolebinding " + serviceAccountName(f)
                            + "-auth-delegator --clusterrole=system:auth-delegator --serviceaccount=" + serviceAccount(f).replace('/', ':')),
                    "/token", noNote(), f -> allowed(f, Facts.Access.TOKEN_REVIEWS,
                            "SelfSubjectAccessReview: create tokenreviews allowed (components/token-review)",
                            "SelfSubjectAccessReview: create tokenreviews denied: add components/token-review")),
            new Definition("reviews-not-stored", "TokenReviews are not stored",
                    "A TokenReview is a question: the API server answers it and forgets it. There is nothing to get or list.",
                    f -> List.of("kubectl get tokenreviews", "kubectl api-resources --api-group=authentication.k8s.io -o wide"),
                    "/token", noNote(), f -> {
                        if (!f.tokenReviewVerbs().known()) {
                            return StepState.unknown(f.tokenReviewVerbs().unknown());
                        }
                        List<String> verbs = f.tokenReviewVerbs().value();
                        return verbs.equals(List.of("create"))
                                ? StepState.holds("API discovery lists tokenreviews with the verb create only: kubectl get "
                                + "tokenreviews answers MethodNotAllowed")
                                : StepState.notYet("API discovery lists tokenreviews with the verbs " + verbs);
                    }),
            new Definition("automount-off", "automountServiceAccountToken: false",
                    "A pod that never calls the API server needs no credentials: automountServiceAccountToken: false "
                            + "(on the pod or its service account) mounts no token at all.",
                    f -> List.of("kubectl -n " + f.namespace() + " get pod " + LABEL
                            + " -o jsonpath='{..automountServiceAccountToken}'"), "/token", noNote(), f -> withPod(f, pod ->
                            !pod.tokenMounted() ? StepState.holds("this pod has automountServiceAccountToken: " + pod.automount()
                                    + ": no token is mounted, and the dashboard explains why it sees nothing")
                                    : StepState.notYet("a token is mounted (automountServiceAccountToken: " + pod.automount()
                                    + "); add components/no-automount to see a pod without one"))),
            new Definition("legacy-token", "A legacy Secret token, and why to avoid it",
                    "A Secret of type kubernetes.io/service-account-token holds a token that never expires and is bound "
                            + "to nothing: whoever copies it keeps it. Prefer kubectl create token.",
                    f -> List.of("kubectl -n " + f.namespace() + " get secret dashboard-sa-legacy-token -o yaml"), "/token", noNote(),
                    f -> {
                        if (!f.token().known()) {
                            return StepState.unknown(f.token().unknown());
                        }
                        return f.token().value().kind() == TokenKind.LEGACY
                                ? StepState.holds("the mounted token is a legacy Secret token: it never expires")
                                : StepState.notYet("the mounted token is " + (f.token().value().kind() == null ? "absent"
                                : "a " + f.token().value().kind().title().toLowerCase(java.util.Locale.ROOT))
                                + "; add components/legacy-token to mount the old kind");
                    }),
            new Definition("issuer-audience", "iss and aud differ between clusters",
                    "Each cluster signs with its own key as its own issuer (iss), and a token is for an audience (aud): "
                            + "a token from one cluster, or for another audience, is refused by another API server.",
                    f -> List.of("kubectl get --raw /.well-known/openid-configuration"), "/token", noNote(), f -> {
                        if (!f.token().known() || f.token().value().issuer() == null) {
                            return StepState.unknown(f.token().known() ? "no mounted token to read iss and aud from"
                                    : f.token().unknown());
                        }
                        var t = f.token().value();
                        return StepState.holds("this cluster's tokens: iss " + t.issuer() + (t.oidcIssuer().isEmpty() ? ""
                                : " (OIDC discovery: " + t.oidcIssuer() + ")") + ", aud " + String.join(", ", t.audiences()));
                    }),
            new Definition("bound-deletion", "Deleting a bound object kills its token",
                    "A token bound to a pod or Secret stops working within seconds of the object's deletion (the API "
                            + "server caches an authentication for 10 s). A pod-bound token that only names its node does "
                            + "not die with the node. Watch it in the lab below.",
                    f -> List.of("kubectl create token " + serviceAccountName(f) + " -n " + f.namespace()
                            + " --bound-object-kind=Pod --bound-object-name=<pod>", "kubectl delete pod <pod> -n " + f.namespace()),
                    "/lesson#lab", noNote(), f -> f.labs().invalidated().isEmpty()
                            ? StepState.notYet("run the lab below: paste a bound token, then delete its object")
                            : StepState.holds(f.labs().invalidated().get(f.labs().invalidated().size() - 1))),
            new Definition("node-binding", "Tokens bound to a Node",
                    "From 1.31 on (1.29 behind a feature gate) a token can be bound to a Node: it stops working when the "
                            + "node is deleted, which the API server checks.",
                    f -> List.of("kubectl create token " + serviceAccountName(f) + " -n " + f.namespace()
                            + " --bound-object-kind=Node --bound-object-name=$(kubectl get nodes -o jsonpath='{.items[0].metadata.name}')"),
                    "/lesson#lab", note(Feature.NODE_BINDING), f -> {
                        if (!f.labs().nodeBound().isEmpty()) {
                            return StepState.holds(f.labs().nodeBound());
                        }
                        return Feature.NODE_BINDING.on(f.version()) ? StepState.notYet("mint a node-bound token and paste it "
                                + "into the lab") : StepState.unknown(Feature.NODE_BINDING.sentence(f.version()));
                    }),
            new Definition("network-policy", "Lock the network down",
                    "A NetworkPolicy admits only what it lists. The base admits no pod at all: kubectl port-forward enters "
                            + "through the kubelet and is not subject to it.",
                    f -> List.of("kubectl get networkpolicy -n " + f.namespace()), "/", noNote(), f -> {
                        Facts.Answer<Boolean> may = f.access(Facts.Access.NETWORK_POLICIES);
                        if (!may.known()) {
                            return StepState.unknown(may.unknown());
                        }
                        if (!may.value()) {
                            return StepState.unknown("the service account may not read NetworkPolicies; kubectl get "
                                    + "networkpolicy -n " + f.namespace() + " shows them");
                        }
                        if (!f.policiesSelectingPod().known()) {
                            return StepState.unknown(f.policiesSelectingPod().unknown());
                        }
                        List<String> policies = f.policiesSelectingPod().value();
                        return policies.isEmpty() ? StepState.notYet("no NetworkPolicy selects this pod")
                                : StepState.holds("NetworkPolicies selecting this pod: " + String.join(", ", policies));
                    }),
            new Definition("why-failing", "Why is this pod failing?",
                    "kubectl describe shows a pod's events (the scheduler's and the kubelet's reasons) and kubectl logs "
                            + "--previous the last crashed run: the two places to look.",
                    f -> List.of("kubectl describe pod <pod> -n " + f.namespace(), "kubectl logs <pod> --previous -n " + f.namespace()),
                    "/", noNote(), f -> allowed(f, Facts.Access.EVENTS,
                            "SelfSubjectAccessReview: list events allowed: each pod page shows them as kubectl describe does",
                            "SelfSubjectAccessReview: list events denied: the pod pages cannot show events")));
}
