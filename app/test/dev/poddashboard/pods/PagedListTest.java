package dev.poddashboard.pods;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.Main;
import dev.poddashboard.cluster.Connector;
import dev.poddashboard.cluster.KubeApi;
import dev.poddashboard.config.Settings;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The first list arrives in pages (limit/continue), exactly as the captured server paged it. */
class PagedListTest {
    private static final String PODS = "/api/v1/namespaces/dashboard/pods";
    private static final String FIRST_CONTINUE = "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTE1MjcsInN0YXJ0Ijoibmdpbngtd2ViLTVmN2Q4YzliNC1xN200elx1MDAwMCJ9";
    private static final String SECOND_CONTINUE = "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTE1MjcsInN0YXJ0IjoicGVuZGluZy13b3JrZXJcdTAwMDAifQ";
    private MockApiServer api;
    private WatchedPods pods;

    @BeforeEach
    void start() {
        api = new MockApiServer().watchIdle("dashboard");
        var wire = api.wireMock();
        wire.stubFor(get(urlPathEqualTo(PODS)).withQueryParam("limit", equalTo("2")).withQueryParam("continue", absent())
                .willReturn(json(200, "pod-list-paged-limit2.json")));
        wire.stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", equalTo(SECOND_CONTINUE))
                .willReturn(json(200, "pod-list-paged-limit2-last.json")));
        ObjectMapper mapper = Main.objectMapper();
        MutableClock clock = new MutableClock(Fixtures.CAPTURED_AT);
        Path dir = RunningApp.serviceAccountDir("tls/ca.crt");
        Settings settings = Settings.fromEnvironment(Map.of("DASHBOARD_MODE", "in-cluster", "KUBERNETES_SERVICE_HOST", "127.0.0.1",
                "KUBERNETES_SERVICE_PORT", Integer.toString(api.port()), "SERVICE_ACCOUNT_DIR", dir.toString()), dir);
        KubeApi kube = new Connector(mapper, clock).connect(settings).api().orElseThrow();
        pods = new WatchedPods(kube, clock, 2, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        pods.close();
        api.close();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String file) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(Fixtures.api(file));
    }

    @Test
    void allThreePagesMakeOneList() {
        api.wireMock().stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", equalTo(FIRST_CONTINUE))
                .willReturn(json(200, "pod-list-paged-limit2-continue.json")));
        PodSnapshot snapshot = pods.snapshot("dashboard");
        assertThat(snapshot.pods()).extracting(PodSummary::name).containsExactly("my-kubernetes-dashboard",
                "nginx-web-5f7d8c9b4-q7m4z", "nginx-web-5f7d8c9b4-x2k9p", "pending-worker", "redis-0",
                "report-job-28412870-abcde");
        assertThat(api.apiRequests()).extracting(r -> r.getUrl()).containsExactly(
                PODS + "?limit=2", PODS + "?limit=2&continue=" + FIRST_CONTINUE, PODS + "?limit=2&continue=" + SECOND_CONTINUE);
        assertThat(snapshot.freshness().mode()).isEqualTo("live");
    }

    @Test
    void anExpiredContinueTokenStartsTheListOver() {
        String scenario = "compaction";
        api.wireMock().stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", equalTo(FIRST_CONTINUE))
                .inScenario(scenario).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("compacted").willReturn(json(410, "status-410-expired-continue.json")));
        api.wireMock().stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", equalTo(FIRST_CONTINUE))
                .inScenario(scenario).whenScenarioStateIs("compacted")
                .willReturn(json(200, "pod-list-paged-limit2-continue.json")));
        assertThat(pods.snapshot("dashboard").pods()).hasSize(6);
        assertThat(api.apiRequests()).extracting(r -> r.getUrl()).containsExactly(
                PODS + "?limit=2", PODS + "?limit=2&continue=" + FIRST_CONTINUE,
                PODS + "?limit=2", PODS + "?limit=2&continue=" + FIRST_CONTINUE, PODS + "?limit=2&continue=" + SECOND_CONTINUE);
    }
}
