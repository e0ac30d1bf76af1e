import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bench's table on the terminal, and every figure as JSON in bench/results/bench-TIME.json. */
final class Report {
    private Report() {
    }

    static void scenarios(List<Scenarios.Result> results, int seconds, int concurrency, boolean plainLists) {
        if (results.isEmpty()) {
            return;
        }
        String app = results.get(0).app();
        String where = !app.equals("jar") ? "the image " + app + " under a real 320 Mi limit (ready counts podman's start too)"
                : AppProcess.java + (AppProcess.aotCache != null ? " with AOT cache " + AppProcess.aotCache
                : AppProcess.cdsArchive != null ? " with AppCDS archive " + AppProcess.cdsArchive : "");
        System.out.printf("%n%d-second runs at concurrency %d, %d cores, load from %s; app on %s, in-cluster over TLS; "
                        + "the API server answers %s; ready and page1 are medians of %d starts%n", seconds, concurrency,
                Runtime.getRuntime().availableProcessors(), Load.WRK ? "wrk" : "Java's HttpClient (install wrk for lighter load)",
                where, plainLists ? "plain lists" : "Tables", Scenarios.STARTS);
        if (app.equals("jar")) {
            System.out.println("JVM flags: " + String.join(" ", AppProcess.jvmFlags));
        }
        String header = "%22s %6s %6s %7s %9s %9s %8s %8s %9s %8s %8s %8s %6s %6s %6s%n";
        System.out.printf(header, "pods", "ready", "page1", "listed", "cold p50", "cold r/s", "/ p50", "/ p99", "/ req/s",
                "api p50", "api p99", "api r/s", "RSS", "peak", "API/v");
        System.out.printf(header, "", "ms", "ms", "ms", "ms", "", "ms", "ms", "", "ms", "ms", "", "MiB", "MiB", "");
        for (Scenarios.Result r : results) {
            System.out.printf("%22s %6d %6d %7d %9.2f %,9.0f %8.2f %8.2f %,9.0f %8.1f %8.1f %,8.0f %6d %6d %6.3f%n", r.scenario(),
                    r.startToReadyMs(), r.firstPageMs(), r.fullListMs(), r.cold().p50ms(), r.cold().rps(), r.list().p50ms(),
                    r.list().p99ms(), r.list().rps(), r.api().p50ms(), r.api().p99ms(), r.api().rps(),
                    r.rssAfterWarmupKiB() / 1024, r.peakRssKiB() / 1024, r.apiRequestsPerPageView());
            if (r.cgroup() != null) {
                System.out.printf("%22s %s%n", "", r.cgroup().summary());
            }
        }
    }

    static void crowd(List<Crowd.Result> results) {
        if (results.isEmpty()) {
            return;
        }
        System.out.printf("%ncrowd: live lists held while 16 clients load / and pods change%n");
        String header = "%8s %6s %6s %8s %6s %8s %9s %8s %8s %9s %6s %6s %6s %6s%n";
        System.out.printf(header, "viewers", "bound", "held", "429", "other", "changes", "missing", "/ p50", "/ p99", "/ req/s",
                "RSS0", "RSS", "peak", "spare");
        System.out.printf(header, "", "", "", "", "", "", "streams", "ms", "ms", "", "MiB", "MiB", "MiB", "%");
        for (Crowd.Result r : results) {
            System.out.printf("%,8d %,6d %,6d %,8d %6d %8d %9d %8.2f %8.2f %,9.0f %6d %6d %6d %5.0f%%%n", r.viewers(), r.bound(),
                    r.held(), r.refused429(), r.failed(), r.changes(), r.streamsMissingChanges(), r.list().p50ms(),
                    r.list().p99ms(), r.list().rps(), r.rssBeforeKiB() / 1024, r.rssAfterKiB() / 1024, r.peakKiB() / 1024,
                    100.0 * (r.limitKiB() - r.peakKiB()) / r.limitKiB());
            System.out.printf("%8s the %s, afterwards %s%n", "", r.app().equals("jar") ? "jar" : "image " + r.app(), r.state());
            if (r.cgroup() != null) {
                System.out.printf("%8s %s%n", "", r.cgroup().summary());
            }
            if (r.streamsMissingChanges() > 0 || r.failed() > 0 || !r.state().startsWith("running")
                    || r.cgroup() != null && r.cgroup().oomKills() > 0) {
                System.out.println("FAILED crowd of " + r.viewers() + ": " + r.streamsMissingChanges()
                        + " held streams missed changes, " + r.failed() + " viewers neither held nor told 429; the app "
                        + r.state() + (r.cgroup() == null ? "" : ", " + r.cgroup().oomKills() + " OOM kills"));
            }
        }
    }

    /** Writes everything measured, with the machine and the settings, as JSON; returns the file. */
    static Path write(Map<String, Object> results, int seconds, int concurrency, boolean plainLists) throws Exception {
        Path dir = Files.createDirectories(Path.of("bench", "results"));
        Path file = dir.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".json");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors()));
        out.put("appJava", AppProcess.java);
        out.put("jvmFlags", String.join(" ", AppProcess.jvmFlags));
        out.put("aotCache", AppProcess.aotCache == null ? "none" : AppProcess.aotCache);
        out.put("cdsArchive", AppProcess.cdsArchive == null ? "none" : AppProcess.cdsArchive);
        out.put("seconds", seconds);
        out.put("concurrency", concurrency);
        out.put("loadGenerator", Load.WRK ? "wrk" : "java.net.http.HttpClient");
        out.put("apiServer", "mock over TLS (HTTP/2 via ALPN), in-cluster with a mounted service account; "
                + (plainLists ? "plain lists (no Table)" : "Tables (includeObject=Object), as kubectl gets"));
        out.putAll(results);
        MockApi.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
        return file;
    }
}
