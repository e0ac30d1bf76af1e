package dev.poddashboard.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} requests a minute per client (the pd-client cookie, else the address: behind
 * kubectl port-forward every browser shares 127.0.0.1). One more is a 429 that says when to try again.
 */
final class RateLimit {
    private final int perMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long startMillis, int count) {
    }

    RateLimit(int perMinute) {
        this.perMinute = perMinute;
    }

    void take(Context ctx) {
        String client = ClientId.of(ctx);
        long now = System.currentTimeMillis();
        if (windows.size() > 10_000) {
            windows.clear();
        }
        Window window = windows.compute(client, (k, w) -> w == null || now - w.startMillis() >= 60_000
                ? new Window(now, 1) : new Window(w.startMillis(), w.count() + 1));
        if (window.count() > perMinute) {
            long wait = Math.max(1, (60_000 - (now - window.startMillis())) / 1000);
            ctx.header("Retry-After", Long.toString(wait));
            throw new TooManyRequests("Too many questions: at most " + perMinute + " a minute from one browser, "
                    + "since each one asks the API server. Try again in " + wait + " s.");
        }
    }

    /** Answered with 429. */
    static final class TooManyRequests extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyRequests(String message) {
            super(message, null, false, false);
        }
    }
}
