package dev.poddashboard.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Fixtures;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The points of the token timeline for kubelet-style, short, plain and legacy tokens. */
class TokenTimelineTest {
    private static TokenClaims claims(String raw) {
        return ((TokenDecoding.Decoded) new TokenDecoder().decode(raw)).typed();
    }

    private static Map<String, TokenTimeline.Point> points(TokenTimeline timeline) {
        return timeline.points().stream().collect(Collectors.toMap(TokenTimeline.Point::key, p -> p));
    }

    @Test
    void aKubeletStyleTokenIsRefreshedAt80PercentOfItsRequestedLifeAndItsExtendedExpLiesBeyond() {
        TokenClaims c = claims(Fixtures.token("kubelet-style-3607.jwt"));
        Instant now = c.issuedAt().plusSeconds(600);
        TokenTimeline t = TokenTimeline.of(c, now);
        Map<String, TokenTimeline.Point> p = points(t);
        assertThat(p).containsOnlyKeys("iat-nbf", "kubelet-refreshes", "warnafter", "exp");
        // 80 % of the requested 3,607 s (warnafter − iat), not of the year-long extended exp.
        assertThat(Instant.parse(p.get("kubelet-refreshes").utc())).isEqualTo(c.issuedAt().plusMillis(2_885_600));
        assertThat(p.get("iat-nbf").x()).isZero();
        assertThat(p.get("kubelet-refreshes").x()).isLessThan(p.get("warnafter").x());
        assertThat(p.get("exp").beyond()).isTrue();
        assertThat(p.get("exp").x()).isEqualTo(TokenTimeline.WIDTH);
        assertThat(p.get("iat-nbf").past()).isTrue();
        assertThat(p.get("warnafter").past()).isFalse();
        assertThat(t.nowX()).isGreaterThan(0).isLessThan(p.get("kubelet-refreshes").x());
        assertThat(t.bars()).extracting(TokenTimeline.Bar::kind).containsExactly("fresh", "refresh", "extended");
        assertThat(t.summary()).contains("Requested lifetime 60 min 7 s").contains("extended exp");
    }

    @Test
    void aShortTokenAndAPlainOneUseTheirExp() throws Exception {
        TokenClaims shortLived = claims(Fixtures.token("custom-audience.jwt")); // 600 s, as components/short-token asks
        Map<String, TokenTimeline.Point> p = points(TokenTimeline.of(shortLived, shortLived.issuedAt()));
        assertThat(p).containsOnlyKeys("iat-nbf", "kubelet-refreshes", "exp");
        assertThat(Instant.parse(p.get("kubelet-refreshes").utc())).isEqualTo(shortLived.issuedAt().plusSeconds(480));
        assertThat(p.get("exp").beyond()).isFalse();

        TokenClaims plain = claims(Fixtures.token("plain.jwt"));
        TokenTimeline late = TokenTimeline.of(plain, plain.expiresAt().plusSeconds(3600));
        assertThat(points(late).get("exp").past()).isTrue();
        assertThat(late.nowX()).isGreaterThan(points(late).get("exp").x());

        String minted = Files.readString(Fixtures.dir().resolve("node/tokens/kubelet-minted.jwt"));
        TokenClaims kubelet = claims(minted);
        assertThat(points(TokenTimeline.of(kubelet, kubelet.issuedAt()))).containsKeys("warnafter", "exp");
    }

    @Test
    void aLegacyTokenNeverExpiresAndTheTimelineSaysWhyThatIsDangerous() {
        TokenTimeline t = TokenTimeline.of(claims(Fixtures.token("legacy-secret.jwt")), Fixtures.CAPTURED_AT);
        assertThat(t.neverExpires()).isTrue();
        assertThat(t.points()).isEmpty();
        assertThat(t.summary()).contains("never expires").contains("kubectl create token");
    }
}
