package dev.poddashboard.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Right after start, on a background thread, the app asks itself for the pages a user opens first, so that
 * Thymeleaf has parsed their templates and the JIT has seen their code before a person does (a first render in a
 * cold JVM costs ~300 ms more than a warm one, measured). Only pages that ask the API server nothing beyond what
 * the start already asks: the own namespace's list (listed at start) and the token decoder's form; and the first
 * scrape of /metrics, which binds the JVM's meters. Readiness does not wait for it.
 */
public final class Warmup {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    private static final List<String> PATHS = List.of("/token/decode", "/", "/api/pods?page=1", "/metrics");

    private Warmup() {
    }

    /** Called by the process's main once it listens (tests start the server themselves and warm nothing). */
    public static void start(IntSupplier port) {
        Thread thread = new Thread(() -> {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (String path : PATHS) {
                try {
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path))
                            .timeout(Duration.ofSeconds(15)).header("User-Agent", "pod-dashboard warm-up").build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (java.io.IOException e) {
                    LOG.debug("warm-up of {} failed: {}", path, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
