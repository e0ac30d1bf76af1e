package dev.poddashboard.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonTest {
    @Test
    void startRunsTheTaskOnANamedDaemonThread() throws Exception {
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        Thread thread = Daemon.start("pods-dashboard", () -> ran.complete(Thread.currentThread()));
        assertThat(ran.get(5, TimeUnit.SECONDS)).isSameAs(thread);
        assertThat(thread.getName()).isEqualTo("pods-dashboard");
        assertThat(thread.isDaemon()).isTrue();
    }

    @Test
    void aThreadIsNotStartedUntilAsked() {
        Thread thread = Daemon.thread("later", () -> { });
        assertThat(thread.getState()).isEqualTo(Thread.State.NEW);
        assertThat(thread.isDaemon()).isTrue();
    }

    @Test
    void anExecutorsThreadsAreNamedDaemons() throws Exception {
        var executor = java.util.concurrent.Executors.newSingleThreadExecutor(Daemon.named("lesson"));
        try {
            Thread thread = executor.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            assertThat(thread.getName()).isEqualTo("lesson");
            assertThat(thread.isDaemon()).isTrue();
        } finally {
            executor.shutdownNow();
        }
    }
}
