package dev.poddashboard.pods;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.KubeApi;
import dev.poddashboard.threads.Daemon;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The namespace picker's choices: the namespaces the service account may list (with components/cluster-wide),
 * otherwise its own namespace and the ones visited in this process. Typing any other name still works.
 * <p>
 * A page view never waits for a refresh: the list is asked for at start ({@link #prefetch}) and, once older than a
 * minute, again in the background while the pages keep offering the last answer. Only the first view before the
 * first answer waits for it, at most {@link #FIRST_WAIT}; the views after it offer what is known until it comes.
 * Asked on the first page view instead, on a cold JVM, the answer (a 403 without components/cluster-wide) took
 * 270 ms of that view (bench/run, 10,000 pods, 2026-12-06).
 */
public final class Namespaces {
    private static final Duration REFRESH = Duration.ofSeconds(60);
    private static final int MAX_VISITED = 50;
    private static final int MAX_LISTED = 2_000;
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);

    private final Optional<KubeApi> api;
    private final String own;
    private final Clock clock;
    private final Map<String, Boolean> visited = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_VISITED;
        }
    });
    private volatile Choices cached;
    private volatile Instant cachedAt = Instant.MIN;
    private CompletableFuture<Choices> asking; // guarded by this; the request in flight, if any
    private volatile boolean waited; // a view has waited for the first answer already

    /**
     * @param names  the namespaces to offer, sorted
     * @param listed true when they come from the API server's namespace list
     */
    public record Choices(List<String> names, boolean listed) {
        public Choices {
            names = List.copyOf(names);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NamespaceList(Pod.ListMeta metadata, List<Item> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(Pod.Metadata metadata) {
    }

    /** @param api empty in demo mode: the own namespace is the only one */
    public Namespaces(Optional<KubeApi> api, String own, Clock clock) {
        this.api = api;
        this.own = own;
        this.clock = clock;
        if (api.isEmpty()) { // demo mode: nothing to ask, ever
            cached = new Choices(List.of(), false);
            cachedAt = Instant.MAX;
        }
    }

    /** A namespace a user opened successfully: offered from now on. */
    public void visited(String namespace) {
        visited.put(namespace, Boolean.TRUE);
    }

    /** Asks for the list in the background (the process's start calls this, beside the own namespace's pods). */
    public void prefetch() {
        ask();
    }

    public Choices choices() {
        Choices listed = cached;
        if (listed == null) {
            listed = firstAnswer();
        } else if (Duration.between(cachedAt, clock.instant()).compareTo(REFRESH) > 0) {
            ask(); // the pages keep the last answer meanwhile
        }
        if (listed.listed()) {
            return listed;
        }
        TreeSet<String> names = new TreeSet<>();
        names.add(own);
        synchronized (visited) {
            names.addAll(visited.keySet());
        }
        return new Choices(new ArrayList<>(names), false);
    }

    private Choices firstAnswer() {
        CompletableFuture<Choices> pending = ask();
        long waitMs = waited ? 0 : FIRST_WAIT.toMillis();
        waited = true;
        try {
            return pending.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // not answered yet: what is known
        }
        return new Choices(List.of(), false);
    }

    /** The request in flight, or a new one on a daemon thread; its answer becomes the cached one. */
    private synchronized CompletableFuture<Choices> ask() {
        if (asking == null || asking.isDone()) {
            asking = CompletableFuture.supplyAsync(() -> {
                Choices answer = list();
                cached = answer;
                cachedAt = clock.instant();
                return answer;
            }, task -> Daemon.start("namespace-list", task));
        }
        return asking;
    }

    private Choices list() {
        if (api.isEmpty()) {
            return new Choices(List.of(), false);
        }
        try {
            NamespaceList list = api.get().get("/api/v1/namespaces?limit=" + MAX_LISTED, NamespaceList.class);
            TreeSet<String> names = new TreeSet<>();
            if (list.items() != null) {
                list.items().stream().filter(i -> i.metadata() != null).forEach(i -> names.add(i.metadata().name()));
            }
            names.add(own);
            return new Choices(new ArrayList<>(names), true);
        } catch (ClusterException e) {
            // 403 without components/cluster-wide, or an outage: offer what is known.
            return new Choices(List.of(), false);
        }
    }
}
