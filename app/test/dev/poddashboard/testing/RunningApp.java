package dev.poddashboard.testing;

import dev.poddashboard.Main;
import dev.poddashboard.config.Settings;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The real dashboard (Main's wiring), started on a free port, with helpers to call it. */
public final class RunningApp implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Javalin app;
    private final Path serviceAccountDir;

    private RunningApp(Javalin app, Path serviceAccountDir) {
        this.app = app;
        this.serviceAccountDir = serviceAccountDir;
    }

    /** In-cluster mode against the mock API server, with the captured token, the test CA and namespace dashboard. */
    public static RunningApp inCluster(MockApiServer api, Clock clock) {
        return inCluster(api, clock, Map.of());
    }

    /** As above, with the mock's own capture's service-account directory (v1.28 or v1.33) and extra settings. */
    public static RunningApp inCluster(MockApiServer api, Clock clock, Map<String, String> extraEnv) {
        Path dir = serviceAccountDir(api.capture(), "tls/ca.crt");
        Map<String, String> env = new HashMap<>(extraEnv);
        return start(inClusterEnv(api.port(), dir, env), clock, dir);
    }

    private static Map<String, String> inClusterEnv(int apiPort, Path dir, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("DASHBOARD_MODE", "in-cluster");
        env.put("KUBERNETES_SERVICE_HOST", "127.0.0.1");
        env.put("KUBERNETES_SERVICE_PORT", Integer.toString(apiPort));
        env.put("SERVICE_ACCOUNT_DIR", dir.toString());
        env.putAll(extraEnv);
        return env;
    }

    public static RunningApp inCluster(int apiPort, Clock clock, String caResource, Map<String, String> extraEnv) {
        return inCluster(apiPort, clock, caResource, extraEnv, dir -> { });
    }

    /**
     * In-cluster mode with the service-account directory changed before the app starts (it lists its own
     * namespace as it starts, so a token removed or replaced afterwards would be seen too late).
     */
    public static RunningApp inCluster(MockApiServer api, Clock clock, java.util.function.Consumer<Path> beforeStart) {
        return inCluster(api.port(), clock, "tls/ca.crt", Map.of(), beforeStart);
    }

    public static RunningApp inCluster(int apiPort, Clock clock, String caResource, Map<String, String> extraEnv,
                                       java.util.function.Consumer<Path> beforeStart) {
        Path dir = serviceAccountDir(caResource);
        beforeStart.accept(dir);
        return start(inClusterEnv(apiPort, dir, extraEnv), clock, dir);
    }

    public static RunningApp demo(Clock clock) {
        return start(Map.of("DASHBOARD_MODE", "demo"), clock, null);
    }

    public static RunningApp start(Map<String, String> env, Clock clock, Path serviceAccountDir) {
        Settings settings = Settings.fromEnvironment(env, Path.of(System.getProperty("java.io.tmpdir")));
        Javalin app = Main.create(settings, clock).start("127.0.0.1", 0);
        return new RunningApp(app, serviceAccountDir);
    }

    /** A fresh copy of the captured service-account directory, with the given CA as ca.crt. */
    public static Path serviceAccountDir(String caResource) {
        return serviceAccountDir(Capture.V1_28, caResource);
    }

    public static Path serviceAccountDir(Capture capture, String caResource) {
        try {
            Path dir = Files.createTempDirectory("sa-");
            Path captured = capture.serviceAccountDir();
            Files.copy(captured.resolve("token"), dir.resolve("token"));
            Files.copy(captured.resolve("namespace"), dir.resolve("namespace"));
            Files.writeString(dir.resolve("ca.crt"), Fixtures.resource(caResource));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public Path serviceAccountDir() {
        return serviceAccountDir;
    }

    /** Replaces the token the way the kubelet does: write aside, then move into place atomically. */
    public void rotateToken(String newToken) {
        writeToken(serviceAccountDir, newToken);
    }

    public static void writeToken(Path serviceAccountDir, String newToken) {
        try {
            Path next = serviceAccountDir.resolve(".token.next");
            Files.writeString(next, newToken, StandardCharsets.US_ASCII);
            Files.move(next, serviceAccountDir.resolve("token"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteToken(Path serviceAccountDir) {
        try {
            Files.delete(serviceAccountDir.resolve("token"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Secrets.assertNoneIn(request.method() + " " + request.uri().getPath(), response.body());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postForm(String path, String field, String value) {
        String body = field + "=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Override
    public void close() {
        app.stop();
        Secrets.assertNoneInLog();
    }
}
