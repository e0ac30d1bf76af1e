package dev.poddashboard.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Demo mode's token: its key pair is made when first needed (not during the start), once, and verifies it. */
class DemoTokenTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private static SignatureCheck verify(DemoToken token, String raw) {
        TokenDecoding.Decoded decoded = (TokenDecoding.Decoded) new TokenDecoder().decode(raw);
        return new SignatureVerifier(token, Clock.fixed(NOW, ZoneOffset.UTC)).verify(raw, decoded);
    }

    @Test
    void aReadWithoutPreparationMakesTheTokenWhichItsOwnKeyVerifies() {
        DemoToken token = new DemoToken("dashboard", "dashboard-sa", NOW);
        String raw = ((TokenRead.Mounted) token.read()).raw();
        String claims = new String(Base64.getUrlDecoder().decode(raw.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"system:serviceaccount:dashboard:dashboard-sa\"");
        assertThat(verify(token, raw)).isInstanceOf(SignatureCheck.Valid.class);
        assertThat(((TokenRead.Mounted) token.read()).raw()).isEqualTo(raw);
    }

    @Test
    void readsThatRaceThePreparationAllGetTheOneTokenItMakes() throws Exception {
        DemoToken token = new DemoToken("dashboard", "dashboard-sa", NOW);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            token.prepare();
            List<Future<String>> reads = readers.invokeAll(List.of(
                    () -> ((TokenRead.Mounted) token.read()).raw(), () -> ((TokenRead.Mounted) token.read()).raw(),
                    () -> ((TokenRead.Mounted) token.read()).raw(), () -> ((TokenRead.Mounted) token.read()).raw()));
            Set<String> raws = new HashSet<>();
            for (Future<String> read : reads) {
                raws.add(read.get());
            }
            assertThat(raws).hasSize(1);
            assertThat(verify(token, raws.iterator().next())).isInstanceOf(SignatureCheck.Valid.class);
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void anotherKeyIdIsUnknown() {
        DemoToken token = new DemoToken("dashboard", "dashboard-sa", NOW);
        assertThat(token.find("some-other-kid")).isEqualTo(
                new SigningKeys.KeyLookup.UnknownKey(Set.of(DemoToken.KEY_ID), DemoToken.ISSUER));
    }
}
