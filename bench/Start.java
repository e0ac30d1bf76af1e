import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poddashboard.training.TrainingCertificates;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Start to ready in both modes side by side, interleaved: demo mode, and in-cluster mode as a pod starts (a mounted
 * service-account directory, TLS and HTTP/2 to the mock); then one more start of each with -Xlog:class+load, counting
 * the classes that did not come from the AOT cache (what a start pays for at every class).
 */
final class Start {
    record Result(String mode, List<Long> readyMs, long median, int classesLoaded, int classesOutsideCache,
                  Map<String, Long> outsideByPackage) {
    }

    private Start() {
    }

    static List<Result> run(int runs, List<ObjectNode> templates, JsonNode columns, TrainingCertificates tls) throws Exception {
        System.out.printf("%n== start to ready, demo and in-cluster (TLS, a mounted service account), %d runs each%n", runs);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<Long> demo = new ArrayList<>();
        List<Long> cluster = new ArrayList<>();
        try (MockApi api = new MockApi(Pods.of(100, 1, templates), columns, false, tls)) {
            api.warmUp(tls, Pods.NAMESPACE);
            for (int i = 0; i < runs; i++) {
                demo.add(ready(http, AppProcess.demo("start-demo", List.of())));
                cluster.add(ready(http, AppProcess.inCluster(api.port(), tls, Pods.NAMESPACE, "start-cluster", List.of(), Map.of())));
            }
            Path demoLog = Path.of("target", "bench-classload-demo.txt");
            Path clusterLog = Path.of("target", "bench-classload-cluster.txt");
            firstView(http, AppProcess.demo("classload-demo", List.of("-Xlog:class+load=info:file=" + demoLog)));
            firstView(http, AppProcess.inCluster(api.port(), tls, Pods.NAMESPACE, "classload-cluster",
                    List.of("-Xlog:class+load=info:file=" + clusterLog), Map.of()));
            List<Result> results = List.of(result("demo", demo, demoLog), result("in-cluster", cluster, clusterLog));
            for (Result r : results) {
                System.out.printf("%-10s ready %s ms (median %d); %,d classes loaded, %,d not from the AOT cache%n", r.mode(),
                        r.readyMs(), r.median(), r.classesLoaded(), r.classesOutsideCache());
                r.outsideByPackage().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                        .forEach(e -> System.out.printf("           %5d from %s%n", e.getValue(), e.getKey()));
            }
            return results;
        }
    }

    /** Until /readyz answers, then the app is stopped: the milliseconds. */
    private static long ready(HttpClient http, AppProcess app) throws Exception {
        try (app) {
            return app.awaitOk(http, "/readyz");
        }
    }

    /** A start and what a first visitor asks (the list, the token page, a scrape): the classes a start loads. */
    private static void firstView(HttpClient http, AppProcess app) throws Exception {
        try (app) {
            for (String path : List.of("/readyz", "/", "/token", "/metrics")) {
                app.awaitOk(http, path);
            }
        }
    }

    private static Result result(String mode, List<Long> ready, Path classLog) throws Exception {
        List<String> lines = Files.readAllLines(classLog);
        List<String> outside = lines.stream().filter(l -> l.contains(" source: ") && !l.contains("shared objects file"))
                .toList();
        Map<String, Long> byPackage = outside.stream().map(l -> {
            String name = l.replaceAll(".*\\] ([^ ]+) source:.*", "$1");
            int dot = name.lastIndexOf('.');
            return dot < 0 ? name : name.substring(0, dot);
        }).collect(Collectors.groupingBy(p -> p, TreeMap::new, Collectors.counting()));
        int loaded = (int) lines.stream().filter(l -> l.contains(" source: ")).count();
        return new Result(mode, ready, Scenarios.median(ready), loaded, outside.size(), byPackage);
    }
}
