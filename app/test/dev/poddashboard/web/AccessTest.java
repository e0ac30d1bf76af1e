package dev.poddashboard.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.poddashboard.testing.MockApiServer.SSARS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /access and "can I?": SelfSubjectRulesReview → matrix, SelfSubjectAccessReview allowed/denied/403, bounds. */
class AccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private MockApiServer api;
    private RunningApp app;

    @BeforeEach
    void start() {
        api = new MockApiServer().withDashboardNamespace().withOidcDiscovery().withReviews();
        var wire = api.wireMock();
        wire.stubFor(post(urlPathEqualTo(SSARS)).atPriority(5).willReturn(json(201, Fixtures.api("selfsubjectaccessreview-denied.json"))));
        wire.stubFor(post(urlPathEqualTo(SSARS)).withRequestBody(containing("\"subresource\":\"log\"")).atPriority(1)
                .willReturn(json(201, Fixtures.node("selfsubjectaccessreview-log-allowed.json"))));
        app = RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT));
    }

    @AfterEach
    void stop() {
        app.close();
        api.close();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void theMatrixComesFromOneRulesReview() throws Exception {
        JsonNode matrix = json("/api/access?namespace=dashboard");
        assertThat(matrix.get("namespace").asText()).isEqualTo("dashboard");
        assertThat(matrix.get("incomplete").asBoolean()).isFalse();
        JsonNode pods = matrix.get("rows").get(0);
        assertThat(pods.get("resource").asText()).isEqualTo("pods");
        assertThat(pods.get("verbs").toString())
                .isEqualTo("{\"get\":true,\"list\":true,\"watch\":true,\"create\":false,\"update\":false,\"patch\":false,\"delete\":false}");
        assertThat(matrix.get("rows")).filteredOn(r -> r.get("resource").asText().equals("secrets"))
                .singleElement().satisfies(r -> assertThat(r.get("verbs").toString()).doesNotContain("true"));
        assertThat(api.requests()).noneSatisfy(r -> assertThat(r.getUrl()).isEqualTo(SSARS));

        String page = app.get("/access?namespace=dashboard").body();
        assertThat(page).contains("<tr data-resource=\"pods\">").contains("<span class=\"visually-hidden\">get allowed</span>")
                .contains("<span class=\"visually-hidden\">get denied</span>")
                .contains("kubectl auth can-i --list -n dashboard --as=system:serviceaccount:dashboard:dashboard-sa");
    }

    @Test
    void anIncompleteRulesReviewIsCompletedCellByCellWithAccessReviews() throws Exception {
        String incomplete = Fixtures.api("selfsubjectrulesreview-response-dashboard.json")
                .replace("\"incomplete\": false", "\"incomplete\": true").replace("\"incomplete\":false", "\"incomplete\":true");
        assertThat(incomplete).contains("true");
        api.wireMock().stubFor(post(urlPathEqualTo("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")).atPriority(1)
                .willReturn(json(201, incomplete)));
        JsonNode matrix = json("/api/access?namespace=dashboard");
        assertThat(matrix.get("incomplete").asBoolean()).isTrue();
        assertThat(matrix.get("source").asText()).isEqualTo("SelfSubjectAccessReview per cell");
        // The mock allows only pods/log (captured "allowed" answer); every other cell was asked and denied.
        assertThat(matrix.get("rows")).filteredOn(r -> r.get("resource").asText().equals("pods/log")).singleElement()
                .satisfies(r -> assertThat(r.get("verbs").get("get").asBoolean()).isTrue());
        assertThat(matrix.get("rows").get(0).get("verbs").get("get").asBoolean()).isFalse();
        long reviews = api.requests().stream().filter(r -> r.getUrl().equals(SSARS)).count();
        assertThat(reviews).isEqualTo(12L * 7);
        // Reused for a while: asking again sends no more reviews.
        json("/api/access?namespace=dashboard");
        assertThat(api.requests().stream().filter(r -> r.getUrl().equals(SSARS)).count()).isEqualTo(reviews);
    }

    @Test
    void canIAnswersAllowedOrDeniedWithTheCommandAndTheGrant() throws Exception {
        JsonNode allowed = json("/api/access/can-i?verb=get&resource=pods&subresource=log&namespace=realnode-demo");
        assertThat(allowed.get("allowed").asBoolean()).isTrue();
        assertThat(allowed.get("reason").asText()).startsWith("RBAC: allowed by ClusterRoleBinding");
        assertThat(allowed.get("kubectl").asText())
                .isEqualTo("kubectl auth can-i get pods/log -n realnode-demo --as=system:serviceaccount:dashboard:dashboard-sa");
        assertThat(api.requests()).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("\"verb\":\"get\"")
                .contains("\"resource\":\"pods\"").contains("\"subresource\":\"log\"").contains("\"namespace\":\"realnode-demo\""));

        JsonNode denied = json("/api/access/can-i?verb=delete&resource=secrets&name=db-password&namespace=dashboard");
        assertThat(denied.get("allowed").asBoolean()).isFalse();
        assertThat(denied.get("grant").get(0).asText())
                .isEqualTo("kubectl create role can-delete-secrets --verb=delete --resource=secrets --resource-name=db-password -n dashboard");
        assertThat(denied.get("grant").get(1).asText()).isEqualTo("kubectl create rolebinding dashboard-sa-can-delete-secrets "
                + "--role=can-delete-secrets --serviceaccount=dashboard:dashboard-sa -n dashboard");

        String page = app.get("/access?namespace=dashboard&verb=list&resource=deployments.apps").body();
        assertThat(page).contains("id=\"can-i-verdict\">no</span>").contains("--resource=deployments.apps -n dashboard");
    }

    @Test
    void badQuestionsAre400sAndTooManyAre429s() throws Exception {
        for (String bad : List.of("verb=fly&resource=pods", "verb=get&resource=Pods!", "verb=get&resource=pods&subresource=l0g!",
                "verb=get&resource=pods&name=UPPER", "verb=get", "verb=get&resource=pods&namespace=Not_Valid")) {
            HttpResponse<String> response = app.get("/api/access/can-i?" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).at("/error/message").asText()).as(bad).isNotBlank();
        }
        int refused = 0;
        for (int i = 0; i < 35; i++) {
            HttpResponse<String> response = app.get("/api/access/can-i?verb=get&resource=pods");
            if (response.statusCode() == 429) {
                refused++;
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(response.body()).contains("at most 30 a minute");
            }
        }
        assertThat(refused).isEqualTo(5);
    }

    @Test
    void aRefusedAccessReviewIsA403ThatSaysSo() {
        api.wireMock().stubFor(post(urlPathEqualTo(SSARS)).atPriority(1).willReturn(json(403,
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"selfsubjectaccessreviews."
                        + "authorization.k8s.io is forbidden\",\"reason\":\"Forbidden\",\"code\":403}")));
        HttpResponse<String> response = app.get("/api/access/can-i?verb=get&resource=pods");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("refused the SelfSubjectAccessReview itself");
    }
}
