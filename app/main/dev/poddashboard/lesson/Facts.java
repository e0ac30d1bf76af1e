package dev.poddashboard.lesson;

import dev.poddashboard.identity.UserInfo;
import dev.poddashboard.pods.PodDetail;
import dev.poddashboard.token.TokenHistory;
import dev.poddashboard.token.TokenKind;
import dev.poddashboard.version.KubeVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answers the lesson's states are computed from, gathered at once for all viewers. Any of them may be unknown,
 * with the reason; one unknown answer never hides the others.
 *
 * @param mode      in-cluster, kubeconfig or demo
 * @param namespace the dashboard's namespace
 * @param access    SelfSubjectAccessReviews, by the {@link Access} asked
 * @param labs      what the bound-token lab has seen
 */
record Facts(String mode, String namespace, KubeVersion version, Answer<UserInfo> whoAmI, Answer<MountedToken> token,
             Answer<PodDetail> pod, List<TokenHistory.Entry> history, Map<Access, Answer<Boolean>> access,
             Answer<List<String>> tokenReviewVerbs, Answer<List<String>> policiesSelectingPod, Labs.Observations labs,
             Instant now) {

    /** A fact, or why it is not known. */
    record Answer<T>(T value, String unknown) {
        static <T> Answer<T> of(T value) {
            return new Answer<>(value, null);
        }

        static <T> Answer<T> unknown(String why) {
            return new Answer<>(null, why);
        }

        boolean known() {
            return unknown == null;
        }
    }

    /**
     * The mounted token, without the token: its kind, claims and what OIDC discovery says of its issuer.
     *
     * @param state       "mounted", "not-mounted" (automountServiceAccountToken: false) or "not-applicable"
     *                    (kubeconfig mode)
     * @param oidcIssuer  the issuer the API server's discovery document names, or empty when unknown
     */
    record MountedToken(String state, TokenKind kind, String serviceAccount, String issuer, List<String> audiences,
                        String podName, String oidcIssuer, Instant issuedAt) {
    }

    /** The SelfSubjectAccessReviews the lesson asks, with its own identity. */
    enum Access {
        POD_LOGS("get", "", "pods", "log", true),
        PODS_KUBE_SYSTEM("list", "", "pods", "", false),
        PODS_EVERYWHERE("list", "", "pods", "", false),
        TOKEN_REVIEWS("create", "authentication.k8s.io", "tokenreviews", "", false),
        NETWORK_POLICIES("list", "networking.k8s.io", "networkpolicies", "", true),
        EVENTS("list", "", "events", "", true);

        final String verb;
        final String group;
        final String resource;
        final String subresource;
        /** In the dashboard's namespace; else kube-system (PODS_KUBE_SYSTEM) or the cluster scope. */
        final boolean ownNamespace;

        Access(String verb, String group, String resource, String subresource, boolean ownNamespace) {
            this.verb = verb;
            this.group = group;
            this.resource = resource;
            this.subresource = subresource;
            this.ownNamespace = ownNamespace;
        }

        String namespace(String own) {
            return ownNamespace ? own : this == PODS_KUBE_SYSTEM ? "kube-system" : "";
        }
    }

    Answer<Boolean> access(Access access) {
        return this.access.getOrDefault(access, Answer.unknown("not asked"));
    }
}
