package dev.poddashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path home;

    @Test
    void defaults() {
        Settings s = Settings.fromEnvironment(Map.of(), home);
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.serviceAccountDir()).isEqualTo(Path.of("/var/run/secrets/kubernetes.io/serviceaccount"));
        assertThat(s.apiPort()).isEqualTo(443);
        assertThat(s.mode()).isEqualTo(Mode.AUTO);
        assertThat(s.tokenRefresh()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.kubeconfig()).isEqualTo(home.resolve(".kube/config"));
        assertThat(s.namespace()).isEmpty();
        assertThat(s.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(s.logFormat()).isEqualTo("plain");
    }

    @Test
    void bindAddressAndLogFormat() {
        Settings s = Settings.fromEnvironment(Map.of("BIND_ADDRESS", "127.0.0.1", "LOG_FORMAT", "json"), home);
        assertThat(s.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(s.logFormat()).isEqualTo("json");
        assertThat(Settings.fromEnvironment(Map.of("BIND_ADDRESS", "::1"), home).bindAddress()).isEqualTo("::1");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("BIND_ADDRESS", "example.com"), home))
                .hasMessage("invalid BIND_ADDRESS: 'example.com' is not an IP address such as 0.0.0.0, 127.0.0.1 or ::1");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("LOG_FORMAT", "xml"), home))
                .hasMessage("invalid LOG_FORMAT: 'xml' is neither plain nor json");
    }

    @Test
    void invalidValuesNameTheVariable() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORT", "abc"), home))
                .isInstanceOf(InvalidSettingException.class).hasMessage("invalid PORT: 'abc' is not a whole number");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORT", "70000"), home))
                .hasMessageContaining("PORT");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("DASHBOARD_MODE", "cloud"), home))
                .hasMessage("invalid DASHBOARD_MODE: 'cloud' is not one of auto, in-cluster, kubeconfig, demo");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("AUTH_MODE", "oidc"), home))
                .hasMessage("invalid AUTH_MODE: 'oidc' is not one of none, token");
        assertThat(Settings.fromEnvironment(Map.of("AUTH_MODE", " Token "), home).authMode()).isEqualTo(AuthMode.TOKEN);
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("TOKEN_REFRESH_SECONDS", "-1"), home))
                .hasMessageContaining("TOKEN_REFRESH_SECONDS");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("DASHBOARD_NAMESPACE", "Bad Name"), home))
                .hasMessageContaining("DASHBOARD_NAMESPACE");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("KUBERNETES_SERVICE_PORT", "https"), home))
                .hasMessageContaining("KUBERNETES_SERVICE_PORT");
    }

    @Test
    void autoModeIsInClusterInAPodWithTheMount() throws IOException {
        Path sa = Files.createDirectories(home.resolve("sa"));
        Files.writeString(sa.resolve("ca.crt"), "x");
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "x");
        assertThat(Settings.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1",
                "SERVICE_ACCOUNT_DIR", sa.toString()), home).effectiveMode()).isEqualTo(Mode.IN_CLUSTER);
    }

    @Test
    void autoModeStaysInClusterWithoutTheMountSoThePageCanExplainIt() {
        assertThat(Settings.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1",
                "SERVICE_ACCOUNT_DIR", home.resolve("absent").toString()), home).effectiveMode()).isEqualTo(Mode.IN_CLUSTER);
    }

    @Test
    void autoModeUsesKubeconfigOutsideAPodAndDemoWithoutOne() throws IOException {
        assertThat(Settings.fromEnvironment(Map.of(), home).effectiveMode()).isEqualTo(Mode.DEMO);
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "x");
        assertThat(Settings.fromEnvironment(Map.of(), home).effectiveMode()).isEqualTo(Mode.KUBECONFIG);
        assertThat(Settings.fromEnvironment(Map.of("KUBECONFIG", home.resolve("nope").toString()), home).effectiveMode())
                .isEqualTo(Mode.DEMO);
    }

    @Test
    void explicitModeWins() {
        assertThat(Settings.fromEnvironment(Map.of("DASHBOARD_MODE", "Demo", "KUBERNETES_SERVICE_HOST", "x"), home)
                .effectiveMode()).isEqualTo(Mode.DEMO);
    }

    @Test
    void invalidSettingStopsTheProcessWithOneLineAndNonZeroExit() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.poddashboard.Main");
        pb.environment().put("PORT", "abc");
        pb.redirectErrorStream(true);
        Process process = pb.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).isEqualTo("pod-dashboard: invalid PORT: 'abc' is not a whole number");
    }
}
