package dev.poddashboard.metrics;

import dev.poddashboard.cluster.ApiCalls;
import dev.poddashboard.token.TokenHistory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Every metric of {@code /metrics}. Labels are bounded by design: HTTP requests by route template (never a pod
 * name), API requests by verb and status code, watches by namespace (at most the caches the app keeps). Nothing
 * from a token appears but its times.
 */
public final class Metrics implements ApiCalls {
    /** Latency buckets for HTTP requests: a page is meant to take milliseconds. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<Runnable> beforeScrape = new ArrayList<>();
    /** The newest stats of each watched namespace, which its relist and 410 counters read. */
    private final Map<String, AtomicReference<WatchStats>> latest = new ConcurrentHashMap<>();
    /** Objects read by function counters: Micrometer holds them weakly, and a lambda has no other owner. */
    private final List<Object> readFrom = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** One timer per method, route template and status class: a bounded set. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** One cache of pods: its scope's label, its watch state (live, reconnecting, polling, listing, ...). */
    public record WatchStats(String namespace, String state, int pods, long relists, long expired) {
    }

    /** Whether the JVM's own meters are bound; they are bound by the first scrape (see {@link #scrape()}). */
    private boolean jvmBound;

    /**
     * The JVM's own meters (memory, GC, threads, classes, CPU, file descriptors, uptime), bound on the first scrape
     * rather than at start: binding them takes 50-70 ms of management beans on a cold JVM (measured), which the
     * process's warm-up request to /metrics now pays right after the server listens. GC pauses before that are not
     * counted.
     */
    private synchronized void bindJvm() {
        if (jvmBound) {
            return;
        }
        jvmBound = true;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** One HTTP request, by route template (e.g. /pods/{name}) and status class (2xx ...). */
    public void request(String method, String route, int status, long nanos) {
        // Found by key on the request path rather than built and looked up in the registry on every request.
        String statusClass = status / 100 + "xx";
        timers.computeIfAbsent(method + " " + route + " " + statusClass, key -> Timer.builder("http.server.requests")
                        .description("HTTP requests, by route template")
                        .tags("method", method, "route", route, "status", statusClass)
                        .serviceLevelObjectives(BUCKETS).register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    @Override
    public void completed(String verb, int code) {
        Counter.builder("kubernetes.api.requests").description("Requests to the Kubernetes API server")
                .tags("verb", verb, "code", code == 0 ? "error" : Integer.toString(code)).register(registry).increment();
    }

    /**
     * Open server-sent-event streams of one kind ("pods", "logs"), and those refused by its bounds, by which limit
     * ("app": the whole dashboard's, "client": one browser's).
     */
    public void streams(String kind, Supplier<Number> open, java.util.function.ToLongFunction<String> refused) {
        Gauge.builder("dashboard.sse.streams.open", open).description("Open server-sent-event streams")
                .tag("kind", kind).register(registry);
        readFrom.add(refused);
        for (String limit : List.of("app", "client")) {
            FunctionCounter.builder("dashboard.sse.streams.refused", refused, r -> r.applyAsLong(limit))
                    .description("Server-sent-event streams refused with 429, by the limit reached")
                    .tags("kind", kind, "limit", limit).register(registry);
        }
    }

    /** Watched pod caches, read at every scrape. */
    public void watches(Supplier<List<WatchStats>> stats) {
        MultiGauge state = MultiGauge.builder("dashboard.watch.state")
                .description("1 for the current state of each watched scope").register(registry);
        MultiGauge cached = MultiGauge.builder("dashboard.watch.pods").description("Pods cached per watched scope")
                .register(registry);
        beforeScrape.add(() -> {
            List<WatchStats> now = stats.get();
            state.register(now.stream().map(s -> MultiGauge.Row.of(Tags.of("namespace", s.namespace(), "state", s.state()), 1))
                    .toList(), true);
            cached.register(now.stream().map(s -> MultiGauge.Row.of(Tags.of("namespace", s.namespace()), s.pods()))
                    .toList(), true);
            for (WatchStats s : now) {
                counter("dashboard.watch.relists", "Lists after the first, per watched scope", s, WatchStats::relists);
                counter("dashboard.watch.expired", "410 Gone answers (too old resourceVersion), per watched scope", s,
                        WatchStats::expired);
            }
        });
    }

    private void counter(String name, String description, WatchStats s, ToDoubleFunction<WatchStats> value) {
        // Registered once per namespace (a second registration makes Micrometer warn in the log on every scrape),
        // then read from the newest stats the scrape saw.
        latest.computeIfAbsent(name + "\0" + s.namespace(), k -> {
            AtomicReference<WatchStats> holder = new AtomicReference<>();
            FunctionCounter.builder(name, holder, h -> h.get() == null ? 0 : value.applyAsDouble(h.get()))
                    .description(description).tag("namespace", s.namespace()).register(registry);
            return holder;
        }).set(s);
    }

    /** Seconds until the mounted token's warnafter and exp (negative once past), and rotations seen. */
    public void token(TokenHistory history, Clock clock) {
        Gauge.builder("dashboard.token.warnafter.seconds", history, h -> until(h.current() == null ? null
                        : h.current().warnafter(), clock)).description("Seconds until the mounted token's kubernetes.io.warnafter")
                .register(registry);
        Gauge.builder("dashboard.token.expiry.seconds", history, h -> until(h.current() == null ? null
                        : h.current().exp(), clock)).description("Seconds until the mounted token's exp")
                .register(registry);
        FunctionCounter.builder("dashboard.token.rotations", history, TokenHistory::rotations)
                .description("New tokens seen in the mounted file since start-up").register(registry);
        beforeScrape.add(history::observe);
    }

    private static double until(Instant when, Clock clock) {
        return when == null ? Double.NaN : Duration.between(clock.instant(), when).toMillis() / 1000.0;
    }

    /** {@code dashboard_apiserver_info{git_version="v1.33.3", minor="33"} 1}: the API server's version, as last read. */
    public void apiServer(dev.poddashboard.version.ServerVersion version) {
        MultiGauge info = MultiGauge.builder("dashboard.apiserver.info")
                .description("The Kubernetes API server's version, as last read from /version").register(registry);
        version.onChange(v -> info.register(List.of(MultiGauge.Row.of(Tags.of("git_version",
                v.gitVersion().isEmpty() ? "unknown" : v.gitVersion(), "minor", Integer.toString(v.minor())), 1)), true));
    }

    /** The Prometheus text format (version 0.0.4). */
    public String scrape() {
        bindJvm();
        beforeScrape.forEach(Runnable::run);
        return registry.scrape();
    }
}
