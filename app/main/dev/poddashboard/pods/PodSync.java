package dev.poddashboard.pods;

import dev.poddashboard.cluster.ApiStatus;
import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.Watch;
import dev.poddashboard.threads.Daemon;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link PodCache} current by list+watch, like client-go's reflector: a paged LIST (limit/continue),
 * then a WATCH from the list's resourceVersion, on a thread of its own. The first list is stored as it arrives:
 * the API server sends pods sorted by name, so page 1 can be drawn from the first LIST page while the rest
 * follows. A 410 (expired continue token, or a watch too far behind) lists again; a watch that ends is reopened;
 * an outage keeps the last data, marked stale, and retries with backoff; a 403 on watch (list but no watch verb)
 * falls back to polling: the cache lists again when a page asks for data older than a few seconds.
 */
final class PodSync {
    private static final Logger LOG = LoggerFactory.getLogger(PodSync.class);
    private static final Duration MIN_WATCH_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final PodCache cache;
    private final PodFeed feed;
    private final PodScope scope;
    private final Duration pollInterval;
    private volatile boolean stopped;
    private volatile boolean polling;
    private volatile Watch currentWatch;
    private volatile String resourceVersion;
    private final AtomicLong relists = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private Thread thread;

    /** A 410 Gone: the resourceVersion or continue token is too old; list again. */
    private static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired(String message) {
            super(message, null, false, false);
        }
    }

    PodSync(PodCache cache, PodFeed feed, PodScope scope, Duration pollInterval) {
        this.cache = cache;
        this.feed = feed;
        this.scope = scope;
        this.pollInterval = pollInterval;
    }

    void start() {
        thread = Daemon.start("pods-" + (scope.isAll() ? "all-namespaces" : scope.namespace()), this::run);
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

    /** True once the service account turned out to be allowed to list pods but not to watch them. */
    boolean polling() {
        return polling;
    }

    /** Lists after the first (after a 410, or when polling), for the metrics. */
    long relists() {
        return relists.get();
    }

    /** 410 Gone answers (an expired continue token, a watch too far behind), for the metrics. */
    long expired() {
        return expired.get();
    }

    /** A later list (after a 410, or when polling): built aside, then swapped in, with the differences emitted. */
    void relist() {
        relists.incrementAndGet();
        PodFeed.Whole whole = feed.listAll(() -> stopped);
        List<PodChange> changes = cache.index().replaceAll(whole.pods());
        resourceVersion = whole.resourceVersion();
        cache.listed(changes);
    }

    private void run() {
        Duration backoff = MIN_WATCH_INTERVAL;
        boolean needList = true;
        while (!stopped) {
            try {
                if (needList) {
                    if (cache.firstPageArrived()) {
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
                if (!cache.firstPageArrived()) {
                    cache.firstListFailed(e);
                    return;
                }
                if (stopped) {
                    return;
                }
                cache.markStale(e);
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                LOG.error("{}: unexpected error in the pod watch", scope.describe(), e);
                if (!cache.firstPageArrived()) {
                    cache.firstListFailed(new ClusterException.ApiError(
                            ApiStatus.of(502, "unreadable pod list: " + e.getMessage())));
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
     * The first list, stored page by page as it arrives (the count grows until it is complete). A 410 on a
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
                    cache.index().clear();
                    continue;
                }
                throw e;
            }
            cache.index().addAll(page.pods());
            resourceVersion = page.resourceVersion();
            cache.pageArrived();
            if (page.last()) {
                break;
            }
            continueToken = page.continueToken();
        }
        cache.listed(List.of());
    }

    private void watchOnce() {
        Watch watch;
        try {
            watch = feed.watch(resourceVersion);
        } catch (ClusterException.Forbidden e) {
            LOG.info("{}: may list but not watch pods; listing again when older than {} s", scope.describe(),
                    pollInterval.toSeconds());
            polling = true;
            cache.polling("the service account may list pods but not watch them");
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
            cache.watching();
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
                PodChange change = cache.index().apply(changed.type(), pod);
                if (changed.resourceVersion() != null) {
                    resourceVersion = changed.resourceVersion();
                }
                cache.emit(change);
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
}
