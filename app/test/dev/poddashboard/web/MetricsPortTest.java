package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** METRICS_PORT: a second port that serves /metrics and nothing else, for a NetworkPolicy to admit Prometheus to. */
class MetricsPortTest {
    @Test
    void theMetricsPortServesOnlyMetricsAndTheAppPortStillServesEverything() throws Exception {
        int metricsPort;
        try (var socket = new java.net.ServerSocket(0)) {
            metricsPort = socket.getLocalPort();
        }
        try (MockApiServer api = new MockApiServer().withDashboardNamespace();
             RunningApp app = RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT),
                     Map.of("METRICS_PORT", Integer.toString(metricsPort)))) {
            HttpClient http = HttpClient.newHttpClient();
            String metrics = "http://127.0.0.1:" + metricsPort;
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create(metrics + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge");
            for (String path : java.util.List.of("/", "/token", "/api/pods", "/healthz")) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(metrics + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as(path).isEqualTo(404);
                assertThat(page.body()).as(path).contains("serves /metrics only").doesNotContain("pod-row");
            }
            assertThat(app.get("/").body()).contains("data-name=\"my-kubernetes-dashboard\"");
            assertThat(app.get("/metrics").statusCode()).isEqualTo(200);
            assertThat(app.baseUrl()).doesNotEndWith(":" + metricsPort);
        }
    }
}
