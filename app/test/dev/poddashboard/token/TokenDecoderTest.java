package dev.poddashboard.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenDecoderTest {
    private final TokenDecoder decoder = new TokenDecoder();

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A token with any header and payload, and a signature that is only well-formed. */
    static String forged(String header, String payload) {
        return b64(header) + "." + b64(payload) + ".c2lnbmF0dXJl";
    }

    private TokenDecoding.Decoded decoded(String token) {
        TokenDecoding result = decoder.decode(token);
        assertThat(result).isInstanceOf(TokenDecoding.Decoded.class);
        return (TokenDecoding.Decoded) result;
    }

    private String rejection(String token) {
        TokenDecoding result = decoder.decode(token);
        assertThat(result).isInstanceOf(TokenDecoding.Malformed.class);
        return ((TokenDecoding.Malformed) result).reason();
    }

    @Test
    void podBoundTokenDecodesWithItsPodAndServiceAccount() {
        TokenDecoding.Decoded t = decoded(Fixtures.token("pod-bound.jwt"));
        assertThat(t.algorithm()).isEqualTo("RS256");
        assertThat(t.keyId()).isEqualTo("j_OpA088j0RPQswOSmxfCeJJ7OfvnegkwNR1sx744wc");
        TokenClaims c = t.typed();
        assertThat(c.issuer()).isEqualTo("https://kubernetes.default.svc.cluster.local");
        assertThat(c.subject()).isEqualTo("system:serviceaccount:dashboard:dashboard-sa");
        assertThat(c.audiences()).containsExactly("https://kubernetes.default.svc.cluster.local");
        assertThat(c.expiresAt()).isEqualTo(Instant.parse("2026-11-22T08:57:36Z"));
        assertThat(c.kubernetes().pod()).isEqualTo(new TokenClaims.ObjectRef("my-kubernetes-dashboard", "02b5bb08-ee0d-4faf-901d-e966d9f186aa"));
        assertThat(c.kubernetes().serviceAccount().uid()).isEqualTo("404681b7-9157-48ee-ba09-c012c5b7e36b");
        assertThat(c.kubernetes().node()).isNull();
        assertThat(c.jwtId()).isNull();
        assertThat(c.serviceAccount()).isEqualTo("dashboard/dashboard-sa");
        assertThat(c.binding()).isEqualTo(new Binding(Binding.Kind.POD, "Pod", "my-kubernetes-dashboard", "02b5bb08-ee0d-4faf-901d-e966d9f186aa", ""));
        assertThat(TokenKind.of(c)).isEqualTo(TokenKind.BOUND);
    }

    @Test
    void kubeletTokenCarriesWarnAfterAndAYearLongExp() {
        TokenClaims c = decoded(Fixtures.token("kubelet-style-3607.jwt")).typed();
        assertThat(c.kubernetes().warnAfter()).isEqualTo(Instant.parse("2026-11-22T08:57:43Z"));
        assertThat(c.expiresAt()).isEqualTo(Instant.parse("2027-11-22T07:57:36Z"));
        assertThat(c.issuedAt()).isEqualTo(Instant.parse("2026-11-22T07:57:36Z"));
    }

    @Test
    void plainCustomAudienceAndSecretBoundTokens() {
        assertThat(decoded(Fixtures.token("plain.jwt")).typed().binding()).isEqualTo(Binding.NONE);
        assertThat(decoded(Fixtures.token("custom-audience.jwt")).typed().audiences()).containsExactly("vault");
        TokenClaims secret = decoded(Fixtures.token("secret-bound.jwt")).typed();
        assertThat(secret.binding().label()).startsWith("Secret dashboard-bound-secret (uid ");
    }

    @Test
    void legacyTokenHasFlatClaimsAndNoExpiry() {
        TokenClaims c = decoded(Fixtures.token("legacy-secret.jwt")).typed();
        assertThat(TokenKind.of(c)).isEqualTo(TokenKind.LEGACY);
        assertThat(c.expiresAt()).isNull();
        assertThat(c.issuedAt()).isNull();
        assertThat(c.audiences()).isEmpty();
        assertThat(c.legacy().secretName()).isEqualTo("dashboard-sa-legacy-token");
        assertThat(c.serviceAccount()).isEqualTo("dashboard/dashboard-sa");
    }

    @Test
    void tamperedTokenDecodesLikeTheOriginal() {
        assertThat(decoded(Fixtures.token("tampered.jwt")).claims()).isEqualTo(decoded(Fixtures.token("pod-bound.jwt")).claims());
    }

    @Test
    void newerServersClaimsAreReadWhenPresent() {
        TokenClaims c = decoded(forged("{\"alg\":\"RS256\",\"kid\":\"k\"}",
                "{\"iss\":\"https://k\",\"sub\":\"system:serviceaccount:a:b\",\"jti\":\"5f0c\",\"kubernetes.io\":{\"namespace\":\"a\","
                        + "\"node\":{\"name\":\"n1\",\"uid\":\"u1\"},\"pod\":{\"name\":\"p\",\"uid\":\"u2\"},\"serviceaccount\":{\"name\":\"b\",\"uid\":\"u3\"}}}")).typed();
        assertThat(c.jwtId()).isEqualTo("5f0c");
        assertThat(c.kubernetes().node()).isEqualTo(new TokenClaims.ObjectRef("n1", "u1"));
    }

    @Test
    void aBearerPrefixAndSurroundingWhitespaceAreTolerated() {
        assertThat(decoded("  Bearer " + Fixtures.token("plain.jwt") + "\n").typed().subject()).endsWith("dashboard-sa");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty | '' | the token is empty",
            "blank | '   ' | the token is empty",
            "two parts | abc.def | this has 2",
            "four parts | a.b.c.d | this has 4",
            "five parts (JWE) | a.b.c.d.e | encrypted JWT (JWE)",
            "not base64url | eyJ+.eyJ.c2ln | the header is not base64url: character '+' at position 4",
            "impossible length | eyJhb.eyJ.c2ln | its length (5) is impossible",
    })
    void malformedTokensSayWhatIsWrong(String name, String token, String message) {
        assertThat(rejection(token)).contains(message);
    }

    @Test
    void oversizedTokensAreRefusedBeforeDecoding() {
        assertThat(rejection("a".repeat(TokenDecoder.MAX_LENGTH + 1))).contains("at most 16384 (16 KiB)");
    }

    @Test
    void headerAndPayloadMustBeJsonObjects() {
        assertThat(rejection(b64("not json") + "." + b64("{}") + ".c2ln")).isEqualTo("the header is not a JSON object");
        assertThat(rejection(b64("{\"alg\":") + "." + b64("{}") + ".c2ln")).isEqualTo("the header is not valid JSON");
        assertThat(rejection(forged("{\"alg\":\"RS256\"}", "[1,2]"))).isEqualTo("the payload is not a JSON object");
        assertThat(rejection(forged("{\"alg\":\"RS256\"}", "{\"a\":1} trailing"))).isEqualTo("the payload is not valid JSON");
        assertThat(rejection(b64("{\"alg\":\"RS256\"}") + "." + Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe}) + ".c2ln"))
                .isEqualTo("the payload is not UTF-8 text");
    }

    @Test
    void unsignedAndBadlyTypedHeadersAreRefused() {
        assertThat(rejection(forged("{\"alg\":\"none\"}", "{}"))).contains("\"alg\": \"none\" means an unsigned token");
        assertThat(rejection(forged("{\"alg\":\"NONE\"}", "{}"))).contains("unsigned");
        assertThat(rejection(forged("{\"typ\":\"JWT\"}", "{}"))).isEqualTo("the header has no \"alg\" string");
        assertThat(rejection(forged("{\"alg\":256}", "{}"))).isEqualTo("the header has no \"alg\" string");
        assertThat(rejection(forged("{\"alg\":\"RS256\",\"kid\":7}", "{}"))).isEqualTo("header \"kid\" must be a string, not a number");
        assertThat(rejection(b64("{\"alg\":\"RS256\"}") + "." + b64("{}") + ".")).isEqualTo("the signature part is empty");
        assertThat(rejection(forged("{\"alg\":\"RS256\",\"crit\":[\"exp\"],\"exp\":1}", "{}")))
                .contains("the header has \"crit\" [exp]").contains("RFC 7515");
    }

    @Test
    void claimsOfTheWrongTypeAreNamed() {
        String h = "{\"alg\":\"RS256\"}";
        assertThat(rejection(forged(h, "{\"exp\":\"tomorrow\"}"))).isEqualTo(
                "claim \"exp\" must be a number of seconds since 1970 (NumericDate), not a string");
        assertThat(rejection(forged(h, "{\"aud\":42}"))).isEqualTo("claim \"aud\" must be a string or a list of strings, not a number");
        assertThat(rejection(forged(h, "{\"aud\":[\"a\",{}]}"))).contains("it holds an object");
        assertThat(rejection(forged(h, "{\"iss\":[\"x\"]}"))).isEqualTo("claim \"iss\" must be a string, not a list");
        assertThat(rejection(forged(h, "{\"kubernetes.io\":\"dashboard\"}"))).isEqualTo("claim \"kubernetes.io\" must be an object, not a string");
        assertThat(rejection(forged(h, "{\"kubernetes.io\":{\"pod\":{\"name\":1}}}"))).isEqualTo("claim \"kubernetes.io.pod.name\" must be a string, not a number");
        assertThat(rejection(forged(h, "{\"kubernetes.io\":{\"warnafter\":true}}"))).contains("\"kubernetes.io.warnafter\" must be a number");
        assertThat(rejection(forged(h, "{\"exp\":1e300}"))).contains("out of range");
    }

    @Test
    void deepNestingAndDuplicateKeysAreRefused() {
        String deep = "{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertThat(rejection(forged("{\"alg\":\"RS256\"}", deep))).contains("nested deeper than 32 levels");
        assertThat(rejection(forged("{\"alg\":\"RS256\"}", "{\"sub\":\"a\",\"sub\":\"b\"}"))).contains("repeats a key");
    }
}
