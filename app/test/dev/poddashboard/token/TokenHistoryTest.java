package dev.poddashboard.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MutableClock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The rotation history: one entry per distinct token, times and a fingerprint only. */
class TokenHistoryTest {

    @Test
    void aRotationIsOneNewEntryAndTheSameTokenSeenTwiceIsNot() {
        AtomicReference<String> mounted = new AtomicReference<>(Fixtures.token("kubelet-style-3607.jwt"));
        TokenSource source = () -> new TokenRead.Mounted(mounted.get(), Instant.parse("2026-11-22T07:00:00Z"), null);
        MutableClock clock = new MutableClock(Fixtures.CAPTURED_AT);
        TokenHistory history = new TokenHistory(source, clock);
        history.observe();
        history.observe();
        assertThat(history.entries()).hasSize(1);
        assertThat(history.rotations()).isZero();

        mounted.set(Fixtures.token("custom-audience.jwt"));
        history.observe();
        assertThat(history.entries()).hasSize(2);
        assertThat(history.rotations()).isEqualTo(1);
        TokenHistory.Entry first = history.entries().get(0);
        assertThat(first.iat()).isNotNull();
        assertThat(first.exp()).isAfter(first.iat());
        assertThat(first.warnafter()).isNotNull().isBefore(first.exp());
        assertThat(first.fingerprint()).hasSize(12).isNotEqualTo(history.entries().get(1).fingerprint());
        // Nothing of the token itself: no part of it (header, claims or signature) is in any entry.
        String token = Fixtures.token("kubelet-style-3607.jwt").strip();
        for (String part : token.split("\\.")) {
            assertThat(history.entries().toString()).doesNotContain(part.substring(0, 16));
        }
    }

    @Test
    void noMountedTokenMeansNoEntry() {
        TokenHistory history = new TokenHistory(() -> new TokenRead.NotApplicable("kubeconfig"), new MutableClock(Fixtures.CAPTURED_AT));
        history.observe();
        assertThat(history.entries()).isEmpty();
        assertThat(history.current()).isNull();
    }
}
