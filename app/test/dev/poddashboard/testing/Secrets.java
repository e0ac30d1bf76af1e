package dev.poddashboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every real token in the fixtures (both versions), and each one's signature: none may appear in any response or log line.
 * {@link RunningApp} runs every response of the suite through {@link #assertNoneIn}, and checks the log on close.
 */
public final class Secrets {
    private static final List<String> SECRETS = load();

    private Secrets() {
    }

    private static List<String> load() {
        List<String> secrets = new ArrayList<>();
        // Every capture's tokens (v1.28 and v1.33: tokens/, node/tokens/, bindings/), not only the first.
        try (Stream<Path> files = Files.walk(Fixtures.dir())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jwt")).toList()) {
                String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
                secrets.add(token);
                secrets.add(token.substring(token.lastIndexOf('.') + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(secrets);
    }

    public static void assertNoneIn(String where, String text) {
        if (text == null) {
            return;
        }
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                throw new AssertionError(where + " contains a token or a token's signature (" + secret.length() + " characters)");
            }
        }
    }

    /** The app's log file for the test run (logback-test.xml writes there; see the pom). */
    public static void assertNoneInLog() {
        String file = System.getProperty("test.app.log", "target/test-app.log");
        if (!Files.exists(Path.of(file))) {
            throw new AssertionError("no app log at " + file + ": logback-test.xml should write it");
        }
        try {
            assertNoneIn("the log " + file, Files.readString(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
