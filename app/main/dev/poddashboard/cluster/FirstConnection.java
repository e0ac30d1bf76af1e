package dev.poddashboard.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;

/**
 * At start several calls leave at once (the own namespace's pods, {@code /version}, the namespace picker's list),
 * before any connection to the API server exists, and OkHttp would open one for each: a TLS handshake each, on a cold
 * JVM, of which HTTP/2 then keeps one and closes the rest. Here the first call connects alone; the others wait until
 * it has its connection (or failed), then share it, at most {@link #WAIT}. Over HTTP/1.1 they open their own then.
 */
final class FirstConnection extends EventListener {
    static final Duration WAIT = Duration.ofSeconds(3);

    private final CountDownLatch connected = new CountDownLatch(1);
    private final AtomicBoolean taken = new AtomicBoolean();

    /** Before a call: returns at once for the first caller and once a connection exists; else waits for it. */
    void await() {
        if (connected.getCount() == 0 || taken.compareAndSet(false, true)) {
            return;
        }
        try {
            connected.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean connected() {
        return connected.getCount() == 0;
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        connected.countDown();
    }

    @Override
    public void callFailed(Call call, IOException ioe) {
        connected.countDown(); // the others try for themselves
    }

    @Override
    public void canceled(Call call) {
        connected.countDown();
    }
}
