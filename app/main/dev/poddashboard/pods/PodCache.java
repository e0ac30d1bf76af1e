package dev.poddashboard.pods;

import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.KubeApi;
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
 * One scope's pods (a namespace, or all of them) as pages read them: the printed summaries, how fresh they are,
 * and the listeners a live page registers. {@link PodSync} keeps it current by list+watch on a thread of its own;
 * the first list is readable from its first page on ({@link #awaitFirstPage}), and {@link #complete()} says when
 * it has arrived whole. When the service account may list but not watch, a read of data older than the poll
 * interval lists again first.
 */
final class PodCache {
    private static final Logger LOG = LoggerFactory.getLogger(PodCache.class);

    private final PodScope scope;
    private final String server;
    private final Clock clock;
    private final Duration pollInterval;
    private final PodSync sync;

    // Only the printed summary is kept: a few hundred bytes a pod. Sorted by key, as kubectl lists.
    private final PodIndex pods = new PodIndex();

    private final CopyOnWriteArrayList<PodStore.PodListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstPage = new CountDownLatch(1);
    private volatile boolean complete;
    private volatile ClusterException firstFailure;
    private volatile Freshness freshness = new Freshness("listing", null, null, "");
    private volatile long lastAccessNanos = System.nanoTime();

    PodCache(PodScope scope, KubeApi api, Clock clock, int pageSize, Duration pollInterval) {
        this.scope = scope;
        this.server = api.server();
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.sync = new PodSync(this, new PodFeed(api, scope, pageSize), scope, pollInterval);
    }

    void start() {
        sync.start();
    }

    /** Stops the watch; returns once its thread has ended (or after a second), so no request follows. */
    void stop() {
        sync.stop();
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
        if (sync.polling() && complete && stale(freshness.syncedAt())) {
            try {
                sync.relist();
            } catch (ClusterException e) {
                markStale(e);
            }
        }
    }

    /** For the metrics: the watch state, pods cached, lists after the first, 410 Gone answers. */
    WatchedPods.Stats stats() {
        String state = !complete && freshness.syncedAt() == null ? "listing"
                : freshness.stale() ? "reconnecting" : sync.polling() ? "polling" : "live";
        return new WatchedPods.Stats(scope.isAll() ? "(all namespaces)" : scope.namespace(), state, pods.size(),
                sync.relists(), sync.expired());
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

    // What PodSync writes.

    PodIndex index() {
        return pods;
    }

    boolean firstPageArrived() {
        return firstPage.getCount() == 0;
    }

    /** A page of the first list is in the index: pages waiting for the first one may draw. */
    void pageArrived() {
        firstPage.countDown();
    }

    /** The first list failed before its first page: the pages waiting for it get the failure. */
    void firstListFailed(ClusterException e) {
        firstFailure = e;
        firstPage.countDown();
    }

    /** A list has arrived whole; {@code changes} (from a later list) go to the listeners. */
    void listed(List<PodChange> changes) {
        complete = true;
        changes.forEach(this::emit);
        setFreshness(new Freshness(sync.polling() ? "polling" : "live", clock.instant(), null, ""));
    }

    /** A watch is open: the data is live from now on. */
    void watching() {
        Freshness current = freshness;
        if (!"live".equals(current.mode()) || current.stale()) {
            setFreshness(new Freshness("live", clock.instant(), null, ""));
        }
    }

    /** No watch ({@code reason}): pages list again when the data is older than the poll interval. */
    void polling(String reason) {
        setFreshness(new Freshness("polling", freshness.syncedAt(), null, reason));
    }

    void markStale(ClusterException e) {
        Freshness current = freshness;
        Instant since = current.staleSince() != null ? current.staleSince() : clock.instant();
        String mode = sync.polling() ? "polling" : "reconnecting";
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

    void emit(PodChange change) {
        for (PodStore.PodListener listener : listeners) {
            try {
                listener.changed(change);
            } catch (RuntimeException e) {
                LOG.warn("a pod listener failed", e);
            }
        }
    }
}
