package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 10,000+ generated hostile inputs to the decode form, the decode API, query parameters and path segments.
 * Every one must get a 4xx with a message (or a 200 where the input happens to be valid), never a 5xx, never a
 * hang (each request has a 10 s timeout), and the app must keep serving. Seeded, so a failure reproduces.
 */
class HostileInputFuzzTest {
    private static final long SEED = 20261122L;
    private static final int CASES = 10_500;

    private final Random random = new Random(SEED);

    @Test
    void everyGeneratedInputGetsAClearAnswer() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> problems = new ArrayList<>();
        try (RunningApp app = RunningApp.demo(new MutableClock(Instant.parse("2026-11-22T12:00:00Z")))) {
            for (int i = 0; i < CASES; i++) {
                Case c = next(i);
                HttpResponse<String> response;
                try {
                    response = http.send(c.request(app.baseUrl()).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    problems.add("#" + i + " " + c.describe() + ": " + e);
                    continue;
                }
                int status = response.statusCode();
                if (status >= 500) {
                    problems.add("#" + i + " " + c.describe() + ": " + status);
                } else if (c.invalid() && (status < 400 || !hasMessage(response.body()))) {
                    problems.add("#" + i + " " + c.describe() + ": " + status + " without a 4xx message");
                }
                if (problems.size() > 20) {
                    break;
                }
            }
            assertThat(problems).isEmpty();
            assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(app.get("/").statusCode()).isEqualTo(200);
        }
    }

    private static boolean hasMessage(String body) {
        return body.contains("\"message\":\"") && !body.contains("\"message\":\"\"")
                || body.contains("id=\"decode-problem\"") || body.contains("id=\"error-message\"");
    }

    /** One request; {@code invalid} when it must be refused. */
    record Case(String kind, String method, String path, String contentType, String body, boolean invalid) {
        HttpRequest.Builder request(String base) {
            // A browser of its own for each input: the decoder's rate limit (30 a minute per browser) is not under test.
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Cookie", "pd-client=" + java.util.UUID.randomUUID());
            if (method.equals("POST")) {
                b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
            }
            return b;
        }

        String describe() {
            String shown = method.equals("POST") ? body : path;
            return kind + " " + (shown.length() > 120 ? shown.substring(0, 120) + "…" : shown);
        }
    }

    private Case next(int i) {
        return switch (i % 8) {
            case 0, 1 -> decodeForm(token());
            case 2 -> decodeJson(token());
            case 3 -> decodeJsonBody(jsonBody());
            case 4 -> query("namespace", junk(), junkIsNamespace());
            case 5 -> query(random.nextBoolean() ? "sort" : random.nextBoolean() ? "dir" : "page", junk(), true);
            case 6 -> path(junk());
            default -> query("q", junk(), false);
        };
    }

    private boolean lastWasValidNamespace;

    private boolean junkIsNamespace() {
        return !lastWasValidNamespace;
    }

    private Case decodeForm(String token) {
        return new Case("form", "POST", "/token/decode", "application/x-www-form-urlencoded",
                "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), true);
    }

    private Case decodeJson(String token) {
        String escaped = token.replace("\\", "\\\\").replace("\"", "\\\"");
        StringBuilder safe = new StringBuilder();
        for (char ch : escaped.toCharArray()) {
            safe.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
        }
        return new Case("json", "POST", "/api/token/decode", "application/json", "{\"token\":\"" + safe + "\"}", true);
    }

    private Case decodeJsonBody(String body) {
        return new Case("json-body", "POST", "/api/token/decode", "application/json", body, true);
    }

    private Case query(String name, String value, boolean invalid) {
        String path = (random.nextBoolean() ? "/?" : "/api/pods?") + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        // A q of 253 characters or fewer is a valid filter; longer is refused.
        boolean refused = invalid || name.equals("q") && value.length() > 253;
        if (name.equals("page") && value.matches("[1-9]\\d{0,8}")) {
            refused = false;
        }
        if ((name.equals("sort") && value.matches("name|ready|status|restarts|age|ip|node"))
                || (name.equals("dir") && value.matches("asc|desc|")) || value.isEmpty()) {
            refused = false;
        }
        if (name.equals("namespace") && value.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            refused = !value.equals("dashboard"); // demo: any other namespace is a 403, which is a 4xx with a message too
        }
        return new Case("query", "GET", path, "", "", refused);
    }

    private Case path(String segment) {
        String encoded = URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
        // A valid name that is not a demo pod is a 404 with a message; an empty segment is the list itself.
        return new Case("path", "GET", (random.nextBoolean() ? "/pods/" : "/api/pods/") + encoded, "", "", !segment.isEmpty());
    }

    private String junk() {
        lastWasValidNamespace = false;
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> randomAscii(1 + random.nextInt(70));
            case 2 -> randomUnicode(1 + random.nextInt(40));
            case 3 -> "a".repeat(200 + random.nextInt(5000));
            case 4 -> "<script>alert(" + random.nextInt() + ")</script>";
            case 5 -> Long.toString(random.nextLong());
            case 6 -> "../../etc/passwd";
            case 7 -> "%00%ff" + randomAscii(5);
            default -> new String(randomBytes(1 + random.nextInt(30)), StandardCharsets.ISO_8859_1);
        };
    }

    private String token() {
        return switch (random.nextInt(14)) {
            case 0 -> "";
            case 1 -> randomAscii(random.nextInt(200));
            case 2 -> randomUnicode(1 + random.nextInt(100));
            case 3 -> "x".repeat(16_385 + random.nextInt(20_000));
            case 4 -> b64("{\"alg\":\"none\"}") + "." + b64("{\"sub\":\"x\"}") + ".";
            case 5 -> b64("{\"alg\":\"RS256\"}") + "." + b64(nested(50 + random.nextInt(2000))) + ".c2ln";
            case 6 -> b64("{\"alg\":\"RS256\",\"crit\":[\"exp\"]}") + "." + b64("{\"exp\":" + random.nextInt() + "}") + ".c2ln";
            case 7 -> b64("{\"alg\":\"RS256\"}") + "." + b64("{\"exp\":\"" + randomAscii(5) + "\",\"aud\":" + random.nextInt() + "}") + ".c2ln";
            case 8 -> b64("{\"alg\":" + random.nextInt() + "}") + "." + b64("{}") + ".c2ln";
            case 9 -> randomAscii(10) + "." + randomAscii(10) + "." + randomAscii(10);
            case 10 -> Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(30)) + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(60)) + ".c2ln";
            case 11 -> b64("{\"alg\":\"RS256\",\"kid\":\"" + randomAscii(8) + "\"}") + "." + b64("{\"iss\":\"https://x\",\"kubernetes.io\":[1,2]}") + ".c2ln";
            case 12 -> b64("[\"alg\"]") + "." + b64("{}") + ".c2ln";
            default -> "a.b.c.d.e";
        };
    }

    private String jsonBody() {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> nested(100 + random.nextInt(3000));
            case 3 -> "{\"token\":" + random.nextInt() + "}";
            case 4 -> "[" + random.nextInt() + "]";
            default -> "{\"token\":null,\"x\":\"" + randomAscii(20) + "\"}";
        };
    }

    private String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private String randomAscii(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return s.toString();
    }

    private String randomUnicode(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> 0x00A0 + random.nextInt(0x2000);
                case 1 -> 0x4E00 + random.nextInt(0x5000);
                case 2 -> 0x1F300 + random.nextInt(0x300);
                default -> 0x202E; // right-to-left override
            };
            s.appendCodePoint(cp);
        }
        return s.toString();
    }
}
