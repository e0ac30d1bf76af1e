package dev.poddashboard.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.version.KubeVersion;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Explanations at the capture time: the tokens are real and have expired since, so the clock is fixed. */
class TokenExplainerTest {
    private final TokenExplainer explainer = new TokenExplainer(Clock.fixed(Fixtures.CAPTURED_AT, ZoneOffset.UTC));

    private TokenView explain(String file) {
        return explainer.explain((TokenDecoding.Decoded) new TokenDecoder().decode(Fixtures.token(file)), KubeVersion.DEMO);
    }

    @Test
    void kubeletTokenExpiresInPracticeAtWarnAfterAndRotatesAt80Percent() {
        TokenView v = explain("kubelet-style-3607.jwt");
        assertThat(v.kind()).isEqualTo(TokenKind.BOUND);
        assertThat(v.state()).isEqualTo("valid");
        assertThat(v.expiry().claim()).isEqualTo("kubernetes.io.warnafter");
        assertThat(v.expiry().utc()).isEqualTo("2026-11-22T08:57:43Z");
        assertThat(v.expiry().relative()).isEqualTo("in 60 min");
        assertThat(v.times()).extracting(TokenView.TimeRow::claim).containsExactly("iat", "nbf", "exp", "kubernetes.io.warnafter");
        assertThat(v.times()).filteredOn(t -> t.claim().equals("exp")).singleElement()
                .satisfies(t -> assertThat(t.relative()).isEqualTo("in 364 days"));
        // a year less one second from the capture time; iat 07:57:36 + 80 % of 3607 s = 2885.6 s
        assertThat(v.rotation()).contains("2026-11-22T08:45:41.600Z").contains("in 48 min");
        assertThat(v.claims()).extracting(TokenView.Row::name).contains("kubernetes.io.pod.name", "kubernetes.io.warnafter");
        assertThat(v.boundTo()).isEqualTo("Pod my-kubernetes-dashboard (uid 02b5bb08-ee0d-4faf-901d-e966d9f186aa)");
        assertThat(v.serviceAccount()).isEqualTo("dashboard/dashboard-sa");
        assertThat(v.signature()).isEqualTo("redacted");
        assertThat(v.rawJson()).contains("\"warnafter\" : 1795337863").doesNotContain(Fixtures.token("kubelet-style-3607.jwt").split("\\.")[2]);
    }

    @Test
    void plainTokenIsNotBoundAndHasNoRotation() {
        TokenView v = explain("plain.jwt");
        assertThat(v.boundTo()).isNull();
        assertThat(v.rotation()).isNull();
        assertThat(v.expiry().claim()).isEqualTo("exp");
        assertThat(v.expiry().relative()).isEqualTo("in 59 min");
    }

    @Test
    void legacyTokenNeverExpiresAndSaysSo() {
        TokenView v = explain("legacy-secret.jwt");
        assertThat(v.kind()).isEqualTo(TokenKind.LEGACY);
        assertThat(v.state()).isEqualTo("never expires");
        assertThat(v.expiry()).isNull();
        assertThat(v.kindExplanation()).contains("never expires").contains("TokenRequest");
        assertThat(v.claims()).extracting(TokenView.Row::name).contains("kubernetes.io/serviceaccount/secret.name");
        assertThat(v.claims()).allMatch(TokenView.Row::known);
    }

    @Test
    void expiredTokenReadsExpiredOnceItsTimeHasCome() {
        TokenExplainer later = new TokenExplainer(Clock.fixed(Fixtures.CAPTURED_AT.plusSeconds(11 * 60), ZoneOffset.UTC));
        TokenView v = later.explain((TokenDecoding.Decoded) new TokenDecoder().decode(Fixtures.token("expired.jwt")), KubeVersion.DEMO);
        assertThat(v.state()).isEqualTo("expired");
        assertThat(v.expiry().relative()).isEqualTo("60 s ago");
    }

    @Test
    void unknownClaimsStillShow() {
        TokenView v = explainer.explain((TokenDecoding.Decoded) new TokenDecoder().decode(TokenDecoderTest.forged(
                "{\"alg\":\"RS256\",\"x-extra\":\"h\"}", "{\"iss\":\"https://k\",\"team\":\"blue\",\"kubernetes.io\":{\"namespace\":\"a\",\"zone\":\"z1\"}}")), KubeVersion.DEMO);
        assertThat(v.claims()).filteredOn(r -> !r.known()).extracting(TokenView.Row::name).containsExactly("kubernetes.io.zone", "team");
        assertThat(v.header()).filteredOn(r -> !r.known()).extracting(TokenView.Row::name).containsExactly("x-extra");
        assertThat(v.kind()).isEqualTo(TokenKind.BOUND);
    }

    @Test
    void aTokenWithoutKubernetesClaimsIsAnotherKind() {
        TokenView v = explainer.explain((TokenDecoding.Decoded) new TokenDecoder().decode(TokenDecoderTest.forged(
                "{\"alg\":\"ES256\"}", "{\"iss\":\"https://accounts.example.com\",\"sub\":\"alice\",\"aud\":\"kubernetes\"}")), KubeVersion.DEMO);
        assertThat(v.kind()).isEqualTo(TokenKind.OTHER);
        assertThat(v.serviceAccount()).isNull();
    }
}
