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
import dev.poddashboard.testing.TableFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The first list arrives in pages (limit/continue) of Tables, exactly as the captured server paged them. */
class PagedListTest {
    private static final String PODS = "/api/v1/namespaces/realnode-demo/pods";
    private static final String FIRST_CONTINUE = "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTEzODgsInN0YXJ0IjoiY3Jhc2gtZGVtb1x1MDAwMCJ9";
    private static final String SECOND_CONTINUE = "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTEzODgsInN0YXJ0IjoibXVsdGktZGVtb1x1MDAwMCJ9";
    /** The third page was not captured: the same Table's remaining rows, with the last page's metadata. */
    private static final String LAST_PAGE = TableFixtures.rows(Fixtures.node("pod-table-includeobject-object.json"),
            name -> Set.of("once-demo-69nxp", "web-fb88cb456-8cbtg", "web-fb88cb456-rnhdd").contains(name),
            "{\"resourceVersion\":\"11388\"}");
    private MockApiServer api;
    private WatchedPods pods;

    @BeforeEach
    void start() {
        api = new MockApiServer().watchIdle("realnode-demo");
        var wire = api.wireMock();
        wire.stubFor(get(urlPathEqualTo(PODS)).withQueryParam("limit", equalTo("2")).withQueryParam("continue", absent())
                .willReturn(json(200, Fixtures.node("pod-table-limit2.json"))));
        wire.stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", equalTo(SECOND_CONTINUE))
                .willReturn(json(200, LAST_PAGE)));
        ObjectMapper mapper = Main.objectMapper();
        MutableClock clock = new MutableClock(Fixtures.NODE_CAPTURED_AT);
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

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private PodSnapshot complete() {
        PodScope scope = PodScope.of("realnode-demo");
        dev.poddashboard.testing.Eventually.assertThat(() -> assertThat(pods.snapshot(scope).complete()).isTrue());
        return pods.snapshot(scope);
    }

    @Test
    void allThreePagesMakeOneList() {
        api.wireMock().stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", equalTo(FIRST_CONTINUE))
                .willReturn(json(200, Fixtures.node("pod-table-limit2-continue.json"))));
        PodSnapshot snapshot = complete();
        assertThat(snapshot.pods()).extracting(PodSummary::name).containsExactly("badimage-demo", "crash-demo",
                "log-demo", "multi-demo", "once-demo-69nxp", "web-fb88cb456-8cbtg", "web-fb88cb456-rnhdd");
        assertThat(api.apiRequests()).extracting(r -> r.getUrl()).containsExactly(
                PODS + "?limit=2&includeObject=Object", PODS + "?limit=2&includeObject=Object&continue=" + FIRST_CONTINUE,
                PODS + "?limit=2&includeObject=Object&continue=" + SECOND_CONTINUE);
        assertThat(api.apiRequests()).allSatisfy(r -> assertThat(r.getHeader("Accept"))
                .isEqualTo("application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"));
        assertThat(snapshot.freshness().mode()).isEqualTo("live");
    }

    @Test
    void theFirstPageIsShownBeforeTheRestArrives() throws Exception {
        api.wireMock().stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", equalTo(FIRST_CONTINUE))
                .willReturn(json(200, Fixtures.node("pod-table-limit2-continue.json")).withFixedDelay(1500)));
        PodSnapshot first = pods.snapshot(PodScope.of("realnode-demo"));
        assertThat(first.complete()).isFalse();
        assertThat(first.freshness().mode()).isEqualTo("listing");
        assertThat(first.pods()).extracting(PodSummary::name).containsExactly("badimage-demo", "crash-demo");
        assertThat(complete().pods()).hasSize(7);
    }

    @Test
    void anExpiredContinueTokenStartsTheListOver() {
        String scenario = "compaction";
        api.wireMock().stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", equalTo(FIRST_CONTINUE))
                .inScenario(scenario).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("compacted").willReturn(json(410, Fixtures.api("status-410-expired-continue.json"))));
        api.wireMock().stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", equalTo(FIRST_CONTINUE))
                .inScenario(scenario).whenScenarioStateIs("compacted")
                .willReturn(json(200, Fixtures.node("pod-table-limit2-continue.json"))));
        assertThat(complete().pods()).hasSize(7);
        assertThat(api.apiRequests()).extracting(r -> r.getUrl()).containsExactly(
                PODS + "?limit=2&includeObject=Object", PODS + "?limit=2&includeObject=Object&continue=" + FIRST_CONTINUE,
                PODS + "?limit=2&includeObject=Object", PODS + "?limit=2&includeObject=Object&continue=" + FIRST_CONTINUE,
                PODS + "?limit=2&includeObject=Object&continue=" + SECOND_CONTINUE);
    }
}
