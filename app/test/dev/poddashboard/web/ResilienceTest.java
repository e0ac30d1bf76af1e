package dev.poddashboard.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Eventually;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import dev.poddashboard.testing.SseStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Token rotation under load, an expired token and its recovery, and SIGTERM with requests running. */
class ResilienceTest {

    @Test
    void rotatingTheTokenUnderLoadFailsNoRequestAndRetiresTheOldToken() throws Exception {
        MutableClock clock = new MutableClock(Fixtures.CAPTURED_AT);
        String[] tokens = {Fixtures.token("pod-bound.jwt"), Fixtures.token("plain.jwt")};
        String last = Fixtures.token("secret-bound.jwt");
        try (MockApiServer api = new MockApiServer().withDashboardNamespace().withOidcDiscovery().withReviews();
             RunningApp app = RunningApp.inCluster(api, clock)) {
            assertThat(app.get("/").statusCode()).isEqualTo(200);
            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> clients = new ArrayList<>();
            for (String path : new String[] {"/", "/api/pods", "/pods/my-kubernetes-dashboard", "/token"}) {
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        int status = app.get(path).statusCode();
                        if (status != 200) {
                            failures.add(path + " -> " + status);
                        }
                    }
                });
                t.start();
                clients.add(t);
            }
            for (int i = 0; i < 60; i++) {
                app.rotateToken(tokens[i % 2]);
                clock.advance(Duration.ofSeconds(7));
                int seen = api.requests().size();
                Eventually.assertThat(() -> assertThat(api.requests().size()).isGreaterThan(seen + 2));
            }
            app.rotateToken(last);
            clock.advance(Duration.ofSeconds(61));
            Eventually.assertThat(() -> assertThat(api.bearerTokensSeen()).contains("Bearer " + last));
            int switched = api.bearerTokensSeen().lastIndexOf("Bearer " + tokens[1]) + 1;
            int seen = api.requests().size();
            Eventually.assertThat(() -> assertThat(api.requests().size()).isGreaterThan(seen + 20));
            running.set(false);
            for (Thread t : clients) {
                t.join(10_000);
            }
            assertThat(failures).isEmpty();
            List<String> after = api.bearerTokensSeen();
            assertThat(after.subList(Math.max(switched, after.indexOf("Bearer " + last)), after.size())).containsOnly("Bearer " + last);
        }
    }

    @Test
    void anExpiredTokenIsSaidPlainlyAndTheAppRecoversWhenAValidOneIsMounted() {
        MutableClock clock = new MutableClock(Fixtures.CAPTURED_AT.plusSeconds(11 * 60));
        String expired = Fixtures.token("expired.jwt");
        MockApiServer api = new MockApiServer().withDashboardNamespace();
        api.wireMock().stubFor(get(urlPathEqualTo("/api/v1/namespaces/dashboard/pods")).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + expired))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.api("status-401-expired-token.json"))));
        try (api; RunningApp app = RunningApp.inCluster(api, clock, dir -> RunningApp.writeToken(dir, expired))) {
            HttpResponse<String> page = app.get("/");
            assertThat(page.statusCode()).isEqualTo(401);
            assertThat(page.body()).contains("The API server rejected the token").contains("expired");
            assertThat(app.get("/token").body()).contains("id=\"token-state\" class=\"status-badge tone-problem\">expired");

            app.rotateToken(Fixtures.token("kubelet-style-3607.jwt"));
            clock.advance(Duration.ofSeconds(61));
            HttpResponse<String> recovered = app.get("/");
            assertThat(recovered.statusCode()).isEqualTo(200);
            assertThat(recovered.body()).contains("my-kubernetes-dashboard");
        }
    }

    @Test
    void sigtermLetsRunningRequestsFinishThenExits() throws Exception {
        try (MockApiServer api = new MockApiServer().withDashboardNamespace()) {
            api.wireMock().stubFor(get(urlPathEqualTo("/api/v1/namespaces/dashboard/pods/my-kubernetes-dashboard"))
                    .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withFixedDelay(3000).withBody(Fixtures.api("pod-my-kubernetes-dashboard.json"))));
            Path dir = RunningApp.serviceAccountDir("tls/ca.crt");
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.poddashboard.Main");
            pb.environment().put("PORT", Integer.toString(port));
            pb.environment().put("DASHBOARD_MODE", "in-cluster");
            pb.environment().put("KUBERNETES_SERVICE_HOST", "127.0.0.1");
            pb.environment().put("KUBERNETES_SERVICE_PORT", Integer.toString(api.port()));
            pb.environment().put("SERVICE_ACCOUNT_DIR", dir.toString());
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process app = pb.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + port;
                Eventually.assertThat(Duration.ofSeconds(30), () -> {
                    try {
                        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                // A live pod list is open too: streams end at once, so only the ordinary request holds the stop.
                SseStream live = SseStream.open(base + "/api/pods/events");
                assertThat(live.next().name()).isEqualTo("freshness");
                CompletableFuture<HttpResponse<String>> slow = http.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "/pods/my-kubernetes-dashboard")).build(),
                        HttpResponse.BodyHandlers.ofString());
                // The request is running once the API server has it.
                Eventually.assertThat(() -> assertThat(api.requests()).anySatisfy(r ->
                        assertThat(r.getUrl()).endsWith("/pods/my-kubernetes-dashboard")));
                app.destroy(); // SIGTERM
                // The Service is told to stop sending traffic: not ready (503, or no longer accepting).
                Eventually.assertThat(() -> assertThat(readiness(http, base)).isNotEqualTo(200));
                long stopped = System.nanoTime();
                HttpResponse<String> response = slow.get(20, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("kube-api-access-bhssv").contains("</html>");
                assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
                // Well inside the 20 s graceful timeout: nothing but the slow request was waited for.
                assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(15));
                assertThat(live.next()).isNull();
            } finally {
                app.destroyForcibly();
            }
        }
    }

    private static int readiness(HttpClient http, String base) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
