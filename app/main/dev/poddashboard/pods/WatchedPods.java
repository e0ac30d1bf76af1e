package dev.poddashboard.pods;

import dev.poddashboard.cluster.KubeApi;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pods from the API server through one {@link PodCache} per scope, started by the first request for it (or by
 * {@link #prefetch} at start). After the first list, page views make no API request. Once the all-namespaces
 * cache is listed, namespace views are served from it too (one watch for the whole cluster, not one more per
 * namespace). Namespaces nobody looked at for a while are dropped once more than {@value #MAX_SCOPES} are cached.
 */
public final class WatchedPods implements PodStore {
    static final int MAX_SCOPES = 16;
    private static final Logger LOG = LoggerFactory.getLogger(WatchedPods.class);
    private static final Duration FIRST_PAGE_TIMEOUT = Duration.ofSeconds(30);

    private final KubeApi api;
    private final Clock clock;
    private final int pageSize;
    private final Duration pollInterval;
    private final Map<PodScope, PodCache> caches = new ConcurrentHashMap<>();

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
    public PodSnapshot snapshot(PodScope scope) {
        PodCache cluster = clusterCache(scope);
        if (cluster != null) {
            return cluster.snapshot(scope.namespace());
        }
        return synced(scope).snapshot();
    }

    /** One pod, always from the API server: the pod page shows everything about it, as it is now. */
    @Override
    public Pod get(String namespace, String name) {
        return api.get(podPath(namespace, name), Pod.class);
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode manifest(String namespace, String name) {
        return api.get(podPath(namespace, name), com.fasterxml.jackson.databind.JsonNode.class);
    }

    private static String podPath(String namespace, String name) {
        return "/api/v1/namespaces/" + namespace + "/pods/" + name;
    }

    @Override
    public Subscription subscribe(PodScope scope, PodListener listener) {
        PodCache cluster = clusterCache(scope);
        if (cluster != null) {
            PodListener inNamespace = new PodListener() {
                @Override
                public void changed(PodChange change) {
                    if (scope.namespace().equals(change.pod().namespace())) {
                        listener.changed(change);
                    }
                }

                @Override
                public void freshness(Freshness freshness) {
                    listener.freshness(freshness);
                }
            };
            cluster.addListener(inNamespace);
            return () -> cluster.removeListener(inNamespace);
        }
        PodCache cache = synced(scope);
        cache.addListener(listener);
        return () -> cache.removeListener(listener);
    }

    @Override
    public void prefetch(PodScope scope) {
        cache(scope);
    }

    /** The all-namespaces cache, for a namespace scope, once it has its whole list; else null. */
    private PodCache clusterCache(PodScope scope) {
        if (scope.isAll()) {
            return null;
        }
        PodCache cluster = caches.get(PodScope.allNamespaces());
        return cluster != null && cluster.complete() && !cluster.failed() ? cluster : null;
    }

    private PodCache cache(PodScope scope) {
        return caches.computeIfAbsent(scope, s -> {
            PodCache created = new PodCache(s, api, clock, pageSize, pollInterval);
            created.start();
            return created;
        });
    }

    private PodCache synced(PodScope scope) {
        PodCache cache = cache(scope);
        try {
            cache.awaitFirstPage(FIRST_PAGE_TIMEOUT);
        } catch (RuntimeException e) {
            // Forbidden, unreachable ...: forget it, so the next request asks again.
            if (caches.remove(scope, cache)) {
                cache.stop();
            }
            throw e;
        }
        evictIfNeeded();
        return cache;
    }

    private void evictIfNeeded() {
        while (caches.size() > MAX_SCOPES) {
            var oldest = caches.entrySet().stream()
                    .filter(e -> !e.getValue().hasListeners())
                    .min(Comparator.comparingLong(e -> e.getValue().lastAccessNanos()));
            if (oldest.isEmpty()) {
                return; // every cached scope has a live page open: keep them all
            }
            if (caches.remove(oldest.get().getKey(), oldest.get().getValue())) {
                LOG.debug("dropping the pod cache of {}", oldest.get().getKey().describe());
                oldest.get().getValue().stop();
            }
        }
    }

    /** One cache, for the metrics. @param namespace the namespace, or "(all namespaces)" */
    public record Stats(String namespace, String state, int pods, long relists, long expired) {
    }

    public java.util.List<Stats> stats() {
        return caches.values().stream().map(PodCache::stats).toList();
    }

    @Override
    public void close() {
        caches.values().forEach(PodCache::stop);
        caches.clear();
    }
}
