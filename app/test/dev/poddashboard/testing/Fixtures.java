package dev.poddashboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The responses and tokens captured from a real kube-apiserver, in ../shared/fixtures. */
public final class Fixtures {
    /** When the fixtures were captured: every token in them is valid at this instant. */
    public static final Instant CAPTURED_AT = Instant.parse("2026-11-22T07:57:37Z");

    private Fixtures() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("fixtures.dir", "../shared/fixtures"));
        if (!Files.isDirectory(dir.resolve("api"))) {
            throw new IllegalStateException("fixtures not found at " + dir.toAbsolutePath()
                    + ": clone the shared folder beside the repository (or set -Dfixtures.dir)");
        }
        return dir;
    }

    public static String api(String file) {
        return read(dir().resolve("api").resolve(file));
    }

    /** A response captured from a real node (a kubelet running real containers): ../shared/fixtures/node/api. */
    public static String node(String file) {
        return read(dir().resolve("node").resolve("api").resolve(file));
    }

    /** When the node fixtures were captured. */
    public static final Instant NODE_CAPTURED_AT = Instant.parse("2026-12-02T01:52:49Z");

    public static String token(String file) {
        return read(dir().resolve("tokens").resolve(file)).trim();
    }

    public static Path serviceAccountDir() {
        return dir().resolve("tokens").resolve("serviceaccount-dir");
    }

    public static String resource(String path) {
        try (var in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path resourcePath(String path) {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource(path).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
