package dev.poddashboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.pods.Freshness;
import dev.poddashboard.pods.PodChange;
import dev.poddashboard.pods.PodPrinter;
import dev.poddashboard.pods.PodQuery;
import dev.poddashboard.pods.PodScope;
import dev.poddashboard.pods.PodRow;
import dev.poddashboard.pods.PodStore;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.util.Map;

/**
 * {@code /api/pods/events?namespace=NS} (or {@code all-namespaces=true}, with {@code selector=} and {@code q=}):
 * server-sent events from the scope's watch, for exactly the pods the view shows. {@code pod} events carry
 * {@code {"type": "ADDED"|"MODIFIED"|"DELETED", "row": {...}}} with the row exactly as the list prints it (a pod
 * whose labels change so that it leaves the selection arrives as DELETED); {@code freshness} events say whether
 * the data is live, still listing or reconnecting; {@code problem} ends the stream.
 */
final class PodStream implements AutoCloseable {
    /** A comment now and then keeps proxies and port-forwards from closing an idle stream. */
    private static final java.time.Duration PING = java.time.Duration.ofSeconds(15);

    private final PodStore store;
    private final Params params;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final OpenStreams clients = new OpenStreams("sse", PING);

    record PodEvent(String type, PodRow row) {
    }

    PodStream(PodStore store, Params params, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.params = params;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Runs before the stream starts, so a bad request is a plain JSON error, not an empty stream. */
    void validate(Context ctx) {
        params.podQuery(ctx);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new BadRequest("this endpoint streams server-sent events: send Accept: text/event-stream "
                    + "(EventSource does), or use /api/pods for a snapshot");
        }
    }

    void stream(SseClient client) {
        PodQuery query = params.podQuery(client.ctx());
        PodScope scope = query.scope();
        client.keepAlive();
        PodStore.Subscription subscription;
        try {
            subscription = store.subscribe(scope, new PodStore.PodListener() {
                @Override
                public void changed(PodChange change) {
                    String type = typeInView(query, change);
                    if (type != null) {
                        send(client, "pod", new PodEvent(type, PodPrinter.row(change.pod(), clock.instant(), scope.isAll())));
                    }
                }

                @Override
                public void freshness(Freshness freshness) {
                    send(client, "freshness", freshness);
                }
            });
        } catch (ClusterException e) {
            send(client, "problem", Map.of("error", ErrorPages.view(e)));
            client.close();
            return;
        }
        client.onClose(() -> {
            clients.remove(client);
            subscription.close();
        });
        if (!clients.add(client)) {
            client.close(); // the app is stopping; the EventSource reconnects to another replica or after restart
            return;
        }
        send(client, "freshness", store.snapshot(scope).freshness());
    }

    /** What the change means to a filtered view: it enters (ADDED), stays (MODIFIED), leaves (DELETED), or nothing. */
    static String typeInView(PodQuery query, PodChange change) {
        boolean was = change.previous() != null && query.includes(change.previous());
        boolean is = change.type() != PodChange.Type.DELETED && query.includes(change.pod());
        if (is) {
            return was ? "MODIFIED" : "ADDED";
        }
        return was ? "DELETED" : null;
    }

    private void send(SseClient client, String event, Object data) {
        SseJson.send(mapper, client, event, data, null);
    }

    int open() {
        return clients.size();
    }

    @Override
    public void close() {
        clients.close();
    }
}
