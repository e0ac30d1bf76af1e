import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * pod-dashboard benchmark. For each pod count it starts a mock API server (plain HTTP on loopback) seeded with N
 * pods cloned from ../shared/fixtures/api/pod-list-dashboard.json, starts the real jar in kubeconfig mode against
 * it with the Deployment's memory limit (320 MiB) and JVM flags, and measures: start to ready (/readyz), the first
 * page (which waits for the paged first LIST), p50/p99 latency and requests/s of / and /api/pods at a fixed
 * concurrency, RSS after warm-up and its peak (VmHWM), and API requests per page view after sync. Prints a table
 * and writes bench/results/bench-TIMESTAMP.json. Loopback only; every loop is bounded in time.
 */
public class Bench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String NAMESPACE = "bench";
    static final int WARMUP_SECONDS = 12;
    /** The first seconds after ready, measured as they come: the JIT is still cold (the "cold" columns). */
    static final int COLD_SECONDS = 10;
    /** Answer Table requests with plain lists, as a server without Table support would (the app's fallback printer). */
    static boolean plainLists;
    /** The JVM that runs the app (default: this one) and, optionally, a JDK 25 AOT cache for it. */
    static String appJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static String aotCache;
    static String cdsArchive;
    /** The image's JVM flags with the Deployment's memory limit as MaxRAM: bench/run owns them (--jvm-flags). */
    static List<String> jvmFlags;

    record Load(String path, long requests, long errors, double seconds, double p50ms, double p99ms, double rps) {
    }

    /** @param namespaces 1: every pod in the app's own namespace; more: pods spread over them, viewed with -A */
    record Scenario(int pods, int namespaces) {
        boolean allNamespaces() {
            return namespaces > 1;
        }

        String view() {
            return allNamespaces() ? "?all-namespaces=true" : "";
        }

        String label() {
            return allNamespaces() ? String.format("%,d in %d ns (-A)", pods, namespaces) : String.format("%,d", pods);
        }
    }

    record Result(String scenario, int pods, long startToReadyMs, long firstPageMs, long fullListMs, Load cold, Load list,
                  Load api, long rssAfterWarmupKiB, long peakRssKiB, long apiRequestsDuringLoad, long pageViews,
                  double apiRequestsPerPageView) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> counts = List.of(100, 1_000, 10_000);
        List<Scenario> wide = List.of(new Scenario(100_000, 100));
        int seconds = 10;
        int concurrency = 8;
        Path floor = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--java" -> appJava = args[++i];
                case "--aot-cache" -> aotCache = args[++i];
                case "--cds-archive" -> cdsArchive = args[++i];
                case "--jvm-flags" -> jvmFlags = List.of(args[++i].trim().split("\\s+"));
                case "--pods" -> counts = args[++i].equals("none") ? List.of()
                        : Arrays.stream(args[i].split(",")).map(Integer::parseInt).toList();
                case "--all-namespaces" -> wide = args[++i].equals("none") ? List.of()
                        : List.of(new Scenario(Integer.parseInt(args[i]), 100));
                case "--plain-lists" -> plainLists = true;
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--floor" -> floor = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (jvmFlags == null) {
            throw new IllegalArgumentException("--jvm-flags is missing: run the benchmark with bash bench/run, which passes"
                    + " the Dockerfile's flags");
        }
        if (floor != null) {
            floor(floor, seconds, concurrency);
            return;
        }
        Path fixtures = Path.of(System.getProperty("fixtures.dir", "../shared/fixtures"));
        List<ObjectNode> templates = new ArrayList<>();
        JSON.readTree(fixtures.resolve("api/pod-list-dashboard.json").toFile()).get("items")
                .forEach(item -> templates.add((ObjectNode) item));

        JsonNode columns = JSON.readTree(fixtures.resolve("node/api/pod-table-includeobject-object.json").toFile())
                .get("columnDefinitions");
        List<Scenario> scenarios = new ArrayList<>();
        counts.forEach(n -> scenarios.add(new Scenario(n, 1)));
        scenarios.addAll(wide);
        List<Result> results = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            try {
                results.add(run(scenario, templates, columns, seconds, concurrency));
            } catch (Exception e) {
                // e.g. the app ran out of heap: the row says so, and the other scenarios still run.
                failed.add(scenario.label() + ": " + e.getMessage().lines().findFirst().orElse("") + " (see target/bench-app-"
                        + scenario.pods() + ".log)");
            }
        }
        print(results, seconds, concurrency);
        failed.forEach(f -> System.out.println("FAILED " + f));
        Path dir = Files.createDirectories(Path.of("bench", "results"));
        Path file = dir.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".json");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors()));
        out.put("appJava", appJava);
        out.put("jvmFlags", String.join(" ", jvmFlags));
        out.put("aotCache", aotCache == null ? "none" : aotCache);
        out.put("cdsArchive", cdsArchive == null ? "none" : cdsArchive);
        out.put("seconds", seconds);
        out.put("concurrency", concurrency);
        out.put("loadGenerator", WRK ? "wrk" : "java.net.http.HttpClient");
        out.put("apiAnswers", plainLists ? "plain lists (no Table)" : "Tables (includeObject=Object), as kubectl gets");
        out.put("results", results);
        out.put("failed", failed);
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
        System.out.println("\nwrote " + file);
    }

    static Result run(Scenario scenario, List<ObjectNode> templates, JsonNode columns, int seconds, int concurrency)
            throws Exception {
        int n = scenario.pods();
        System.out.printf("%n== %s pods%n", scenario.label());
        MockApi api = new MockApi(pods(scenario, templates), columns);
        String ownNamespace = scenario.allNamespaces() ? namespace(0) : NAMESPACE;
        Path kubeconfig = Files.createTempFile("bench-kubeconfig", ".yaml");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: bench, cluster: {server: "http://127.0.0.1:%d"}}]
                users: [{name: bench, user: {token: bench-token}}]
                contexts: [{name: bench, context: {cluster: bench, user: bench, namespace: %s}}]
                current-context: bench
                """.formatted(api.port(), ownNamespace));
        int port = freePort();
        List<String> command = javaCommand(aotCache, cdsArchive);
        command.addAll(List.of("-jar", "target/pod-dashboard.jar"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("MALLOC_ARENA_MAX", "2"); // as in the Deployment: glibc keeps fewer malloc arenas
        pb.environment().put("DASHBOARD_MODE", "kubeconfig");
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(Path.of("target", "bench-app-" + n + ".log").toFile());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + port;
        String page = base + "/" + scenario.view();
        String full = base + "/api/pods" + scenario.view();
        long t0 = System.nanoTime();
        Process app = pb.start();
        try {
            awaitOk(http, base + "/readyz", app, "target/bench-app-" + n + ".log");
            long ready = (System.nanoTime() - t0) / 1_000_000;
            // The first request right after ready: page 1 is drawn from the first LIST page, the rest still arriving.
            long f0 = System.nanoTime();
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long firstPage = (System.nanoTime() - f0) / 1_000_000;
            if (first.statusCode() != 200 || !first.body().contains("id=\"pod-count\"")) {
                throw new IllegalStateException("first page: " + first.statusCode() + "\n" + first.body());
            }
            // Cold: load from the start, while the list is completed in the background and the JIT is cold; a
            // side thread notes when the whole list has arrived.
            var listed = java.util.concurrent.CompletableFuture.supplyAsync(() -> waitComplete(http,
                    base + "/api/pods?page=1" + (scenario.allNamespaces() ? "&all-namespaces=true" : ""), n, f0));
            Load cold = load(http, page, concurrency, COLD_SECONDS);
            long fullList = listed.get();
            long peakAfterSync = status(app.pid(), "VmHWM");
            System.out.printf("ready after %d ms, first page %d ms, all %,d pods listed after %d ms%n", ready, firstPage, n, fullList);
            System.out.printf("cold /     p50 %.2f ms  p99 %.2f ms  %,.0f req/s  (first %d s after ready)%n", cold.p50ms(),
                    cold.p99ms(), cold.rps(), COLD_SECONDS);

            // Warm-up: on two cores the JIT's C2 thread needs a while to finish compiling the hot paths, and
            // measuring before it is done measures the compiler. Then measure.
            load(http, page, concurrency, WARMUP_SECONDS);
            load(http, full, concurrency, WARMUP_SECONDS);
            long apiBefore = api.nonWatchRequests.get();
            Load list = load(http, page, concurrency, seconds);
            Load all = load(http, full, concurrency, seconds);
            long apiDuring = api.nonWatchRequests.get() - apiBefore;
            long pageViews = list.requests() + all.requests();
            long rss = status(app.pid(), "VmRSS");
            if (System.getenv("BENCH_HISTOGRAM") != null) {
                jcmd(app.pid(), "GC.class_histogram", "bench-histogram-" + n + ".txt");
            }
            // Where the RSS is: the JVM's own account (needs -XX:NativeMemoryTracking=summary in BENCH_APP_OPTS)
            // and the kernel's, mapping by mapping.
            if (System.getenv("BENCH_MEMORY_DETAIL") != null) {
                jcmd(app.pid(), "VM.native_memory", "bench-nmt-" + n + ".txt");
                jcmd(app.pid(), "GC.heap_info", "bench-heap-" + n + ".txt");
                Files.copy(Path.of("/proc", Long.toString(app.pid()), "smaps"), Path.of("target", "bench-smaps-" + n + ".txt"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            long peak = Math.max(peakAfterSync, status(app.pid(), "VmHWM"));
            System.out.printf("/          p50 %.2f ms  p99 %.2f ms  %,.0f req/s  (%d errors)%n", list.p50ms(), list.p99ms(), list.rps(), list.errors());
            System.out.printf("/api/pods  p50 %.2f ms  p99 %.2f ms  %,.0f req/s  (%d errors)%n", all.p50ms(), all.p99ms(), all.rps(), all.errors());
            System.out.printf("RSS %d MiB after warm-up, peak %d MiB; %d API requests in %,d page views%n", rss / 1024, peak / 1024, apiDuring, pageViews);
            return new Result(scenario.label(), n, ready, firstPage, fullList, cold, list, all, rss, peak, apiDuring, pageViews,
                    pageViews == 0 ? 0 : apiDuring / (double) pageViews);
        } finally {
            if (System.getenv("BENCH_THREADS") != null) {
                printThreadCpu(app.pid());
            }
            app.destroy();
            app.waitFor();
            api.stop();
            Files.deleteIfExists(kubeconfig);
        }
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
                JsonNode body = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
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

    /**
     * bash bench/run --floor: bench/Floor.java (compiled and its AOT caches trained by bench/run into {@code dir}), a
     * Javalin hello world alone and with the dashboard's libraries in use, each started as the app is and loaded on
     * / for as long as a scenario loads the app before its RSS is read; one row each.
     */
    static void floor(Path dir, int seconds, int concurrency) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        System.out.printf("%-10s | %-9s | %-15s | %-9s | %s%n", "what", "ready", "/ p50 / p99", "/ req/s", "RSS (peak)");
        for (String variant : List.of("hello", "libraries")) {
            int port = freePort();
            List<String> command = javaCommand(dir.resolve(variant + ".aot").toString(), null);
            command.addAll(List.of("-cp", "target/pod-dashboard.jar:" + dir.resolve("floor.jar"), "Floor", "--port",
                    Integer.toString(port)));
            if (variant.equals("libraries")) {
                command.add("--libraries");
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(variant + ".log").toFile());
            pb.environment().put("MALLOC_ARENA_MAX", "2"); // as for the app
            String url = "http://127.0.0.1:" + port + "/";
            long t0 = System.nanoTime();
            Process floorApp = pb.start();
            try {
                awaitOk(http, url, floorApp, dir.resolve(variant + ".log").toString());
                long ready = (System.nanoTime() - t0) / 1_000_000;
                // As in run(): the cold seconds and the two warm-ups, then / and /api/pods measured (here / twice as long).
                load(http, url, concurrency, COLD_SECONDS + 2 * WARMUP_SECONDS);
                Load measured = load(http, url, concurrency, 2 * seconds);
                long rss = status(floorApp.pid(), "VmRSS");
                long peak = status(floorApp.pid(), "VmHWM");
                System.out.printf("%-10s | %-9s | %-15s | %-9s | %d (%d) MiB%n", variant, ready + " ms",
                        String.format("%.2f / %.2f ms", measured.p50ms(), measured.p99ms()),
                        String.format("%,.0f", measured.rps()), rss / 1024, peak / 1024);
            } finally {
                floorApp.destroy();
                floorApp.waitFor();
            }
        }
    }

    /** The JVM command line of a measured run: the app's JVM and flags, with the given AOT cache or CDS archive. */
    static List<String> javaCommand(String aot, String cds) {
        List<String> command = new ArrayList<>();
        command.add(appJava);
        command.addAll(jvmFlags);
        if (aot != null) {
            command.add("-XX:AOTCache=" + aot);
        }
        if (cds != null) {
            command.add("-XX:SharedArchiveFile=" + cds);
        }
        return command;
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits (at most 60 s, while the process lives) until {@code url} answers 200. */
    static void awaitOk(HttpClient http, String url, Process process, String log) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException(url + " did not answer; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
    }

    static final boolean WRK = Files.isExecutable(Path.of("/usr/bin/wrk"));

    /**
     * Closed-loop load at {@code concurrency} connections: wrk (a C load generator, far lighter than a Java client
     * on the same two cores) when it is installed, else Java's HttpClient.
     */
    static Load load(HttpClient http, String url, int concurrency, int seconds) throws Exception {
        return WRK ? loadWrk(url, concurrency, seconds) : loadJava(http, url, concurrency, seconds);
    }

    static Load loadWrk(String url, int concurrency, int seconds) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + concurrency, "-d" + seconds + "s", "--latency", url)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        long requests = Long.parseLong(find(out, "(\\d+) requests in"));
        long errors = 0;
        String non2xx = findOrNull(out, "Non-2xx or 3xx responses: (\\d+)");
        if (non2xx != null) {
            errors += Long.parseLong(non2xx);
        }
        String socket = findOrNull(out, "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
        if (socket != null) {
            errors += Long.parseLong(socket);
        }
        return new Load(URI.create(url).getPath(), requests, errors, seconds, millis(find(out, "(?m)^\\s+50%\\s+(\\S+)")),
                millis(find(out, "(?m)^\\s+99%\\s+(\\S+)")), Double.parseDouble(find(out, "Requests/sec:\\s+(\\S+)")));
    }

    static String find(String text, String regex) {
        String found = findOrNull(text, regex);
        if (found == null) {
            throw new IllegalStateException("no " + regex + " in wrk's output:\n" + text);
        }
        return found;
    }

    static String findOrNull(String text, String regex) {
        var m = java.util.regex.Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** wrk prints 812.00us, 1.23ms or 2.01s. */
    static double millis(String value) {
        if (value.endsWith("us")) {
            return Double.parseDouble(value.substring(0, value.length() - 2)) / 1000;
        }
        if (value.endsWith("ms")) {
            return Double.parseDouble(value.substring(0, value.length() - 2));
        }
        if (value.endsWith("s")) {
            return Double.parseDouble(value.substring(0, value.length() - 1)) * 1000;
        }
        return Double.parseDouble(value);
    }

    static Load loadJava(HttpClient http, String url, int concurrency, int seconds) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> perWorker = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicInteger counts = new AtomicInteger();
        Thread[] workers = new Thread[concurrency];
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            long[] samples = new long[2_000_000];
            perWorker.add(samples);
            int index = w;
            workers[w] = new Thread(() -> {
                int k = 0;
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
                while (System.nanoTime() < end && k < samples.length) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                    samples[k++] = System.nanoTime() - s;
                }
                perWorker.set(index, Arrays.copyOf(samples, k));
                counts.addAndGet(k);
            });
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perWorker.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Load(URI.create(url).getPath(), all.length, errors.get(), elapsed,
                percentile(all, 0.50), percentile(all, 0.99), all.length / elapsed);
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** Runs a jcmd diagnostic command against the app, its output in target/FILE. */
    static void jcmd(long pid, String command, String file) throws IOException, InterruptedException {
        Path jcmd = Path.of(appJava).resolveSibling("jcmd");
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectOutput(Path.of("target", file).toFile()).start().waitFor();
    }

    /** A line of /proc/PID/status in KiB (VmRSS now, VmHWM the peak). */
    static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    static void print(List<Result> results, int seconds, int concurrency) {
        System.out.printf("%n%d-second runs at concurrency %d, %d cores, load from %s; app on %s%s; the API server answers %s%n",
                seconds, concurrency, Runtime.getRuntime().availableProcessors(), WRK ? "wrk" : "Java's HttpClient (install wrk for lighter load)",
                appJava, aotCache != null ? " with AOT cache " + aotCache : cdsArchive != null ? " with AppCDS archive " + cdsArchive : "",
                plainLists ? "plain lists" : "Tables");
        System.out.println("JVM flags: " + String.join(" ", jvmFlags));
        String header = "%22s %6s %6s %7s %9s %9s %8s %8s %9s %8s %8s %8s %6s %6s %6s%n";
        System.out.printf(header, "pods", "ready", "page1", "listed", "cold p50", "cold r/s", "/ p50", "/ p99", "/ req/s",
                "api p50", "api p99", "api r/s", "RSS", "peak", "API/v");
        System.out.printf(header, "", "ms", "ms", "ms", "ms", "", "ms", "ms", "", "ms", "ms", "", "MiB", "MiB", "");
        for (Result r : results) {
            System.out.printf("%22s %6d %6d %7d %9.2f %,9.0f %8.2f %8.2f %,9.0f %8.1f %8.1f %,8.0f %6d %6d %6.3f%n", r.scenario(),
                    r.startToReadyMs(), r.firstPageMs(), r.fullListMs(), r.cold().p50ms(), r.cold().rps(), r.list().p50ms(),
                    r.list().p99ms(), r.list().rps(), r.api().p50ms(), r.api().p99ms(), r.api().rps(),
                    r.rssAfterWarmupKiB() / 1024, r.peakRssKiB() / 1024, r.apiRequestsPerPageView());
        }
    }

    static String namespace(int i) {
        return String.format("bench-%03d", i);
    }

    /**
     * A pod of the mock API server: its JSON (cloned from the captured list: same shape, managedFields and all;
     * new name, namespace and uid) and the cells a server prints for it in a Table.
     */
    record MockPod(String namespace, byte[] json, byte[] cells) {
    }

    /** N pods, in the order the API server lists them (by namespace, then name). */
    static List<MockPod> pods(Scenario scenario, List<ObjectNode> templates) throws IOException {
        int n = scenario.pods();
        List<MockPod> pods = new ArrayList<>(n);
        int perNamespace = (n + scenario.namespaces() - 1) / scenario.namespaces();
        for (int i = 0; i < n; i++) {
            ObjectNode pod = templates.get(i % templates.size()).deepCopy();
            pod.put("kind", "Pod").put("apiVersion", "v1");
            ObjectNode meta = (ObjectNode) pod.get("metadata");
            String namespace = scenario.allNamespaces() ? namespace(i / perNamespace) : NAMESPACE;
            meta.put("name", String.format("pod-%06d-%s", i, meta.get("name").asText()));
            meta.put("namespace", namespace);
            meta.put("uid", java.util.UUID.nameUUIDFromBytes(("pod-" + i).getBytes(StandardCharsets.UTF_8)).toString());
            pods.add(new MockPod(namespace, JSON.writeValueAsBytes(pod), JSON.writeValueAsBytes(cells(pod))));
        }
        return pods;
    }

    /** NAME, READY, STATUS, RESTARTS, AGE, IP, NODE, NOMINATED NODE, READINESS GATES, roughly as a server prints. */
    static ArrayNode cells(ObjectNode pod) {
        JsonNode status = pod.path("status");
        int containers = pod.path("spec").path("containers").size();
        int ready = 0;
        int restarts = 0;
        String reason = status.path("reason").asText(status.path("phase").asText("Unknown"));
        for (JsonNode c : status.path("containerStatuses")) {
            ready += c.path("ready").asBoolean() ? 1 : 0;
            restarts += c.path("restartCount").asInt();
            if (c.path("state").has("waiting")) {
                reason = c.path("state").path("waiting").path("reason").asText(reason);
            }
        }
        ArrayNode cells = JSON.createArrayNode();
        cells.add(pod.path("metadata").path("name").asText()).add(ready + "/" + containers).add(reason)
                .add(Integer.toString(restarts)).add("5d").add(status.path("podIP").asText("<none>"))
                .add(pod.path("spec").path("nodeName").asText("<none>")).add("<none>").add("<none>");
        return cells;
    }

    /**
     * The API server's pod lists (one namespace, or all: /api/v1/pods), paged with limit/continue like the real one;
     * a Table with includeObject=Object when asked as kubectl asks (unless --plain-lists); and an idle watch.
     */
    static final class MockApi {
        private final HttpServer server;
        private final List<MockPod> pods;
        private final Map<String, List<MockPod>> byNamespace = new LinkedHashMap<>();
        private final byte[] columns;
        private final CountDownLatch stopping = new CountDownLatch(1);
        final AtomicLong nonWatchRequests = new AtomicLong();

        MockApi(List<MockPod> pods, JsonNode columns) throws IOException {
            this.pods = pods;
            this.columns = JSON.writeValueAsBytes(columns);
            pods.forEach(p -> byNamespace.computeIfAbsent(p.namespace(), ns -> new ArrayList<>()).add(p));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/api/v1/", this::pods);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            stopping.countDown();
            server.stop(0);
        }

        private void pods(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            List<MockPod> scope;
            if (path.equals("/api/v1/pods")) {
                scope = pods;
            } else if (path.matches("/api/v1/namespaces/[^/]+/pods")) {
                scope = byNamespace.getOrDefault(path.split("/")[4], List.of());
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            Map<String, String> query = new LinkedHashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            if ("1".equals(query.get("watch")) || "true".equals(query.get("watch"))) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0);
                try {
                    stopping.await(); // an idle watch: no pod changes during the benchmark
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            nonWatchRequests.incrementAndGet();
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            boolean table = !plainLists && accept != null && accept.contains("as=Table");
            int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : scope.size();
            int from = query.containsKey("continue") ? Integer.parseInt(query.get("continue")) : 0;
            int to = Math.min(scope.size(), from + limit);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = new java.io.BufferedOutputStream(exchange.getResponseBody(), 65536)) {
                String meta = "{\"resourceVersion\":\"11527\"" + (to < scope.size()
                        ? ",\"continue\":\"" + to + "\",\"remainingItemCount\":" + (scope.size() - to) : "") + "}";
                if (table) {
                    out.write(("{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":" + meta
                            + ",\"columnDefinitions\":").getBytes(StandardCharsets.UTF_8));
                    out.write(columns);
                    out.write(",\"rows\":[".getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":" + meta + ",\"items\":[")
                            .getBytes(StandardCharsets.UTF_8));
                }
                for (int i = from; i < to; i++) {
                    if (i > from) {
                        out.write(',');
                    }
                    if (table) {
                        out.write("{\"cells\":".getBytes(StandardCharsets.UTF_8));
                        out.write(scope.get(i).cells());
                        out.write(",\"object\":".getBytes(StandardCharsets.UTF_8));
                        out.write(scope.get(i).json());
                        out.write('}');
                    } else {
                        out.write(scope.get(i).json());
                    }
                }
                out.write("]}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
