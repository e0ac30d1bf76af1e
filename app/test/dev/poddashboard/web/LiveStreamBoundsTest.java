package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.Main;
import dev.poddashboard.testing.Eventually;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.PrometheusText;
import dev.poddashboard.testing.RunningApp;
import dev.poddashboard.testing.SseStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live pod lists are bounded, app-wide (MAX_LIVE_STREAMS) and per browser (MAX_LIVE_STREAMS_PER_CLIENT): one more
 * is a 429 that says which limit, with Retry-After, and counted in /metrics; those within keep every change.
 */
class LiveStreamBoundsTest {
    private static final ObjectMapper JSON = Main.objectMapper();
    private static final String EVENTS = "/api/pods/events?namespace=dashboard";
    private MockApiServer api;
    private RunningApp app;
    private final List<SseStream> streams = new ArrayList<>();

    @BeforeEach
    void start() {
        api = new MockApiServer().withDashboardNamespace();
        app = RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT),
                Map.of("MAX_LIVE_STREAMS", "3", "MAX_LIVE_STREAMS_PER_CLIENT", "2"));
        app.get("/");
    }

    @AfterEach
    void stop() {
        streams.forEach(SseStream::close);
        app.close();
        api.close();
    }

    private SseStream open(String client) {
        SseStream stream = SseStream.open(app.baseUrl() + EVENTS, client);
        streams.add(stream);
        return stream;
    }

    private HttpResponse<String> room(String client) {
        return app.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/pods/events/room"))
                .header("Cookie", "pd-client=" + client).build());
    }

    private double refused(String limit) {
        return PrometheusText.parse(app.get("/metrics").body()).stream()
                .filter(s -> s.name().equals("dashboard_sse_streams_refused_total") && s.labels().get("kind").equals("pods")
                        && s.labels().get("limit").equals(limit)).findFirst().orElseThrow().value();
    }

    @Test
    void beyondTheBoundsA429SaysWhichLimitAndThoseWithinKeepEveryChange() throws Exception {
        String alice = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        String carol = UUID.randomUUID().toString();
        List<SseStream> held = List.of(open(alice), open(alice), open(bob));
        for (SseStream s : held) {
            assertThat(s.status()).isEqualTo(200);
            assertThat(s.next().name()).isEqualTo("freshness");
        }

        SseStream third = open(alice);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).hasValue("30");
        JsonNode perBrowser = JSON.readTree(third.refusal());
        assertThat(perBrowser.get("limit").asText()).isEqualTo("client");
        assertThat(perBrowser.at("/error/message").asText()).contains("this browser has 2 live pod lists open already");

        SseStream fourth = open(carol);
        assertThat(fourth.status()).isEqualTo(429);
        JsonNode appWide = JSON.readTree(fourth.refusal());
        assertThat(appWide.get("limit").asText()).isEqualTo("app");
        assertThat(appWide.at("/error/message").asText()).contains("3 live pod lists are open in the dashboard already")
                .contains("MAX_LIVE_STREAMS");
        assertThat(room(carol).statusCode()).isEqualTo(429);
        assertThat(refused("client")).isEqualTo(1.0);
        assertThat(refused("app")).isEqualTo(2.0); // the stream and the room question

        // Every held stream gets every change of the watch.
        List<String> watch = Fixtures.api("watch-pods-dashboard.jsonl").lines().toList();
        api.watchThenIdle("dashboard", String.join("\n", watch) + "\n");
        for (SseStream s : held) {
            List<String> types = new ArrayList<>();
            while (types.size() < watch.size()) {
                SseStream.Event event = s.next();
                if (event.name().equals("pod")) {
                    types.add(JSON.readTree(event.data()).get("type").asText());
                }
            }
            assertThat(types).containsExactly("ADDED", "MODIFIED", "MODIFIED", "MODIFIED", "DELETED");
        }

        // A place frees up: Carol may stream.
        held.get(2).close();
        // (noticed at the stream's next ping, within 5 s)
        Eventually.assertThat(java.time.Duration.ofSeconds(15), () -> assertThat(room(carol).statusCode()).isEqualTo(200));
        JsonNode room = JSON.readTree(room(carol).body());
        assertThat(room.get("open").asInt()).isEqualTo(2);
        assertThat(room.get("max").asInt()).isEqualTo(3);
        assertThat(open(carol).status()).isEqualTo(200);
    }

    @Test
    void aClientWithoutTheCookieIsCountedByAddressAndAPageSetsTheCookie() {
        HttpResponse<String> page = app.get("/");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("pd-client=")
                .contains("HttpOnly").contains("SameSite=Strict"));
        // A stream takes its place after its 200, by its first event: wait for it, as a browser's count would.
        for (int i = 0; i < 2; i++) {
            SseStream held = open(null);
            assertThat(held.status()).isEqualTo(200);
            assertThat(held.next().name()).isEqualTo("freshness");
        }
        SseStream third = open(null);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.refusal()).contains("\"limit\":\"client\"");
    }

    @Test
    void theDefaultBoundFollowsTheHeap() {
        // the Deployment's 320 Mi: the image's JVM may grow its heap to 100 MiB, of which Runtime.maxMemory() says 98.8
        assertThat(dev.poddashboard.config.StreamLimits.derived(103_612_416L)).isEqualTo(1011);
        assertThat(dev.poddashboard.config.StreamLimits.derived(100L * 1024 * 1024)).isEqualTo(1024);
        assertThat(dev.poddashboard.config.StreamLimits.derived(16L * 1024 * 1024)).isEqualTo(163);
        assertThat(dev.poddashboard.config.StreamLimits.derived(1024L * 1024)).isEqualTo(50);
        assertThat(dev.poddashboard.config.StreamLimits.derived(64L * 1024 * 1024 * 1024)).isEqualTo(20_000);
    }
}
