package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A bounded load on loopback: the list, the API, the token page and twenty open event streams at once, for a
 * fixed time. No request may fail, every stream must stay open, and the heap must not grow.
 */
class LoadTest {
    private static final Duration RUN = Duration.ofSeconds(6);
    private static final int STREAMS = 20;

    @Test
    void manyClientsAtOnceGetNoErrorAndMemoryStaysFlat() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (MockApiServer api = new MockApiServer(false).withDashboardNamespace().withOidcDiscovery().withReviews();
             RunningApp app = RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<HttpResponse<InputStream>> streams = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                // twenty browsers (each its own pd-client cookie): one browser may hold ten live lists
                HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/pods/events?namespace=dashboard"))
                        .header("Accept", "text/event-stream").header("Cookie", "pd-client=" + java.util.UUID.randomUUID())
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(stream.statusCode()).isEqualTo(200);
                streams.add(stream);
            }
            runLoad(app, Duration.ofSeconds(2)); // warm-up
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();

            long requests = runLoad(app, RUN);

            System.gc();
            long after = memory.getHeapMemoryUsage().getUsed();
            assertThat(requests).isGreaterThan(500);
            assertThat(after - before).as("heap growth in bytes after %d requests", requests).isLessThan(32L << 20);
            for (HttpResponse<InputStream> stream : streams) {
                // Each stream is still open and has at least its first event waiting.
                assertThat(new String(stream.body().readNBytes(16))).isEqualTo("event: freshness");
                stream.body().close();
            }
            assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
        }
    }

    /** Closed-loop clients on three pages for a fixed time; fails on any non-200 or error; returns the count. */
    private static long runLoad(RunningApp app, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong count = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (String path : new String[] {"/", "/", "/api/pods", "/api/pods", "/token", "/token", "/?sort=age&dir=desc", "/token/decode"}) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        int status = app.get(path).statusCode();
                        if (status != 200) {
                            failures.add(path + " -> " + status);
                        }
                    } catch (RuntimeException e) {
                        failures.add(path + " -> " + e);
                    }
                    count.incrementAndGet();
                }
            });
            t.start();
            clients.add(t);
        }
        for (Thread t : clients) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(failures).isEmpty();
        return count.get();
    }
}
