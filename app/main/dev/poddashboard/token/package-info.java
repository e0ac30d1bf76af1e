/**
 * Service-account tokens: reading the mounted directory, decoding a JWT without trusting it, explaining every
 * claim, and verifying the signature against the API server's OIDC key set. No Javalin here, and no raw token
 * is ever kept in a view model, logged or returned.
 */
package dev.poddashboard.token;
