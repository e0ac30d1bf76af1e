package dev.poddashboard.identity;

import java.util.List;

/** The three questions the token page asks the API server. */
public interface IdentityChecks {

    /** TokenReview: who is this token? {@code audiences} empty means the API server's own audience. */
    Check<TokenReviewResult> review(String rawToken, List<String> audiences);

    /** SelfSubjectReview: who does the API server think the dashboard is? */
    Check<UserInfo> whoAmI();

    /** SelfSubjectRulesReview: what may the dashboard do in this namespace? */
    Check<RulesTable> rules(String namespace);

    /** SelfSubjectAccessReview: may the dashboard's own identity do this? ({@code kubectl auth can-i}) */
    Check<AccessAnswer> canI(AccessQuestion question);

    /**
     * SubjectAccessReview: may this user, as the API server authenticated them, do this? What kube-rbac-proxy and
     * aggregated API servers ask (needs system:auth-delegator). {@code nonResourcePath} non-empty asks for a URL
     * such as /metrics instead of the question's resource.
     */
    Check<AccessAnswer> userCanI(UserInfo user, AccessQuestion question, String nonResourcePath);
}
