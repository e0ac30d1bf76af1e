package dev.poddashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.config.Settings;
import dev.poddashboard.pods.ParserWarmup;
import dev.poddashboard.web.Warmup;
import io.javalin.Javalin;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The training run for a class-data archive: starts the app in demo mode, then in kubeconfig mode against a
 * loopback stand-in for the API server ({@link TrainingApiServer}), each on a free loopback port, opens every
 * page so their classes are loaded, and exits; the JVM writes the archive as it exits. The Dockerfile and
 * {@code bench/run} make a JDK 25 AOT cache with
 * {@code java -XX:AOTCacheOutput=app.aot -cp pod-dashboard.jar dev.poddashboard.StartupTraining} and start with
 * {@code -XX:AOTCache=app.aot}; {@code bench/run --jdk17} makes a JDK 17 AppCDS archive the same way with
 * {@code -XX:ArchiveClassesAtExit}. Every class loaded here is in the archive and, with JDK 25's class linking,
 * loaded at every start: the pages are asked for with {@link HttpURLConnection} (in java.base), not with
 * {@code java.net.http}'s client, whose ~300 classes nothing else uses.
 */
public final class StartupTraining {
    private static final List<String> PAGES = List.of("/", "/?sort=age&dir=desc", "/api/pods", "/pods/cache-warmer-0",
            "/api/pods/cache-warmer-0", "/token", "/api/token", "/token/decode", "/?namespace=other", "/no-such-page",
            "/static/css/app.css", "/healthz", "/readyz");

    /** The live mode's pages: what the demo cannot reach (the client, its HTTP and JSON, Tables, reviews). */
    private static final String POD = "/pods/cache-warmer-0";
    private static final List<String> LIVE_PAGES = List.of("/", "/?sort=age&dir=desc", "/?selector=app%3Dweb",
            "/api/pods", POD, "/api" + POD, POD + "/yaml", "/api" + POD + "/yaml", POD + "/logs", "/api" + POD + "/logs",
            "/access", "/api/access", "/api/access/can-i?verb=get&resource=pods", "/token", "/metrics");

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        Main.withoutMBeanServer(); // as the process's main: else the training puts JMX's classes in the archive
        List<String> failed = run();
        if (!failed.isEmpty()) {
            // A training run that does not reach its pages would quietly leave their classes out of the archive.
            System.err.println("pod-dashboard training: pages that failed: " + failed);
            System.exit(1);
        }
        System.exit(0);
    }

    /** Trains both modes; returns the live pages that did not answer 200 (the demo's include intended errors). */
    static List<String> run() throws Exception {
        train(Map.of("DASHBOARD_MODE", "demo"), PAGES); // its 403 and 404 pages are meant
        Path kubeconfig = Files.createTempFile("training-kubeconfig", ".yaml");
        try (TrainingApiServer api = new TrainingApiServer().start()) {
            Files.writeString(kubeconfig, String.join("\n", "apiVersion: v1", "kind: Config",
                    "clusters: [{name: training, cluster: {server: \"http://127.0.0.1:" + api.port() + "\"}}]",
                    "users: [{name: training, user: {token: training-token}}]",
                    "contexts: [{name: training, context: {cluster: training, user: training, namespace: "
                            + TrainingApiServer.NAMESPACE + "}}]",
                    "current-context: training", ""));
            return train(Map.of("DASHBOARD_MODE", "kubeconfig", "KUBECONFIG", kubeconfig.toString()), LIVE_PAGES);
        } finally {
            Files.deleteIfExists(kubeconfig);
        }
    }

    private static List<String> train(Map<String, String> env, List<String> pages) throws Exception {
        Settings settings = Settings.fromEnvironment(env, Path.of("/nonexistent"));
        // As the process's main does: the parser warm-up first, with the mapper the app then uses.
        ObjectMapper mapper = Main.objectMapper();
        ParserWarmup.run(mapper);
        Javalin app = Main.create(settings, Clock.systemUTC(), mapper).start("127.0.0.1", 0);
        java.util.Set<String> failed = new java.util.LinkedHashSet<>();
        try {
            String base = "http://127.0.0.1:" + app.port();
            for (int round = 0; round < 3; round++) {
                for (String page : pages) {
                    int status = Warmup.get(URI.create(base + page));
                    if (status != 200) {
                        failed.add(page + " " + status);
                    }
                }
                postForm(URI.create(base + "/token/decode"), "token=not.a.token");
            }
        } finally {
            app.stop();
        }
        return List.copyOf(failed);
    }

    private static void postForm(URI uri, String form) throws java.io.IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(form.getBytes(StandardCharsets.UTF_8));
        }
        Warmup.answer(connection);
    }
}
