/**
 * The lesson as a page that checks itself ({@code /lesson}): each step of the service-account lesson with what it
 * teaches, the commands to type, and its state on this cluster, computed from real answers (the dashboard's own pod,
 * its mounted token and its rotations, SelfSubjectReview, SelfSubjectAccessReviews, API discovery, the API server's
 * version, OIDC discovery, the bound-token lab). The bound-token lab ({@link dev.poddashboard.lesson.Labs}) asks
 * TokenReview about a pasted token every few seconds so a room can watch it die with its object. No Javalin here.
 */
package dev.poddashboard.lesson;
