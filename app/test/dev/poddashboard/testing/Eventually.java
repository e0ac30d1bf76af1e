package dev.poddashboard.testing;

import java.time.Duration;

/**
 * Waits for a condition that another thread makes true (a watch event arriving), checking it every 20 ms up to
 * a deadline: the same as WebDriverWait, for code without a browser. Not a sleep: it returns as soon as the
 * assertion holds, and fails with the assertion's own message.
 */
public final class Eventually {
    private Eventually() {
    }

    public static void assertThat(Runnable assertion) {
        assertThat(Duration.ofSeconds(10), assertion);
    }

    public static void assertThat(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
