package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.Main;
import dev.poddashboard.testing.Eventually;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RealNode;
import dev.poddashboard.testing.RunningApp;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** kubectl get pods -A -o wide and -l in the browser: one cluster-scope cache, a NAMESPACE column, selectors. */
class AllNamespacesTest {
    private static final ObjectMapper JSON = Main.objectMapper();
    private MockApiServer api;
    private RunningApp app;

    @BeforeEach
    void start() {
        api = RealNode.serve(new MockApiServer().withDashboardNamespace());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        api.close();
    }

    private void startApp() {
        app = RunningApp.inCluster(api, new MutableClock(RealNode.TABLE_PRINTED_AT));
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> keys(JsonNode body) {
        return java.util.stream.StreamSupport.stream(body.get("pods").spliterator(), false)
                .map(p -> p.get("namespace").asText() + "/" + p.get("name").asText()).toList();
    }

    @Test
    void allNamespacesListsEveryPageOfTheClusterScopeListWithItsNamespace() throws Exception {
        RealNode.allNamespacesGranted(api);
        startApp();
        Eventually.assertThat(() -> {
            try {
                assertThat(json("/api/pods?all-namespaces=true&page=1").get("complete").asBoolean()).isTrue();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        JsonNode body = json("/api/pods?all-namespaces=true");
        assertThat(body.get("allNamespaces").asBoolean()).isTrue();
        assertThat(keys(body)).containsExactly("dashboard/my-kubernetes-dashboard", "dashboard/nginx-web-5f7d8c9b4-q7m4z",
                "dashboard/nginx-web-5f7d8c9b4-x2k9p", "realnode-demo/badimage-demo", "realnode-demo/crash-demo",
                "realnode-demo/log-demo", "realnode-demo/multi-demo", "realnode-demo/once-demo-69nxp",
                "realnode-demo/web-fb88cb456-8cbtg", "realnode-demo/web-fb88cb456-rnhdd");
        assertThat(body.get("pods").get(0).fieldNames()).toIterable().first().isEqualTo("namespace");
        // One LIST of the cluster scope (two pages), as kubectl does it: /api/v1/pods, not one per namespace.
        assertThat(api.podLists()).filteredOn(r -> r.getUrl().startsWith("/api/v1/pods?"))
                .extracting(r -> r.getUrl()).containsExactly("/api/v1/pods?limit=100&includeObject=Object",
                        "/api/v1/pods?limit=500&includeObject=Object&continue=" + urlEncoded());

        String html = app.get("/?all-namespaces=true").body();
        assertThat(html).contains("Pods in <span id=\"namespace\">all namespaces</span>")
                .contains("id=\"sort-namespace\"").contains("<td class=\"namespace\"><a class=\"namespace-link\" href=\"/?namespace=realnode-demo\">realnode-demo</a></td>")
                .contains("kubectl get pods -A -o wide");
        // The picker now offers every namespace the service account may list.
        assertThat(html).contains("<option value=\"kube-system\">").doesNotContain("id=\"namespace-note\"");
    }

    private static String urlEncoded() {
        return java.net.URLEncoder.encode("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTE0MTQsInN0YXJ0IjoiZGFzaGJvYXJkL25naW54LXdlYi01ZjdkOGM5YjQteDJrOXBcdTAwMDAifQ",
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void withoutClusterWideRightsAllNamespacesIsA403ThatTeachesTheLesson() {
        RealNode.allNamespacesForbidden(api);
        startApp();
        HttpResponse<String> page = app.get("/?all-namespaces=true");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("may not list pods at the cluster scope")
                .contains("components/cluster-wide").contains("ClusterRole")
                .contains("kubectl create clusterrole pods-reader --verb=get,list,watch --resource=pods");
        assertThat(app.get("/api/pods?all-namespaces=true").statusCode()).isEqualTo(403);
        // The namespace picker falls back to the own namespace and the ones visited, and says why.
        app.get("/?namespace=realnode-demo");
        String html = app.get("/").body();
        assertThat(html).contains("id=\"namespace-note\"").contains("<option value=\"realnode-demo\">")
                .contains("<option value=\"dashboard\">");
    }

    @Test
    void aLabelSelectorNarrowsTheListAndShowsInTheKubectlLine() throws Exception {
        startApp();
        assertThat(keys(withNamespaces(json("/api/pods?namespace=realnode-demo&selector=app%3Dweb")))).containsExactly(
                "realnode-demo/web-fb88cb456-8cbtg", "realnode-demo/web-fb88cb456-rnhdd");
        assertThat(json("/api/pods?namespace=realnode-demo&selector=" + enc("app in (web,crash-demo),app!=web")).get("pods"))
                .extracting(p -> p.get("name").asText()).containsExactly("crash-demo");
        // The Job's pod has no app label, only job-name and friends.
        assertThat(json("/api/pods?namespace=realnode-demo&selector=" + enc("!app")).get("pods"))
                .extracting(p -> p.get("name").asText()).containsExactly("once-demo-69nxp");
        String html = app.get("/?namespace=realnode-demo&selector=" + enc("app=web") + "&q=rnhdd&sort=age").body();
        assertThat(html).contains("kubectl get pods -n realnode-demo -o wide -l app=web --sort-by=.metadata.creationTimestamp | grep -i -- rnhdd")
                .contains("web-fb88cb456-rnhdd").doesNotContain("web-fb88cb456-8cbtg").contains("1 of 7");
        assertThat(app.get("/?namespace=realnode-demo&selector=" + enc("env in (a b)")).statusCode()).isEqualTo(400);
    }

    @Test
    void aBadSelectorIsA400WithAPreciseMessage() {
        startApp();
        HttpResponse<String> page = app.get("/?selector=" + enc("env in (a"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("unable to parse the selector").contains("at character 10");
        HttpResponse<String> api = app.get("/api/pods?selector=" + enc("app=-x"));
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("is not a valid value for 'app'");
        assertThat(app.get("/api/pods?all-namespaces=maybe").statusCode()).isEqualTo(400);
    }

    @Test
    void labelsOnThePodPageLinkToTheirSelection() {
        startApp();
        String html = app.get("/pods/my-kubernetes-dashboard").body();
        assertThat(html).contains("href=\"/?namespace=dashboard&amp;selector=app%3Dkubernetes-dashboard\"")
                .contains(">app=kubernetes-dashboard</a>");
    }

    private static JsonNode withNamespaces(JsonNode body) {
        body.get("pods").forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p).put("namespace", "realnode-demo"));
        return body;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
