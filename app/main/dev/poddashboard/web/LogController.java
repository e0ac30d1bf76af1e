package dev.poddashboard.web;

import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.logs.LogLimits;
import dev.poddashboard.logs.LogLine;
import dev.poddashboard.logs.LogProblem;
import dev.poddashboard.logs.LogQuery;
import dev.poddashboard.logs.Logs;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /pods/{name}/logs} (page), {@code /api/pods/{name}/logs} (text/plain) and
 * {@code /api/pods/{name}/logs/stream} (SSE): {@code kubectl logs} with {@code -c}, {@code -p}, {@code --tail},
 * {@code --timestamps} and {@code -f}.
 */
final class LogController {
    private final Logs logs;
    private final LogStreams streams;
    private final Params params;

    LogController(Logs logs, LogStreams streams, Params params) {
        this.logs = logs;
        this.streams = streams;
        this.params = params;
    }

    private LogQuery query(Context ctx) {
        String container = ctx.queryParam("container");
        if (container != null && !container.isEmpty() && !Params.isDnsLabel(container)) {
            throw new BadRequest("container '" + Params.shorten(container) + "' is not a valid container name");
        }
        int tail = LogLimits.DEFAULT_TAIL;
        String rawTail = ctx.queryParam("tail");
        if (rawTail != null && !rawTail.isEmpty()) {
            try {
                tail = Integer.parseInt(rawTail);
            } catch (NumberFormatException e) {
                tail = -1;
            }
            if (tail < 1 || tail > LogLimits.MAX_TAIL) {
                throw new BadRequest("tail must be a whole number from 1 to " + LogLimits.MAX_TAIL + " (lines)");
            }
        }
        return new LogQuery(container, Params.flag(ctx, "previous"), tail, Params.flag(ctx, "timestamps"));
    }

    void page(Context ctx) {
        String name = Params.podName(ctx);
        String namespace = params.namespace(ctx);
        LogQuery query = query(ctx);
        Logs.Target target = logs.target(namespace, name, query.container());
        ClientId.of(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("target", target);
        model.put("query", query);
        model.put("maxTail", LogLimits.MAX_TAIL);
        model.put("backUrl", PodController.podUrl(namespace, name, ""));
        model.put("textUrl", "/api/pods/" + ListUrl.encode(name) + "/logs" + queryString(target, query));
        model.put("streamUrl", "/api/pods/" + ListUrl.encode(name) + "/logs/stream" + queryString(target, query));
        List<String> commands = new ArrayList<>();
        commands.add(Logs.kubectl(target, query, false));
        if (!query.previous()) {
            commands.add(Logs.kubectl(target, query, true));
        }
        model.put("commands", commands);
        try {
            model.put("log", logs.read(target, query));
        } catch (LogProblem | ClusterException e) {
            // The page stays, with its container picker and options, so the user can pick what does exist.
            ErrorView problem = ErrorPages.known(e).orElseThrow();
            ctx.status(problem.status());
            model.put("problem", problem);
        }
        ctx.render("pods/logs", model);
    }

    private static String queryString(Logs.Target target, LogQuery query) {
        return "?namespace=" + ListUrl.encode(target.namespace()) + "&container=" + ListUrl.encode(target.container())
                + (query.previous() ? "&previous=true" : "") + "&tail=" + query.tail()
                + (query.timestamps() ? "&timestamps=true" : "");
    }

    /** The log as plain text, as {@code kubectl logs} prints it: never rendered, never sniffed, bounded. */
    void text(Context ctx) throws IOException {
        String name = Params.podName(ctx);
        LogQuery query = query(ctx);
        Logs.LogText log = logs.read(logs.target(params.namespace(ctx), name, query.container()), query);
        ctx.contentType("text/plain; charset=utf-8");
        ctx.header("Content-Disposition", "inline; filename=\"" + name + "_" + log.target().container() + ".log\"");
        if (log.truncated()) {
            ctx.header("X-Log-Truncated", "the log is longer than " + LogLimits.MAX_BYTES + " bytes; its end is cut");
        }
        try (OutputStream out = ctx.outputStream()) {
            for (LogLine line : log.lines()) {
                out.write(line.printed(query.timestamps()).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
    }

    /** Runs before the stream starts: bad parameters and a full house are plain JSON errors, not empty streams. */
    void validateStream(Context ctx) {
        Params.podName(ctx);
        params.namespace(ctx);
        LogQuery query = query(ctx);
        if (query.previous()) {
            throw new BadRequest("a previous container has stopped: its log does not grow, so it cannot be followed");
        }
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new BadRequest("this endpoint streams server-sent events: send Accept: text/event-stream "
                    + "(EventSource does), or use /api/pods/{name}/logs for the text");
        }
        since(ctx);
        streams.checkRoom(ClientId.of(ctx));
    }

    void stream(SseClient client) {
        Context ctx = client.ctx();
        LogQuery query = query(ctx);
        Logs.Target target = logs.target(params.namespace(ctx), Params.podName(ctx), query.container());
        Instant since = since(ctx);
        streams.follow(client, ClientId.of(ctx), target, query.tail(), since, query.timestamps());
    }

    /** Where to resume: EventSource's Last-Event-ID on a reconnect, else ?since= (the page's last line). */
    private static Instant since(Context ctx) {
        String raw = ctx.header("Last-Event-ID");
        if (raw == null || raw.isEmpty()) {
            raw = ctx.queryParam("since");
        }
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new BadRequest("since must be an RFC 3339 time such as 2026-12-02T01:52:18.358630804Z");
        }
    }
}
