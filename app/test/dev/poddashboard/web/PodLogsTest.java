package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.Main;
import dev.poddashboard.testing.Eventually;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RealNode;
import dev.poddashboard.testing.RealNodePods;
import dev.poddashboard.testing.RunningApp;
import dev.poddashboard.testing.SseStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kubectl logs in the browser: read, previous, tail, timestamps, follow, every refusal, and the bounds. */
class PodLogsTest {
    private static final ObjectMapper JSON = Main.objectMapper();
    private static final String NS = "?namespace=realnode-demo";
    private MockApiServer api;
    private RunningApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        api.close();
    }

    private void startApp(int followMillis) {
        api = RealNodePods.serve(RealNode.serve(new MockApiServer().withDashboardNamespace()), followMillis);
        app = RunningApp.inCluster(api, new MutableClock(RealNode.TABLE_PRINTED_AT));
    }

    private List<String> logRequests(String pod) {
        return api.requests().stream().map(r -> r.getUrl()).filter(u -> u.startsWith(RealNodePods.pod(pod) + "/log")).toList();
    }

    @Test
    void theTextIsTheLogAsKubectlPrintsItWithOrWithoutTimestamps() {
        startApp(3_000);
        String withTimes = Fixtures.node("log-demo-tail3-timestamps.log");
        HttpResponse<String> stamped = app.get("/api/pods/log-demo/logs" + NS + "&tail=3&timestamps=true");
        assertThat(stamped.statusCode()).isEqualTo(200);
        assertThat(stamped.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.replace(" ", "")).isEqualTo("text/plain;charset=utf-8"));
        assertThat(stamped.body()).isEqualTo(withTimes);
        String plain = app.get("/api/pods/log-demo/logs" + NS + "&tail=3").body();
        assertThat(plain).isEqualTo("2026-12-02T01:52:18Z logger: line 185\n2026-12-02T01:52:23Z logger: line 186\n"
                + "2026-12-02T01:52:28Z logger: line 187\n");
        // One container: kubectl's default; the kubelet is asked for the tail, bounded in bytes, with its times.
        assertThat(logRequests("log-demo")).contains(RealNodePods.pod("log-demo")
                + "/log?container=logger&timestamps=true&tailLines=3&limitBytes=2097152");
        assertThat(app.get("/api/pods/log-demo/logs" + NS).statusCode()).isEqualTo(200);
        assertThat(logRequests("log-demo")).anySatisfy(u -> assertThat(u).contains("tailLines=300"));
    }

    @Test
    void previousShowsTheLastRunOfACrashLoopingContainer() {
        startApp(3_000);
        String page = app.get("/pods/crash-demo/logs" + NS + "&previous=true").body();
        assertThat(page).contains("crasher: fatal: /etc/crasher.conf: no such file (simulated), exit 3")
                .contains("(previous instance)")
                .contains("kubectl logs crash-demo -n realnode-demo --previous --tail=300")
                .doesNotContain("id=\"follow-button\"");
        assertThat(logRequests("crash-demo")).anySatisfy(u -> assertThat(u).contains("previous=true"));
    }

    @Test
    void severalContainersDefaultLikeKubectlAndTheOthersAreNamed() {
        startApp(3_000);
        api.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(RealNodePods.pod("multi-demo") + "/log"))
                .withQueryParam("container", com.github.tomakehurst.wiremock.client.WireMock.equalTo("app"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok("")));
        String page = app.get("/pods/multi-demo/logs" + NS).body();
        assertThat(page).contains("<span id=\"log-container\">app</span>")
                .contains("Showing app: the first container, which kubectl shows when none is named.")
                .contains("<code>sidecar</code><span>, </span><code>setup (init)</code>")
                .contains("<option value=\"setup\">setup (init)</option>")
                .contains("kubectl logs multi-demo -n realnode-demo -c app --tail=300");
        String sidecar = app.get("/pods/multi-demo/logs" + NS + "&container=sidecar&timestamps=true").body();
        assertThat(sidecar).contains("<span class=\"log-ts\">2026-12-02T01:52:37.123456789Z </span><span>2026-12-02T01:52:43Z logger: line 15</span>");
        assertThat(app.get("/api/pods/multi-demo/logs" + NS + "&container=setup").body()).isEqualTo("setup: writing config\nsetup: done\n");
    }

    @Test
    void everyRefusalIsAPageWithTheRightStatusAndWhatToDo() throws Exception {
        startApp(3_000);
        HttpResponse<String> noPrevious = app.get("/pods/multi-demo/logs" + NS + "&container=app&previous=true");
        assertThat(noPrevious.statusCode()).isEqualTo(404);
        assertThat(noPrevious.body()).contains("No previous container")
                .contains("previous terminated container &quot;app&quot; in pod &quot;multi-demo&quot; not found")
                .contains("id=\"container-select\"");

        HttpResponse<String> noContainer = app.get("/api/pods/multi-demo/logs" + NS + "&container=nope");
        assertThat(noContainer.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(noContainer.body()).at("/error/message").asText())
                .isEqualTo("Pod multi-demo has no container named nope. Its containers: app, sidecar, setup (init).");
        assertThat(logRequests("multi-demo")).noneSatisfy(u -> assertThat(u).contains("container=nope"));

        HttpResponse<String> waiting = app.get("/api/pods/badimage-demo/logs" + NS);
        assertThat(waiting.statusCode()).isEqualTo(409);
        assertThat(waiting.body()).contains("is waiting to start: ErrImageNeverPull");

        HttpResponse<String> kubelet = app.get("/pods/web-fb88cb456-8cbtg/logs" + NS);
        assertThat(kubelet.statusCode()).isEqualTo(502);
        assertThat(kubelet.body()).contains("The kubelet did not give the log").contains("dial tcp 10.0.0.5:10250");

        assertThat(app.get("/pods/nope/logs" + NS).statusCode()).isEqualTo(404);
        for (String bad : List.of("&tail=abc", "&tail=0", "&tail=5001", "&container=Bad_Name")) {
            HttpResponse<String> response = app.get("/api/pods/log-demo/logs" + NS + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).at("/error/message").asText()).as(bad).isNotEmpty();
        }
    }

    @Test
    void aForbiddenLogNamesThePermissionTheGrantAndTheLesson() throws Exception {
        startApp(3_000);
        RealNodePods.forbidden(api);
        HttpResponse<String> page = app.get("/pods/log-demo/logs" + NS);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Forbidden by RBAC")
                .contains("kubectl auth can-i get pods/log -n realnode-demo --as=system:serviceaccount:dashboard:dashboard-sa")
                .contains("--verb=get --resource=pods/log").contains("components/logs");
        JsonNode json = JSON.readTree(app.get("/api/pods/log-demo/logs" + NS).body());
        assertThat(json.at("/error/status").asInt()).isEqualTo(403);
        assertThat(json.at("/error/commands").toString()).contains("--verb=get --resource=pods/log");
    }

    @Test
    void followDeliversTheGrowingLogOverServerSentEvents() throws Exception {
        startApp(2_000);
        List<String> texts = new ArrayList<>();
        try (SseStream stream = SseStream.open(app.baseUrl() + "/api/pods/log-demo/logs/stream" + NS + "&tail=1&timestamps=true")) {
            assertThat(stream.status()).isEqualTo(200);
            SseStream.Event event;
            while ((event = stream.next()) != null && event.name().equals("line")) {
                JsonNode line = JSON.readTree(event.data());
                assertThat(event.id()).isEqualTo(line.get("timestamp").asText());
                texts.add(line.get("text").asText());
            }
            // The mock's stream ends while the pod still runs: the page is told to follow again (not final).
            assertThat(event).isNotNull();
            assertThat(event.name()).isEqualTo("end");
            assertThat(JSON.readTree(event.data()).get("last").asBoolean()).isFalse();
        }
        assertThat(texts).containsExactly("2026-12-02T01:52:28Z logger: line 187", "2026-12-02T01:52:33Z logger: line 188",
                "2026-12-02T01:52:38Z logger: line 189", "2026-12-02T01:52:43Z logger: line 190",
                "2026-12-02T01:52:43Z logger: warning: 190 lines so far (stderr)");
        assertThat(logRequests("log-demo")).contains(RealNodePods.pod("log-demo")
                + "/log?container=logger&timestamps=true&tailLines=1&follow=true");
    }

    @Test
    void followStreamsAreBoundedAndFreedWhenTheClientLeaves() throws Exception {
        startApp(60_000);
        String url = app.baseUrl() + "/api/pods/log-demo/logs/stream" + NS;
        List<SseStream> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SseStream stream = SseStream.open(url);
            assertThat(stream.status()).isEqualTo(200);
            open.add(stream);
            assertThat(stream.next().name()).isEqualTo("line");
        }
        Eventually.assertThat(() -> assertThat(followThreads()).isEqualTo(3));
        try (SseStream fourth = SseStream.open(url)) {
            assertThat(fourth.status()).isEqualTo(429);
            assertThat(fourth.header("Retry-After")).hasValue("30");
            JsonNode refusal = JSON.readTree(fourth.refusal());
            assertThat(refusal.at("/error/message").asText())
                    .contains("this browser has 3 followed logs open already (the limit per browser)");
            assertThat(refusal.get("limit").asText()).isEqualTo("client");
        }
        open.forEach(SseStream::close);
        // The app notices the closed connections (at the latest at its next ping), cancels the kubelet streams
        // and frees the places: no reader thread is left behind.
        Eventually.assertThat(Duration.ofSeconds(20), () -> assertThat(followThreads()).isZero());
        try (SseStream again = SseStream.open(url)) {
            assertThat(again.status()).isEqualTo(200);
        }
    }

    @Test
    void followRefusesWhatCannotBeFollowed() {
        startApp(3_000);
        try (SseStream previous = SseStream.open(app.baseUrl() + "/api/pods/crash-demo/logs/stream" + NS + "&previous=true")) {
            assertThat(previous.status()).isEqualTo(400);
            assertThat(previous.refusal()).contains("cannot be followed");
        }
        try (SseStream waiting = SseStream.open(app.baseUrl() + "/api/pods/badimage-demo/logs/stream" + NS)) {
            SseStream.Event problem = waiting.next();
            assertThat(problem.name()).isEqualTo("problem");
            assertThat(problem.data()).contains("\"status\":409").contains("ErrImageNeverPull");
        }
    }

    /** Threads of the app's log-follow pool that are following a log now (idle pool threads wait for work). */
    private static long followThreads() {
        return Thread.getAllStackTraces().entrySet().stream().filter(e -> e.getKey().getName().equals("log-follow"))
                .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("pump")))
                .count();
    }
}
