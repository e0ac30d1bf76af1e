package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.PrometheusText;
import dev.poddashboard.testing.RealNode;
import dev.poddashboard.testing.RealNodePods;
import dev.poddashboard.testing.RunningApp;
import dev.poddashboard.testing.Secrets;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /metrics: read by Prometheus' own parser, moving with traffic, with bounded labels and nothing secret. */
class MetricsTest {
    private MockApiServer api;
    private RunningApp app;

    @BeforeEach
    void start() {
        api = RealNodePods.serve(RealNode.serve(new MockApiServer().withDashboardNamespace().withOidcDiscovery()), 2_000);
        app = RunningApp.inCluster(api, new MutableClock(Fixtures.NODE_CAPTURED_AT));
    }

    @AfterEach
    void stop() {
        app.close();
        api.close();
    }

    private List<PrometheusText.Sample> scrape() {
        HttpResponse<String> response = app.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        Secrets.assertNoneIn("/metrics", response.body());
        return PrometheusText.parse(response.body());
    }

    private static double value(List<PrometheusText.Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(PrometheusText.Sample::value).sum();
    }

    @Test
    void theFirstScrapeAlreadyHasTheJvmMeters() {
        // Bound lazily by the first scrape (not at start); this server has never been scraped.
        List<PrometheusText.Sample> samples = scrape();
        assertThat(value(samples, "jvm_memory_used_bytes", Map.of("area", "heap"))).isPositive();
        assertThat(value(samples, "jvm_threads_live_threads", Map.of())).isPositive();
        assertThat(value(samples, "jvm_classes_loaded_classes", Map.of())).isGreaterThan(1000);
        assertThat(value(samples, "process_uptime_seconds", Map.of())).isPositive();
        assertThat(samples).anySatisfy(s -> assertThat(s.name()).isEqualTo("process_files_open_files"));
        assertThat(scrape().stream().filter(s -> s.name().equals("jvm_threads_live_threads"))).hasSize(1);
    }

    @Test
    void requestsAreCountedByRouteTemplateAndStatusClassNeverByPodName() {
        double before = value(scrape(), "http_server_requests_seconds_count", Map.of("route", "/pods/{name}", "status", "2xx"));
        for (String pod : List.of("crash-demo", "log-demo", "multi-demo")) {
            assertThat(app.get("/pods/" + pod + "?namespace=realnode-demo").statusCode()).isEqualTo(200);
        }
        assertThat(app.get("/pods/nope?namespace=realnode-demo").statusCode()).isEqualTo(404);
        assertThat(app.get("/?namespace=Not_Valid").statusCode()).isEqualTo(400);
        assertThat(app.get("/no/such/page").statusCode()).isEqualTo(404);

        List<PrometheusText.Sample> samples = scrape();
        assertThat(value(samples, "http_server_requests_seconds_count", Map.of("route", "/pods/{name}", "status", "2xx")))
                .isEqualTo(before + 3);
        assertThat(value(samples, "http_server_requests_seconds_count", Map.of("route", "/pods/{name}", "status", "4xx"))).isEqualTo(1);
        assertThat(value(samples, "http_server_requests_seconds_count", Map.of("route", "/", "status", "4xx"))).isEqualTo(1);
        assertThat(value(samples, "http_server_requests_seconds_count", Map.of("route", "(unmatched)"))).isEqualTo(1);
        // A latency histogram, with its buckets.
        assertThat(samples).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("http_server_requests_seconds_bucket");
            assertThat(s.labels()).containsEntry("route", "/pods/{name}").containsEntry("le", "0.1");
        });
        // No pod name, namespace value from a URL or query string in any label.
        assertThat(samples).allSatisfy(s -> assertThat(s.labels().values()).noneMatch(v -> v.contains("crash-demo")
                || v.contains("log-demo") || v.contains("Not_Valid") || v.contains("/no/such")));
    }

    @Test
    void apiRequestsWatchesStreamsAndTheTokenAreThere() {
        assertThat(app.get("/?namespace=realnode-demo").statusCode()).isEqualTo(200);
        assertThat(app.get("/api/pods/crash-demo/logs?namespace=realnode-demo&previous=true").statusCode()).isEqualTo(200);
        List<PrometheusText.Sample> samples = scrape();
        assertThat(value(samples, "kubernetes_api_requests_total", Map.of("verb", "LIST", "code", "200"))).isGreaterThanOrEqualTo(2);
        assertThat(value(samples, "kubernetes_api_requests_total", Map.of("verb", "GET", "code", "200"))).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "dashboard_watch_pods", Map.of("namespace", "realnode-demo"))).isEqualTo(7);
        assertThat(samples).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("dashboard_watch_state");
            assertThat(s.labels()).containsEntry("namespace", "realnode-demo").containsKey("state");
        });
        assertThat(value(samples, "dashboard_sse_streams_open", Map.of("kind", "logs"))).isZero();
        // Scraped again: the per-namespace counters are there once, and registering them did not warn in the log.
        samples = scrape();
        assertThat(value(samples, "dashboard_watch_relists_total", Map.of("namespace", "realnode-demo"))).isZero();
        assertThat(samples.stream().filter(s -> s.name().equals("dashboard_watch_relists_total")
                && "realnode-demo".equals(s.labels().get("namespace")))).hasSize(1);
        assertThat(appLog()).doesNotContain("has been already registered");
        // The fixture token's warnafter and exp, relative to the app's clock; no rotation yet.
        double warnafter = value(samples, "dashboard_token_warnafter_seconds", Map.of());
        double expiry = value(samples, "dashboard_token_expiry_seconds", Map.of());
        assertThat(expiry).isGreaterThan(warnafter);
        assertThat(value(samples, "dashboard_token_rotations_total", Map.of())).isZero();
        assertThat(samples).anySatisfy(s -> assertThat(s.name()).isEqualTo("jvm_memory_used_bytes"));
        assertThat(samples).anySatisfy(s -> assertThat(s.name()).isEqualTo("process_cpu_usage"));
        assertThat(samples).anySatisfy(s -> assertThat(s.name()).isEqualTo("process_uptime_seconds"));
    }

    @Test
    void aRotatedTokenIsCounted() {
        scrape();
        app.rotateToken(Fixtures.token("custom-audience.jwt"));
        List<PrometheusText.Sample> samples = scrape();
        assertThat(value(samples, "dashboard_token_rotations_total", Map.of())).isEqualTo(1);
    }

    private static String appLog() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("test.app.log", "target/test-app.log")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
