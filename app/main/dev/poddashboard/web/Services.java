package dev.poddashboard.web;

import dev.poddashboard.events.PodEvents;
import dev.poddashboard.identity.IdentityChecks;
import dev.poddashboard.lesson.LessonService;
import dev.poddashboard.logs.Logs;
import dev.poddashboard.metrics.Metrics;
import dev.poddashboard.pods.Namespaces;
import dev.poddashboard.pods.PodManifest;
import dev.poddashboard.pods.PodService;
import dev.poddashboard.token.TokenHistory;
import dev.poddashboard.token.TokenInspector;
import dev.poddashboard.token.TokenSource;
import dev.poddashboard.version.ServerVersion;

/** What the web layer needs from the rest of the app, built once in the composition root. */
public record Services(PodService pods, Namespaces namespaces, PodEvents events, Logs logs, PodManifest manifests,
                       TokenSource tokens, TokenHistory history, TokenInspector inspector, IdentityChecks identity,
                       Metrics metrics, ServerVersion version, LessonService lesson) {
}
