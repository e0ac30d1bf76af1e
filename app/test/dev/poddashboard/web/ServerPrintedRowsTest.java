package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poddashboard.Main;
import dev.poddashboard.testing.Eventually;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RealNode;
import dev.poddashboard.testing.RunningApp;
import dev.poddashboard.testing.TableFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * STATUS and READY come from the API server's own printer (a Table, as kubectl asks for it); AGE and "(… ago)"
 * are worked out locally; a server without Tables gets the ported printer.
 */
class ServerPrintedRowsTest {
    private static final ObjectMapper JSON = Main.objectMapper();
    private static final String TABLE = Fixtures.node("pod-table-includeobject-object.json");
    private MockApiServer api;
    private MutableClock clock;
    private RunningApp app;

    @BeforeEach
    void start() {
        api = RealNode.serve(new MockApiServer().withDashboardNamespace());
        clock = new MutableClock(RealNode.TABLE_PRINTED_AT);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        api.close();
    }

    private JsonNode pods() throws Exception {
        if (app == null) {
            app = RunningApp.inCluster(api, clock);
        }
        return JSON.readTree(app.get("/api/pods?namespace=realnode-demo").body()).get("pods");
    }

    private static JsonNode row(JsonNode pods, String name) {
        for (JsonNode pod : pods) {
            if (pod.get("name").asText().equals(name)) {
                return pod;
            }
        }
        throw new AssertionError("no row " + name);
    }

    @Test
    void everyRowEqualsTheCellsTheServerPrinted() throws Exception {
        JsonNode pods = pods();
        JsonNode table = JSON.readTree(TABLE);
        List<String> names = new ArrayList<>();
        for (JsonNode serverRow : table.get("rows")) {
            JsonNode cells = serverRow.get("cells");
            JsonNode ours = row(pods, cells.get(0).asText());
            names.add(cells.get(0).asText());
            // Name, Ready, Status, Restarts, Age, IP, Node, Nominated Node, Readiness Gates: at the moment the server
            // printed them, the locally worked-out AGE and "(4m ago)" read the same as the server's.
            assertThat(List.of(ours.get("name").asText(), ours.get("ready").asText(), ours.get("status").asText(),
                    ours.get("restarts").asText(), ours.get("age").asText(), ours.get("ip").asText(), ours.get("node").asText(),
                    ours.get("nominatedNode").asText(), ours.get("readinessGates").asText()))
                    .as(cells.get(0).asText())
                    .containsExactly(cells.get(0).asText(), cells.get(1).asText(), cells.get(2).asText(), cells.get(3).asText(),
                            cells.get(4).asText(), cells.get(5).asText(), cells.get(6).asText(), cells.get(7).asText(),
                            cells.get(8).asText());
        }
        assertThat(pods).extracting(p -> p.get("name").asText()).containsExactlyElementsOf(names);
        assertThat(row(pods, "crash-demo").get("status").asText()).isEqualTo("CrashLoopBackOff");
        assertThat(api.podLists()).anySatisfy(r -> assertThat(r.getUrl()).contains("includeObject=Object"));
    }

    @Test
    void ageAndTheRestartTimeMoveOnWithTheClockNotWithTheCachedCell() throws Exception {
        pods();
        clock.advance(java.time.Duration.ofMinutes(10));
        JsonNode pods = pods();
        assertThat(row(pods, "crash-demo").get("restarts").asText()).isEqualTo("15 (14m ago)");
        assertThat(row(pods, "crash-demo").get("age").asText()).isEqualTo("30m");
        assertThat(row(pods, "badimage-demo").get("age").asText()).isEqualTo("11m");
        assertThat(api.podLists()).filteredOn(r -> r.getUrl().startsWith(RealNode.PODS)).hasSize(1);
    }

    /** A pod being deleted whose phase is already Succeeded, as a v1.28 server and a newer one print it. */
    private static String terminatingSucceeded(String status) {
        ObjectNode table = (ObjectNode) TableFixtures.read(TableFixtures.withCell(TABLE, "once-demo-69nxp", 2, status));
        table.get("rows").forEach(row -> {
            if (row.at("/cells/0").asText().equals("once-demo-69nxp")) {
                ((ObjectNode) row.at("/object/metadata")).put("deletionTimestamp", "2026-12-02T01:52:10Z");
            }
        });
        return TableFixtures.write(table);
    }

    @Test
    void aTerminatingPodThatSucceededShowsWhatAV128ServerPrints() throws Exception {
        api.answerTable(RealNode.PODS, terminatingSucceeded("Terminating"));
        assertThat(row(pods(), "once-demo-69nxp").get("status").asText()).isEqualTo("Terminating");
        String html = app.get("/?namespace=realnode-demo").body();
        assertThat(html).contains("data-name=\"once-demo-69nxp\"")
                .containsPattern("data-name=\"once-demo-69nxp\".*?<span class=\"status-badge tone-progress\">Terminating</span>");
    }

    @Test
    void theSamePodShowsWhatANewerServerPrints() throws Exception {
        api.answerTable(RealNode.PODS, terminatingSucceeded("Completed"));
        assertThat(row(pods(), "once-demo-69nxp").get("status").asText()).isEqualTo("Completed");
    }

    @Test
    void aServerWithoutTablesGetsThePortedPrinter() throws Exception {
        // Only the plain list: a server (or proxy) that answers kubectl's Table request with a PodList.
        api.answerBody(RealNode.PODS, 200, Fixtures.node("pod-list-realnode-demo.json"));
        JsonNode pods = pods();
        assertThat(row(pods, "crash-demo").get("status").asText()).isEqualTo("CrashLoopBackOff");
        assertThat(row(pods, "crash-demo").get("restarts").asText()).isEqualTo("15 (4m ago)");
        assertThat(row(pods, "multi-demo").get("ready").asText()).isEqualTo("2/2");
        assertThat(app.get("/?namespace=realnode-demo").statusCode()).isEqualTo(200);
        // Once the server has shown it prints nothing, the watch asks for plain pods.
        Eventually.assertThat(() -> assertThat(api.requests()).anySatisfy(r -> assertThat(r.getUrl())
                .startsWith(RealNode.PODS + "?watch=1").doesNotContain("includeObject")));
    }

    @Test
    void aTableWatchUpdatesRowsWithTheServersCellsThoughOnlyItsFirstEventNamesTheColumns() throws Exception {
        pods();
        List<String> events = Fixtures.node("watch-pods-table.jsonl").lines().toList();
        api.watchThenIdle(RealNode.NAMESPACE, String.join("\n", events.subList(0, 4)) + "\n");
        Eventually.assertThat(() -> assertThat(status("watch-demo")).isEqualTo("Running"));
        assertThat(row(pods(), "watch-demo").get("ip").asText()).isEqualTo("10.201.0.10");
        api.watchThenIdle(RealNode.NAMESPACE, events.get(4) + "\n");
        Eventually.assertThat(() -> assertThat(status("watch-demo")).isEqualTo("Terminating"));
        api.watchThenIdle(RealNode.NAMESPACE, String.join("\n", events.subList(5, events.size())) + "\n");
        Eventually.assertThat(() -> assertThat(status("watch-demo")).isNull());
        assertThat(api.requests()).anySatisfy(r -> assertThat(r.getUrl()).contains("watch=1").contains("includeObject=Object")
                .contains("resourceVersion=11396"));
    }

    private String status(String name) {
        try {
            for (JsonNode pod : pods()) {
                if (pod.get("name").asText().equals(name)) {
                    return pod.get("status").asText();
                }
            }
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
