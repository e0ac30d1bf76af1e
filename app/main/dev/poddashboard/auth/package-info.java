/**
 * Who may look (AUTH_MODE=token): each visitor's own Kubernetes credentials, checked the way kube-rbac-proxy and
 * aggregated API servers check them. TokenReview says who the visitor is, SubjectAccessReview whether they may see
 * what a page shows; both answers are kept for at most 10 s, so a revoked token or a removed RoleBinding takes
 * effect within that. Sessions live in memory only, bounded in number and lifetime; a visitor's token is never
 * logged, rendered or sent anywhere but to the API server. No Javalin here.
 */
package dev.poddashboard.auth;
