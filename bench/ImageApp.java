import dev.poddashboard.training.TrainingCertificates;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The built image, run by bench/container as the Deployment runs it (read-only root, user 10001, no capabilities,
 * a real 320 Mi memory limit), in-cluster against the mock with a mounted service-account directory. Its java is a
 * process of this machine's, so /proc gives its RSS as for {@link AppProcess}; the memory cgroup gives what the
 * limit saw, and whether the kernel killed anything in it.
 */
final class ImageApp extends RunningApp {
    /** What the container's memory cgroup saw; page cache (the image's files read) counts in {@code peakKiB}. */
    record Cgroup(long limitKiB, long peakKiB, long workingSetKiB, long oomKills) {
        /** One line for the reports. */
        String summary() {
            return String.format("memory cgroup: limit %d MiB, peak %d MiB with page cache, working set %d MiB, OOM kills %d",
                    limitKiB / 1024, peakKiB / 1024, workingSetKiB / 1024, oomKills);
        }
    }

    private final String image;
    private final String name;
    private final long pid;
    private final Path cgroup;
    private final boolean v1;

    private ImageApp(String image, String name, int port, long startedNanos) throws IOException {
        super(port, startedNanos);
        this.image = image;
        this.name = name;
        this.pid = Long.parseLong(container("pid").trim());
        // "4:memory:/libpod_parent/libpod-ID" (cgroup v1) or "0::/PATH" (v2)
        String v1Line = null;
        String v2Line = null;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
            String[] parts = line.split(":", 3);
            if (parts[1].equals("memory")) {
                v1Line = parts[2];
            } else if (parts[1].isEmpty()) {
                v2Line = parts[2];
            }
        }
        this.v1 = v1Line != null;
        this.cgroup = v1 ? Path.of("/sys/fs/cgroup/memory" + v1Line) : Path.of("/sys/fs/cgroup" + v2Line);
    }

    static ImageApp inCluster(String image, int apiPort, TrainingCertificates tls, String namespace, String label)
            throws IOException, InterruptedException {
        Path dir = AppProcess.serviceAccountDir(tls, namespace);
        int port = AppProcess.freePort();
        String name = "bench-" + label + "-" + ProcessHandle.current().pid();
        long t0 = System.nanoTime();
        List<String> args = new java.util.ArrayList<>(List.of("run", name, image, "cluster", Integer.toString(port),
                Integer.toString(apiPort), dir.toString(), "--"));
        // BENCH_CONTAINER_ARGS: more podman run arguments (split at spaces), e.g. -v /tmp/gc:/gc;
        // BENCH_CONTAINER_JAVA_OPTS: the JVM's extra flags, e.g. -XX:NativeMemoryTracking=summary -Xlog:gc:file=/gc/gc.log
        String more = System.getenv("BENCH_CONTAINER_ARGS");
        if (more != null && !more.isBlank()) {
            args.addAll(List.of(more.trim().split("\\s+")));
        }
        String javaOpts = System.getenv("BENCH_CONTAINER_JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isBlank()) {
            args.addAll(List.of("-e", "JAVA_TOOL_OPTIONS=" + javaOpts.trim()));
        }
        run(args);
        try {
            return new ImageApp(image, name, port, t0);
        } catch (IOException | RuntimeException e) { // no pid or cgroup to read: the container must not stay behind
            run(List.of("rm", name));
            throw e;
        }
    }

    @Override
    String name() {
        return image;
    }

    @Override
    long pid() {
        return pid;
    }

    @Override
    boolean alive() {
        return Files.exists(Path.of("/proc", Long.toString(pid)));
    }

    @Override
    String log() {
        return "podman logs " + name;
    }

    @Override
    long status(String field) throws IOException {
        try {
            return AppProcess.status(pid, field);
        } catch (java.nio.file.NoSuchFileException gone) {
            return -1; // the container has ended: state() and cgroup() say how
        }
    }

    @Override
    String state() {
        try {
            return container("state").trim();
        } catch (IOException e) {
            return "unknown: " + e.getMessage();
        }
    }

    @Override
    Optional<Cgroup> cgroup() {
        try {
            long limit = v1 ? number("memory.limit_in_bytes") : number("memory.max");
            long peak = v1 ? number("memory.max_usage_in_bytes") : number("memory.peak");
            long usage = v1 ? number("memory.usage_in_bytes") : number("memory.current");
            long inactiveFile = field("memory.stat", v1 ? "total_inactive_file" : "inactive_file");
            long oomKills = field(v1 ? "memory.oom_control" : "memory.events", "oom_kill");
            return Optional.of(new Cgroup(limit / 1024, peak / 1024, (usage - inactiveFile) / 1024, oomKills));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the container (and its cgroup) is gone
        }
    }

    private long number(String file) throws IOException {
        return Long.parseLong(Files.readString(cgroup.resolve(file)).trim());
    }

    /** A "key value" line of a cgroup file, e.g. oom_kill in memory.oom_control. */
    private long field(String file, String key) throws IOException {
        for (String line : Files.readAllLines(cgroup.resolve(file))) {
            if (line.startsWith(key + " ")) {
                return Long.parseLong(line.substring(key.length() + 1).trim());
            }
        }
        return 0;
    }

    private String container(String command) throws IOException {
        try {
            return run(List.of(command, name));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** bench/container with these arguments; its output, or an exception with it when it failed. */
    private static String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "bench/container"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("bench/container " + String.join(" ", args) + ": " + out.strip());
        }
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("rm", name));
    }
}
