package dev.poddashboard.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.KubeApi;
import dev.poddashboard.cluster.RbacDenial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The three reviews, asked of the real API server. Review requests carry the raw token; it is never logged. */
public final class ApiIdentityChecks implements IdentityChecks {
    private static final String AUTH_DELEGATOR_YAML = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: %1$s-auth-delegator
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: system:auth-delegator
            subjects:
              - kind: ServiceAccount
                name: %1$s
                namespace: %2$s
            """;
    // SelfSubjectReview is GA (v1) from 1.28; 1.27 has v1beta1, 1.26 v1alpha1 (when enabled).
    private static final List<String> SELF_REVIEW_VERSIONS = List.of("v1", "v1beta1", "v1alpha1");

    private final KubeApi api;

    public ApiIdentityChecks(KubeApi api) {
        this.api = api;
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ReviewRequest(String apiVersion, String kind, Map<String, Object> spec) {
    }

    // Only status is read: the response echoes spec.token, the raw token, which must go nowhere.
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenReviewResponse(TokenReviewStatus status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenReviewStatus(Boolean authenticated, UserInfo user, List<String> audiences, String error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SelfSubjectReviewResponse(SelfStatus status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SelfStatus(UserInfo userInfo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RulesResponse(RulesStatus status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RulesStatus(List<ResourceRule> resourceRules, List<NonResourceRule> nonResourceRules, boolean incomplete,
                       String evaluationError) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResourceRule(List<String> verbs, List<String> apiGroups, List<String> resources, List<String> resourceNames) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NonResourceRule(List<String> verbs, List<String> nonResourceURLs) {
    }

    @Override
    public Check<TokenReviewResult> review(String rawToken, List<String> audiences) {
        Map<String, Object> spec = audiences.isEmpty() ? Map.of("token", rawToken)
                : Map.of("token", rawToken, "audiences", audiences);
        try {
            TokenReviewResponse response = api.post("/apis/authentication.k8s.io/v1/tokenreviews",
                    new ReviewRequest("authentication.k8s.io/v1", "TokenReview", spec), TokenReviewResponse.class);
            TokenReviewStatus s = response.status() == null ? new TokenReviewStatus(null, null, null, null) : response.status();
            return new Check.Ok<>(new TokenReviewResult(Boolean.TRUE.equals(s.authenticated()),
                    s.user() == null ? new UserInfo(null, null, null, null) : s.user(), s.audiences(), s.error()));
        } catch (ClusterException.Forbidden e) {
            String sa = refusedAccount(e);
            return new Check.Denied<>("The API server refused the TokenReview: " + e.getMessage() + ". Creating "
                    + "TokenReviews needs the ClusterRole system:auth-delegator, which service accounts do not have by "
                    + "default. Bind it (or add components/token-review to the kustomization) and reload.",
                    List.of(authDelegatorGrant(sa)),
                    AUTH_DELEGATOR_YAML.formatted(sa.substring(sa.indexOf(':') + 1), sa.substring(0, sa.indexOf(':'))));
        } catch (ClusterException e) {
            return new Check.Unavailable<>(e.sentence());
        }
    }

    @Override
    public Check<UserInfo> whoAmI() {
        ClusterException last = null;
        for (String version : SELF_REVIEW_VERSIONS) {
            try {
                SelfSubjectReviewResponse response = api.post("/apis/authentication.k8s.io/" + version + "/selfsubjectreviews",
                        new ReviewRequest("authentication.k8s.io/" + version, "SelfSubjectReview", Map.of()),
                        SelfSubjectReviewResponse.class);
                UserInfo user = response.status() == null ? null : response.status().userInfo();
                return new Check.Ok<>(user == null ? new UserInfo(null, null, null, null) : user);
            } catch (ClusterException.NotFound e) {
                last = e;
            } catch (ClusterException.Forbidden e) {
                return new Check.Denied<>("The API server refused the SelfSubjectReview: " + e.getMessage(),
                        List.of("kubectl auth whoami"), "");
            } catch (ClusterException e) {
                return new Check.Unavailable<>(e.sentence());
            }
        }
        return new Check.Unavailable<>("this API server has no SelfSubjectReview API (Kubernetes 1.26 or older"
                + " without the feature gate): " + (last == null ? "" : last.getMessage()));
    }

    @Override
    public Check<RulesTable> rules(String namespace) {
        try {
            RulesResponse response = api.post("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
                    new ReviewRequest("authorization.k8s.io/v1", "SelfSubjectRulesReview", Map.of("namespace", namespace)),
                    RulesResponse.class);
            RulesStatus s = response.status() == null ? new RulesStatus(null, null, false, null) : response.status();
            List<RulesTable.ResourceRow> rows = new ArrayList<>();
            for (ResourceRule rule : orEmpty(s.resourceRules())) {
                for (String group : orEmpty(rule.apiGroups()).isEmpty() ? List.of("") : rule.apiGroups()) {
                    for (String resource : orEmpty(rule.resources())) {
                        rows.add(new RulesTable.ResourceRow(group.isEmpty() ? resource : resource + "." + group,
                                orEmpty(rule.verbs()), orEmpty(rule.resourceNames())));
                    }
                }
            }
            List<RulesTable.NonResourceRow> nonResource = orEmpty(s.nonResourceRules()).stream()
                    .map(r -> new RulesTable.NonResourceRow(orEmpty(r.nonResourceURLs()), orEmpty(r.verbs()))).toList();
            return new Check.Ok<>(new RulesTable(namespace, rows, nonResource, s.incomplete(), s.evaluationError()));
        } catch (ClusterException.Forbidden e) {
            return new Check.Denied<>("The API server refused the SelfSubjectRulesReview: " + e.getMessage(),
                    List.of("kubectl auth can-i --list -n " + namespace), "");
        } catch (ClusterException e) {
            return new Check.Unavailable<>(e.sentence());
        }
    }

    record AccessStatus(boolean allowed, String reason, String evaluationError) {
    }

    record AccessResponse(AccessStatus status) {
    }

    @Override
    public Check<AccessAnswer> canI(AccessQuestion q) {
        Map<String, Object> attributes = attributes(q);
        try {
            AccessResponse response = api.post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                    new ReviewRequest("authorization.k8s.io/v1", "SelfSubjectAccessReview",
                            Map.of("resourceAttributes", attributes)), AccessResponse.class);
            AccessStatus s = response.status() == null ? new AccessStatus(false, "", "") : response.status();
            return new Check.Ok<>(new AccessAnswer(s.allowed(), s.reason(), s.evaluationError()));
        } catch (ClusterException.Forbidden e) {
            return new Check.Denied<>("The API server refused the SelfSubjectAccessReview itself: " + e.getMessage()
                    + ". Every authenticated user may create one (ClusterRole system:basic-user); has that binding "
                    + "been removed?", List.of("kubectl get clusterrolebinding system:basic-user -o yaml"), "");
        } catch (ClusterException e) {
            return new Check.Unavailable<>(e.sentence());
        }
    }

    @Override
    public Check<AccessAnswer> userCanI(UserInfo user, AccessQuestion q, String nonResourcePath) {
        Map<String, Object> spec = new java.util.LinkedHashMap<>();
        spec.put("user", user.username());
        if (!user.uid().isEmpty()) {
            spec.put("uid", user.uid());
        }
        spec.put("groups", user.groups());
        if (!user.extra().isEmpty()) {
            spec.put("extra", user.extra());
        }
        if (nonResourcePath.isEmpty()) {
            spec.put("resourceAttributes", attributes(q));
        } else {
            Map<String, Object> attributes = new java.util.LinkedHashMap<>();
            attributes.put("path", nonResourcePath);
            attributes.put("verb", q.verb());
            spec.put("nonResourceAttributes", attributes);
        }
        try {
            AccessResponse response = api.post("/apis/authorization.k8s.io/v1/subjectaccessreviews",
                    new ReviewRequest("authorization.k8s.io/v1", "SubjectAccessReview", spec), AccessResponse.class);
            AccessStatus s = response.status() == null ? new AccessStatus(false, "", "") : response.status();
            return new Check.Ok<>(new AccessAnswer(s.allowed(), s.reason(), s.evaluationError()));
        } catch (ClusterException.Forbidden e) {
            return new Check.Denied<>("The API server refused the SubjectAccessReview: " + e.getMessage() + ". Asking "
                    + "what another user may do needs the ClusterRole system:auth-delegator (components/token-review).",
                    List.of(authDelegatorGrant(refusedAccount(e))), "");
        } catch (ClusterException e) {
            return new Check.Unavailable<>(e.sentence());
        }
    }

    /** The service account the API server refused, "namespace:name", as its 403 names it. */
    private static String refusedAccount(ClusterException.Forbidden e) {
        return e.denial().flatMap(RbacDenial::serviceAccount).orElse("dashboard:dashboard-sa");
    }

    /** The binding that lets that service account create TokenReviews and SubjectAccessReviews. */
    private static String authDelegatorGrant(String sa) {
        return "kubectl create clusterrolebinding " + sa.substring(sa.indexOf(':') + 1)
                + "-auth-delegator --clusterrole=system:auth-delegator --serviceaccount=" + sa;
    }

    private static Map<String, Object> attributes(AccessQuestion q) {
        Map<String, Object> attributes = new java.util.LinkedHashMap<>();
        if (!q.namespace().isEmpty()) {
            attributes.put("namespace", q.namespace());
        }
        attributes.put("verb", q.verb());
        attributes.put("group", q.group());
        attributes.put("resource", q.resource());
        if (!q.subresource().isEmpty()) {
            attributes.put("subresource", q.subresource());
        }
        if (!q.name().isEmpty()) {
            attributes.put("name", q.name());
        }
        return attributes;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
