package dev.poddashboard;

import dev.poddashboard.config.Settings;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The training run for a class-data archive: starts the app in demo mode on a free loopback port, opens every
 * page once so their classes are loaded, and exits; the JVM writes the archive as it exits. The Dockerfile and
 * {@code bench/run} make a JDK 17 AppCDS archive with
 * {@code java -XX:ArchiveClassesAtExit=app.jsa -cp pod-dashboard.jar dev.poddashboard.StartupTraining} and start
 * with {@code -XX:SharedArchiveFile=app.jsa} (about a third less time to ready, measured); {@code bench/run --aot}
 * makes a JDK 25 AOT cache the same way with {@code -XX:AOTCacheOutput}.
 */
public final class StartupTraining {
    private static final List<String> PAGES = List.of("/", "/?sort=age&dir=desc", "/api/pods", "/pods/cache-warmer-0",
            "/api/pods/cache-warmer-0", "/token", "/api/token", "/token/decode", "/?namespace=other", "/no-such-page",
            "/static/css/app.css", "/healthz", "/readyz");

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment(Map.of("DASHBOARD_MODE", "demo"), Path.of("/nonexistent"));
        Javalin app = Main.create(settings, Clock.systemUTC()).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port();
            for (int round = 0; round < 3; round++) {
                for (String page : PAGES) {
                    http.send(HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.discarding());
                }
                http.send(HttpRequest.newBuilder(URI.create(base + "/token/decode"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=not.a.token")).build(), HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            app.stop();
        }
        System.exit(0);
    }
}
