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
}
