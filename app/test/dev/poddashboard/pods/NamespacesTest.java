package dev.poddashboard.pods;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.Main;
import dev.poddashboard.cluster.ApiCalls;
import dev.poddashboard.cluster.KubeApi;
import dev.poddashboard.testing.Eventually;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The picker's choices come from the API server, and a page view never waits for a refresh of them. */
class NamespacesTest {
    private static final String PATH = "/api/v1/namespaces";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private MockApiServer api;
    private Namespaces namespaces;

    @BeforeEach
    void start() throws IOException {
        api = new MockApiServer();
        ApiClient client;
        try (InputStream ca = Files.newInputStream(Fixtures.resourcePath("tls/ca.crt"))) {
            client = new ApiClient().setBasePath("https://127.0.0.1:" + api.port()).setSslCaCert(ca);
        }
        KubeApi kube = new KubeApi(client, Main.objectMapper(), ApiCalls.NONE);
        namespaces = new Namespaces(Optional.of(kube), "dashboard", clock);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theFirstViewWaitsForTheFirstAnswerAndLaterViewsAskNothing() {
        api.answerBody(PATH, 200, Fixtures.node("namespace-list-granted.json"));

        Namespaces.Choices first = namespaces.choices();

        assertThat(first.listed()).isTrue();
        assertThat(first.names()).contains("dashboard", "kube-system", "realnode-demo").isSorted();
        namespaces.choices();
        assertThat(api.wireMock().findAll(getRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
    }

    @Test
    void withoutPermissionTheOwnAndVisitedNamespacesAreOffered() {
        api.answerBody(PATH, 403, Fixtures.node("status-403-namespaces-forbidden.json"));
        namespaces.visited("other");

        Namespaces.Choices choices = namespaces.choices();

        assertThat(choices.listed()).isFalse();
        assertThat(choices.names()).containsExactly("dashboard", "other");
    }

    @Test
    void aStaleListIsOfferedAtOnceWhileTheNewOneIsAskedInTheBackground() {
        api.answerBody(PATH, 200, Fixtures.node("namespace-list-granted.json"));
        namespaces.prefetch();
        Eventually.assertThat(() -> assertThat(namespaces.choices().names()).contains("realnode-demo"));
        // A minute later the API server answers slowly, and without realnode-demo.
        api.wireMock().stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(3_000)
                .withBody("{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"9\"},"
                        + "\"items\":[{\"metadata\":{\"name\":\"dashboard\"}},{\"metadata\":{\"name\":\"fresh\"}}]}")));
        clock.advance(Duration.ofSeconds(61));

        long started = System.nanoTime();
        Namespaces.Choices stale = namespaces.choices();
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(stale.names()).contains("realnode-demo").doesNotContain("fresh");
        assertThat(tookMs).as("a view waited for the refresh").isLessThan(1_000);
        Eventually.assertThat(Duration.ofSeconds(10),
                () -> assertThat(namespaces.choices().names()).isEqualTo(List.of("dashboard", "fresh")));
        assertThat(api.wireMock().findAll(getRequestedFor(urlPathEqualTo(PATH)))).hasSize(2);
    }

    @Test
    void anApiServerThatDoesNotAnswerHoldsOneViewForAtMostTheBoundNotEveryView() {
        api.wireMock().stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(6_000)
                .withBody(Fixtures.node("namespace-list-granted.json"))));
        namespaces.visited("other");

        long started = System.nanoTime();
        Namespaces.Choices first = namespaces.choices();
        long firstMs = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        Namespaces.Choices second = namespaces.choices();
        long secondMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(first).isEqualTo(new Namespaces.Choices(List.of("dashboard", "other"), false));
        assertThat(second).isEqualTo(first);
        assertThat(firstMs).isBetween(Namespaces.FIRST_WAIT.toMillis() - 50, Namespaces.FIRST_WAIT.toMillis() + 1_500);
        assertThat(secondMs).as("a later view waited too").isLessThan(500);
        assertThat(api.wireMock().findAll(getRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
    }

    @Test
    void demoModeAsksNothing() {
        Namespaces demo = new Namespaces(Optional.empty(), "dashboard", clock);
        demo.visited("other");
        clock.advance(Duration.ofHours(1));

        assertThat(demo.choices()).isEqualTo(new Namespaces.Choices(List.of("dashboard", "other"), false));
    }
}
