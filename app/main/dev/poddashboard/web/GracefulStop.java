package dev.poddashboard.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Graceful stop for pod termination and rolling updates. On SIGTERM the shutdown hook stops the server:
 * /readyz turns 503 so the Service stops sending traffic, the long-lived streams (the pod list's events, followed
 * logs) are closed, and Jetty's {@link GracefulHandler} then waits until every running request has written its
 * whole response (at most {@link #TIMEOUT}, well inside the pod's 30 s grace period) while it answers new ones 503.
 */
final class GracefulStop {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final AtomicBoolean stopping = new AtomicBoolean();

    /** Called before the server starts; Javalin puts its own handlers inside the graceful one. */
    void install(Server server) {
        server.setHandler(new GracefulHandler());
        server.setStopTimeout(TIMEOUT.toMillis());
    }

    void begin() {
        stopping.set(true);
    }

    boolean stopping() {
        return stopping.get();
    }
}
