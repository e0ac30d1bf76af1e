package dev.poddashboard.web;

import dev.poddashboard.metrics.Metrics;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access-log line and one timer sample per request, both by route template ({@code /pods/{name}}, never the
 * pod's name) and never with the query string, which could carry a pasted token.
 */
final class RequestLog {
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final String STARTED = "pod-dashboard.started";

    private final Metrics metrics;

    RequestLog(Metrics metrics) {
        this.metrics = metrics;
    }

    void started(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    void finished(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        ctx.attribute(STARTED, null);
        long nanos = System.nanoTime() - started;
        String route = route(ctx);
        int status = ctx.statusCode();
        metrics.request(ctx.method().name(), route, status, nanos);
        long millis = nanos / 1_000_000;
        ACCESS.atInfo().addKeyValue("method", ctx.method().name()).addKeyValue("route", route)
                .addKeyValue("status", status).addKeyValue("duration_ms", millis)
                .log("{} {} {} {} ms", ctx.method().name(), route, status, millis);
    }

    /** The matched route's template; requests that matched none share one label. */
    static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "(unmatched)" : endpoint.path;
    }
}
