package dev.poddashboard.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pod pages of {@code realnode-demo} ask the API server, answered from ../shared/fixtures/node: each pod
 * by name, its events (the captured field-selected list for crash-demo; the namespace's captured events filtered
 * the same way for the others), its logs and the kubelet's refusals.
 *
 * <p>The dashboard always asks for logs with {@code timestamps=true}. Where only a plain log was captured, the
 * mock prefixes each line with a kubelet-style RFC 3339 time ({@link #timestamped}), as the kubelet does.
 */
public final class RealNodePods {
    public static final String NS = RealNode.NAMESPACE;
    public static final String CRASH_UID = "69424fbf-0fac-4ca3-b6c7-7533ab8ec45e";
    /** A 502 from the API server when the kubelet's port cannot be reached (kube-apiserver's wording). */
    public static final String KUBELET_DOWN = """
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Get \\"https://10.0.0.5:10250/containerLogs/realnode-demo/web-fb88cb456-8cbtg/web?timestamps=true\\": dial tcp 10.0.0.5:10250: connect: connection refused","code":500}""";

    private RealNodePods() {
    }

    /** Pods by name, events and logs; log-demo's followed log arrives line by line over {@code followMillis}. */
    public static MockApiServer serve(MockApiServer api, int followMillis) {
        var wire = api.wireMock();
        JsonNode list = TableFixtures.read(Fixtures.node("pod-list-realnode-demo.json"));
        JsonNode events = TableFixtures.read(Fixtures.node("events-realnode-demo.json"));
        for (JsonNode pod : list.path("items")) {
            String name = pod.path("metadata").path("name").asText();
            String body = switch (name) {
                case "crash-demo" -> Fixtures.node("pod-crash-demo.json");
                case "multi-demo" -> Fixtures.node("pod-multi-demo.json");
                default -> withKind(pod).toString();
            };
            api.answerBody(pod(name), 200, body);
            String eventList = name.equals("crash-demo") ? Fixtures.node("events-crash-demo.json")
                    : eventsOf(events, name).toString();
            wire.stubFor(get(urlPathEqualTo("/api/v1/namespaces/" + NS + "/events"))
                    .withQueryParam("fieldSelector", containing("involvedObject.name=" + name + ","))
                    .willReturn(json(200, eventList)));
        }
        api.answerBody(pod("nope"), 404, Fixtures.node("status-404-log-pod-not-found.json"));
        wire.stubFor(log("log-demo").withQueryParam("follow", absent())
                .willReturn(text(Fixtures.node("log-demo-tail3-timestamps.log"))));
        String followed = followed(followMillis);
        wire.stubFor(log("log-demo").withQueryParam("follow", equalTo("true"))
                .willReturn(text(followed).withChunkedDribbleDelay((int) followed.lines().count() + 1, followMillis)));
        String crashed = timestamped(Fixtures.node("crash-demo-previous.log"), Instant.parse("2026-12-02T01:48:08Z"));
        wire.stubFor(log("crash-demo").withQueryParam("previous", equalTo("true")).willReturn(text(crashed)));
        wire.stubFor(log("crash-demo").withQueryParam("previous", absent()).atPriority(6).willReturn(text(crashed)));
        wire.stubFor(log("multi-demo").withQueryParam("container", equalTo("setup"))
                .willReturn(text(timestamped(Fixtures.node("multi-demo-setup.log"), Instant.parse("2026-12-02T01:31:52Z")))));
        wire.stubFor(log("multi-demo").withQueryParam("container", equalTo("sidecar"))
                .willReturn(text(timestamped(Fixtures.node("multi-demo-sidecar-tail2.log"), Instant.parse("2026-12-02T01:52:36Z")))));
        wire.stubFor(log("multi-demo").withQueryParam("container", equalTo("app")).withQueryParam("previous", equalTo("true"))
                .atPriority(1).willReturn(json(400, Fixtures.node("status-400-log-no-previous.json"))));
        wire.stubFor(log("multi-demo").withQueryParam("container", absent())
                .willReturn(json(400, Fixtures.node("status-400-log-container-required.json"))));
        wire.stubFor(log("badimage-demo").willReturn(json(400, Fixtures.node("status-400-log-waiting-to-start.json"))));
        wire.stubFor(log("once-demo-69nxp")
                .willReturn(text(timestamped(Fixtures.node("once-demo-job.log"), Instant.parse("2026-12-02T01:31:55Z")))));
        wire.stubFor(log("web-fb88cb456-8cbtg").willReturn(json(500, KUBELET_DOWN)));
        return api;
    }

    /** The base Role before this release, or a cluster without it: pods/log and events are forbidden (as captured). */
    public static MockApiServer forbidden(MockApiServer api) {
        var wire = api.wireMock();
        wire.stubFor(get(urlPathEqualTo("/api/v1/namespaces/" + NS + "/events")).atPriority(1)
                .willReturn(json(403, Fixtures.node("status-403-events-forbidden.json"))));
        wire.stubFor(log("log-demo").atPriority(1).willReturn(json(403, Fixtures.node("status-403-log-forbidden.json"))));
        return api;
    }

    /**
     * log-demo's followed log as captured; for a stream that must stay open longer than a few seconds, the log
     * goes on as log-demo writes it (a line every 5 s of its clock, 2 per second of the test's).
     */
    private static String followed(int millis) {
        StringBuilder log = new StringBuilder(Fixtures.node("log-demo-follow.log"));
        Instant at = Instant.parse("2026-12-02T01:52:48Z");
        for (int line = 191; millis > 10_000 && line < 191 + millis / 500; line++, at = at.plusSeconds(5)) {
            log.append(at).append(" logger: line ").append(line).append('\n');
        }
        return timestamped(log.toString(), Instant.parse("2026-12-02T01:52:28Z"));
    }

    public static String pod(String name) {
        return "/api/v1/namespaces/" + NS + "/pods/" + name;
    }

    /**
     * Each line with the kubelet's {@code timestamps=true} prefix (RFC 3339, nanoseconds), one second apart from
     * {@code start}.
     */
    public static String timestamped(String log, Instant start) {
        StringBuilder out = new StringBuilder();
        Instant at = start;
        for (String line : log.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            out.append(at.plusNanos(123_456_789).toString()).append(' ').append(line).append('\n');
            at = at.plusSeconds(1);
        }
        return out.toString();
    }

    private static MappingBuilder log(String pod) {
        return get(urlPathEqualTo(pod(pod) + "/log"));
    }

    private static JsonNode withKind(JsonNode pod) {
        ObjectNode copy = pod.deepCopy();
        copy.put("kind", "Pod");
        copy.put("apiVersion", "v1");
        return copy;
    }

    private static JsonNode eventsOf(JsonNode all, String pod) {
        ObjectNode copy = all.deepCopy();
        List<JsonNode> kept = new ArrayList<>();
        all.path("items").forEach(e -> {
            if (e.path("involvedObject").path("name").asText().equals(pod)) {
                kept.add(e);
            }
        });
        ArrayNode items = copy.putArray("items");
        kept.forEach(items::add);
        return copy;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder text(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(body);
    }
}
