package dev.poddashboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One real API server's captures: v1.28.7 (../shared/fixtures) or v1.33.3 (../shared/fixtures/v1.33), each with
 * its api/, tokens/, node/ and bindings/ and the moments they were taken. Tests that must hold on both run once per
 * constant ({@code @EnumSource(Capture.class)}).
 */
public enum Capture {
    V1_28("", "v1.28.7", 28, "2026-11-22T07:57:37Z", "2026-12-02T01:52:12.500Z", "2026-12-06T02:43:57Z",
            "my-kubernetes-dashboard", "02b5bb08-ee0d-4faf-901d-e966d9f186aa"),
    V1_33("v1.33", "v1.33.3", 33, "2026-12-06T02:44:19Z", "2026-12-06T02:53:22.500Z", "2026-12-06T02:43:19Z",
            "my-kubernetes-dashboard", "a06ef20c-087d-4806-b9f8-caa4b7187014");

    private final String subdirectory;
    private final String gitVersion;
    private final int minor;
    private final Instant capturedAt;
    private final Instant nodeTablePrintedAt;
    private final Instant bindingsCapturedAt;
    private final String appPod;
    private final String appPodUid;

    Capture(String subdirectory, String gitVersion, int minor, String capturedAt, String nodeTablePrintedAt,
            String bindingsCapturedAt, String appPod, String appPodUid) {
        this.subdirectory = subdirectory;
        this.gitVersion = gitVersion;
        this.minor = minor;
        this.capturedAt = Instant.parse(capturedAt);
        this.nodeTablePrintedAt = Instant.parse(nodeTablePrintedAt);
        this.bindingsCapturedAt = Instant.parse(bindingsCapturedAt);
        this.appPod = appPod;
        this.appPodUid = appPodUid;
    }

    public Path dir() {
        return subdirectory.isEmpty() ? Fixtures.dir() : Fixtures.dir().resolve(subdirectory);
    }

    public String gitVersion() {
        return gitVersion;
    }

    public int minor() {
        return minor;
    }

    /** When api/ and tokens/ were captured: every token there is valid at this instant. */
    public Instant capturedAt() {
        return capturedAt;
    }

    /** When the node's Table was printed: its AGE cells read so at this instant. */
    public Instant nodeTablePrintedAt() {
        return nodeTablePrintedAt;
    }

    /** When bindings/ was captured: its tokens are valid for an hour from here. */
    public Instant bindingsCapturedAt() {
        return bindingsCapturedAt;
    }

    /** The pod every pod-bound token of api/ and tokens/ is bound to. */
    public String appPod() {
        return appPod;
    }

    public String appPodUid() {
        return appPodUid;
    }

    public String api(String file) {
        return read(dir().resolve("api").resolve(file));
    }

    public String node(String file) {
        return read(dir().resolve("node").resolve("api").resolve(file));
    }

    public String token(String file) {
        return read(dir().resolve("tokens").resolve(file)).trim();
    }

    public String bindings(String file) {
        return read(dir().resolve("bindings").resolve(file));
    }

    public String bindingToken(String name) {
        return bindings(name + ".jwt").trim();
    }

    public Path serviceAccountDir() {
        return dir().resolve("tokens").resolve("serviceaccount-dir");
    }

    /** {@code GET /version} as this server answered it. */
    public String version() {
        return bindings("version.json");
    }

    @Override
    public String toString() {
        return gitVersion;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
