/**
 * What the API server makes of an identity: TokenReview (who is this token?), SelfSubjectReview
 * ({@code kubectl auth whoami}) and SelfSubjectRulesReview ({@code kubectl auth can-i --list}). Each answers with
 * a {@link dev.poddashboard.identity.Check}, so one failing check never hides the others.
 */
package dev.poddashboard.identity;
