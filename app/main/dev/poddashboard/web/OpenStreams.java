package dev.poddashboard.web;

import dev.poddashboard.threads.Daemon;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open server-sent event streams of one kind: a comment every ping interval (it keeps proxies and
 * port-forwards from closing an idle stream, and writing to a closed connection is how a closed tab is noticed),
 * and an end for all of them when the app stops, including a stream whose handler only starts while it stops
 * (otherwise that stream would hold the graceful stop for its whole timeout).
 */
final class OpenStreams implements AutoCloseable {
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    /** Streams whose visitor must still be allowed (AUTH_MODE=token): asked at every ping. */
    private final java.util.Map<SseClient, java.util.function.BooleanSupplier> gated = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pings;
    private volatile boolean closed;

    OpenStreams(String name, Duration ping) {
        pings = Executors.newSingleThreadScheduledExecutor(Daemon.named(name + "-ping"));
        pings.scheduleAtFixedRate(this::ping, ping.toMillis(), ping.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Registers a started stream; false when the app is stopping, and the caller then ends it. */
    boolean add(SseClient client) {
        java.util.function.BooleanSupplier stillAllowed = client.ctx().attribute(AuthGate.STILL_ALLOWED);
        if (stillAllowed != null) {
            gated.put(client, stillAllowed);
        }
        clients.add(client);
        if (closed) { // close() may have gone through the set before the add: end it here
            clients.remove(client);
            return false;
        }
        return true;
    }

    void remove(SseClient client) {
        clients.remove(client);
        gated.remove(client);
    }

    int size() {
        return clients.size();
    }

    private void ping() {
        for (SseClient client : clients) {
            synchronized (client) {
                java.util.function.BooleanSupplier stillAllowed = gated.get(client);
                if (client.terminated()) {
                    remove(client);
                } else if (stillAllowed != null && !stillAllowed.getAsBoolean()) {
                    // The visitor's token was revoked or their RoleBinding removed: the stream ends (the page asks
                    // again, and gets the 401 or 403 that says why).
                    client.sendEvent("problem", "{\"error\":{\"status\":403,\"title\":\"No longer allowed\"}}");
                    client.close();
                    remove(client);
                } else {
                    client.sendComment("ping"); // fails on a closed connection, which closes the client
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        pings.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
