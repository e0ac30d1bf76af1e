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
    /**
     * A comment now and then keeps proxies and port-forwards from closing an idle stream, and writing it is how a
     * closed tab is noticed and its place freed (1,000 streams: 200 small writes a second).
     */
    private static final java.time.Duration PING = java.time.Duration.ofSeconds(5);

    private final PodStore store;
    private final Params params;
    private final ObjectMapper mapper;
    private final Clock clock;
    /** How long a viewer refused a live list waits before it asks again (the page refreshes itself meanwhile). */
    static final int RETRY_AFTER_SECONDS = 30;
    /**
     * The response buffer of a live list, where an event's parts (event, data, blank line) meet before the flush.
     * Jetty's default (32 KiB, outside the heap) is held for as long as the stream is open: ~30 MiB of native memory
     * at 1,000 viewers (the crowd in docs/benchmark.md). An event is a pod's row or the list's freshness, well under
     * this; a longer one is written past the buffer.
     */
    static final int EVENT_BUFFER_BYTES = 2048;

    private final OpenStreams clients = new OpenStreams("sse", PING);
    private final StreamBounds bounds;

    record PodEvent(String type, PodRow row) {
    }

    /** What {@code /api/pods/events/room} answers when there is room. */
    record Room(boolean room, int open, int max) {
    }

    /**
     * @param maxStreams          open live lists in the whole app ({@code MAX_LIVE_STREAMS})
     * @param maxStreamsPerClient per browser ({@code MAX_LIVE_STREAMS_PER_CLIENT})
     */
    PodStream(PodStore store, Params params, ObjectMapper mapper, Clock clock, int maxStreams, int maxStreamsPerClient) {
        this.store = store;
        this.params = params;
        this.mapper = mapper;
        this.clock = clock;
        this.bounds = new StreamBounds("live pod lists", maxStreams, maxStreamsPerClient, RETRY_AFTER_SECONDS);
    }

    /**
     * Runs before the stream starts, so a bad request is a plain JSON error, not an empty stream, and a stream
     * beyond the bounds is a 429 that says which limit; a stream it admits gets its small buffer here, before
     * anything is written.
     */
    void validate(Context ctx) {
        params.podQuery(ctx);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new BadRequest("this endpoint streams server-sent events: send Accept: text/event-stream "
                    + "(EventSource does), or use /api/pods for a snapshot");
        }
        bounds.check(ClientId.of(ctx));
        ctx.res().setBufferSize(EVENT_BUFFER_BYTES);
    }

    /**
     * {@code /api/pods/events/room}: whether this browser could open a live list now, without opening one. The
     * list page asks when its stream was refused (EventSource cannot read a 429's body), and again before it
     * takes the stream back.
     */
    void room(Context ctx) {
        bounds.check(ClientId.of(ctx));
        ctx.json(new Room(true, bounds.open(), bounds.max()));
    }

    StreamBounds bounds() {
        return bounds;
    }

    void stream(SseClient client) {
        PodQuery query = params.podQuery(client.ctx());
        PodScope scope = query.scope();
        client.keepAlive();
        StreamBounds.Place place;
        try {
            place = bounds.take(ClientId.of(client.ctx()));
        } catch (TooManyStreams e) { // another viewer took the last place since the check
            send(client, "problem", Map.of("error", e.view(), "limit", e.limit().label(),
                    "retryAfterSeconds", e.retryAfterSeconds()));
            client.close();
            return;
        }
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
            place.release();
            send(client, "problem", Map.of("error", ErrorPages.view(e)));
            client.close();
            return;
        }
        client.onClose(() -> {
            clients.remove(client);
            subscription.close();
            place.release();
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
