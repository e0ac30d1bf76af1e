package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.Main;
import dev.poddashboard.testing.Eventually;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The running dashboard, in-cluster mode, against a mock API server answering with the captured responses. */
class PodPagesTest {
    private static final ObjectMapper JSON = Main.objectMapper();
    private static MockApiServer api;
    private RunningApp app;

    @BeforeAll
    static void startApi() {
        api = new MockApiServer();
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    /** A fresh app per test: its pod cache starts empty, so each test sees its first list. */
    @BeforeEach
    void start() {
        api.reset();
        api.withDashboardNamespace();
        app = RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** The app lists its own namespace as it starts: a test that changes that list starts the app again after. */
    private void restartAfter(Runnable stubs) {
        app.close();
        stubs.run();
        app = RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT));
    }

    @Test
    void listShowsEveryPodOfTheOwnNamespaceAsKubectlPrintsIt() {
        HttpResponse<String> page = app.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
        String html = page.body();
        assertThat(html).contains("Pods in <span id=\"namespace\">dashboard</span>")
                .contains("<span class=\"badge text-bg-secondary\" id=\"pod-count\">6</span>")
                .contains("my-kubernetes-dashboard", "nginx-web-5f7d8c9b4-q7m4z", "nginx-web-5f7d8c9b4-x2k9p",
                        "pending-worker", "redis-0", "report-job-28412870-abcde")
                .contains(">Completed<", ">Pending<", ">Running<")
                .contains("kubectl get pods -n dashboard -o wide")
                .doesNotContain("Demo mode");
    }

    @Test
    void theListPageIsAsciiOnly() {
        // One character above 127 anywhere sends String.getBytes(UTF_8) from a copy of the page to a loop over every
        // byte after it: the list page writes &middot; and the like as entities (measured: docs/benchmark.md).
        String html = app.get("/?page=1").body();
        assertThat(html.chars().filter(c -> c > 127).mapToObj(Character::toString)).isEmpty();
        assertThat(html).contains("&middot;");
    }

    @Test
    void apiPodsReturnsTheSameStringsAsThePage() throws Exception {
        HttpResponse<String> response = app.get("/api/pods");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("namespace").asText()).isEqualTo("dashboard");
        assertThat(body.get("pods")).hasSize(6);
        JsonNode own = body.get("pods").get(0);
        assertThat(own.get("name").asText()).isEqualTo("my-kubernetes-dashboard");
        assertThat(own.get("ready").asText()).isEqualTo("1/1");
        assertThat(own.get("status").asText()).isEqualTo("Running");
        assertThat(own.get("restarts").asText()).isEqualTo("0");
        // created 07:35:36, the clock stands at the capture time 07:57:37
        assertThat(own.get("age").asText()).isEqualTo("22m");
        assertThat(own.get("ip").asText()).isEqualTo("10.244.0.10");
        assertThat(own.get("node").asText()).isEqualTo("realcluster-node-1");
        assertThat(own.fieldNames()).toIterable()
                .containsExactly("name", "ready", "status", "restarts", "age", "ip", "node", "nominatedNode", "readinessGates");
        assertThat(own.get("nominatedNode").asText()).isEqualTo("<none>");
        assertThat(own.get("readinessGates").asText()).isEqualTo("<none>");

        JsonNode pending = findPod(body, "pending-worker");
        assertThat(pending.get("status").asText()).isEqualTo("Pending");
        assertThat(pending.get("ip").asText()).isEqualTo("<none>");
        assertThat(findPod(body, "report-job-28412870-abcde").get("status").asText()).isEqualTo("Completed");
        assertThat(findPod(body, "report-job-28412870-abcde").get("ready").asText()).isEqualTo("0/1");
        assertThat(app.get("/").body()).contains(">" + own.get("age").asText() + "<");
    }

    @Test
    void listRequestsArePagedWithLimit() {
        app.get("/api/pods");
        assertThat(api.apiRequests()).anySatisfy(r -> {
            assertThat(r.getUrl()).startsWith("/api/v1/namespaces/dashboard/pods?limit=100");
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + Fixtures.token("kubelet-style-3607.jwt"));
        });
    }

    @Test
    void filterAndSortWorkOnTheServer() throws Exception {
        JsonNode body = JSON.readTree(app.get("/api/pods?q=nginx&sort=name&dir=desc").body());
        assertThat(body.get("pods")).extracting(p -> p.get("name").asText())
                .containsExactly("nginx-web-5f7d8c9b4-x2k9p", "nginx-web-5f7d8c9b4-q7m4z");
        String html = app.get("/?q=redis").body();
        assertThat(html).contains("redis-0").doesNotContain("pending-worker").contains("1 of 6");
        assertThat(html).contains("kubectl get pods -n dashboard -o wide | grep -i -- redis");
    }

    @Test
    void theUnfilteredListInBothDirectionsIsTheSnapshotInKubectlOrder() throws Exception {
        List<String> ascending = new ArrayList<>();
        JSON.readTree(app.get("/api/pods").body()).get("pods").forEach(p -> ascending.add(p.get("name").asText()));
        assertThat(ascending).hasSizeGreaterThan(3).isSorted();
        List<String> descending = new ArrayList<>();
        JSON.readTree(app.get("/api/pods?sort=name&dir=desc").body()).get("pods")
                .forEach(p -> descending.add(p.get("name").asText()));
        Collections.reverse(descending);
        assertThat(descending).isEqualTo(ascending);
        String html = app.get("/?sort=name&dir=desc").body();
        assertThat(html.indexOf(ascending.get(ascending.size() - 1))).isLessThan(html.indexOf(ascending.get(0)));
    }

    @Test
    void listPagesAreLatin1SoTheServerKeepsAndWritesThemOneBytePerCharacter() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode list =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Fixtures.api("pod-list-dashboard.json"));
        JsonNode template = list.get("items").get(0);
        com.fasterxml.jackson.databind.node.ArrayNode items = list.putArray("items");
        for (int i = 0; i < 150; i++) {
            JsonNode pod = template.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) pod.get("metadata"))
                    .put("name", String.format("big-%03d", i)).put("namespace", "big");
            items.add(pod);
        }
        api.watchIdle("big");
        api.answerBody("/api/v1/namespaces/big/pods", 200, JSON.writeValueAsString(list));
        Eventually.assertThat(() -> assertThat(app.get("/?namespace=big").body()).contains("big-099").contains("id=\"pager\""));
        for (String path : List.of("/?namespace=big", "/?namespace=big&sort=name&dir=desc&page=2", "/?namespace=big&sort=age")) {
            String html = app.get(path).body();
            assertThat(html).as(path).contains("&larr; Previous").contains("Next &rarr;").contains("&ndash;");
            assertThat(html.chars().filter(c -> c > 0xFF).mapToObj(Character::toString)).as(path).isEmpty();
        }
        assertThat(app.get("/?namespace=big&page=2").body()).contains("101&ndash;150 of 150 &middot; page 2 of 2")
                .contains("big-149").doesNotContain("big-099");
    }

    @Test
    void podPageShowsIdentityAndTheProjectedTokenVolume() {
        HttpResponse<String> page = app.get("/pods/my-kubernetes-dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1 class=\"h3 mt-2\" id=\"pod-name\">my-kubernetes-dashboard</h1>")
                .contains("<code id=\"service-account\">dashboard-sa</code>")
                .contains("kube-api-access-bhssv", "3607", "kube-root-ca.crt", "metadata.namespace")
                .contains("/var/run/secrets/kubernetes.io/serviceaccount (main)")
                .contains("docker.io/kubernetesui/dashboard:v2.7.0")
                .contains("app=kubernetes-dashboard")
                .contains("10.244.0.10", "realcluster-node-1", "2026-11-22T07:35:36Z")
                .contains("kubectl get pod my-kubernetes-dashboard -n dashboard -o yaml");
    }

    @Test
    void podJsonHasTheDetail() throws Exception {
        JsonNode pod = JSON.readTree(app.get("/api/pods/my-kubernetes-dashboard").body());
        assertThat(pod.get("serviceAccountName").asText()).isEqualTo("dashboard-sa");
        assertThat(pod.get("tokenVolumes").get(0).get("expirationSeconds").asLong()).isEqualTo(3607);
        assertThat(pod.get("row").get("status").asText()).isEqualTo("Running");
    }

    @Test
    void unknownPodIsA404PageInTheLayout() {
        HttpResponse<String> page = app.get("/pods/no-such-pod");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("pods &quot;no-such-pod&quot; not found").contains("pod-dashboard</a>")
                .doesNotContain("Endpoint", "Exception", "at dev.poddashboard");
        HttpResponse<String> json = app.get("/api/pods/no-such-pod");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).contains("\"status\":404").contains("no-such-pod");
    }

    @Test
    void forbiddenNamespaceNamesWhoWasDeniedWhatAndHowToGrantIt() {
        HttpResponse<String> page = app.get("/?namespace=other");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Forbidden by RBAC")
                .contains("ServiceAccount dashboard/dashboard-sa may not list pods in namespace other")
                .contains("kubectl create role pods-reader --verb=get,list,watch --resource=pods -n other")
                .contains("kubectl create rolebinding dashboard-sa-pods-reader --role=pods-reader --serviceaccount=dashboard:dashboard-sa -n other")
                .contains("kubectl auth can-i list pods -n other --as=system:serviceaccount:dashboard:dashboard-sa");
        HttpResponse<String> json = app.get("/api/pods?namespace=other");
        assertThat(json.statusCode()).isEqualTo(403);
        assertThat(json.body()).contains("\"title\":\"Forbidden by RBAC\"");
    }

    @Test
    void clusterScopeDenialSuggestsAClusterRole() {
        api.answer("/api/v1/namespaces/kube-system/pods", 403, "status-403-list-pods-all-namespaces.json");
        String html = app.get("/?namespace=kube-system").body();
        assertThat(html).contains("at the cluster scope").contains("kubectl create clusterrole pods-reader")
                .contains("kubectl create clusterrolebinding");
    }

    @Test
    void rejectedTokenIsA401PageThatSaysSo() {
        restartAfter(() -> api.answer("/api/v1/namespaces/dashboard/pods", 401, "status-401-bad-token.json"));
        HttpResponse<String> page = app.get("/");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("The API server rejected the token").contains("expired");
        assertThat(app.get("/api/pods").statusCode()).isEqualTo(401);
    }

    @Test
    void apiServerErrorsAreReportedNotCrashedOn() {
        restartAfter(() -> api.answerBody("/api/v1/namespaces/dashboard/pods", 500, "<html>upstream broke</html>"));
        HttpResponse<String> page = app.get("/");
        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.body()).contains("The API server answered with an error").contains("500");
        assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void badQueryParametersAre400WithAMessage() {
        HttpResponse<String> ns = app.get("/?namespace=Not_A_Namespace");
        assertThat(ns.statusCode()).isEqualTo(400);
        assertThat(ns.body()).contains("is not a valid namespace name");
        assertThat(app.get("/?sort=colour").body()).contains("sort must be one of");
        assertThat(app.get("/api/pods?page=-3").statusCode()).isEqualTo(400);
        assertThat(app.get("/api/pods?dir=sideways").body()).contains("dir must be asc or desc");
        assertThat(app.get("/pods/UPPER_case").statusCode()).isEqualTo(400);
        // Besides what the start asks (the version, the picker's namespaces), only the own namespace's pods.
        assertThat(api.requests()).filteredOn(r -> !r.getUrl().equals("/version") && !r.getUrl().startsWith("/api/v1/namespaces?"))
                .allSatisfy(r -> assertThat(r.getUrl()).startsWith("/api/v1/namespaces/dashboard/pods?"));
    }

    @Test
    void unknownPathIsA404PageNotTheFrameworkDefault() {
        HttpResponse<String> page = app.get("/no/such/page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("Endpoint GET");
        assertThat(app.get("/api/nothing").body()).contains("\"status\":404");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/", "/api/pods", "/no/such/page", "/static/css/app.css"}) {
            HttpResponse<String> response = app.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValue("default-src 'self'; img-src 'self' data:");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase("DENY"));
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void pagesUseNoInlineScriptOrStyleAndBootstrapComesFromTheWebjar() {
        String html = app.get("/").body();
        assertThat(html).doesNotContain("<script>", "style=\"", "cdn.");
        assertThat(html).contains("/webjars/bootstrap/5.3.8/css/bootstrap.min.css");
        assertThat(app.get("/webjars/bootstrap/5.3.8/css/bootstrap.min.css").statusCode()).isEqualTo(200);
    }

    @Test
    void freeTextFromTheApiIsEscaped() {
        String hostile = Fixtures.api("pod-my-kubernetes-dashboard.json")
                .replace("\"app\": \"kubernetes-dashboard\"", "\"app\": \"<script>alert(1)</script>\"")
                .replace("\"image\": \"docker.io/kubernetesui/dashboard:v2.7.0\"", "\"image\": \"<img src=x onerror=alert(2)>\"");
        assertThat(hostile).contains("<script>alert(1)</script>");
        api.answerBody("/api/v1/namespaces/dashboard/pods/my-kubernetes-dashboard", 200, hostile);
        String html = app.get("/pods/my-kubernetes-dashboard").body();
        assertThat(html).doesNotContain("<script>alert(1)</script>", "<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void freeTextInTheListIsEscapedToo() {
        restartAfter(() -> api.answerBody("/api/v1/namespaces/dashboard/pods", 200, Fixtures.api("pod-list-dashboard.json")
                .replaceFirst("\"phase\": \"Pending\"", "\"phase\": \"Pending\", \"reason\": \"<script>alert('x')</script>\"")));
        String html = app.get("/").body();
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void healthAndReadiness() throws Exception {
        assertThat(JSON.readTree(app.get("/healthz").body()).get("status").asText()).isEqualTo("ok");
        JsonNode ready = JSON.readTree(app.get("/readyz").body());
        assertThat(ready.get("status").asText()).isEqualTo("ready");
        assertThat(ready.get("mode").asText()).isEqualTo("in-cluster");
        assertThat(ready.get("namespace").asText()).isEqualTo("dashboard");
    }

    private static JsonNode findPod(JsonNode body, String name) {
        for (JsonNode pod : body.get("pods")) {
            if (pod.get("name").asText().equals(name)) {
                return pod;
            }
        }
        throw new AssertionError("no pod " + name);
    }
}
