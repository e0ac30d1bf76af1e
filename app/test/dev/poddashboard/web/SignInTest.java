package dev.poddashboard.web;

import static dev.poddashboard.testing.MockApiServer.SARS;
import static dev.poddashboard.testing.MockApiServer.SSARS;
import static dev.poddashboard.testing.MockApiServer.TOKEN_REVIEWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.Main;
import dev.poddashboard.config.InvalidSettingException;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * AUTH_MODE=token against the mock API server: TokenReview answers as the captured server answered (authenticated,
 * invalid, expired, refused without auth-delegator), SubjectAccessReview answers with the captured access-review
 * statuses (allowed: list pods in dashboard; denied: in other). Each route's gate, the ten-second cache, sign-in and
 * sign-out, the cookie, cross-site POSTs, and the visitor's token in no response (RunningApp checks every body).
 */
class SignInTest {
    static final String USER = "system:serviceaccount:dashboard:dashboard-sa";
    private static final ObjectMapper JSON = Main.objectMapper();
    private MockApiServer api;
    private MutableClock clock;
    private RunningApp app;

    /** The captured server's answers to the visitors' tokens and to what they may see. */
    static MockApiServer visitors(MockApiServer api) {
        api.withDashboardNamespace().withOidcDiscovery().withReviews();
        api.answerPostContaining(TOKEN_REVIEWS, Fixtures.token("plain.jwt"), 201, Fixtures.api("tokenreview-response-authenticated.json"));
        api.answerPostContaining(TOKEN_REVIEWS, Fixtures.token("tampered.jwt"), 201, Fixtures.api("tokenreview-response-invalid.json"));
        api.answerPostContaining(TOKEN_REVIEWS, Fixtures.token("expired.jwt"), 201, Fixtures.api("tokenreview-response-expired.json"));
        // The dashboard may review (components/token-review): its own access reviews say so.
        api.answerPost(SSARS, 201, "selfsubjectaccessreview-allowed.json");
        api.answerPost(SARS, 201, "selfsubjectaccessreview-denied.json"); // RBAC denies what nothing allows
        allowIn(api, "dashboard");
        api.answerPostContaining(SARS, "\"namespace\":\"other\"", 201, Fixtures.api("selfsubjectaccessreview-denied.json"));
        api.answerPostContaining(SARS, "\"nonResourceAttributes\"", 201, Fixtures.api("selfsubjectaccessreview-allowed.json"));
        return api;
    }

    static void allowIn(MockApiServer api, String namespace) {
        api.answerPostContaining(SARS, "\"namespace\":\"" + namespace + "\"", 201, Fixtures.api("selfsubjectaccessreview-allowed.json"));
    }

    private void start() {
        api = visitors(new MockApiServer());
        clock = new MutableClock(Fixtures.CAPTURED_AT);
        app = RunningApp.inCluster(api, clock, Map.of("AUTH_MODE", "token"));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        api.close();
    }

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return app.send(request.build());
    }

    private static String bearer(String file) {
        return "Bearer " + Fixtures.token(file);
    }

    private HttpResponse<String> signIn(String token, String next) {
        String form = "token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8) + "&next="
                + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
        return app.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", app.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String session(HttpResponse<String> response) {
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("pd-session="))
                .findFirst().orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void withoutCredentialsEveryPageIsA401ButHealthAndAssetsAreOpen() throws Exception {
        start();
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"pod-dashboard\"");
        assertThat(page.body()).contains("id=\"sign-in-form\"").contains("Sign in with your Kubernetes token")
                .contains("name=\"next\" value=\"/\"").doesNotContain("pod-row");
        HttpResponse<String> json = get("/api/pods");
        assertThat(json.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(json.body()).at("/error/message").asText()).contains("Authorization: Bearer");
        for (String path : List.of("/api/token", "/token/decode", "/access", "/pods/my-kubernetes-dashboard", "/metrics",
                "/api/pods/events/room")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(401);
        }
        for (String path : List.of("/healthz", "/readyz", "/static/css/app.css", "/login")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
        // the app asked the API server nothing on a visitor's behalf
        assertThat(api.requests()).noneSatisfy(r -> assertThat(r.getUrl()).contains("subjectaccessreviews").doesNotContain("self"));
    }

    @Test
    void aBearerTokenGetsWhatItsUserMaySeeAndA403NamesWhatItMayNot() throws Exception {
        start();
        HttpResponse<String> page = get("/", "Authorization", bearer("plain.jwt"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-name=\"my-kubernetes-dashboard\"");
        assertThat(api.requests()).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("\"kind\":\"SubjectAccessReview\"")
                .contains("\"user\":\"" + USER + "\"").contains("\"verb\":\"list\"").contains("\"resource\":\"pods\"")
                .contains("\"namespace\":\"dashboard\""));
        HttpResponse<String> other = get("/?namespace=other", "Authorization", bearer("plain.jwt"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("Not allowed for you").contains(USER + " may not list pods in namespace other")
                .contains("kubectl auth can-i list pods -n other --as=" + USER)
                .contains("kubectl create rolebinding dashboard-sa-can-list-pods --role=can-list-pods --serviceaccount=dashboard:dashboard-sa -n other");
        assertThat(get("/api/pods?namespace=other", "Authorization", bearer("plain.jwt")).statusCode()).isEqualTo(403);
        // a pod and its log need get pods and get pods/log
        assertThat(get("/api/pods/my-kubernetes-dashboard", "Authorization", bearer("plain.jwt")).statusCode()).isEqualTo(200);
        assertThat(api.requests()).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("\"verb\":\"get\"")
                .contains("\"name\":\"my-kubernetes-dashboard\""));
        HttpResponse<String> all = get("/?all-namespaces=true", "Authorization", bearer("plain.jwt"));
        assertThat(api.requests()).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("\"kind\":\"SubjectAccessReview\"")
                .contains("\"verb\":\"list\"").doesNotContain("\"namespace\""));
        assertThat(all.statusCode()).isEqualTo(403);
        assertThat(all.body()).contains("may not list pods in all namespaces")
                .contains("kubectl auth can-i list pods --all-namespaces --as=" + USER)
                .contains("kubectl create clusterrole list-pods-everywhere --verb=list --resource=pods");
        assertThat(get("/metrics", "Authorization", bearer("plain.jwt")).statusCode()).isEqualTo(200);
        assertThat(api.requests()).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("\"nonResourceAttributes\":{\"path\":\"/metrics\",\"verb\":\"get\"}"));
    }

    @Test
    void twoVisitorsShownTheSamePodsEachSeeTheirOwnName() {
        start();
        String student = "system:serviceaccount:dashboard:student-2";
        api.answerPostContaining(TOKEN_REVIEWS, Fixtures.token("legacy-secret.jwt"), 201,
                Fixtures.api("tokenreview-response-legacy-secret.json").replace(USER, student));
        String first = get("/", "Authorization", bearer("plain.jwt")).body();
        String second = get("/", "Authorization", bearer("legacy-secret.jwt")).body();
        // the same list, so the same page but for whose it is (the list page is kept as last rendered: LastPage)
        assertThat(first).contains("data-name=\"my-kubernetes-dashboard\"").contains("signed in as <strong>" + USER + "</strong>");
        assertThat(second).contains("data-name=\"my-kubernetes-dashboard\"").contains("signed in as <strong>" + student + "</strong>")
                .doesNotContain(USER + "</strong>");
        assertThat(get("/", "Authorization", bearer("plain.jwt")).body()).isEqualTo(first);
    }

    @Test
    void aRejectedTokenIsA401ThatSaysWhy() {
        start();
        HttpResponse<String> tampered = get("/", "Authorization", bearer("tampered.jwt"));
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(tampered.body()).contains("no longer accepts your token").contains("invalid bearer token");
        HttpResponse<String> expired = signIn(Fixtures.token("expired.jwt"), "/");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("The API server did not accept this token").contains("service account token has expired");
        assertThat(expired.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("pd-session="));
        HttpResponse<String> garbage = signIn("not a token at all", "/");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("That is not a bearer token");
    }

    @Test
    void signInKeepsASessionInAStrictHttpOnlyCookieAndSignOutEndsIt() {
        start();
        HttpResponse<String> signedIn = signIn(Fixtures.token("plain.jwt"), "/?namespace=dashboard");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/?namespace=dashboard");
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("pd-session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/").contains("Max-Age=");
        // never past the token's own exp: plain.jwt lives 3600 s from its iat, 1 s before the capture
        int maxAge = Integer.parseInt(setCookie.replaceAll(".*Max-Age=(\\d+).*", "$1"));
        assertThat(maxAge).isBetween(3590, 3600);
        String cookie = session(signedIn);
        assertThat(setCookie).doesNotContain(Fixtures.token("plain.jwt"));

        HttpResponse<String> page = get("/", "Cookie", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("signed in as <strong>" + USER + "</strong>").contains("via <span>a service-account token</span>")
                .contains("id=\"sign-out\"");
        HttpResponse<String> signedOut = app.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/logout"))
                .header("Cookie", cookie).header("Origin", app.baseUrl()).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("pd-session=;")
                .contains("Expires=Thu, 01 Jan 1970"));
        HttpResponse<String> after = get("/", "Cookie", cookie);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("Your session has ended");
    }

    @Test
    void signInGoesOnlyToAPageOfThisDashboard() {
        start();
        for (String next : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)")) {
            assertThat(signIn(Fixtures.token("plain.jwt"), next).headers().firstValue("Location")).as(next).hasValue("/");
        }
    }

    @Test
    void decisionsAreKeptForAtMostTenSeconds() {
        start();
        String cookie = session(signIn(Fixtures.token("plain.jwt"), "/"));
        assertThat(get("/?namespace=dashboard", "Cookie", cookie).statusCode()).isEqualTo(200);
        // The RoleBinding is removed: the API server now denies list pods in dashboard.
        api.answerPostContaining(SARS, List.of("\"namespace\":\"dashboard\"", "\"list\""), 201,
                Fixtures.api("selfsubjectaccessreview-denied.json"));
        clock.advance(Duration.ofSeconds(5));
        assertThat(get("/?namespace=dashboard", "Cookie", cookie).statusCode()).as("cached for up to 10 s").isEqualTo(200);
        clock.advance(Duration.ofSeconds(6));
        HttpResponse<String> refused = get("/?namespace=dashboard", "Cookie", cookie);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains(USER + " may not list pods in namespace dashboard");
        // the token revoked: at the next review, after the cache, a 401
        api.answerPostContaining(TOKEN_REVIEWS, List.of(Fixtures.token("plain.jwt"), "TokenReview"), 201,
                Fixtures.api("tokenreview-response-invalid.json"));
        clock.advance(Duration.ofSeconds(11));
        assertThat(get("/token/decode", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void withoutAuthDelegatorTheVisitorsAreRefusedAndSaidWhy() {
        start();
        api.answerPostContaining(TOKEN_REVIEWS, List.of(Fixtures.token("plain.jwt"), "TokenReview"), 403,
                Fixtures.api("status-403-tokenreview-without-auth-delegator.json"));
        HttpResponse<String> page = get("/", "Authorization", bearer("plain.jwt"));
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Cannot check who you are").contains("system:auth-delegator");
    }

    @Test
    void withoutAuthDelegatorTokenModeDoesNotStart() {
        api = new MockApiServer().withDashboardNamespace();
        api.answerPost(SSARS, 201, "selfsubjectaccessreview-denied.json");
        assertThatThrownBy(() -> RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT), Map.of("AUTH_MODE", "token")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("AUTH_MODE").hasMessageContaining("components/token-review")
                .hasMessageContaining("system:auth-delegator");
        assertThatThrownBy(() -> RunningApp.start(Map.of("DASHBOARD_MODE", "demo", "AUTH_MODE", "token"),
                new MutableClock(Fixtures.CAPTURED_AT), null)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("demo mode has none");
    }

    @Test
    void aCrossSitePostIsRefusedInBothModes() {
        start();
        String cookie = session(signIn(Fixtures.token("plain.jwt"), "/"));
        HttpResponse<String> evil = app.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/logout"))
                .header("Cookie", cookie).header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(evil.body()).contains("Cross-site request refused");
        assertThat(get("/", "Cookie", cookie).statusCode()).as("still signed in").isEqualTo(200);
        app.close();
        app = RunningApp.inCluster(api, clock);
        for (String[] header : List.of(new String[]{"Origin", "https://evil.example"}, new String[]{"Sec-Fetch-Site", "cross-site"},
                new String[]{"Sec-Fetch-Site", "same-site"})) {
            HttpResponse<String> decode = app.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/token/decode"))
                    .header("Content-Type", "application/json").header(header[0], header[1])
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + Fixtures.token("plain.jwt") + "\"}")).build());
            assertThat(decode.statusCode()).as(header[0] + ": " + header[1]).isEqualTo(403);
        }
        HttpResponse<String> same = app.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/token/decode"))
                .header("Content-Type", "application/json").header("Origin", app.baseUrl()).header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + Fixtures.token("plain.jwt") + "\"}")).build());
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(app.get("/").statusCode()).as("none mode: no sign-in").isEqualTo(200);
    }
}
