package dev.poddashboard.pods;

import dev.poddashboard.cluster.KubeApi;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pods from the API server through one {@link PodCache} per namespace, started by the first request for it.
 * After that first list, page views make no API request. Namespaces nobody looked at for a while are dropped
 * once more than {@value #MAX_NAMESPACES} are cached.
 */
public final class WatchedPods implements PodStore {
    static final int MAX_NAMESPACES = 16;
    private static final Duration FIRST_SYNC_TIMEOUT = Duration.ofSeconds(30);

    private final KubeApi api;
    private final Clock clock;
    private final int pageSize;
    private final Duration pollInterval;
    private final Map<String, PodCache> caches = new ConcurrentHashMap<>();

    /**
     * @param pageSize     items per LIST page (limit); 500, like kubectl
     * @param pollInterval how old data may get when the service account can list but not watch
     */
    public WatchedPods(KubeApi api, Clock clock, int pageSize, Duration pollInterval) {
        this.api = api;
        this.clock = clock;
        this.pageSize = pageSize;
        this.pollInterval = pollInterval;
    }

    @Override
    public PodSnapshot snapshot(String namespace) {
        return synced(namespace).snapshot();
    }

    /** One pod, always from the API server: the pod page shows everything about it, as it is now. */
    @Override
    public Pod get(String namespace, String name) {
        return api.get("/api/v1/namespaces/" + namespace + "/pods/" + name, Pod.class);
    }

    @Override
    public Subscription subscribe(String namespace, PodListener listener) {
        PodCache cache = synced(namespace);
        cache.addListener(listener);
        return () -> cache.removeListener(listener);
    }

    private PodCache synced(String namespace) {
        PodCache cache = caches.computeIfAbsent(namespace, ns -> {
            PodCache created = new PodCache(ns, api, clock, pageSize, pollInterval);
            created.start();
            return created;
        });
        try {
            cache.awaitFirstSync(FIRST_SYNC_TIMEOUT);
        } catch (RuntimeException e) {
            // Forbidden, unreachable ...: forget it, so the next request asks again.
            if (caches.remove(namespace, cache)) {
                cache.stop();
            }
            throw e;
        }
        evictIfNeeded();
        return cache;
    }

    private void evictIfNeeded() {
        while (caches.size() > MAX_NAMESPACES) {
            var oldest = caches.entrySet().stream()
                    .filter(e -> !e.getValue().hasListeners())
                    .min(Comparator.comparingLong(e -> e.getValue().lastAccessNanos()));
            if (oldest.isEmpty()) {
                return; // every cached namespace has a live page open: keep them all
            }
            if (caches.remove(oldest.get().getKey(), oldest.get().getValue())) {
                oldest.get().getValue().stop();
            }
        }
    }

    @Override
    public void close() {
        caches.values().forEach(PodCache::stop);
        caches.clear();
    }
}
