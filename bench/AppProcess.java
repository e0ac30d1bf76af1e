import dev.poddashboard.token.DemoToken;
import dev.poddashboard.token.TokenRead;
import dev.poddashboard.training.TrainingCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The measured app: the jar started as a pod runs it (in-cluster mode, a mounted service-account directory with a
 * token, the mock's CA and the namespace, TLS to the API server) or in demo mode, with the image's JVM and flags
 * and the Deployment's memory limit; how long it took to answer, and what /proc says of its memory.
 */
final class AppProcess extends RunningApp {
    /** The JVM that runs the app (default: this one), its flags and, optionally, a JDK 25 AOT cache or a CDS archive. */
    static String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static List<String> jvmFlags;
    static String aotCache;
    static String cdsArchive;

    final Process process;
    final Path log;

    private AppProcess(Process process, int port, Path log, long startedNanos) {
        super(port, startedNanos);
        this.process = process;
        this.log = log;
    }

    /** In-cluster mode against {@code api}, its own namespace {@code namespace}; extra JVM flags and settings. */
    static AppProcess inCluster(int apiPort, TrainingCertificates tls, String namespace, String label, List<String> extraFlags,
                                Map<String, String> env) throws IOException {
        Path dir = serviceAccountDir(tls, namespace);
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("DASHBOARD_MODE", "in-cluster");
        all.put("KUBERNETES_SERVICE_HOST", "127.0.0.1");
        all.put("KUBERNETES_SERVICE_PORT", Integer.toString(apiPort));
        all.put("SERVICE_ACCOUNT_DIR", dir.toString());
        return start(label, extraFlags, all);
    }

    /**
     * A service-account directory as the kubelet mounts it: a token (the dashboard's demo signing key; the mock takes
     * any), the mock's CA as ca.crt, the namespace. Readable by all: a container's user (10001) reads it too.
     */
    static Path serviceAccountDir(TrainingCertificates tls, String namespace) throws IOException {
        Path dir = Files.createTempDirectory("bench-sa");
        Files.writeString(dir.resolve("token"), ((TokenRead.Mounted) new DemoToken(namespace, "dashboard-sa", Instant.now())
                .read()).raw());
        Files.copy(tls.caCertificate(), dir.resolve("ca.crt"));
        Files.writeString(dir.resolve("namespace"), namespace);
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    static AppProcess demo(String label, List<String> extraFlags) throws IOException {
        return start(label, extraFlags, Map.of("DASHBOARD_MODE", "demo"));
    }

    private static AppProcess start(String label, List<String> extraFlags, Map<String, String> env) throws IOException {
        int port = freePort();
        List<String> command = javaCommand(aotCache, cdsArchive);
        command.addAll(extraFlags);
        command.addAll(List.of("-jar", "target/pod-dashboard.jar"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("MALLOC_ARENA_MAX", "2"); // as in the Deployment: glibc keeps fewer malloc arenas
        Path log = Path.of("target", "bench-app-" + label + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        return new AppProcess(pb.start(), port, log, t0);
    }

    /** The JVM command line of a measured run: the app's JVM and flags, with the given AOT cache or CDS archive. */
    static List<String> javaCommand(String aot, String cds) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmFlags);
        if (aot != null) {
            command.add("-XX:AOTCache=" + aot);
        }
        if (cds != null) {
            command.add("-XX:SharedArchiveFile=" + cds);
        }
        return command;
    }

    @Override
    String name() {
        return "jar";
    }

    @Override
    boolean alive() {
        return process.isAlive();
    }

    @Override
    String log() {
        return log.toString();
    }

    @Override
    long pid() {
        return process.pid();
    }

    @Override
    long status(String field) throws IOException {
        return status(process.pid(), field);
    }

    @Override
    String state() {
        return process.isAlive() ? "running" : "exited " + process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits (at most 60 s, while the app lives) until {@code url} answers 200. */
    static void awaitOk(HttpClient http, String url, java.util.function.BooleanSupplier alive, String log)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            if (System.nanoTime() > deadline || !alive.getAsBoolean()) {
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

    static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /**
     * Runs a jcmd diagnostic command against a JVM of this machine's, its output in target/FILE (a container's too:
     * jcmd reaches it through /proc/PID/root).
     */
    static void jcmd(long pid, String command, String file) throws IOException, InterruptedException {
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectOutput(Path.of("target", file).toFile()).start().waitFor();
    }
}
