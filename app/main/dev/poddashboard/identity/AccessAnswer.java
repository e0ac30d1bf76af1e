package dev.poddashboard.identity;

/**
 * The API server's answer to a SelfSubjectAccessReview.
 *
 * @param reason          why, as the authorizer says it ("RBAC: allowed by RoleBinding ..."), often empty on a denial
 * @param evaluationError an authorizer that failed while deciding, or empty
 */
public record AccessAnswer(boolean allowed, String reason, String evaluationError) {
    public AccessAnswer {
        reason = reason == null ? "" : reason;
        evaluationError = evaluationError == null ? "" : evaluationError;
    }
}
