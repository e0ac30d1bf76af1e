package dev.poddashboard.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.Main;
import dev.poddashboard.config.LogSetup;
import dev.poddashboard.config.Settings;
import dev.poddashboard.pods.ParserWarmup;
import dev.poddashboard.token.DemoToken;
import dev.poddashboard.web.Warmup;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The training run for the AOT cache: the app in demo mode, then in in-cluster mode as a pod runs it (a mounted
 * service-account directory with a signed token, {@code ca.crt} and {@code namespace}) against a stand-in API server
 * over TLS and HTTP/2 ({@link TrainingApiServer}, in a process of its own), once with an RSA certificate chain (as
 * kubeadm makes: kind, minikube) and once with EC P-256 (k3s). Each opens every page so their classes are loaded, and
 * exits; the JVM writes the cache as it exits. The Dockerfile and {@code bench/run} make a JDK 25 AOT cache with
 * {@code java -XX:AOTCacheOutput=app.aot -cp pod-dashboard.jar dev.poddashboard.training.StartupTraining} and start
 * with {@code -XX:AOTCache=app.aot}. Every class loaded here is in the cache and, with JDK 25's class linking, loaded
 * at every start: the pages are asked for with {@link HttpURLConnection} (in java.base), not with
 * {@code java.net.http}'s client, whose ~300 classes nothing else uses; the certificates are made by keytool and
 * the stand-in runs elsewhere, so neither's classes come in.
 */
public final class StartupTraining {
    private static final List<String> PAGES = List.of("/", "/?sort=age&dir=desc", "/api/pods", "/pods/cache-warmer-0",
            "/api/pods/cache-warmer-0", "/token", "/api/token", "/token/decode", "/?namespace=other", "/no-such-page",
            "/static/css/app.css", "/healthz", "/readyz");

    /** The live mode's pages: what the demo cannot reach (the client, its TLS, HTTP/2 and JSON, Tables, reviews). */
    private static final String POD = "/pods/cache-warmer-0";
    private static final List<String> LIVE_PAGES = List.of("/", "/?sort=age&dir=desc", "/?selector=app%3Dweb",
            "/api/pods", POD, "/api" + POD, POD + "/yaml", "/api" + POD + "/yaml", POD + "/logs", "/api" + POD + "/logs",
            "/access", "/api/access", "/api/access/can-i?verb=get&resource=pods", "/token", "/api/token", "/metrics",
            "/healthz");

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
        List<String> missing = RuntimeProviders.missing();
        if (!missing.isEmpty()) {
            System.err.println("pod-dashboard training: this runtime lacks security providers its java.security names: "
                    + missing + "; add their modules to the Dockerfile's jlink (RuntimeProviders says why)");
            System.exit(1);
        }
        System.exit(0);
    }

    /** Trains every mode; returns the live pages that did not answer 200 (the demo's include intended errors). */
    public static List<String> run() throws Exception {
        Path dir = Files.createTempDirectory("training");
        List<String> failed = new ArrayList<>();
        // The live modes' certificates, service-account directories and stand-ins are made while the demo trains:
        // keytool and the stand-ins are processes of their own, so this only overlaps the waits.
        List<Prepared> live = new ArrayList<>();
        for (TrainingCertificates.KeyType type : TrainingCertificates.KeyType.values()) {
            live.add(new Prepared(dir, type));
        }
        try {
            LogSetup.rehearseJson(); // a pod may run with LOG_FORMAT=json
            train(Map.of("DASHBOARD_MODE", "demo"), PAGES); // its 403 and 404 pages are meant
            for (Prepared prepared : live) {
                try (StandIn api = prepared.standIn()) {
                    failed.addAll(train(Map.of("DASHBOARD_MODE", "in-cluster", "KUBERNETES_SERVICE_HOST", "127.0.0.1",
                            "KUBERNETES_SERVICE_PORT", Integer.toString(api.port()),
                            "SERVICE_ACCOUNT_DIR", prepared.serviceAccount().toString()), LIVE_PAGES));
                }
            }
        } finally {
            for (Prepared prepared : live) {
                prepared.close();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return List.copyOf(failed);
    }

    /** One key type's certificates, service-account directory and stand-in, made on a thread of their own. */
    private static final class Prepared implements AutoCloseable {
        private final Path serviceAccount;
        private final Thread thread;
        private volatile StandIn standIn;
        private volatile Exception problem;

        Prepared(Path dir, TrainingCertificates.KeyType type) {
            serviceAccount = dir.resolve(type.name() + "-sa");
            thread = new Thread(() -> {
                try {
                    TrainingCertificates certificates = TrainingCertificates.make(dir.resolve(type.name()), type);
                    serviceAccountDirectory(serviceAccount, certificates);
                    standIn = StandIn.start(certificates, serviceAccount.resolve("jwks.json"));
                } catch (Exception e) {
                    problem = e;
                }
            }, "training-" + type.name());
            thread.start();
        }

        Path serviceAccount() {
            return serviceAccount;
        }

        StandIn standIn() throws Exception {
            thread.join();
            if (problem != null) {
                throw problem;
            }
            return standIn;
        }

        @Override
        public void close() throws Exception {
            thread.join();
            if (standIn != null) {
                standIn.close();
            }
        }
    }

    /**
     * What the kubelet mounts: a token shaped like its own (demo mode's, signed by a key made for the run, whose
     * public half the stand-in serves as its JWKS), the CA and the namespace.
     */
    private static Path serviceAccountDirectory(Path dir, TrainingCertificates certificates) throws IOException {
        Files.createDirectories(dir);
        DemoToken token = new DemoToken(TrainingApiServer.NAMESPACE, "dashboard-sa", Instant.now());
        Files.writeString(dir.resolve("token"), ((dev.poddashboard.token.TokenRead.Mounted) token.read()).raw());
        Files.copy(certificates.caCertificate(), dir.resolve("ca.crt"));
        Files.writeString(dir.resolve("namespace"), TrainingApiServer.NAMESPACE);
        RSAPublicKey key = (RSAPublicKey) ((dev.poddashboard.token.SigningKeys.KeyLookup.Found) token.find(DemoToken.KEY_ID)).key();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[{\"use\":\"sig\",\"kty\":\"RSA\",\"kid\":\"" + DemoToken.KEY_ID
                + "\",\"alg\":\"RS256\",\"n\":\"" + b64.encodeToString(unsigned(key.getModulus().toByteArray()))
                + "\",\"e\":\"" + b64.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}");
        return dir;
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
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
                        failed.add(env.get("DASHBOARD_MODE") + " " + page + " " + status);
                    }
                }
                postForm(URI.create(base + "/token/decode"), "token=not.a.token");
            }
        } finally {
            app.stop();
        }
        return env.get("DASHBOARD_MODE").equals("demo") ? List.of() : List.copyOf(failed);
    }

    private static void postForm(URI uri, String form) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(form.getBytes(StandardCharsets.UTF_8));
        }
        Warmup.answer(connection);
    }

    /** The stand-in API server's process: started with this JVM's runtime and class path, ended by closing its input. */
    private record StandIn(Process process, int port) implements AutoCloseable {
        static StandIn start(TrainingCertificates certificates, Path jwks) throws IOException, InterruptedException {
            Path portFile = jwks.resolveSibling("stand-in.port");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=dev/poddashboard/training/stand-in-logback.xml",
                    "-cp", System.getProperty("java.class.path"), TrainingApiServer.class.getName(),
                    certificates.serverKeyStore().toString(), certificates.password(), jwks.toString(), portFile.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(portFile) || Files.size(portFile) == 0) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("the stand-in API server did not start (exit " + (process.isAlive() ? "-" : process.exitValue()) + ")");
                }
                Thread.sleep(20);
            }
            return new StandIn(process, Integer.parseInt(Files.readString(portFile).strip()));
        }

        @Override
        public void close() throws IOException {
            process.getOutputStream().close();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
