package dev.poddashboard.web;

import static dev.poddashboard.testing.MockApiServer.SSARS;
import static dev.poddashboard.testing.MockApiServer.TOKEN_REVIEWS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.Main;
import dev.poddashboard.testing.Capture;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /lesson, /api/lesson and the lab against a mock answering as the v1.33 server did: states from its answers, asked
 * at most once every 3 s whoever looks; the lab from authenticated to invalidated as the captured TokenReviews
 * answered; the lab's bounds; and the token in no response (RunningApp checks every body, and the log on close).
 */
class LessonPagesTest {
    private static final ObjectMapper JSON = Main.objectMapper();
    private static final Capture V133 = Capture.V1_33;
    private MockApiServer api;
    private MutableClock clock;
    private RunningApp app;
    private final String browser = UUID.randomUUID().toString();

    @BeforeEach
    void start() {
        api = new MockApiServer(V133).withDashboardNamespace().withOidcDiscovery().withReviews();
        api.answerPost(SSARS, 201, "selfsubjectaccessreview-denied.json"); // RBAC: only what the Role grants
        api.answerPostContaining(SSARS, List.of("\"namespace\":\"dashboard\"", "\"resource\":\"events\""), 201,
                V133.api("selfsubjectaccessreview-allowed.json"));
        api.answerBody("/apis/authentication.k8s.io/v1", 200, "{\"kind\":\"APIResourceList\",\"groupVersion\":"
                + "\"authentication.k8s.io/v1\",\"resources\":[{\"name\":\"selfsubjectreviews\",\"namespaced\":false,"
                + "\"kind\":\"SelfSubjectReview\",\"verbs\":[\"create\"]},{\"name\":\"tokenreviews\",\"namespaced\":false,"
                + "\"kind\":\"TokenReview\",\"verbs\":[\"create\"]}]}");
        clock = new MutableClock(V133.bindingsCapturedAt());
        app = RunningApp.inCluster(api, clock);
    }

    @AfterEach
    void stop() {
        app.close();
        api.close();
    }

    private JsonNode lesson() throws Exception {
        return JSON.readTree(app.get("/api/lesson").body());
    }

    private static JsonNode step(JsonNode lesson, String id) {
        for (JsonNode s : lesson.get("steps")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no step " + id);
    }

    private HttpResponse<String> lab(String method, String path, String body, String client) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Cookie", "pd-client=" + client).header("Content-Type", "application/json");
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return app.send(request.build());
    }

    private HttpResponse<String> open(String token, String client) {
        return lab("POST", "/api/lab", "{\"token\":\"" + token + "\"}", client);
    }

    @Test
    void theLessonSaysWhatHoldsOnThisClusterAndTheJsonHasItsShape() throws Exception {
        JsonNode lesson = lesson();
        assertThat(lesson.get("serverVersion").asText()).isEqualTo("v1.33.3");
        assertThat(lesson.get("steps").size()).isEqualTo(19);
        JsonNode first = lesson.get("steps").get(0);
        for (String field : List.of("id", "title", "state", "evidence", "commands", "page")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(step(lesson, "identity").get("evidence").asText()).contains("system:serviceaccount:dashboard:dashboard-sa");
        assertThat(step(lesson, "pods-log").get("state").asText()).isEqualTo("not-yet");
        assertThat(step(lesson, "why-failing").get("state").asText()).isEqualTo("holds");
        assertThat(step(lesson, "reviews-not-stored").get("state").asText()).isEqualTo("holds");
        assertThat(step(lesson, "service-account").get("evidence").asText()).isEqualTo("the pod my-kubernetes-dashboard runs as dashboard/dashboard-sa");
        assertThat(step(lesson, "node-binding").get("state").asText()).isEqualTo("not-yet");
        String page = app.get("/lesson").body();
        assertThat(page).contains("The service-account lesson, on this cluster").contains("id=\"step-pods-log\"")
                .contains("data-state=\"not-yet\"").contains("kubectl auth can-i get pods/log -n dashboard")
                .contains("href=\"/pods/my-kubernetes-dashboard/logs\"").contains("id=\"lab-form\"");
    }

    @Test
    void aStepTurnsWhenTheClustersAnswerChangesAndACrowdAsksOnce() throws Exception {
        assertThat(step(lesson(), "pods-log").get("state").asText()).isEqualTo("not-yet");
        long asked = api.requests().stream().filter(r -> r.getUrl().equals(SSARS)).count();
        for (int i = 0; i < 20; i++) {
            lesson();
            app.get("/lesson");
        }
        assertThat(api.requests().stream().filter(r -> r.getUrl().equals(SSARS)).count())
                .as("twenty viewers within 3 s: no more reviews").isEqualTo(asked);
        // kubectl apply -k with components/logs: the API server now allows get pods/log
        api.answerPostContaining(SSARS, List.of("\"subresource\":\"log\""), 201, V133.api("selfsubjectaccessreview-allowed.json"));
        assertThat(step(lesson(), "pods-log").get("state").asText()).as("still the answer of 3 s ago").isEqualTo("not-yet");
        clock.advance(Duration.ofSeconds(4));
        JsonNode after = step(lesson(), "pods-log");
        assertThat(after.get("state").asText()).isEqualTo("holds");
        assertThat(after.get("evidence").asText()).isEqualTo("SelfSubjectAccessReview: get pods/log allowed (components/logs)");
    }

    @Test
    void theLabWatchesAPodBoundTokenDieWithItsPod() throws Exception {
        String token = V133.bindingToken("pod-bound");
        api.answerPostContaining(TOKEN_REVIEWS, token, 201, V133.bindings("tokenreview-pod-bound.json"));
        HttpResponse<String> opened = open(token, browser);
        assertThat(opened.statusCode()).isEqualTo(201);
        JsonNode lab = JSON.readTree(opened.body());
        assertThat(lab.get("state").asText()).isEqualTo("authenticated");
        assertThat(lab.get("boundObject").asText()).startsWith("Pod study-bound-pod (uid ");
        assertThat(lab.get("boundObjectState").asText()).isEqualTo("gone"); // no such pod in the mock's namespace
        String id = lab.get("id").asText();
        // kubectl delete pod study-bound-pod: the API server now says invalidated (as it did 12 s after)
        api.answerPostContaining(TOKEN_REVIEWS, List.of(token, "TokenReview"), 201,
                V133.bindings("tokenreview-pod-bound-after-pod-deleted.json"));
        JsonNode soon = JSON.readTree(lab("GET", "/api/lab/" + id, null, browser).body());
        assertThat(soon.get("timeline").size()).as("asked again only after 5 s").isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        JsonNode later = JSON.readTree(lab("GET", "/api/lab/" + id, null, browser).body());
        assertThat(later.get("state").asText()).isEqualTo("invalidated");
        assertThat(later.get("timeline")).hasSize(2);
        assertThat(later.at("/timeline/1/detail").asText()).contains("service account token has been invalidated");
        clock.advance(Duration.ofSeconds(4));
        JsonNode step = step(lesson(), "bound-deletion");
        assertThat(step.get("state").asText()).isEqualTo("holds");
        assertThat(step.get("evidence").asText()).contains("Pod study-bound-pod").contains("has been invalidated");
        assertThat(step(lesson(), "create-token").get("state").asText()).isEqualTo("holds");
        // another browser cannot read it, and it is forgotten on request
        assertThat(lab("GET", "/api/lab/" + id, null, UUID.randomUUID().toString()).statusCode()).isEqualTo(404);
        assertThat(lab("DELETE", "/api/lab/" + id, null, browser).statusCode()).isEqualTo(204);
        assertThat(lab("GET", "/api/lab/" + id, null, browser).statusCode()).isEqualTo(404);
    }

    @Test
    void labsAreBoundedPerBrowserInAllAndInTime() throws Exception {
        String token = V133.bindingToken("plain");
        for (int i = 0; i < 3; i++) {
            assertThat(open(token, browser).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> fourth = open(token, browser);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(fourth.body()).get("limit").asText()).isEqualTo("browser");
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
        for (int i = 0; i < 17; i++) {
            assertThat(open(token, UUID.randomUUID().toString()).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> full = open(token, UUID.randomUUID().toString());
        assertThat(full.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(full.body()).get("limit").asText()).isEqualTo("app");
        assertThat(full.body()).contains("20 labs run in the dashboard already");
        // a page that stops asking: after 30 s its lab is gone, and places are free again
        clock.advance(Duration.ofSeconds(31));
        HttpResponse<String> again = open(token, browser);
        assertThat(again.statusCode()).isEqualTo(201);
        String id = JSON.readTree(again.body()).get("id").asText();
        for (int elapsed = 29; elapsed < 900; elapsed += 29) { // polled every 29 s, it lives 15 minutes in all
            clock.advance(Duration.ofSeconds(29));
            assertThat(lab("GET", "/api/lab/" + id, null, browser).statusCode()).as("after %d s", elapsed).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(29));
        assertThat(lab("GET", "/api/lab/" + id, null, browser).statusCode()).as("after 15 minutes").isEqualTo(404);
    }

    @Test
    void badInputIsA400WithTheReason() throws Exception {
        HttpResponse<String> garbage = open("not-a-token", browser);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("a JWT has three parts");
        HttpResponse<String> big = open("e".repeat(17_000), browser);
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(big.body()).contains("at most 16384");
        assertThat(lab("POST", "/api/lab", "{oops", browser).statusCode()).isEqualTo(400);
        HttpResponse<String> audience = lab("POST", "/api/lab", "{\"token\":\"" + V133.bindingToken("plain")
                + "\",\"audience\":\"   \"}", browser);
        assertThat(audience.statusCode()).isEqualTo(400);
        assertThat(audience.body()).contains("empty once its spaces are trimmed");
        // the same rules as the decoder's API: an audience is a string, and an empty one is left out
        HttpResponse<String> number = lab("POST", "/api/lab", "{\"token\":\"" + V133.bindingToken("plain")
                + "\",\"audience\":7}", browser);
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(number.body()).contains("\\\"audience\\\" must be a string");
        HttpResponse<String> empty = lab("POST", "/api/lab", "{\"token\":\"" + V133.bindingToken("plain")
                + "\",\"audience\":\"\"}", browser);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("leave \\\"audience\\\" out");
    }

    @Test
    void withoutTokenReviewTheLabShowsTheTokenAndNamesTheGrant() throws Exception {
        api.answerPost(TOKEN_REVIEWS, 403, "status-403-tokenreview-without-auth-delegator.json");
        HttpResponse<String> opened = open(V133.bindingToken("node-bound"), browser);
        assertThat(opened.statusCode()).isEqualTo(201);
        JsonNode lab = JSON.readTree(opened.body());
        assertThat(lab.get("state").asText()).isEqualTo("no-permission");
        assertThat(lab.get("reviewProblem").asText()).contains("system:auth-delegator");
        assertThat(lab.get("grant").toString()).contains("kubectl create clusterrolebinding");
        assertThat(lab.at("/token/boundTo").asText()).startsWith("Node study-node-b");
    }
}
