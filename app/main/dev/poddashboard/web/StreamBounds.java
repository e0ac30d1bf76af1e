package dev.poddashboard.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many streams of one kind (the live pod list, followed logs) may be open: at most {@code max} in the app and
 * {@code perClient} per browser (the pd-client cookie, else the address). Each open stream holds buffers and a
 * connection, so a crowd beyond the bound is told 429 instead of taking the JVM's memory from everyone.
 */
final class StreamBounds {
    private final String what;
    private final int max;
    private final int perClient;
    private final int retryAfterSeconds;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, AtomicInteger> byClient = new ConcurrentHashMap<>();
    private final AtomicLong refusedApp = new AtomicLong();
    private final AtomicLong refusedClient = new AtomicLong();

    /** @param what "live pod lists", "followed logs": the words of the refusal */
    StreamBounds(String what, int max, int perClient, int retryAfterSeconds) {
        this.what = what;
        this.max = max;
        this.perClient = perClient;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A place held by one stream; released once, when it ends. */
    final class Place {
        private final String client;
        private final AtomicInteger mine;
        private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

        private Place(String client, AtomicInteger mine) {
            this.client = client;
            this.mine = mine;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
                if (mine.decrementAndGet() <= 0) {
                    byClient.remove(client, mine);
                }
            }
        }
    }

    /**
     * Refuses before the stream starts, without holding a place: the 429 a client sees. A browser at its own limit
     * is told so first: closing one of its tabs is what it can do.
     */
    void check(String client) {
        AtomicInteger mine = byClient.get(client);
        if (mine != null && mine.get() >= perClient) {
            throw refuse(TooManyStreams.Limit.CLIENT);
        }
        if (open.get() >= max) {
            throw refuse(TooManyStreams.Limit.APP);
        }
    }

    /** Takes a place, atomically: two clients racing for the last one cannot both have it. */
    Place take(String client) {
        AtomicInteger mine = byClient.computeIfAbsent(client, id -> new AtomicInteger());
        boolean overApp = open.incrementAndGet() > max;
        boolean overClient = mine.incrementAndGet() > perClient;
        Place place = new Place(client, mine);
        if (overApp || overClient) {
            place.release();
            throw refuse(overClient ? TooManyStreams.Limit.CLIENT : TooManyStreams.Limit.APP);
        }
        return place;
    }

    private TooManyStreams refuse(TooManyStreams.Limit limit) {
        String why;
        if (limit == TooManyStreams.Limit.APP) {
            refusedApp.incrementAndGet();
            why = max + " " + what + " are open in the dashboard already (its limit, MAX_LIVE_STREAMS for the pod list)";
        } else {
            refusedClient.incrementAndGet();
            why = "this browser has " + perClient + " " + what + " open already (the limit per browser)";
        }
        return new TooManyStreams(limit, what, "Too many " + what + ": " + why + ". Close a tab that has one open, or try "
                + "again in " + retryAfterSeconds + " s.", retryAfterSeconds);
    }

    int open() {
        return open.get();
    }

    int max() {
        return max;
    }

    /** Streams refused so far because the app was full ("app") or the client was ("client"): the metric's label. */
    long refused(String limit) {
        return TooManyStreams.Limit.APP.label().equals(limit) ? refusedApp.get() : refusedClient.get();
    }
}
