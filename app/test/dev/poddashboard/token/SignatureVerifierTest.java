package dev.poddashboard.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Fixtures;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Offline verification with the captured JWKS, at a fixed clock. */
class SignatureVerifierTest {
    private static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
    private static final JwkSet JWKS = Jwks.setParser().build().parse(Fixtures.api("jwks.json"));

    /** The captured key set, as OidcKeys would serve it. */
    static final SigningKeys CAPTURED = keyId -> JWKS.getKeys().stream().filter(k -> k.getId().equals(keyId)).findFirst()
            .<SigningKeys.KeyLookup>map(k -> new SigningKeys.KeyLookup.Found(k.toKey(), ISSUER))
            .orElseGet(() -> new SigningKeys.KeyLookup.UnknownKey(
                    JWKS.getKeys().stream().map(Jwk::getId).collect(Collectors.toSet()), ISSUER));

    private static SignatureCheck verify(String file, Instant at) {
        return verify(CAPTURED, Fixtures.token(file), at);
    }

    private static SignatureCheck verify(SigningKeys keys, String raw, Instant at) {
        TokenDecoding.Decoded decoded = (TokenDecoding.Decoded) new TokenDecoder().decode(raw);
        return new SignatureVerifier(keys, Clock.fixed(at, ZoneOffset.UTC)).verify(raw, decoded);
    }

    @Test
    void everyGenuineTokenVerifiesAtCaptureTime() {
        for (String file : new String[] {"pod-bound.jwt", "plain.jwt", "kubelet-style-3607.jwt", "custom-audience.jwt",
                "secret-bound.jwt", "expired.jwt"}) {
            assertThat(verify(file, Fixtures.CAPTURED_AT)).as(file).isInstanceOf(SignatureCheck.Valid.class);
        }
        SignatureCheck.Valid valid = (SignatureCheck.Valid) verify("pod-bound.jwt", Fixtures.CAPTURED_AT);
        assertThat(valid.keyId()).isEqualTo("j_OpA088j0RPQswOSmxfCeJJ7OfvnegkwNR1sx744wc");
        assertThat(valid.issuer()).isEqualTo(ISSUER);
    }

    @Test
    void tamperedSignatureIsInvalid() {
        assertThat(verify("tampered.jwt", Fixtures.CAPTURED_AT)).isEqualTo(new SignatureCheck.Invalid(
                "the signature does not match: the token was altered, or signed by a different key"));
    }

    @Test
    void expiredTokenIsInvalidAfterExpPlusSkew() {
        // exp 08:07:37; 60 s of skew are allowed
        assertThat(verify("expired.jwt", Instant.parse("2026-11-22T08:08:30Z"))).isInstanceOf(SignatureCheck.Valid.class);
        assertThat(verify("expired.jwt", Instant.parse("2026-11-22T08:08:40Z"))).isInstanceOfSatisfying(SignatureCheck.Invalid.class,
                i -> assertThat(i.reason()).contains("expired at 2026-11-22T08:07:37Z"));
    }

    @Test
    void unknownKeyIdIsInvalidAndNamesTheKnownKeys() {
        SigningKeys other = keyId -> new SigningKeys.KeyLookup.UnknownKey(Set.of("some-other-kid"), ISSUER);
        assertThat(verify(other, Fixtures.token("plain.jwt"), Fixtures.CAPTURED_AT)).isInstanceOfSatisfying(SignatureCheck.Invalid.class,
                i -> assertThat(i.reason()).contains("no key with kid \"j_OpA088j0RPQswOSmxfCeJJ7OfvnegkwNR1sx744wc\"").contains("some-other-kid"));
    }

    @Test
    void legacyTokenVerifiesWithANoteAboutItsIssuer() {
        assertThat(verify("legacy-secret.jwt", Fixtures.CAPTURED_AT.plusSeconds(86_400 * 400)))
                .isInstanceOfSatisfying(SignatureCheck.Valid.class, v -> assertThat(v.note()).contains("legacy issuer"));
    }

    @Test
    void issuerMustMatchDiscovery() {
        SigningKeys elsewhere = keyId -> new SigningKeys.KeyLookup.Found(JWKS.getKeys().iterator().next().toKey(), "https://issuer.example");
        assertThat(verify(elsewhere, Fixtures.token("plain.jwt"), Fixtures.CAPTURED_AT)).isInstanceOfSatisfying(SignatureCheck.Invalid.class,
                i -> assertThat(i.reason()).contains("is not this API server's issuer \"https://issuer.example\""));
    }

    @Test
    void unavailableKeysAreReportedAsSuch() {
        SigningKeys forbidden = keyId -> new SigningKeys.KeyLookup.Unavailable("forbidden", true);
        assertThat(verify(forbidden, Fixtures.token("plain.jwt"), Fixtures.CAPTURED_AT))
                .isEqualTo(new SignatureCheck.KeysUnavailable("forbidden", true));
    }
}
