package dev.poddashboard.version;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.poddashboard.cluster.ApiCalls;
import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.KubeApi;
import dev.poddashboard.threads.Daemon;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API server's version: {@code GET /version} (readable by everyone, system:public-info-viewer) once at start,
 * on a thread of its own so the start does not wait, and again after a reconnect (a request that got no answer,
 * then one that did: the API server may have been upgraded in between). Demo mode has a fixed one. The first read
 * follows the start's first answer (the pod list's), so it rides on that connection instead of a TLS handshake of
 * its own beside it; at the latest it is made 1 s after the start.
 */
public final class ServerVersion implements ApiCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ServerVersion.class);
    /** How long a page waits for the first answer before it says the version is not known yet. */
    private static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    private static final Duration RETRY_UNKNOWN = Duration.ofSeconds(30);
    private static final Duration FIRST_READ_AT_THE_LATEST = Duration.ofSeconds(1);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VersionInfo(String major, String minor, String gitVersion, String emulationMajor, String emulationMinor) {
    }

    private final CountDownLatch first = new CountDownLatch(1);
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile KubeVersion current;
    private volatile KubeApi api;
    private volatile long lastRead = System.nanoTime();
    private volatile Consumer<KubeVersion> listener = v -> { };

    private ServerVersion(KubeVersion fixed) {
        this.current = fixed;
        if (fixed != null) {
            first.countDown();
        }
    }

    /** Demo mode: the version it imitates. */
    public static ServerVersion fixed(KubeVersion version) {
        return new ServerVersion(version);
    }

    /** A live server's version, read once {@link #readFrom} is called. */
    public static ServerVersion live() {
        return new ServerVersion(null);
    }

    /** Told of each new reading (the metrics). */
    public void onChange(Consumer<KubeVersion> listener) {
        this.listener = listener;
        KubeVersion now = current;
        if (now != null) {
            listener.accept(now);
        }
    }

    /** Reads it after the first answer from the API server, or after 1 s, in the background. */
    public void readFrom(KubeApi api) {
        this.api = api;
        Daemon.start("apiserver-version-first", () -> {
            try {
                Thread.sleep(FIRST_READ_AT_THE_LATEST.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (current == null) {
                refresh();
            }
        });
    }

    /** The version, waiting up to 2 s for the first answer; {@link KubeVersion#UNKNOWN} if none came. */
    public KubeVersion current() {
        KubeVersion now = current;
        if (now != null) {
            return now;
        }
        try {
            first.await(FIRST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        now = current;
        return now == null ? KubeVersion.UNKNOWN : now;
    }

    /** The version as last read, without waiting ({@link KubeVersion#UNKNOWN} before the first answer). */
    public KubeVersion latest() {
        KubeVersion now = current;
        return now == null ? KubeVersion.UNKNOWN : now;
    }

    /**
     * Every API request's outcome: one without an answer, then one with, means a reconnect. A version that could not
     * be read (no token mounted yet, say) is asked again after a later answer, at most every 30 s.
     */
    @Override
    public void completed(String verb, int code) {
        if (current == null && code > 0) {
            refresh(); // the start's first answer: read it now, on the connection that answered
            return;
        }
        if (code == 0) {
            lost.set(true);
        } else if (lost.compareAndSet(true, false)) {
            refresh();
        } else if (current != null && !current.known() && System.nanoTime() - lastRead > RETRY_UNKNOWN.toNanos()) {
            refresh();
        }
    }

    private void refresh() {
        KubeApi target = api;
        if (target == null || !reading.compareAndSet(false, true)) {
            return;
        }
        Daemon.start("apiserver-version", () -> {
            try {
                read(target);
            } finally {
                reading.set(false);
                first.countDown();
            }
        });
    }

    private void read(KubeApi target) {
        lastRead = System.nanoTime();
        KubeVersion read;
        try {
            VersionInfo info = target.get("/version", VersionInfo.class);
            read = KubeVersion.of(info.gitVersion(), info.major(), info.minor(), info.emulationMajor(), info.emulationMinor());
        } catch (ClusterException e) {
            LOG.warn("the API server's version could not be read: {}", e.getMessage());
            if (current != null) {
                return; // keep the last one read
            }
            read = KubeVersion.UNKNOWN;
        }
        KubeVersion previous = current;
        current = read;
        if (previous == null || !previous.equals(read)) {
            LOG.info("API server version {}", read.label());
            listener.accept(read);
        }
    }
}
