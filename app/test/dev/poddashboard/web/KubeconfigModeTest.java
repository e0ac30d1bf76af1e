package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Out of cluster: the current kubeconfig context, like kubectl (server, CA data, token, namespace). */
class KubeconfigModeTest {

    @Test
    void theCurrentContextIsUsedWithItsCaTokenAndNamespace() throws Exception {
        try (MockApiServer api = new MockApiServer().withDashboardNamespace().withOidcDiscovery().withReviews()) {
            String ca = Base64.getEncoder().encodeToString(Fixtures.resource("tls/ca.crt").getBytes(StandardCharsets.US_ASCII));
            Path kubeconfig = Files.createTempFile("kubeconfig", ".yaml");
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: test
                      cluster: {server: "https://127.0.0.1:%d", certificate-authority-data: "%s"}
                    users:
                    - name: student
                      user: {token: "%s"}
                    contexts:
                    - name: other
                      context: {cluster: test, user: student, namespace: other}
                    - name: lesson
                      context: {cluster: test, user: student, namespace: dashboard}
                    current-context: lesson
                    """.formatted(api.port(), ca, Fixtures.token("plain.jwt")));
            try (RunningApp app = RunningApp.start(Map.of("DASHBOARD_MODE", "kubeconfig", "KUBECONFIG", kubeconfig.toString()),
                    new MutableClock(Fixtures.CAPTURED_AT), null)) {
                String page = app.get("/").body();
                assertThat(page).contains("Pods in <span id=\"namespace\">dashboard</span>").contains("my-kubernetes-dashboard")
                        .contains("kubeconfig context &#39;lesson&#39;").doesNotContain("Demo mode");
                assertThat(api.bearerTokensSeen()).contains("Bearer " + Fixtures.token("plain.jwt"));
                // No mounted token out of cluster: the token page says so, and still asks who the user is.
                String token = app.get("/token").body();
                assertThat(token).contains("In kubeconfig mode the dashboard authenticates as your kubeconfig user")
                        .contains("system:serviceaccount:dashboard:dashboard-sa");
            }
        }
    }

    @Test
    void aBrokenKubeconfigStopsWithALineNamingIt() throws Exception {
        Path kubeconfig = Files.createTempFile("kubeconfig", ".yaml");
        Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\ncurrent-context: missing\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunningApp.start(
                        Map.of("DASHBOARD_MODE", "kubeconfig", "KUBECONFIG", kubeconfig.toString()), new MutableClock(Fixtures.CAPTURED_AT), null))
                .hasMessageStartingWith("invalid KUBECONFIG: ").hasMessageContaining(kubeconfig.toString());
    }
}
