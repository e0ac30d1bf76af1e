package dev.poddashboard.web;

import dev.poddashboard.identity.IdentityChecks;
import dev.poddashboard.pods.Namespaces;
import dev.poddashboard.pods.PodService;
import dev.poddashboard.token.TokenInspector;
import dev.poddashboard.token.TokenSource;

/** What the web layer needs from the rest of the app, built once in the composition root. */
public record Services(PodService pods, Namespaces namespaces, TokenSource tokens, TokenInspector inspector, IdentityChecks identity) {
}
