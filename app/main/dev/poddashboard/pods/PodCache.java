package dev.poddashboard.pods;

import dev.poddashboard.cluster.ApiStatus;
import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.KubeApi;
import dev.poddashboard.cluster.Watch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scope's pods (a namespace, or all of them), kept current by list+watch like client-go's reflector: a paged
 * LIST (limit/continue), then a WATCH from the list's resourceVersion. The first list is shown as it arrives: the
 * API server sends pods sorted by name, so page 1 can be drawn from the first LIST page while the rest follows.
 * A 410 (expired continue token, or a watch too far behind) lists again; a watch that ends is reopened; an
 * outage keeps the last data, marked stale, and retries with backoff; a 403 on watch (list but no watch verb)
 * falls back to listing again when the data is older than a few seconds.
 */
final class PodCache {
    private static final Logger LOG = LoggerFactory.getLogger(PodCache.class);
    private static final Duration MIN_WATCH_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final PodScope scope;
    private final PodFeed feed;
    private final String server;
    private final Clock clock;
    private final Duration pollInterval;

    // Only the printed summary is kept: a few hundred bytes a pod. Sorted by key, as kubectl lists.
    private final PodIndex pods;

    private final CopyOnWriteArrayList<PodStore.PodListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstPage = new CountDownLatch(1);
    private volatile boolean complete;
    private volatile ClusterException firstFailure;
    private volatile Freshness freshness;
    private volatile boolean stopped;
    private volatile boolean polling;
    private volatile Watch currentWatch;
    private volatile long lastAccessNanos = System.nanoTime();
    private volatile String resourceVersion;
    private final java.util.concurrent.atomic.AtomicLong relists = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong expired = new java.util.concurrent.atomic.AtomicLong();
    private Thread thread;

    /** A 410 Gone: the resourceVersion or continue token is too old; list again. */
    private static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired(String message) {
            super(message, null, false, false);
        }
    }

    PodCache(PodScope scope, KubeApi api, Clock clock, int pageSize, Duration pollInterval) {
        this.scope = scope;
        this.feed = new PodFeed(api, scope, pageSize);
        this.server = api.server();
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.pods = new PodIndex();
        this.freshness = new Freshness("listing", null, null, "");
    }

    void start() {
        thread = new Thread(this::run, "pods-" + (scope.isAll() ? "all-namespaces" : scope.namespace()));
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the watch; returns once its thread has ended (or after a second), so no request follows. */
    void stop() {
        stopped = true;
        Watch watch = currentWatch;
        if (watch != null) {
            watch.close();
        }
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the first LIST page (not the whole list); rethrows its failure (403, 401, unreachable ...). */
    void awaitFirstPage(Duration timeout) {
        try {
            if (!firstPage.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ClusterException.Unreachable(server, "the first list of " + scope.describe()
                        + " did not answer within " + timeout.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException.Unreachable(server, "interrupted", e);
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    /** True once the first list has arrived whole. */
    boolean complete() {
        return complete;
    }

    boolean failed() {
        return firstFailure != null;
    }

    PodSnapshot snapshot() {
        touch();
        return new PodSnapshot(scope, pods.all(), freshness, complete);
    }

    /** One namespace's pods out of the all-namespaces cache. */
    PodSnapshot snapshot(String namespace) {
        touch();
        return new PodSnapshot(PodScope.of(namespace), pods.namespace(namespace), freshness, complete);
    }

    private void touch() {
        lastAccessNanos = System.nanoTime();
        if (polling && complete && stale(freshness.syncedAt())) {
            try {
                relist();
            } catch (ClusterException e) {
                markStale(e);
            }
        }
    }

    /** For the metrics: the watch state, pods cached, lists after the first, 410 Gone answers. */
    WatchedPods.Stats stats() {
        String state = !complete && freshness.syncedAt() == null ? "listing"
                : freshness.stale() ? "reconnecting" : polling ? "polling" : "live";
        return new WatchedPods.Stats(scope.isAll() ? "(all namespaces)" : scope.namespace(), state, pods.size(),
                relists.get(), expired.get());
    }

    long lastAccessNanos() {
        return lastAccessNanos;
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    void addListener(PodStore.PodListener listener) {
        listeners.add(listener);
    }

    void removeListener(PodStore.PodListener listener) {
        listeners.remove(listener);
    }

    private boolean stale(Instant syncedAt) {
        return syncedAt == null || Duration.between(syncedAt, clock.instant()).compareTo(pollInterval) >= 0;
    }

    private void run() {
        Duration backoff = MIN_WATCH_INTERVAL;
        boolean needList = true;
        while (!stopped) {
            try {
                if (needList) {
                    if (firstPage.getCount() == 0) {
                        relist(); // after a 410, or a first list an outage cut short
                    } else {
                        firstList();
                    }
                    needList = false;
                }
                if (polling) {
                    return;
                }
                long started = System.nanoTime();
                watchOnce();
                backoff = MIN_WATCH_INTERVAL;
                // A watch the server ends at once (a proxy, a misbehaving server) must not become a busy loop.
                pause(Duration.ofMillis(MIN_WATCH_INTERVAL.toMillis() - (System.nanoTime() - started) / 1_000_000));
            } catch (Expired e) {
                LOG.info("{}: {}; listing again", scope.describe(), e.getMessage());
                needList = true;
            } catch (ClusterException e) {
                if (firstPage.getCount() > 0) {
                    firstFailure = e;
                    firstPage.countDown();
                    return;
                }
                if (stopped) {
                    return;
                }
                markStale(e);
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                LOG.error("{}: unexpected error in the pod watch", scope.describe(), e);
                if (firstPage.getCount() > 0) {
                    firstFailure = new ClusterException.ApiError(ApiStatus.of(502, "unreadable pod list: " + e.getMessage()));
                    firstPage.countDown();
                    return;
                }
                pause(backoff);
                backoff = MAX_BACKOFF;
            }
        }
    }

    private void pause(Duration duration) {
        if (duration.isNegative() || duration.isZero() || stopped) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /**
     * The first list, shown page by page as it arrives (the count grows until it is complete). A 410 on a
     * continue token starts over once: etcd compacted past the token's revision.
     */
    private void firstList() {
        String continueToken = null;
        boolean restarted = false;
        while (!stopped) {
            PodFeed.Page page;
            try {
                page = feed.list(continueToken);
            } catch (ClusterException.ApiError e) {
                if (e.status().code() == 410 && continueToken != null && !restarted) {
                    expired.incrementAndGet();
                    restarted = true;
                    continueToken = null;
                    pods.clear();
                    continue;
                }
                throw e;
            }
            pods.addAll(page.pods());
            resourceVersion = page.resourceVersion();
            firstPage.countDown();
            if (page.last()) {
                break;
            }
            continueToken = page.continueToken();
        }
        complete = true;
        setFreshness(new Freshness(polling ? "polling" : "live", clock.instant(), null, ""));
    }

    /** A later list (after a 410, or when polling): built aside, then swapped in, with the differences emitted. */
    private void relist() {
        relists.incrementAndGet();
        PodFeed.Whole whole = feed.listAll(() -> stopped);
        List<PodChange> changes = pods.replaceAll(whole.pods());
        resourceVersion = whole.resourceVersion();
        complete = true;
        changes.forEach(this::emit);
        setFreshness(new Freshness(polling ? "polling" : "live", clock.instant(), null, ""));
    }

    private void watchOnce() {
        Watch watch;
        try {
            watch = feed.watch(resourceVersion);
        } catch (ClusterException.Forbidden e) {
            LOG.info("{}: may list but not watch pods; listing again when older than {} s", scope.describe(),
                    pollInterval.toSeconds());
            polling = true;
            setFreshness(new Freshness("polling", freshness.syncedAt(), null, "the service account may list pods but not watch them"));
            return;
        } catch (ClusterException.ApiError e) {
            if (e.status().code() == 410) {
                expired.incrementAndGet();
                throw new Expired("watch from resourceVersion " + resourceVersion + " is too old");
            }
            throw e;
        }
        currentWatch = watch;
        if (stopped) {
            watch.close();
            return;
        }
        try (watch) {
            if (!"live".equals(freshness.mode()) || freshness.stale()) {
                setFreshness(new Freshness("live", clock.instant(), null, ""));
            }
            String line;
            while (!stopped && (line = watch.nextLine()) != null) {
                handle(feed.parse(line));
            }
        } finally {
            currentWatch = null;
        }
    }

    private void handle(PodFeed.Event event) {
        if (event instanceof PodFeed.Event.Changed changed) {
            for (PodSummary pod : changed.pods()) {
                apply(changed.type(), pod, changed.resourceVersion());
            }
        } else if (event instanceof PodFeed.Event.Bookmark bookmark) {
            if (bookmark.resourceVersion() != null) {
                resourceVersion = bookmark.resourceVersion();
            }
        } else if (event instanceof PodFeed.Event.Failed failed) {
            if (failed.status().code() == 410) {
                expired.incrementAndGet();
                throw new Expired(failed.status().message());
            }
            throw new ClusterException.ApiError(failed.status());
        } else {
            LOG.debug("{}: ignoring watch event {}", scope.describe(), ((PodFeed.Event.Ignored) event).type());
        }
    }

    private void apply(String type, PodSummary pod, String rv) {
        PodChange change = pods.apply(type, pod);
        if (rv != null) {
            resourceVersion = rv;
        }
        emit(change);
    }

    private void markStale(ClusterException e) {
        Freshness current = freshness;
        Instant since = current.staleSince() != null ? current.staleSince() : clock.instant();
        String mode = polling ? "polling" : "reconnecting";
        setFreshness(new Freshness(mode, current.syncedAt(), since, e.sentence()));
    }

    private void setFreshness(Freshness next) {
        freshness = next;
        for (PodStore.PodListener listener : listeners) {
            try {
                listener.freshness(next);
            } catch (RuntimeException e) {
                LOG.warn("a pod listener failed", e);
            }
        }
    }

    private void emit(PodChange change) {
        for (PodStore.PodListener listener : listeners) {
            try {
                listener.changed(change);
            } catch (RuntimeException e) {
                LOG.warn("a pod listener failed", e);
            }
        }
    }
}
