package dev.poddashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The calls that leave at start share the first call's connection instead of each opening one. */
class FirstConnectionTest {
    private final FirstConnection gate = new FirstConnection();

    @Test
    void theFirstCallGoesAtOnceAndTheOthersWaitForItsConnection() throws Exception {
        gate.await(); // the first: not held

        CompletableFuture<Void> second = CompletableFuture.runAsync(gate::await);
        assertThat(second).as("a second call waits while the first connects")
                .failsWithin(300, TimeUnit.MILLISECONDS);

        gate.connectionAcquired(null, null);

        second.get(2, TimeUnit.SECONDS);
        assertThat(gate.connected()).isTrue();
        long started = System.nanoTime();
        gate.await(); // once connected, nobody waits
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(100);
    }

    @Test
    void aFailedFirstCallLetsTheOthersTryForThemselves() throws Exception {
        gate.await();
        CompletableFuture<Void> second = CompletableFuture.runAsync(gate::await);

        gate.callFailed(null, new IOException("connection refused"));

        second.get(2, TimeUnit.SECONDS);
    }

    @Test
    void noCallWaitsLongerThanTheBound() throws Exception {
        gate.await(); // the first caller never connects (it failed before its call left)
        long started = System.nanoTime();

        gate.await();

        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(waitedMs).isBetween(FirstConnection.WAIT.toMillis() - 50, FirstConnection.WAIT.toMillis() + 2_000);
    }
}
