package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.poddashboard.Main;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RealNode;
import dev.poddashboard.testing.RealNodePods;
import dev.poddashboard.testing.RunningApp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** kubectl describe pod's Events and kubectl get pod -o yaml, against a real kubelet's captured answers. */
class PodEventsAndYamlTest {
    private static final ObjectMapper JSON = Main.objectMapper();
    private MockApiServer api;
    private RunningApp app;

    @BeforeEach
    void start() {
        api = RealNodePods.serve(RealNode.serve(new MockApiServer().withDashboardNamespace()), 3_000);
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

    @Test
    void thePodPageShowsItsEventsAsKubectlDescribeDoes() throws Exception {
        startApp();
        JsonNode pod = JSON.readTree(app.get("/api/pods/crash-demo?namespace=realnode-demo").body());
        List<String> rows = StreamSupport.stream(pod.get("events").spliterator(), false)
                .map(e -> String.join(" | ", e.get("type").asText(), e.get("reason").asText(), e.get("age").asText(),
                        e.get("from").asText(), e.get("count").asText())).toList();
        // Oldest first; a repeated event shows "xN over" its first time; the scheduler's new-style event has no
        // source.component, so From is its reportingComponent.
        assertThat(rows).hasSize(17);
        assertThat(rows.get(0)).isEqualTo("Normal | Scheduled | 20m | realnode-scheduler | 1");
        assertThat(rows.get(rows.size() - 1)).isEqualTo("Warning | BackOff | 31s (x66 over 15m) | kubelet | 66");
        assertThat(rows).contains("Warning | Failed | 15m (x2 over 15m) | kubelet | 2");
        assertThat(pod.get("events").get(16).get("message").asText())
                .startsWith("Back-off restarting failed container crasher in pod crash-demo_realnode-demo");
        assertThat(pod.has("eventsError")).isFalse();
        // Asked as kubectl asks: the involved object's name, namespace and uid.
        assertThat(api.requests()).anySatisfy(r -> assertThat(r.getUrl()).isEqualTo("/api/v1/namespaces/realnode-demo/events?"
                + "fieldSelector=involvedObject.name%3Dcrash-demo%2CinvolvedObject.namespace%3Drealnode-demo%2C"
                + "involvedObject.uid%3D" + RealNodePods.CRASH_UID + "&limit=500"));

        String html = app.get("/pods/crash-demo?namespace=realnode-demo").body();
        assertThat(html).contains("<tr class=\"event-row event-warning\">")
                .contains("<td class=\"event-age\">31s (x66 over 15m)</td>")
                .contains("kubectl describe pod crash-demo -n realnode-demo")
                .contains("href=\"/pods/crash-demo/logs?namespace=realnode-demo\"")
                .contains("href=\"/pods/crash-demo/yaml?namespace=realnode-demo\"");
    }

    @Test
    void eventsThatMayNotBeListedLeaveTheRestOfThePageWorking() throws Exception {
        RealNodePods.forbidden(api);
        startApp();
        HttpResponse<String> page = app.get("/pods/crash-demo?namespace=realnode-demo");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"events-denied\"")
                .contains("ServiceAccount dashboard/dashboard-sa may not list events in namespace realnode-demo")
                .contains("kubectl auth can-i list events -n realnode-demo --as=system:serviceaccount:dashboard:dashboard-sa")
                .contains("kubectl create role events-reader --verb=get,list,watch --resource=events -n realnode-demo")
                .contains("id=\"containers\"").contains("crasher");
        JsonNode json = JSON.readTree(app.get("/api/pods/crash-demo?namespace=realnode-demo").body());
        assertThat(json.get("events")).isEmpty();
        assertThat(json.get("eventsError").asText()).contains("may not list events");
        assertThat(json.get("eventsCommands").toString()).contains("kubectl create role");
        assertThat(json.get("name").asText()).isEqualTo("crash-demo");
    }

    @Test
    void aPodWithoutEventsSaysWhyTheyMayBeGone() {
        api.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/namespaces/realnode-demo/events"))
                .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"kind\":\"EventList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"11500\"},\"items\":[]}")));
        startApp();
        assertThat(app.get("/pods/log-demo?namespace=realnode-demo").body()).contains("id=\"no-events\"")
                .contains("No events.").contains("for an hour by default");
    }

    @Test
    void yamlIsThePodAsTheApiServerReturnsItWithoutManagedFields() throws Exception {
        startApp();
        HttpResponse<String> raw = app.get("/api/pods/crash-demo/yaml?namespace=realnode-demo");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type")).hasValue("application/yaml; charset=utf-8");
        assertThat(raw.body()).startsWith("apiVersion: v1\nkind: Pod\nmetadata:\n").doesNotContain("managedFields")
                .contains("\n  uid: " + RealNodePods.CRASH_UID + "\n").contains("\n  - containerID: containerd://");
        ObjectNode expected = (ObjectNode) JSON.readTree(Fixtures.node("pod-crash-demo.json"));
        assertThat(expected.at("/metadata/managedFields").isArray()).isTrue();
        ((ObjectNode) expected.get("metadata")).remove("managedFields");
        JsonNode parsed = new YAMLMapper().readTree(raw.body());
        assertThat(normalized(parsed)).isEqualTo(normalized(expected));

        assertThat(app.get("/api/pods/crash-demo/yaml?namespace=realnode-demo&managedFields=true").body())
                .contains("managedFields:").contains("manager: kubectl-client-side-apply");

        String page = app.get("/pods/crash-demo/yaml?namespace=realnode-demo").body();
        // Values are escaped: the last-applied annotation is JSON full of quotes, shown as text.
        assertThat(page).contains("id=\"copy-yaml\"").contains("kubectl get pod crash-demo -n realnode-demo -o yaml")
                .contains("kubectl.kubernetes.io/last-applied-configuration: |").contains("&quot;apiVersion&quot;:&quot;v1&quot;")
                .contains("src=\"/static/js/copy.js\"");
        assertThat(app.get("/pods/nope/yaml?namespace=realnode-demo").statusCode()).isEqualTo(404);
    }

    /** Both through the same YAML round trip, compared as trees (key order aside). */
    private static JsonNode normalized(JsonNode node) throws Exception {
        return new YAMLMapper().readTree(new YAMLMapper().writeValueAsString(node));
    }
}
