import dev.poddashboard.training.TrainingCertificates;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The measured app as the rows and the crowd use it: the jar in a JVM the bench starts ({@link AppProcess}), or the
 * built image in a container under the Deployment's memory limit ({@link ImageApp}).
 */
abstract class RunningApp implements AutoCloseable {
    /** http://127.0.0.1:PORT */
    final String base;
    /** System.nanoTime() when it was started. */
    final long startedNanos;

    RunningApp(int port, long startedNanos) {
        this.base = "http://127.0.0.1:" + port;
        this.startedNanos = startedNanos;
    }

    /**
     * In-cluster against the mock on {@code apiPort}, its own namespace {@code namespace}.
     *
     * @param image null: the jar, started as the bench starts it ({@link AppProcess}); else the built image, run by
     *              bench/container ({@link ImageApp})
     */
    static RunningApp inCluster(String image, int apiPort, TrainingCertificates tls, String namespace, String label)
            throws IOException, InterruptedException {
        return image == null ? AppProcess.inCluster(apiPort, tls, namespace, label, List.of(), Map.of())
                : ImageApp.inCluster(image, apiPort, tls, namespace, label);
    }

    /** "jar", or the image's name: what the reports say was measured. */
    abstract String name();

    /** The app's java process, as this machine sees it. */
    abstract long pid();

    /** Whether its java process still runs. */
    abstract boolean alive();

    /** Where its output is, for the message when it never answers. */
    abstract String log();

    /** A line of the app's java process's /proc/PID/status in KiB (VmRSS now, VmHWM the peak). */
    abstract long status(String field) throws IOException;

    /** Whether it still runs, and if not how it ended ("running", "exited 137", or podman's account of it). */
    abstract String state();

    /**
     * What the kernel's memory limit saw (a container's cgroup); empty for a JVM of the bench's, which runs without
     * a limit of its own (its flags give it the Deployment's MaxRAM).
     */
    Optional<ImageApp.Cgroup> cgroup() {
        return Optional.empty();
    }

    /** Milliseconds from the start to the first 200 of {@code path}. */
    long awaitOk(HttpClient http, String path) throws InterruptedException {
        AppProcess.awaitOk(http, base + path, this::alive, log());
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
