package dev.poddashboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.logs.LogLimits;
import dev.poddashboard.logs.LogLine;
import dev.poddashboard.logs.LogProblem;
import dev.poddashboard.logs.LogSource;
import dev.poddashboard.logs.Logs;
import dev.poddashboard.threads.Daemon;
import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Followed logs ({@code kubectl logs -f}) as server-sent events, within bounds: at most
 * {@link LogLimits#MAX_STREAMS} at once and {@link LogLimits#MAX_STREAMS_PER_CLIENT} per client, one reader
 * thread each, a ping every {@link LogLimits#PING} that notices a closed tab, and an end after
 * {@link LogLimits#IDLE_TIMEOUT} without a line. When the client goes away its upstream request is cancelled,
 * so no thread or connection is left behind. Events: {@code line} (id = the line's time, so a reconnecting
 * EventSource resumes after it), {@code end} ({@code final} when the pod is gone or the container stopped),
 * {@code problem}.
 */
final class LogStreams implements AutoCloseable {
    private final Logs logs;
    private final ObjectMapper mapper;
    private final StreamBounds bounds = new StreamBounds("followed logs", LogLimits.MAX_STREAMS,
            LogLimits.MAX_STREAMS_PER_CLIENT, 30);
    private final OpenStreams clients = new OpenStreams("log", LogLimits.PING);
    // One thread per open stream, never more than the limit: a blocked kubelet read holds its thread.
    private final ExecutorService readers = new ThreadPoolExecutor(0, LogLimits.MAX_STREAMS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Daemon.named("log-follow"));

    record LineEvent(String text, String timestamp, boolean cut) {
    }

    record EndEvent(boolean last, String reason) {
    }

    /** Not the last word: the page follows again, through the Service, from a replica that is not stopping. */
    private static final EndEvent STOPPING = new EndEvent(false, "The dashboard is stopping; following again.");

    LogStreams(Logs logs, ObjectMapper mapper) {
        this.logs = logs;
        this.mapper = mapper;
    }

    int open() {
        return bounds.open();
    }

    StreamBounds bounds() {
        return bounds;
    }

    /** Refuses a stream beyond the bounds before it starts: a 429 with which limit and when to try again. */
    void checkRoom(String client) {
        bounds.check(client);
    }

    /** Starts following; the SSE response stays open until the log ends or the client leaves. */
    void follow(SseClient client, String clientId, Logs.Target target, int tail, Instant since, boolean timestamps) {
        client.keepAlive();
        StreamBounds.Place place;
        try {
            place = bounds.take(clientId);
        } catch (TooManyStreams e) { // another stream took the last place since the check
            send(client, "problem", Map.of("error", e.view()), null);
            client.close();
            return;
        }
        LogSource.Reader reader;
        try {
            reader = logs.follow(target, tail, since);
        } catch (RuntimeException e) {
            place.release();
            problem(client, e);
            client.close();
            return;
        }
        client.onClose(() -> {
            clients.remove(client);
            reader.close(); // cancels the upstream request: the reader thread's blocked read returns
            place.release();
        });
        try {
            if (clients.add(client)) {
                readers.execute(() -> pump(client, target, reader, since, timestamps));
                return;
            }
        } catch (RejectedExecutionException stopping) {
            // close() shut the readers down between the add and here
        }
        send(client, "end", STOPPING, null);
        client.close();
    }

    private void pump(SseClient client, Logs.Target target, LogSource.Reader reader, Instant since, boolean timestamps) {
        try {
            LogLine line;
            while (!client.terminated() && (line = reader.next()) != null) {
                // sinceTime counts whole seconds: skip what the page already has.
                if (since != null && !line.timestamp().isEmpty() && !Instant.parse(line.timestamp()).isAfter(since)) {
                    continue;
                }
                send(client, "line", new LineEvent(line.display(), timestamps ? line.timestamp() : null, line.cut()),
                        line.timestamp().isEmpty() ? null : line.timestamp());
            }
            if (!client.terminated()) {
                String reason = logs.endReason(target);
                send(client, "end", reason.isEmpty()
                        ? new EndEvent(false, "The API server closed the log stream; following again.")
                        : new EndEvent(true, reason), null);
            }
        } catch (ClusterException.Unreachable e) {
            if (!client.terminated()) {
                boolean idle = e.getMessage() != null && e.getMessage().startsWith("timed out");
                send(client, "end", idle ? new EndEvent(true, "No new line for " + LogLimits.IDLE_TIMEOUT.toMinutes()
                        + " minutes, so the stream was closed. Follow again to resume.") : new EndEvent(false, e.sentence()), null);
            }
        } catch (RuntimeException e) {
            problem(client, e);
        } finally {
            reader.close();
            client.close();
        }
    }

    private void problem(SseClient client, RuntimeException e) {
        send(client, "problem", Map.of("error", ErrorPages.known(e).orElseThrow(() -> e)), null);
    }

    private void send(SseClient client, String event, Object data, String id) {
        SseJson.send(mapper, client, event, data, id);
    }

    @Override
    public void close() {
        clients.close();
        readers.shutdownNow();
    }
}
