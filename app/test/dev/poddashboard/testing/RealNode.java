package dev.poddashboard.testing;

import java.time.Instant;

/**
 * The namespace {@code realnode-demo} of ../shared/fixtures/node: a real kubelet's pods, answered by the mock API
 * server exactly as they were captured (a Table for kubectl's Accept header, a plain list otherwise).
 */
public final class RealNode {
    public static final String NAMESPACE = "realnode-demo";
    public static final String PODS = "/api/v1/namespaces/" + NAMESPACE + "/pods";
    /** The moment the Table was printed: 71 s after the newest pods were created (its AGE cells say so). */
    public static final Instant TABLE_PRINTED_AT = Instant.parse("2026-12-02T01:52:12.500Z");

    public static final String ALL_PODS = "/api/v1/pods";
    /** The continue token of the captured first page of pods in all namespaces (limit=3). */
    static final String ALL_CONTINUE = "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTE0MTQsInN0YXJ0IjoiZGFzaGJvYXJkL25naW54LXdlYi01ZjdkOGM5YjQteDJrOXBcdTAwMDAifQ";

    private RealNode() {
    }

    /**
     * Pods of all namespaces, granted (components/cluster-wide): the captured first page (three dashboard pods,
     * a continue token), then, as the last page, the realnode-demo pods. The namespace list, granted too.
     */
    public static MockApiServer allNamespacesGranted(MockApiServer api) {
        var wire = api.wireMock();
        String last = "{\"resourceVersion\":\"11414\"}";
        wire.stubFor(listPage(false, null).willReturn(json(200, Fixtures.node("pod-list-all-namespaces-limit3.json"))));
        wire.stubFor(listPage(true, null).willReturn(json(200, Fixtures.node("pod-table-all-namespaces-limit3.json"))));
        wire.stubFor(listPage(false, ALL_CONTINUE).willReturn(json(200, TableFixtures.write(withMetadata(
                Fixtures.node("pod-list-realnode-demo.json"), last)))));
        wire.stubFor(listPage(true, ALL_CONTINUE).willReturn(json(200, TableFixtures.rows(
                Fixtures.node("pod-table-includeobject-object.json"), name -> true, last))));
        api.watchIdleAt(ALL_PODS);
        api.answerBody("/api/v1/namespaces", 200, Fixtures.node("namespace-list-granted.json"));
        return api;
    }

    /** The base manifests: no pods at the cluster scope, no namespace list (both 403, as captured). */
    public static MockApiServer allNamespacesForbidden(MockApiServer api) {
        api.answerBody(ALL_PODS, 403, Fixtures.node("status-403-pods-all-namespaces-forbidden.json"));
        api.answerBody("/api/v1/namespaces", 403, Fixtures.node("status-403-namespaces-forbidden.json"));
        return api;
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder listPage(boolean table, String continueToken) {
        var builder = com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(ALL_PODS))
                .withQueryParam("continue", continueToken == null ? com.github.tomakehurst.wiremock.client.WireMock.absent()
                        : com.github.tomakehurst.wiremock.client.WireMock.equalTo(continueToken));
        return table ? builder.withHeader("Accept", com.github.tomakehurst.wiremock.client.WireMock.containing("as=Table")).atPriority(3)
                : builder.atPriority(4);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body);
    }

    private static com.fasterxml.jackson.databind.JsonNode withMetadata(String json, String metadata) {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) TableFixtures.read(json);
        node.set("metadata", TableFixtures.read(metadata));
        return node;
    }

    /** The pod list (plain and Table) and an idle watch, from the mock's own capture (v1.28 or v1.33). */
    public static MockApiServer serve(MockApiServer api) {
        api.watchIdle(NAMESPACE);
        api.answerBody(PODS, 200, api.capture().node("pod-list-realnode-demo.json"));
        api.answerTable(PODS, api.capture().node("pod-table-includeobject-object.json"));
        return api;
    }
}
