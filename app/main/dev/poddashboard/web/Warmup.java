package dev.poddashboard.web;

import dev.poddashboard.threads.Daemon;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Right after start, on a background thread, the app asks itself for the pages a user opens first, so that
 * Thymeleaf has parsed their templates and the JIT has seen their code before a person does (a first render in a
 * cold JVM costs ~300 ms more than a warm one, measured). Only pages that ask the API server nothing beyond what
 * the start already asks: the own namespace's list (listed at start) and the token decoder's form; and the first
 * scrape of /metrics, which binds the JVM's meters. Readiness does not wait for it. It asks with the JDK's
 * {@link HttpURLConnection}, not its {@code java.net.http} client: the class-data archive holds every class the
 * training run loads and the JVM loads them all at every start, and that client is ~300 classes (with a
 * selector thread) of its own that nothing else uses.
 * <p>
 * Before those requests it builds the HTML escaper's tables: unbescape builds all of them (the HTML 4 and HTML 5
 * entities) in its first call, which the first page view otherwise makes, for its rows ({@link PodTableRows}) and
 * every {@code th:text}. In cluster mode the server listens while the first LIST answer is still on its way, so they
 * are built in that wait instead: the first page right after ready came 452 ms after it instead of 518 (medians of
 * twenty starts, docs/benchmark.md "Where the first page goes").
 */
public final class Warmup {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    private static final List<String> PATHS = List.of("/token/decode", "/", "/api/pods?page=1", "/metrics");

    private Warmup() {
    }

    /** Called by the process's main once it listens (tests start the server themselves and warm nothing). */
    public static void start(IntSupplier port) {
        Daemon.start("warm-up", () -> {
            PodTableRows.escape("<");
            for (String path : PATHS) {
                try {
                    get(URI.create("http://127.0.0.1:" + port.getAsInt() + path));
                } catch (IOException e) {
                    LOG.debug("warm-up of {} failed: {}", path, e.getMessage());
                }
            }
        });
    }

    /** One GET, its body read and dropped; returns the status. */
    public static int get(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(2_000);
        connection.setReadTimeout(15_000);
        connection.setRequestProperty("User-Agent", "pod-dashboard warm-up");
        return answer(connection);
    }

    /** A request's status, its body (or error body) read to the end and dropped, so the connection is kept alive. */
    public static int answer(HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.transferTo(OutputStream.nullOutputStream());
            }
        }
        return status;
    }
}
