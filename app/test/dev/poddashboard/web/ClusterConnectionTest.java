package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Eventually;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the in-cluster connection behaves when the API server, the CA or the token is not what it should be. */
class ClusterConnectionTest {

    @Test
    void unreachableApiServerIsA503NamingHostAndPort() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RunningApp app = RunningApp.inCluster(closedPort, new MutableClock(Fixtures.CAPTURED_AT), "tls/ca.crt", Map.of())) {
            HttpResponse<String> page = app.get("/");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("API server unreachable").contains("127.0.0.1:" + closedPort)
                    .doesNotContain("at okhttp3", "at dev.poddashboard");
            HttpResponse<String> json = app.get("/api/pods");
            assertThat(json.statusCode()).isEqualTo(503);
            assertThat(json.body()).contains("127.0.0.1:" + closedPort);
            assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void certificateFromAnotherCaIsRefusedWithATlsPage() {
        try (MockApiServer api = new MockApiServer().withDashboardNamespace();
             RunningApp app = RunningApp.inCluster(api.port(), new MutableClock(Fixtures.CAPTURED_AT), "tls/other-ca.crt", Map.of())) {
            HttpResponse<String> page = app.get("/");
            assertThat(page.statusCode()).isEqualTo(502);
            assertThat(page.body()).contains("certificate is not trusted").contains("127.0.0.1:" + api.port());
            assertThat(api.requests()).isEmpty();
        }
    }

    @Test
    void missingTokenExplainsAutomountAndRecoversWhenTheTokenAppears() throws IOException {
        try (MockApiServer api = new MockApiServer().withDashboardNamespace();
             RunningApp app = RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT), RunningApp::deleteToken)) {
            HttpResponse<String> page = app.get("/");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("No service-account token is mounted")
                    .contains("automountServiceAccountToken: false");
            assertThat(api.requests()).isEmpty();

            app.rotateToken(Fixtures.token("kubelet-style-3607.jwt"));
            assertThat(app.get("/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void rotatedTokenIsSentOnceTheRefreshPeriodHasPassed() {
        MutableClock clock = new MutableClock(Fixtures.CAPTURED_AT);
        String first = "Bearer " + Fixtures.token("kubelet-style-3607.jwt");
        String rotated = "Bearer " + Fixtures.token("pod-bound.jwt");
        try (MockApiServer api = new MockApiServer().withDashboardNamespace();
             RunningApp app = RunningApp.inCluster(api.port(), clock, "tls/ca.crt", Map.of("TOKEN_REFRESH_SECONDS", "60"))) {
            assertThat(app.get("/api/pods").statusCode()).isEqualTo(200);
            app.rotateToken(Fixtures.token("pod-bound.jwt"));
            clock.advance(Duration.ofSeconds(30));
            // Within the refresh period the token read earlier is still used (the watch keeps asking).
            int before = api.requests().size();
            Eventually.assertThat(() -> assertThat(api.requests().size()).isGreaterThan(before));
            assertThat(api.bearerTokensSeen()).containsOnly(first);

            clock.advance(Duration.ofSeconds(31));
            Eventually.assertThat(() -> assertThat(api.bearerTokensSeen()).contains(rotated));
            // Once the new token is in use, the old one is never sent again.
            int switched = api.bearerTokensSeen().indexOf(rotated);
            int after = api.requests().size();
            Eventually.assertThat(() -> assertThat(api.requests().size()).isGreaterThan(after));
            assertThat(api.bearerTokensSeen().subList(switched, api.bearerTokensSeen().size())).containsOnly(rotated);
        }
    }
}
