package dev.poddashboard.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * A stand-in kube-apiserver over HTTPS (certificate signed by the test CA in tls/ca.crt) that answers with the
 * captured fixture bodies, status codes and content types.
 */
public final class MockApiServer implements AutoCloseable {
    /** Where the reviews are posted: TokenReview, SelfSubjectAccessReview, SubjectAccessReview. */
    public static final String TOKEN_REVIEWS = "/apis/authentication.k8s.io/v1/tokenreviews";
    public static final String SSARS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    public static final String SARS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";
    private final WireMockServer server;
    private final Capture capture;

    /** The v1.28 captures. */
    public MockApiServer() {
        this(Capture.V1_28);
    }

    /** Answers with this server version's captures (its {@code /version} too). */
    public MockApiServer(Capture capture) {
        this(capture, true);
    }

    public MockApiServer(boolean journal) {
        this(Capture.V1_28, journal);
    }

    /** @param journal false for load tests: WireMock would otherwise keep every request in memory */
    public MockApiServer(Capture capture, boolean journal) {
        this.capture = capture;
        WireMockConfiguration options = WireMockConfiguration.options();
        if (!journal) {
            options.disableRequestJournal();
        }
        server = new WireMockServer(options
                .httpDisabled(true)
                .httpsPort(0)
                .bindAddress("127.0.0.1")
                .keystorePath(Fixtures.resourcePath("tls/server.p12").toString())
                .keystoreType("PKCS12")
                .keystorePassword("changeit")
                .keyManagerPassword("changeit"));
        server.start();
        // Every API server answers /version, to anyone (system:public-info-viewer).
        server.stubFor(get(urlPathEqualTo("/version")).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(capture.version())));
    }

    /** Whose captures this server answers with. */
    public Capture capture() {
        return capture;
    }

    public int port() {
        return server.httpsPort();
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** GET {@code path} (any query) answers {@code status} with the fixture file as body. */
    public MockApiServer answer(String path, int status, String fixtureFile) {
        return answerBody(path, status, capture.api(fixtureFile));
    }

    /**
     * GET {@code path} with kubectl's Table Accept header answers {@code body}, as a real API server does;
     * a later {@link #answer}/{@link #answerBody} for the same path takes over both kinds of request.
     */
    public MockApiServer answerTable(String path, String body) {
        server.stubFor(get(urlPathEqualTo(path)).withHeader("Accept", com.github.tomakehurst.wiremock.client.WireMock.containing("as=Table"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
        return this;
    }

    public MockApiServer answerBody(String path, int status, String body) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body)));
        return this;
    }

    private final java.util.Map<String, java.util.List<com.github.tomakehurst.wiremock.stubbing.StubMapping>> watchStubs =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Every watch of the pods at {@code path} ends at once with no event (e.g. /api/v1/pods, all namespaces). */
    public MockApiServer watchIdleAt(String path) {
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("watch", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("")));
        return this;
    }

    /** A watch of {@code namespace}'s pods that the server ends at once with no event (the app opens it again). */
    public MockApiServer watchIdle(String namespace) {
        return watchThenIdle(namespace, "");
    }

    /**
     * The next watch of {@code namespace}'s pods delivers {@code events} (JSON lines, as the API server streams
     * them); every watch after it is idle.
     */
    public MockApiServer watchThenIdle(String namespace, String events) {
        String path = "/api/v1/namespaces/" + namespace + "/pods";
        String scenario = "watch-" + namespace + "-" + java.util.UUID.randomUUID();
        var first = get(urlPathEqualTo(path)).withQueryParam("watch", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                .atPriority(1).inScenario(scenario).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("idle")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(events)).build();
        var idle = get(urlPathEqualTo(path)).withQueryParam("watch", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                .atPriority(1).inScenario(scenario).whenScenarioStateIs("idle")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("")).build();
        server.addStubMapping(first);
        server.addStubMapping(idle);
        java.util.List<com.github.tomakehurst.wiremock.stubbing.StubMapping> previous = watchStubs.put(namespace, java.util.List.of(first, idle));
        removeAll(previous);
        return this;
    }

    /** Every watch of {@code namespace}'s pods answers {@code status} with the fixture file. */
    public MockApiServer watchFails(String namespace, int status, String fixtureFile) {
        String path = "/api/v1/namespaces/" + namespace + "/pods";
        var stub = get(urlPathEqualTo(path)).withQueryParam("watch", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                .atPriority(1).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(capture.api(fixtureFile))).build();
        server.addStubMapping(stub);
        java.util.List<com.github.tomakehurst.wiremock.stubbing.StubMapping> previous = watchStubs.put(namespace, java.util.List.of(stub));
        removeAll(previous);
        return this;
    }

    /**
     * Removes replaced watch stubs. The newest stub of a priority wins, so this is tidiness, not correctness: WireMock
     * updates a scenario's state from the request thread without a lock, and a watch served at the same moment can
     * leave the scenario's record inconsistent (it then throws IllegalStateException; the stub is gone already).
     */
    private void removeAll(java.util.List<com.github.tomakehurst.wiremock.stubbing.StubMapping> stubs) {
        if (stubs == null) {
            return;
        }
        for (var stub : stubs) {
            try {
                server.removeStubMapping(stub);
            } catch (IllegalStateException raceWithAServedWatch) {
                // see above
            }
        }
    }

    /** LIST requests of pods (a namespace's or all), without watches. */
    public List<LoggedRequest> podLists() {
        return apiRequests().stream().filter(r -> r.getUrl().matches("/api/v1/(namespaces/[^/]+/)?pods(\\?.*)?")).toList();
    }

    /** Requests other than watches (which the app reopens in the background). */
    public List<LoggedRequest> apiRequests() {
        return requests().stream().filter(r -> !r.getUrl().contains("watch=1")).toList();
    }

    /** The dashboard namespace as captured: the pod list, the app's own pod, and an idle watch. */
    public MockApiServer withDashboardNamespace() {
        watchIdle("dashboard");
        answer("/api/v1/namespaces/dashboard/pods", 200, "pod-list-dashboard.json");
        answerTable("/api/v1/namespaces/dashboard/pods", TableFixtures.dashboard(capture));
        answer("/api/v1/namespaces/dashboard/pods/my-kubernetes-dashboard", 200, "pod-my-kubernetes-dashboard.json");
        answer("/api/v1/namespaces/dashboard/pods/no-such-pod", 404, "status-404-pod-not-found.json");
        answer("/api/v1/namespaces/other/pods", 403, "status-403-list-pods-other-ns.json");
        return this;
    }

    /** POST {@code path} answers {@code status} with the fixture file. */
    public MockApiServer answerPost(String path, int status, String fixtureFile) {
        server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(capture.api(fixtureFile))));
        return this;
    }

    /** POST {@code path} whose body contains {@code bodyPart} answers {@code body}: one review among several. */
    public MockApiServer answerPostContaining(String path, String bodyPart, int status, String body) {
        return answerPostContaining(path, List.of(bodyPart), status, body);
    }

    /** The same for a body that contains every part; more parts win over fewer (a more specific review). */
    public MockApiServer answerPostContaining(String path, List<String> bodyParts, int status, String body) {
        var stub = post(urlPathEqualTo(path)).atPriority(Math.max(1, 4 - bodyParts.size()));
        for (String part : bodyParts) {
            stub = stub.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(part));
        }
        server.stubFor(stub.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body)));
        return this;
    }

    /**
     * OIDC discovery and the JWKS, as the captured server serves them: the key set only to an Accept that allows
     * application/jwk-set+json (or anything), 406 to application/json alone.
     */
    public MockApiServer withOidcDiscovery() {
        answer("/.well-known/openid-configuration", 200, "openid-configuration.json");
        server.stubFor(get(urlPathEqualTo("/openid/v1/jwks")).atPriority(5).willReturn(aResponse()
                .withStatus(406).withHeader("Content-Type", "application/json")
                .withBody(capture.api("status-406-jwks-accept-application-json.json"))));
        server.stubFor(get(urlPathEqualTo("/openid/v1/jwks")).atPriority(1)
                .withHeader("Accept", matching(".*(application/jwk-set\\+json|\\*/\\*).*"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/jwk-set+json")
                        .withBody(capture.api("jwks.json"))));
        return this;
    }

    /** The three reviews as the app's service account sees them (with system:auth-delegator for TokenReview). */
    public MockApiServer withReviews() {
        answerPost(TOKEN_REVIEWS, 201, "tokenreview-response-as-sa-with-auth-delegator.json");
        answerPost("/apis/authentication.k8s.io/v1/selfsubjectreviews", 201, "selfsubjectreview-response.json");
        answerPost("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", 201, "selfsubjectrulesreview-response-dashboard.json");
        return this;
    }

    /** Every request so far, oldest first. */
    public List<LoggedRequest> requests() {
        java.util.List<LoggedRequest> all = new java.util.ArrayList<>(server.getAllServeEvents().stream()
                .map(e -> e.getRequest()).map(LoggedRequest.class::cast).toList());
        java.util.Collections.reverse(all); // WireMock lists the newest first
        return all;
    }

    public List<String> bearerTokensSeen() {
        return requests().stream().map(r -> r.getHeader("Authorization")).toList();
    }

    public void reset() {
        server.resetAll();
        watchStubs.clear();
    }

    @Override
    public void close() {
        server.stop();
    }
}
