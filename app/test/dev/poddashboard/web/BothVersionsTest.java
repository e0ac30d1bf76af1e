package dev.poddashboard.web;

import static dev.poddashboard.testing.MockApiServer.TOKEN_REVIEWS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.Main;
import dev.poddashboard.testing.Capture;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RealNode;
import dev.poddashboard.testing.RunningApp;
import dev.poddashboard.testing.TableFixtures;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The token, decode, pod and list pages against a mock answering as a real v1.28.7 and as a real v1.33.3 API server
 * (../shared/fixtures and ../shared/fixtures/v1.33): a change that breaks either version fails here.
 */
class BothVersionsTest {
    private static final ObjectMapper JSON = Main.objectMapper();
    private MockApiServer api;
    private RunningApp app;

    private RunningApp start(Capture capture, Instant at) {
        api = RealNode.serve(new MockApiServer(capture).withDashboardNamespace().withOidcDiscovery().withReviews());
        app = RunningApp.inCluster(api, new MutableClock(at));
        return app;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (api != null) {
            api.close();
        }
    }

    /** TokenReview answers as the real server answered for that binding's token (and audience, if asked). */
    private void reviewsAsCaptured(Capture capture, String name) {
        String token = capture.bindingToken(name);
        api.answerPostContaining(TOKEN_REVIEWS, token, 201, capture.bindings("tokenreview-" + name + ".json"));
    }

    @ParameterizedTest
    @EnumSource(Capture.class)
    void theTokenPageNamesTheBindingAndWhatThisServerDoes(Capture capture) throws Exception {
        start(capture, capture.capturedAt());
        String page = app.get("/token").body();
        assertThat(page).contains("data-kind=\"POD\">Pod " + capture.appPod() + " (uid " + capture.appPodUid() + ")</dd>")
                .contains("<span id=\"server-version\">" + capture.gitVersion() + "</span>")
                .contains("<span id=\"footer-version\">" + capture.gitVersion() + "</span>")
                .contains("If this object is deleted, this token")
                .contains("<code>Pod " + capture.appPod() + "</code>");
        if (capture == Capture.V1_33) {
            assertThat(page).contains("kubernetes.io.node.name").contains("Information only")
                    .contains("<li>Names the pod&#39;s node (kubernetes.io.node) in a pod-bound token")
                    .contains("extra authentication.kubernetes.io/credential-id").contains("Which credential authenticated")
                    .contains("<code>Node realcluster-node-1</code>");
        } else {
            assertThat(page).doesNotContain("kubernetes.io.node.name").doesNotContain("credential-id")
                    .contains("<li>Does not name the pod&#39;s node in pod-bound tokens")
                    .contains("<li>Cannot bind tokens to a Node (only to a Pod or a Secret): that came in 1.29")
                    .contains("Node of pod " + capture.appPod() + " (not named in the token)");
        }
        JsonNode json = JSON.readTree(app.get("/api/token").body());
        assertThat(json.at("/server/version").asText()).isEqualTo(capture.gitVersion());
        assertThat(json.at("/token/binding/kind").asText()).isEqualTo("POD");
        assertThat(json.at("/token/binding/uid").asText()).isEqualTo(capture.appPodUid());
        assertThat(json.at("/whoAmI/value/extraExplained/0/explanation").asText()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Capture.class)
    void theVersionIsInHealthzAndMetrics(Capture capture) throws Exception {
        start(capture, capture.capturedAt());
        app.get("/token"); // the first page waits for the first reading
        assertThat(JSON.readTree(app.get("/healthz").body()).get("apiServerVersion").asText()).isEqualTo(capture.gitVersion());
        assertThat(app.get("/metrics").body()).contains("dashboard_apiserver_info{git_version=\"" + capture.gitVersion()
                + "\",minor=\"" + capture.minor() + "\"} 1");
    }

    @ParameterizedTest
    @EnumSource(Capture.class)
    void everyBindingTheServerMintedIsNamedAndItsDeletionExplained(Capture capture) throws Exception {
        start(capture, capture.bindingsCapturedAt());
        List<String> names = new ArrayList<>(List.of("plain", "pod-bound", "secret-bound"));
        if (capture == Capture.V1_33) {
            names.add("node-bound");
        }
        for (String name : names) {
            reviewsAsCaptured(capture, name);
            JsonNode claims = JSON.readTree(capture.bindings(name + ".decoded.json")).at("/claims/kubernetes.io");
            HttpResponse<String> response = app.postJson("/api/token/decode", "{\"token\":\"" + capture.bindingToken(name) + "\"}");
            assertThat(response.statusCode()).as(name).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.at("/review/value/authenticated").asBoolean()).as(name).isTrue();
            String kind = body.at("/token/binding/kind").asText();
            switch (name) {
                case "plain" -> assertThat(kind).isEqualTo("NONE");
                case "pod-bound" -> {
                    assertThat(kind).isEqualTo("POD");
                    assertThat(body.at("/token/boundTo").asText()).isEqualTo("Pod " + claims.at("/pod/name").asText()
                            + " (uid " + claims.at("/pod/uid").asText() + ")");
                }
                case "secret-bound" -> assertThat(kind).isEqualTo("SECRET");
                default -> {
                    assertThat(kind).isEqualTo("NODE");
                    assertThat(body.at("/token/boundTo").asText()).isEqualTo("Node study-node-b (uid "
                            + claims.at("/node/uid").asText() + ")");
                    assertThat(body.at("/token/deletion/0/object").asText()).isEqualTo("Node study-node-b");
                    assertThat(body.at("/token/deletion/0/invalidates").asBoolean()).isTrue();
                    assertThat(body.at("/review/value/user/extraExplained").toString()).contains("node-name");
                }
            }
        }
        String page = app.postForm("/token/decode", "token", capture.bindingToken("pod-bound")).body();
        assertThat(page).contains("If this object is deleted, this token").contains("keeps working").contains("stops working")
                .contains("This API server: <span id=\"server-version\">" + capture.gitVersion() + "</span>");
    }

    @ParameterizedTest
    @EnumSource(Capture.class)
    void aVaultTokenIsRejectedForTheApiServerAndAcceptedForVault(Capture capture) throws Exception {
        start(capture, capture.bindingsCapturedAt());
        String token = capture.bindingToken("audience-vault");
        api.answerPostContaining(TOKEN_REVIEWS, token, 201, capture.bindings("tokenreview-audience-vault-for-api.json"));
        api.answerPostContaining(TOKEN_REVIEWS, List.of(token, "\"audiences\":[\"vault\"]"), 201,
                capture.bindings("tokenreview-audience-vault-for-vault.json"));
        String rejected = app.postForm("/token/decode", "token", token).body();
        assertThat(rejected).contains("not authenticated").contains("Rejected for the API server&#39;s own audience")
                .contains("Review it for vault to see it accepted.");
        HttpResponse<String> accepted = app.postJson("/api/token/decode", "{\"token\":\"" + token + "\",\"audience\":\" vault \"}");
        JsonNode body = JSON.readTree(accepted.body());
        assertThat(body.at("/review/value/authenticated").asBoolean()).isTrue();
        assertThat(body.at("/audiences/0").asText()).isEqualTo("vault");
        assertThat(body.at("/audienceNote").asText()).startsWith("Accepted for vault");
        assertThat(api.requests()).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("\"audiences\":[\"vault\"]"));
    }

    @Test
    void anImplausibleAudienceIsA400ThatSaysWhy() throws Exception {
        start(Capture.V1_33, Capture.V1_33.bindingsCapturedAt());
        String token = Capture.V1_33.bindingToken("plain");
        HttpResponse<String> blank = app.postJson("/api/token/decode", "{\"token\":\"" + token + "\",\"audience\":\"   \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("empty once its spaces are trimmed");
        HttpResponse<String> empty = app.postJson("/api/token/decode", "{\"token\":\"" + token + "\",\"audience\":\"\"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(app.postJson("/api/token/decode", "{\"token\":\"" + token + "\",\"audience\":7}").body())
                .contains("\\\"audience\\\" must be a string");
        HttpResponse<String> control = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl()
                        + "/token/decode")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + token + "&audience=va%07ult")).build());
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(control.body()).contains("control character (U+0007) at position 3").contains("id=\"decode-form\"");
        assertThat(app.postJson("/api/token/decode", "{\"token\":\"" + token + "\",\"audience\":\"" + "a".repeat(300) + "\"}")
                .body()).contains("300 characters; at most 253");
        assertThat(api.requests()).noneSatisfy(r -> assertThat(r.getUrl()).contains("tokenreviews"));
    }

    @ParameterizedTest
    @EnumSource(Capture.class)
    void theListAndThePodPageShowWhatTheServerPrinted(Capture capture) throws Exception {
        start(capture, capture.nodeTablePrintedAt());
        JsonNode pods = JSON.readTree(app.get("/api/pods?namespace=realnode-demo").body()).get("pods");
        JsonNode table = TableFixtures.read(capture.node("pod-table-includeobject-object.json"));
        List<String> ours = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        for (JsonNode pod : pods) {
            ours.add(String.join(" | ", pod.get("name").asText(), pod.get("ready").asText(), pod.get("status").asText(),
                    pod.get("restarts").asText(), pod.get("age").asText(), pod.get("ip").asText(), pod.get("node").asText()));
        }
        for (JsonNode row : table.get("rows")) {
            List<String> cells = new ArrayList<>();
            row.get("cells").forEach(c -> cells.add(c.asText()));
            servers.add(String.join(" | ", cells.subList(0, 7)));
        }
        assertThat(ours).containsExactlyElementsOf(servers);
        if (capture == Capture.V1_33) {
            assertThat(ours).contains("sidecar-demo | 2/2 | Running | 0 | 3m58s | 10.201.0.5 | realnode-1",
                    "init-behind-sidecar-demo | 1/2 | Init:CrashLoopBackOff | 5 (30s ago) | 3m57s | 10.201.0.6 | realnode-1");
            JsonNode list = TableFixtures.read(capture.node("pod-list-realnode-demo.json"));
            for (JsonNode item : list.get("items")) {
                if (item.at("/metadata/name").asText().equals("sidecar-demo")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) item).put("kind", "Pod").put("apiVersion", "v1");
                    api.answerBody(RealNode.PODS + "/sidecar-demo", 200, item.toString());
                }
            }
            JsonNode detail = JSON.readTree(app.get("/api/pods/sidecar-demo?namespace=realnode-demo").body());
            assertThat(detail.toString()).contains("\"kind\":\"sidecar\"");
        }
        String dashboard = app.get("/").body();
        JsonNode dashboardTable = TableFixtures.read(capture.api("pod-table-dashboard.json"));
        for (JsonNode row : dashboardTable.get("rows")) {
            String name = row.at("/cells/0").asText();
            assertThat(dashboard).contains("data-name=\"" + name + "\"");
        }
        String podPage = app.get("/pods/my-kubernetes-dashboard").body();
        assertThat(podPage).contains("dashboard-sa").contains("expirationSeconds").contains("3607");
    }
}
