package dev.poddashboard.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful stop for pod termination and rolling updates: on SIGTERM (the shutdown hook stops the server)
 * /readyz turns 503 so the Service stops sending traffic, and the stop waits until the requests already running
 * have finished (at most {@link #DRAIN_TIMEOUT}, well inside the pod's 30 s grace period). Event streams are
 * long-lived by design and are not waited for.
 */
final class InFlightRequests {
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(InFlightRequests.class);
    private static final String COUNTED = "pod-dashboard.counted";

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    void started(Context ctx) {
        if (!isStream(ctx.path())) {
            running.incrementAndGet();
            ctx.attribute(COUNTED, Boolean.TRUE);
        }
    }

    /** The pod list's events and followed logs: open for as long as the client looks. */
    private static boolean isStream(String path) {
        return path.equals("/api/pods/events") || path.startsWith("/api/pods/") && path.endsWith("/logs/stream");
    }

    void finished(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(COUNTED))) {
            ctx.attribute(COUNTED, Boolean.FALSE);
            running.decrementAndGet();
        }
    }

    boolean draining() {
        return draining.get();
    }

    /** Called as the server stops: waits for running requests (the stop's own request does not count). */
    void drain() {
        draining.set(true);
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (running.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (running.get() > 0) {
            LOG.warn("stopping with {} requests still running after {} s", running.get(), DRAIN_TIMEOUT.toSeconds());
        }
    }
}
