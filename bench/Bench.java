import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poddashboard.training.TrainingCertificates;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pod-dashboard benchmark (bash bench/run; docs/benchmark.md). The app runs as in a pod: in-cluster mode, a mounted
 * service-account directory, TLS and HTTP/2 to a mock API server ({@link MockApi}) seeded with N pods cloned from
 * ../shared/fixtures; the Deployment's memory limit (320 MiB) and the image's JVM flags. Modes, each a part:
 * the pod-count table ({@link Scenarios}), the start in both modes ({@link Start}), the crowd ({@link Crowd}), and the
 * floor under it all ({@link #floor}). Prints tables and writes bench/results/bench-TIME.json. Loopback only; every
 * loop is bounded in time.
 */
public class Bench {
    public static void main(String[] args) throws Exception {
        List<Integer> counts = List.of(100, 1_000, 10_000);
        List<Scenarios.Scenario> wide = List.of(new Scenarios.Scenario(100_000, 100));
        int seconds = 10;
        int concurrency = 8;
        int startRuns = 5;
        int crowd = 0;
        String image = null;
        boolean plainLists = false;
        Path floor = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--java" -> AppProcess.java = args[++i];
                case "--aot-cache" -> AppProcess.aotCache = args[++i];
                case "--cds-archive" -> AppProcess.cdsArchive = args[++i];
                case "--jvm-flags" -> AppProcess.jvmFlags = List.of(args[++i].trim().split("\\s+"));
                case "--pods" -> counts = args[++i].equals("none") ? List.of()
                        : Arrays.stream(args[i].split(",")).map(Integer::parseInt).toList();
                case "--all-namespaces" -> wide = args[++i].equals("none") ? List.of()
                        : List.of(new Scenarios.Scenario(Integer.parseInt(args[i]), 100));
                case "--plain-lists" -> plainLists = true;
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--start-runs" -> startRuns = Integer.parseInt(args[++i]);
                case "--crowd" -> crowd = i + 1 < args.length && args[i + 1].matches("\\d+") ? Integer.parseInt(args[++i]) : 1_000;
                case "--image" -> image = args[++i];
                case "--floor" -> floor = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (AppProcess.jvmFlags == null) {
            throw new IllegalArgumentException("--jvm-flags is missing: run the benchmark with bash bench/run, which passes"
                    + " the Dockerfile's flags");
        }
        if (floor != null) {
            floor(floor, seconds, concurrency);
            return;
        }
        Path fixtures = Path.of(System.getProperty("fixtures.dir", "../shared/fixtures"));
        List<ObjectNode> templates = Pods.templates(fixtures);
        JsonNode columns = Pods.columns(fixtures);
        TrainingCertificates tls = TrainingCertificates.make(Files.createTempDirectory("bench-tls"),
                TrainingCertificates.KeyType.RSA);
        Map<String, Object> results = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        if (crowd > 0) {
            List<Crowd.Result> rows = new ArrayList<>();
            rows.add(Crowd.run(crowd, templates, columns, tls, 30, image));
            int bound = rows.get(0).bound();
            if (crowd <= bound) { // and one run above the bound: those over it must be told 429, the rest keep every change
                rows.add(Crowd.run(bound + 200, templates, columns, tls, 30, image));
            }
            Report.crowd(rows);
            results.put("crowd", rows);
        } else {
            if (image != null) {
                if (startRuns > 0) { // the image's start in both modes, as bench/image-start measures it
                    results.put("imageStart", imageStart(image, startRuns, failed));
                }
            } else if (startRuns > 0) { // --start-runs 0: the rows only
                results.put("start", Start.run(startRuns, templates, columns, tls));
            }
            List<Scenarios.Scenario> scenarios = new ArrayList<>();
            counts.forEach(n -> scenarios.add(new Scenarios.Scenario(n, 1)));
            scenarios.addAll(wide);
            List<Scenarios.Result> rows = new ArrayList<>();
            for (Scenarios.Scenario scenario : scenarios) {
                try {
                    rows.add(Scenarios.run(scenario, templates, columns, plainLists, tls, seconds, concurrency, image));
                } catch (Exception e) {
                    // e.g. the app ran out of heap: the row says so, and the other scenarios still run.
                    failed.add(scenario.label() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                            + " (see target/bench-app-" + scenario.pods() + ".log)");
                }
            }
            Report.scenarios(rows, seconds, concurrency, plainLists);
            results.put("results", rows);
        }
        failed.forEach(f -> System.out.println("FAILED " + f));
        results.put("failed", failed);
        System.out.println("\nwrote " + Report.write(results, seconds, concurrency, plainLists));
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
            int port = AppProcess.freePort();
            List<String> command = AppProcess.javaCommand(dir.resolve(variant + ".aot").toString(), null);
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
                AppProcess.awaitOk(http, url, floorApp::isAlive, dir.resolve(variant + ".log").toString());
                long ready = (System.nanoTime() - t0) / 1_000_000;
                // As in a scenario: the cold seconds and the two warm-ups, then / and /api/pods measured (here / twice as long).
                Load.run(http, url, concurrency, Scenarios.COLD_SECONDS + 2 * Scenarios.WARMUP_SECONDS);
                Load measured = Load.run(http, url, concurrency, 2 * seconds);
                long rss = AppProcess.status(floorApp.pid(), "VmRSS");
                long peak = AppProcess.status(floorApp.pid(), "VmHWM");
                System.out.printf("%-10s | %-9s | %-15s | %-9s | %d (%d) MiB%n", variant, ready + " ms",
                        String.format("%.2f / %.2f ms", measured.p50ms(), measured.p99ms()),
                        String.format("%,.0f", measured.rps()), rss / 1024, peak / 1024);
            } finally {
                floorApp.destroy();
                floorApp.waitFor();
            }
        }
    }

    /** bash bench/image-start IMAGE RUNS, its output passed on and kept for the results file. */
    private static List<String> imageStart(String image, int runs, List<String> failed) throws Exception {
        System.out.printf("%n== the image's start in both modes (bash bench/image-start %s %d)%n", image, runs);
        Process start = new ProcessBuilder("bash", "bench/image-start", image, Integer.toString(runs))
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(start.getInputStream()))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println(line);
                lines.add(line);
            }
        }
        if (start.waitFor() != 0) {
            failed.add("the image's start: bench/image-start exited with " + start.exitValue());
        }
        return lines;
    }
}
