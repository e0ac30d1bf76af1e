package dev.poddashboard.pods;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.KubeApi;
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

/**
 * The namespace picker's choices: the namespaces the service account may list (with components/cluster-wide),
 * otherwise its own namespace and the ones visited in this process. Typing any other name still works.
 */
public final class Namespaces {
    private static final Duration REFRESH = Duration.ofSeconds(60);
    private static final int MAX_VISITED = 50;
    private static final int MAX_LISTED = 2_000;

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
    }

    /** A namespace a user opened successfully: offered from now on. */
    public void visited(String namespace) {
        visited.put(namespace, Boolean.TRUE);
    }

    public Choices choices() {
        Instant now = clock.instant();
        Choices listed = cached;
        if (listed == null || Duration.between(cachedAt, now).compareTo(REFRESH) > 0) {
            listed = list();
            cached = listed;
            cachedAt = now;
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
