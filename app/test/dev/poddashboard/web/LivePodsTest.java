package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poddashboard.Main;
import dev.poddashboard.testing.Eventually;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.PrometheusText;
import dev.poddashboard.testing.RunningApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The list+watch cache against the mock API server's list and watch, and the SSE stream built on it. */
class LivePodsTest {
    private static final ObjectMapper JSON = Main.objectMapper();
    private static final List<String> WATCH = Fixtures.api("watch-pods-dashboard.jsonl").lines().toList();
    private MockApiServer api;
    private MutableClock clock;
    private RunningApp app;

    @BeforeEach
    void start() {
        api = new MockApiServer().withDashboardNamespace();
        clock = new MutableClock(Fixtures.CAPTURED_AT);
        app = RunningApp.inCluster(api, clock);
    }

    @AfterEach
    void stop() {
        app.close();
        api.close();
    }

    private List<String> names() {
        try {
            JsonNode body = JSON.readTree(app.get("/api/pods").body());
            return Stream.of(body.get("pods")).flatMap(p -> java.util.stream.StreamSupport.stream(p.spliterator(), false))
                    .map(p -> p.get("name").asText()).toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private String statusOf(String name) throws Exception {
        for (JsonNode pod : JSON.readTree(app.get("/api/pods").body()).get("pods")) {
            if (pod.get("name").asText().equals(name)) {
                return pod.get("status").asText();
            }
        }
        return null;
    }

    @Test
    void pageViewsAfterTheFirstListMakeNoListRequest() {
        assertThat(app.get("/").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            app.get("/");
            app.get("/api/pods?sort=age");
        }
        assertThat(api.podLists()).hasSize(1);
        assertThat(api.requests()).anySatisfy(r -> assertThat(r.getUrl())
                .contains("watch=1").contains("resourceVersion=11527").contains("allowWatchBookmarks=true"));
    }

    @Test
    void addedModifiedAndDeletedPodsShowUp() throws Exception {
        assertThat(names()).doesNotContain("watch-demo");
        api.watchThenIdle("dashboard", WATCH.get(0) + "\n" + WATCH.get(1) + "\n");
        Eventually.assertThat(() -> assertThat(names()).contains("watch-demo"));
        Eventually.assertThat(() -> {
            try {
                assertThat(statusOf("watch-demo")).isEqualTo("Running");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        api.watchThenIdle("dashboard", String.join("\n", WATCH.subList(2, 5)) + "\n");
        Eventually.assertThat(() -> assertThat(names()).doesNotContain("watch-demo").hasSize(6));
        // the watch resumed from the last event's resourceVersion
        assertThat(api.requests()).anySatisfy(r -> assertThat(r.getUrl()).contains("watch=1").doesNotContain("resourceVersion=11527"));
    }

    @Test
    void theEventStreamDeliversChanges() throws Exception {
        app.get("/");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = openStream(lines);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/event-stream"));
        try {
            assertThat(next(lines, "event: freshness")).isNotNull();
            api.watchThenIdle("dashboard", WATCH.get(0) + "\n");
            assertThat(next(lines, "event: pod")).isNotNull();
            String data = lines.poll(10, TimeUnit.SECONDS);
            JsonNode event = JSON.readTree(data.substring("data: ".length()));
            assertThat(event.get("type").asText()).isEqualTo("ADDED");
            assertThat(event.at("/row/name").asText()).isEqualTo("watch-demo");
            assertThat(event.at("/row/status").asText()).isEqualTo("Pending");
            assertThat(event.at("/row/ready").asText()).isEqualTo("0/1");

            api.watchThenIdle("dashboard", WATCH.get(4) + "\n");
            assertThat(next(lines, "event: pod")).isNotNull();
            assertThat(lines.poll(10, TimeUnit.SECONDS)).contains("\"type\":\"DELETED\"").contains("watch-demo");
        } finally {
            stream.body().close();
        }
    }

    @Test
    void anEventLongerThanTheStreamsBufferArrivesWhole() throws Exception {
        // kubectl prints the pod's status.reason as its STATUS, however long: this row is longer than a live list buffers.
        ObjectNode added = (ObjectNode) JSON.readTree(WATCH.get(0));
        String reason = "Evicted" + "x".repeat(2 * PodStream.EVENT_BUFFER_BYTES);
        ((ObjectNode) added.at("/object/status")).put("reason", reason);
        app.get("/");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = openStream(lines);
        try {
            assertThat(next(lines, "event: freshness")).isNotNull();
            api.watchThenIdle("dashboard", JSON.writeValueAsString(added) + "\n");
            assertThat(next(lines, "event: pod")).isNotNull();
            String data = lines.poll(10, TimeUnit.SECONDS);
            assertThat(data.length()).isGreaterThan(PodStream.EVENT_BUFFER_BYTES);
            JsonNode event = JSON.readTree(data.substring("data: ".length()));
            assertThat(event.at("/row/name").asText()).isEqualTo("watch-demo");
            assertThat(event.at("/row/status").asText()).isEqualTo(reason);
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEmpty(); // the blank line that ends the event
        } finally {
            stream.body().close();
        }
    }

    /** Opens the live list of the dashboard's namespace; its lines go to {@code lines} as they arrive. */
    private HttpResponse<Stream<String>> openStream(BlockingQueue<String> lines) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/pods/events?namespace=dashboard"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    private static String next(BlockingQueue<String> lines, String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (wanted.equals(line)) {
                return line;
            }
        }
        throw new AssertionError("no line '" + wanted + "' within 10 s");
    }

    @Test
    void theEventStreamRefusesBadRequestsPlainly() {
        HttpResponse<String> noAccept = app.get("/api/pods/events?namespace=dashboard");
        assertThat(noAccept.statusCode()).isEqualTo(400);
        assertThat(noAccept.body()).contains("text/event-stream");
        HttpResponse<String> badNamespace = app.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/pods/events?namespace=No!"))
                .header("Accept", "text/event-stream").build());
        assertThat(badNamespace.statusCode()).isEqualTo(400);
        assertThat(badNamespace.body()).contains("not a valid namespace name");
    }

    @Test
    void aWatchTooFarBehindListsAgain() {
        app.get("/");
        api.watchThenIdle("dashboard", Fixtures.api("watch-pods-dashboard-410-too-old.jsonl"));
        Eventually.assertThat(() -> assertThat(api.podLists()).hasSize(2));
        assertThat(api.podLists()).allSatisfy(r -> assertThat(r.getUrl()).contains("limit=100").doesNotContain("watch"));
        // The metrics count the 410 and the list after it, once each.
        Eventually.assertThat(() -> assertThat(PrometheusText.parse(app.get("/metrics").body()))
                .filteredOn(sample -> "dashboard".equals(sample.labels().get("namespace")))
                .extracting(PrometheusText.Sample::name, PrometheusText.Sample::value)
                .contains(org.assertj.core.groups.Tuple.tuple("dashboard_watch_relists_total", 1.0),
                        org.assertj.core.groups.Tuple.tuple("dashboard_watch_expired_total", 1.0)));
    }

    @Test
    void whenWatchIsForbiddenTheListIsPolled() {
        api.watchFails("dashboard", 403, "status-403-list-pods-other-ns.json");
        assertThat(app.get("/").statusCode()).isEqualTo(200);
        Eventually.assertThat(() -> assertThat(app.get("/").body()).contains("may list pods but not").contains("mode-polling"));
        int lists = api.podLists().size();
        clock.advance(Duration.ofSeconds(6));
        app.get("/");
        assertThat(api.podLists()).hasSize(lists + 1);
        app.get("/");
        assertThat(api.podLists()).hasSize(lists + 1);
    }

    @Test
    void anOutageKeepsTheLastPodsWithAStaleNoticeUntilTheWatchComesBack() {
        assertThat(app.get("/").body()).contains("my-kubernetes-dashboard").doesNotContain("stale-notice");
        api.watchFails("dashboard", 503, "status-401-bad-token.json");
        Eventually.assertThat(() -> assertThat(app.get("/").body()).contains("id=\"stale-notice\"").contains("Stale since"));
        assertThat(app.get("/").body()).contains("my-kubernetes-dashboard").contains("reconnecting");
        api.watchIdle("dashboard");
        Eventually.assertThat(Duration.ofSeconds(15), () -> assertThat(app.get("/").body()).doesNotContain("stale-notice")
                .contains("Watching the API server since"));
    }
}
