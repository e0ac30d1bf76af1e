package dev.poddashboard.web;

import static dev.poddashboard.testing.MockApiServer.TOKEN_REVIEWS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.poddashboard.Main;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /token, /api/token and the decoder, in-cluster against a mock API server answering as the captured one. */
class TokenPagesTest {
    private static final ObjectMapper JSON = Main.objectMapper();
    private MockApiServer api;
    private MutableClock clock;
    private RunningApp app;

    @BeforeEach
    void start() {
        api = new MockApiServer().withDashboardNamespace().withOidcDiscovery().withReviews();
        clock = new MutableClock(Fixtures.CAPTURED_AT);
        app = RunningApp.inCluster(api, clock);
    }

    @AfterEach
    void stop() {
        app.close();
        api.close();
    }

    @Test
    void tokenPageExplainsTheMountedKubeletToken() {
        HttpResponse<String> page = app.get("/token");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body())
                .contains("Bound projected service-account token")
                .contains("<code id=\"token-sa\">dashboard/dashboard-sa</code>")
                .contains("id=\"token-bound\" data-kind=\"POD\">Pod my-kubernetes-dashboard (uid 02b5bb08-ee0d-4faf-901d-e966d9f186aa)</dd>")
                .contains("kubernetes.io.warnafter", "2026-11-22T08:57:43Z", "in 60 min")
                .contains("2026-11-22T08:45:41.600Z")
                .contains("<code id=\"token-signature\">redacted</code>")
                .contains("j_OpA088j0RPQswOSmxfCeJJ7OfvnegkwNR1sx744wc")
                .contains("data-target=\"1795337863\"").contains("data-server-now=\"1795334257\"");
        // the directory, like ls
        assertThat(page.body()).contains("<code id=\"namespace-file\">dashboard</code>").contains("CN=pod-dashboard-test-ca")
                .contains(Fixtures.token("kubelet-style-3607.jwt").length() + "</span> characters");
    }

    @Test
    void signatureIsVerifiedWithTheJwksFetchedOnceWithTheRightAccept() {
        String page = app.get("/token").body();
        assertThat(page).contains("Signature <span class=\"status-badge tone-ok\">valid</span>");
        app.get("/token");
        long jwksFetches = api.requests().stream().filter(r -> r.getUrl().equals("/openid/v1/jwks")).count();
        assertThat(jwksFetches).isEqualTo(1);
        LoggedRequest jwks = api.requests().stream().filter(r -> r.getUrl().equals("/openid/v1/jwks")).findFirst().orElseThrow();
        assertThat(jwks.getHeader("Accept")).contains("application/jwk-set+json");
    }

    @Test
    void reviewsShowWhatTheApiServerMakesOfTheToken() {
        String page = app.get("/token").body();
        assertThat(page).contains("TokenReview <span class=\"status-badge tone-ok\">authenticated</span>")
                .contains("system:serviceaccount:dashboard:dashboard-sa")
                .contains("extra authentication.kubernetes.io/pod-name").contains("my-kubernetes-dashboard")
                .contains("the API server stores nothing");
        assertThat(page).contains("Who am I?").contains("02b5bb08-ee0d-4faf-901d-e966d9f186aa");
        assertThat(page).contains("data-resource=\"pods\"").contains("selfsubjectreviews.authentication.k8s.io");
        LoggedRequest review = api.requests().stream().filter(r -> r.getUrl().contains("tokenreviews")).findFirst().orElseThrow();
        assertThat(review.getBodyAsString()).contains("\"kind\":\"TokenReview\"")
                .contains(Fixtures.token("kubelet-style-3607.jwt"));
        LoggedRequest rules = api.requests().stream().filter(r -> r.getUrl().contains("selfsubjectrulesreviews")).findFirst().orElseThrow();
        assertThat(rules.getBodyAsString()).contains("\"namespace\":\"dashboard\"");
    }

    @Test
    void aDeniedTokenReviewExplainsAuthDelegatorAndTheRestStillShows() {
        api.answerPost(TOKEN_REVIEWS, 403, "status-403-tokenreview-without-auth-delegator.json");
        String page = app.get("/token").body();
        assertThat(page).contains("system:auth-delegator")
                .contains("kubectl create clusterrolebinding dashboard-sa-auth-delegator --clusterrole=system:auth-delegator --serviceaccount=dashboard:dashboard-sa")
                .contains("kind: ClusterRoleBinding");
        assertThat(page).contains("Signature <span class=\"status-badge tone-ok\">valid</span>").contains("Who am I?")
                .contains("data-resource=\"pods\"");
    }

    @Test
    void forbiddenDiscoveryNamesTheIssuerDiscoveryRole() {
        api.answer("/.well-known/openid-configuration", 403, "status-403-anonymous-list-pods.json");
        String page = app.get("/token").body();
        assertThat(page).contains("keys-unavailable").contains("system:service-account-issuer-discovery");
        assertThat(page).contains("TokenReview <span class=\"status-badge tone-ok\">authenticated</span>");
    }

    @Test
    void apiTokenHasClaimsAndResultsButNeverTheTokenOrItsSignature() throws Exception {
        HttpResponse<String> response = app.get("/api/token");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("state").asText()).isEqualTo("mounted");
        assertThat(body.at("/token/kind").asText()).isEqualTo("BOUND");
        assertThat(body.at("/token/serviceAccount").asText()).isEqualTo("dashboard/dashboard-sa");
        assertThat(body.at("/token/expiry/utc").asText()).isEqualTo("2026-11-22T08:57:43Z");
        assertThat(body.at("/signature/result").asText()).isEqualTo("valid");
        assertThat(body.at("/review/result").asText()).isEqualTo("ok");
        assertThat(body.at("/review/value/authenticated").asBoolean()).isTrue();
        assertThat(body.at("/whoAmI/value/username").asText()).isEqualTo("system:serviceaccount:dashboard:dashboard-sa");
        assertThat(body.at("/rules/value/resources").size()).isEqualTo(4);
        String raw = Fixtures.token("kubelet-style-3607.jwt");
        assertThat(response.body()).doesNotContain(raw).doesNotContain(raw.substring(raw.lastIndexOf('.') + 1));
    }

    @Test
    void aRotatedTokenShowsOnTheNextRequest() {
        assertThat(app.get("/token").body()).contains("Pod my-kubernetes-dashboard");
        app.rotateToken(Fixtures.token("secret-bound.jwt"));
        assertThat(app.get("/token").body()).contains("Secret dashboard-bound-secret");
    }

    @Test
    void aLegacyTokenGetsAProminentWarning() {
        app.rotateToken(Fixtures.token("legacy-secret.jwt"));
        clock.advance(Duration.ofDays(400));
        String page = app.get("/token").body();
        assertThat(page).contains("Legacy Secret-based service-account token").contains("id=\"legacy-warning\"")
                .contains("never expires").contains("kubectl create token");
    }

    @Test
    void noMountedTokenIsExplainedNotAnError() throws IOException {
        app.close();
        app = RunningApp.inCluster(api, clock, RunningApp::deleteToken);
        HttpResponse<String> page = app.get("/token");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No token is mounted").contains("automountServiceAccountToken: false")
                // whoami and can-i cannot be asked without a token: each says why on its own line
                .contains("no service-account token is mounted, so the dashboard cannot authenticate");
        assertThat(app.get("/api/token").body()).contains("\"state\":\"not-mounted\"");
    }

    @Test
    void aMalformedTokenFileSaysWhatIsWrong() {
        app.rotateToken("not-a-jwt");
        String page = app.get("/token").body();
        assertThat(page).contains("The token file is not a usable JWT.").contains("this has 1");
    }

    @Test
    void decodeFormRoundTripsAPastedToken() {
        HttpResponse<String> page = app.postForm("/token/decode", "token", Fixtures.token("custom-audience.jwt"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("vault").contains("Bound projected service-account token")
                .contains("Signature <span class=\"status-badge tone-ok\">valid</span>");
        assertThat(app.get("/token/decode").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aTokenPastedWithItsBearerPrefixIsReviewedWithoutIt() {
        app.postForm("/token/decode", "token", "Bearer " + Fixtures.token("plain.jwt") + "\n");
        LoggedRequest review = api.requests().stream().filter(r -> r.getUrl().contains("tokenreviews")).reduce((a, b) -> b).orElseThrow();
        assertThat(review.getBodyAsString()).contains("\"token\":\"" + Fixtures.token("plain.jwt") + "\"").doesNotContain("Bearer");
    }

    @Test
    void decodeGarbageIs400WithAPreciseMessage() {
        HttpResponse<String> page = app.postForm("/token/decode", "token", "hello world");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("a JWT has three parts").contains("id=\"decode-form\"");
        HttpResponse<String> big = app.postForm("/token/decode", "token", "e".repeat(20_000));
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(big.body()).contains("at most 16384 (16 KiB)");
        assertThat(app.postForm("/token/decode", "other", "x").body()).contains("no token");
        HttpResponse<String> huge = app.postForm("/token/decode", "token", "e".repeat(100_000));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("Request too large");
        assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void decodeJsonApi() throws Exception {
        HttpResponse<String> ok = app.postJson("/api/token/decode", "{\"token\":\"" + Fixtures.token("plain.jwt") + "\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).at("/token/boundTo").isNull()).isTrue();
        HttpResponse<String> none = app.postJson("/api/token/decode", "{\"token\": 5}");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("a JSON object with the token as a string");
        HttpResponse<String> alg = app.postJson("/api/token/decode", "{\"token\":\"" + "eyJhbGciOiJub25lIn0.e30.c2ln" + "\"}");
        assertThat(alg.statusCode()).isEqualTo(400);
        assertThat(alg.body()).contains("unsigned token");
        assertThat(app.postJson("/api/token/decode", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void tamperedTokenPastedIsInvalidAndTheApiServerSaysSo() {
        api.answerPost(TOKEN_REVIEWS, 201, "tokenreview-response-invalid.json");
        String page = app.postForm("/token/decode", "token", Fixtures.token("tampered.jwt")).body();
        assertThat(page).contains("the signature does not match").contains("not authenticated")
                .contains("invalid bearer token");
    }

    @Test
    void theDecoderAsksTheApiServerAtMostThirtyTimesAMinuteForOneBrowser() {
        for (int i = 0; i < 30; i++) {
            assertThat(app.postJson("/api/token/decode", "{\"token\":\"" + Fixtures.token("plain.jwt") + "\"}").statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> refused = app.postJson("/api/token/decode", "{\"token\":\"" + Fixtures.token("plain.jwt") + "\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("at most 30 a minute");
    }
}
