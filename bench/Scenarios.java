import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poddashboard.training.TrainingCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the table per pod count: the mock seeded with N pods, the app started in-cluster against it, and:
 * start to ready (/readyz) and the first page right after it, medians of {@link #STARTS} starts; when the whole list
 * has arrived; a cold row (/ under load for the first 10 s after ready); then, after warm-up, / and /api/pods at a
 * fixed concurrency, RSS after warm-up and its peak (VmHWM), and API requests per page view.
 */
final class Scenarios {
    static final int WARMUP_SECONDS = 12;
    /** The first seconds after ready, measured as they come: the JIT is still cold (the "cold" columns). */
    static final int COLD_SECONDS = 10;
    /**
     * Starts per row that time ready and the first page: the measured one and the ones before it, which stop there.
     * One start's first page is noise on two cores (0.36 to 0.69 s in one run).
     */
    static final int STARTS = 5;

    /** @param namespaces 1: every pod in the app's own namespace; more: pods spread over them, viewed with -A */
    record Scenario(int pods, int namespaces) {
        boolean allNamespaces() {
            return namespaces > 1;
        }

        String view() {
            return allNamespaces() ? "?all-namespaces=true" : "";
        }

        /** The list page a visitor opens, on the app at {@code base}. */
        String page(String base) {
            return base + "/" + view();
        }

        String label() {
            return allNamespaces() ? String.format("%,d in %d ns (-A)", pods, namespaces) : String.format("%,d", pods);
        }
    }

    /**
     * @param app    "jar", or the image's name (in a container under a real 320 Mi limit; its start to ready
     *               includes podman's own start)
     * @param cgroup the container's memory cgroup at the end; null for the jar
     */
    record Result(String scenario, int pods, long startToReadyMs, long firstPageMs, List<FirstPage> starts,
                  long fullListMs, Load cold, Load list, Load api, long rssAfterWarmupKiB, long peakRssKiB,
                  long apiRequestsDuringLoad, long pageViews, double apiRequestsPerPageView, String app,
                  ImageApp.Cgroup cgroup) {
    }

    /** One start: to ready, then the first page asked right after it (at {@code askedNanos}). */
    record FirstPage(long readyMs, long firstPageMs, @com.fasterxml.jackson.annotation.JsonIgnore long askedNanos) {
    }

    private Scenarios() {
    }

    /** @param image null: the jar, started as the bench starts it; else the built image, run by bench/container */
    static Result run(Scenario scenario, List<ObjectNode> templates, JsonNode columns, boolean plainLists,
                      TrainingCertificates tls, int seconds, int concurrency, String image) throws Exception {
        int n = scenario.pods();
        System.out.printf("%n== %s pods%n", scenario.label());
        String ownNamespace = scenario.allNamespaces() ? Pods.namespace(0) : Pods.NAMESPACE;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (MockApi api = new MockApi(Pods.of(n, scenario.namespaces(), templates), columns, plainLists, tls)) {
            api.warmUp(tls, ownNamespace);
            return run(scenario, api, tls, ownNamespace, http, seconds, concurrency, image);
        }
    }

    private static Result run(Scenario scenario, MockApi api, TrainingCertificates tls, String ownNamespace, HttpClient http,
                              int seconds, int concurrency, String image) throws Exception {
        int n = scenario.pods();
        List<FirstPage> starts = new ArrayList<>();
        for (int i = 1; i < STARTS; i++) {
            try (RunningApp app = RunningApp.inCluster(image, api.port(), tls, ownNamespace, n + "-start-" + i)) {
                starts.add(firstPage(app, http, scenario));
            }
        }
        try (RunningApp app = RunningApp.inCluster(image, api.port(), tls, ownNamespace, Integer.toString(n))) {
            String page = scenario.page(app.base);
            String full = app.base + "/api/pods" + scenario.view();
            FirstPage measured = firstPage(app, http, scenario);
            starts.add(measured);
            List<Long> readies = starts.stream().map(FirstPage::readyMs).toList();
            List<Long> firstPages = starts.stream().map(FirstPage::firstPageMs).toList();
            long ready = median(readies);
            long firstPage = median(firstPages);
            long f0 = measured.askedNanos();
            // Cold: load from the start, while the list is completed in the background and the JIT is cold; a
            // side thread notes when the whole list has arrived.
            var listed = java.util.concurrent.CompletableFuture.supplyAsync(() -> waitComplete(http,
                    app.base + "/api/pods?page=1" + (scenario.allNamespaces() ? "&all-namespaces=true" : ""), n, f0));
            Load cold = Load.run(http, page, concurrency, COLD_SECONDS);
            long fullList = listed.get();
            long peakAfterSync = app.status("VmHWM");
            System.out.printf("ready after %s ms (median %d), first page %s ms (median %d); all %,d pods listed %d ms after the "
                            + "last start's first page was asked (%d LIST answers gzipped)%n",
                    readies, ready, firstPages, firstPage, n, fullList, api.gzippedLists.get());
            System.out.printf("cold /     p50 %.2f ms  p99 %.2f ms  %,.0f req/s  (first %d s after ready)%n", cold.p50ms(),
                    cold.p99ms(), cold.rps(), COLD_SECONDS);

            // Warm-up: on two cores the JIT's C2 thread needs a while to finish compiling the hot paths, and
            // measuring before it is done measures the compiler. Then measure.
            Load.run(http, page, concurrency, WARMUP_SECONDS);
            Load.run(http, full, concurrency, WARMUP_SECONDS);
            long apiBefore = api.nonWatchRequests.get();
            Load list = Load.run(http, page, concurrency, seconds);
            Load all = Load.run(http, full, concurrency, seconds);
            long apiDuring = api.nonWatchRequests.get() - apiBefore;
            long pageViews = list.requests() + all.requests();
            long rss = app.status("VmRSS");
            if (System.getenv("BENCH_HISTOGRAM") != null) {
                AppProcess.jcmd(app.pid(), "GC.class_histogram", "bench-histogram-" + n + ".txt");
            }
            // Where the RSS is: the JVM's own account (needs -XX:NativeMemoryTracking=summary in BENCH_APP_OPTS)
            // and the kernel's, mapping by mapping.
            if (System.getenv("BENCH_MEMORY_DETAIL") != null) {
                AppProcess.jcmd(app.pid(), "VM.native_memory", "bench-nmt-" + n + ".txt");
                AppProcess.jcmd(app.pid(), "GC.heap_info", "bench-heap-" + n + ".txt");
                Files.copy(Path.of("/proc", Long.toString(app.pid()), "smaps"), Path.of("target", "bench-smaps-" + n + ".txt"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            long peak = Math.max(peakAfterSync, app.status("VmHWM"));
            System.out.printf("/          p50 %.2f ms  p99 %.2f ms  %,.0f req/s  (%d errors)%n", list.p50ms(), list.p99ms(), list.rps(), list.errors());
            System.out.printf("/api/pods  p50 %.2f ms  p99 %.2f ms  %,.0f req/s  (%d errors)%n", all.p50ms(), all.p99ms(), all.rps(), all.errors());
            System.out.printf("RSS %d MiB after warm-up, peak %d MiB; %d API requests in %,d page views%n", rss / 1024, peak / 1024, apiDuring, pageViews);
            if (System.getenv("BENCH_THREADS") != null) {
                printThreadCpu(app.pid());
            }
            ImageApp.Cgroup cgroup = app.cgroup().orElse(null);
            if (cgroup != null) {
                System.out.printf("the container: %s; its %s%n", app.state(), cgroup.summary());
            }
            return new Result(scenario.label(), n, ready, firstPage, starts, fullList, cold, list, all, rss, peak, apiDuring, pageViews,
                    pageViews == 0 ? 0 : apiDuring / (double) pageViews, app.name(), cgroup);
        }
    }

    /** Ready, then the first request right after it: page 1 is drawn from the first LIST page, the rest still arriving. */
    private static FirstPage firstPage(RunningApp app, HttpClient http, Scenario scenario) throws Exception {
        long ready = app.awaitOk(http, "/readyz");
        long asked = System.nanoTime();
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(scenario.page(app.base))).build(),
                HttpResponse.BodyHandlers.ofString());
        long firstPage = (System.nanoTime() - asked) / 1_000_000;
        if (first.statusCode() != 200 || !first.body().contains("id=\"pod-count\"")) {
            throw new IllegalStateException("first page: " + first.statusCode() + "\n" + first.body());
        }
        return new FirstPage(ready, firstPage, asked);
    }

    /** The middle value (the upper one of an even count). */
    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /**
     * BENCH_THREADS=1: the app's CPU time by thread over the whole scenario (from /proc; pool threads folded by
     * name), e.g. how much the JIT compilers took beside Jetty's threads.
     */
    static void printThreadCpu(long pid) {
        java.util.Map<String, Long> ticks = new java.util.HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum); // utime, stime
            }
        } catch (IOException e) {
            System.out.println("thread CPU times not readable: " + e.getMessage());
            return;
        }
        ticks.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("thread %-16s %,8d ms CPU%n", e.getKey(), e.getValue() * 10));
    }

    /** Polls the paged JSON until the list is complete with all n pods; ms since {@code since}. */
    static long waitComplete(HttpClient http, String url, int n, long since) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode body = MockApi.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                if (body.path("complete").asBoolean() && body.path("total").asInt() == n) {
                    return (System.nanoTime() - since) / 1_000_000;
                }
                Thread.sleep(20);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the list of " + n + " pods did not complete within 120 s");
    }
}
