import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Optional;

/**
 * The measured app as the crowd uses it: the jar in a JVM the bench starts ({@link AppProcess}), or the built image
 * in a container under the Deployment's memory limit ({@link ImageApp}).
 */
interface RunningApp extends AutoCloseable {
    /** http://127.0.0.1:PORT */
    String base();

    /** Milliseconds from the start to the first 200 of {@code path}. */
    long awaitOk(HttpClient http, String path) throws InterruptedException;

    /** The app's java process, as this machine sees it. */
    long pid();

    /** A line of the app's java process's /proc/PID/status in KiB (VmRSS now, VmHWM the peak). */
    long status(String field) throws IOException;

    /** Whether it still runs, and if not how it ended ("running", "exited 137", or podman's account of it). */
    String state();

    /**
     * What the kernel's memory limit saw (a container's cgroup); empty for a JVM of the bench's, which runs without
     * a limit of its own (its flags give it the Deployment's MaxRAM).
     */
    default Optional<ImageApp.Cgroup> cgroup() {
        return Optional.empty();
    }
}
