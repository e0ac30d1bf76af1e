package dev.poddashboard.pods;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.cluster.ApiStatus;
import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.KubeApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace's pods, kept current by list+watch like client-go's reflector: a paged LIST (limit/continue),
 * then a WATCH from the list's resourceVersion. A 410 (expired continue token, or a watch too far behind) lists
 * again; a watch that ends is reopened; an outage keeps the last data, marked stale, and retries with backoff;
 * a 403 on watch (list but no watch verb) falls back to listing again when the data is older than a few seconds.
 */
final class PodCache {
    private static final Logger LOG = LoggerFactory.getLogger(PodCache.class);
    private static final Duration MIN_WATCH_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    // The API server ends each watch after this; a random 5-10 min in client-go, one value is enough here.
    private static final int WATCH_TIMEOUT_SECONDS = 290;

    private final String namespace;
    private final KubeApi api;
    private final Clock clock;
    private final int pageSize;
    private final Duration pollInterval;

    private final Object lock = new Object();
    // Only the printed summary is kept: about 200 bytes a pod. The pod page fetches its pod fresh.
    private final Map<String, PodSummary> pods = new HashMap<>();
    private List<PodSummary> sorted = List.of();
    private boolean dirty;

    private final CopyOnWriteArrayList<PodStore.PodListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstSync = new CountDownLatch(1);
    private volatile ClusterException firstFailure;
    private volatile Freshness freshness;
    private volatile boolean stopped;
    private volatile boolean polling;
    private volatile KubeApi.Watch currentWatch;
    private volatile long lastAccessNanos = System.nanoTime();
    private String resourceVersion;
    private Thread thread;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WatchEvent(String type, JsonNode object) {
    }

    /** A 410 Gone: the resourceVersion or continue token is too old; list again. */
    private static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired(String message) {
            super(message, null, false, false);
        }
    }

    PodCache(String namespace, KubeApi api, Clock clock, int pageSize, Duration pollInterval) {
        this.namespace = namespace;
        this.api = api;
        this.clock = clock;
        this.pageSize = pageSize;
        this.pollInterval = pollInterval;
        this.freshness = new Freshness("listing", null, null, "");
    }

    void start() {
        thread = new Thread(this::run, "pods-" + namespace);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the watch; returns once its thread has ended (or after a second), so no request follows. */
    void stop() {
        stopped = true;
        KubeApi.Watch watch = currentWatch;
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

    /** Waits for the first list; rethrows its failure (403, 401, unreachable ...). */
    void awaitFirstSync(Duration timeout) {
        try {
            if (!firstSync.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ClusterException.Unreachable(api.server(), "the first list of namespace " + namespace
                        + " did not finish within " + timeout.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException.Unreachable(api.server(), "interrupted", e);
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    PodSnapshot snapshot() {
        lastAccessNanos = System.nanoTime();
        if (polling && stale(freshness.syncedAt())) {
            try {
                relist();
            } catch (ClusterException e) {
                markStale(e);
            }
        }
        synchronized (lock) {
            if (dirty) {
                List<PodSummary> list = new ArrayList<>(pods.values());
                list.sort(Comparator.comparing(PodSummary::name));
                sorted = List.copyOf(list);
                dirty = false;
            }
            return new PodSnapshot(namespace, sorted, freshness);
        }
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
                    relist();
                    needList = false;
                    firstSync.countDown();
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
                LOG.info("namespace {}: {}; listing again", namespace, e.getMessage());
                needList = true;
            } catch (ClusterException e) {
                if (firstSync.getCount() > 0) {
                    firstFailure = e;
                    firstSync.countDown();
                    return;
                }
                if (stopped) {
                    return;
                }
                markStale(e);
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                LOG.error("namespace {}: unexpected error in the pod watch", namespace, e);
                if (firstSync.getCount() > 0) {
                    firstFailure = new ClusterException.ApiError(ApiStatus.of(502, "unreadable pod list: " + e.getMessage()));
                    firstSync.countDown();
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

    private void relist() {
        Map<String, PodSummary> fresh = new HashMap<>();
        String rv = listPages(fresh, true);
        List<PodChange> changes = new ArrayList<>();
        synchronized (lock) {
            boolean synced = firstSync.getCount() == 0;
            if (synced) {
                for (Map.Entry<String, PodSummary> e : fresh.entrySet()) {
                    PodSummary old = pods.get(e.getKey());
                    if (old == null) {
                        changes.add(new PodChange(PodChange.Type.ADDED, e.getValue()));
                    } else if (!old.equals(e.getValue())) {
                        changes.add(new PodChange(PodChange.Type.MODIFIED, e.getValue()));
                    }
                }
                for (Map.Entry<String, PodSummary> e : pods.entrySet()) {
                    if (!fresh.containsKey(e.getKey())) {
                        changes.add(new PodChange(PodChange.Type.DELETED, e.getValue()));
                    }
                }
            }
            pods.clear();
            pods.putAll(fresh);
            dirty = true;
            resourceVersion = rv;
        }
        changes.forEach(this::emit);
        setFreshness(new Freshness(polling ? "polling" : "live", clock.instant(), null, ""));
    }

    /**
     * Reads every page, summarizing each pod as its page arrives (so only one page of full pods is ever in
     * memory); returns the list's resourceVersion. A 410 on a continue token starts over once.
     */
    private String listPages(Map<String, PodSummary> into, boolean mayRestart) {
        String continueToken = null;
        String rv = null;
        do {
            String path = "/api/v1/namespaces/" + namespace + "/pods?limit=" + pageSize
                    + (continueToken == null ? "" : "&continue=" + URLEncoder.encode(continueToken, StandardCharsets.UTF_8));
            Pod.PodList page;
            try {
                page = api.get(path, Pod.PodList.class);
            } catch (ClusterException.ApiError e) {
                if (e.status().code() == 410 && continueToken != null && mayRestart) {
                    // etcd compacted past the token's revision: one consistent list from the start.
                    into.clear();
                    return listPages(into, false);
                }
                throw e;
            }
            for (Pod pod : page.items()) {
                into.put(pod.name(), PodPrinter.summarize(pod));
            }
            rv = page.metadata().resourceVersion();
            continueToken = page.metadata().continueToken();
        } while (continueToken != null && !continueToken.isEmpty() && !stopped);
        return rv;
    }

    private void watchOnce() {
        String path = "/api/v1/namespaces/" + namespace + "/pods?watch=1&allowWatchBookmarks=true&timeoutSeconds="
                + WATCH_TIMEOUT_SECONDS + (resourceVersion == null ? "" : "&resourceVersion=" + resourceVersion);
        KubeApi.Watch watch;
        try {
            watch = api.watch(path);
        } catch (ClusterException.Forbidden e) {
            LOG.info("namespace {}: may list but not watch pods; listing again when older than {} s", namespace,
                    pollInterval.toSeconds());
            polling = true;
            setFreshness(new Freshness("polling", freshness.syncedAt(), null, "the service account may list pods but not watch them"));
            return;
        } catch (ClusterException.ApiError e) {
            if (e.status().code() == 410) {
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
                handle(api.parse(line, WatchEvent.class));
            }
        } finally {
            currentWatch = null;
        }
    }

    private void handle(WatchEvent event) {
        ObjectMapper mapper = api.mapper();
        if (event.type() == null || event.object() == null) {
            return;
        }
        switch (event.type()) {
            case "ADDED", "MODIFIED" -> {
                Pod pod = mapper.convertValue(event.object(), Pod.class);
                PodSummary summary = PodPrinter.summarize(pod);
                PodChange.Type type;
                synchronized (lock) {
                    PodSummary old = pods.put(pod.name(), summary);
                    dirty = true;
                    resourceVersion = pod.metadata().resourceVersion();
                    type = old == null ? PodChange.Type.ADDED : PodChange.Type.MODIFIED;
                }
                emit(new PodChange(type, summary));
            }
            case "DELETED" -> {
                Pod pod = mapper.convertValue(event.object(), Pod.class);
                PodSummary old;
                synchronized (lock) {
                    old = pods.remove(pod.name());
                    dirty = true;
                    resourceVersion = pod.metadata().resourceVersion();
                }
                emit(new PodChange(PodChange.Type.DELETED, old != null ? old : PodPrinter.summarize(pod)));
            }
            case "BOOKMARK" -> {
                JsonNode rv = event.object().path("metadata").path("resourceVersion");
                if (rv.isTextual()) {
                    synchronized (lock) {
                        resourceVersion = rv.asText();
                    }
                }
            }
            case "ERROR" -> {
                ApiStatus status = mapper.convertValue(event.object(), ApiStatus.class);
                if (status.code() == 410) {
                    throw new Expired(status.message());
                }
                throw new ClusterException.ApiError(status);
            }
            default -> LOG.debug("namespace {}: ignoring watch event {}", namespace, event.type());
        }
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
