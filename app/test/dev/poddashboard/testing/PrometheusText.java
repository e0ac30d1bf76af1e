package dev.poddashboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Prometheus text format read by a real parser: the Prometheus project's Python client
 * ({@code prometheus_client.parser}, Debian's python3-prometheus-client, which .ci/run installs). Java has no
 * maintained parser of the format; this is the one Prometheus' own tooling uses.
 */
public final class PrometheusText {
    private static final String SCRIPT = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            out = []
            for family in text_string_to_metric_families(sys.stdin.read()):
                for s in family.samples:
                    out.append({"family": family.name, "type": family.type, "name": s.name, "labels": s.labels,
                                "value": None if s.value != s.value else s.value})
            print(json.dumps(out))
            """;

    public record Sample(String family, String type, String name, Map<String, String> labels, Double value) {
    }

    private PrometheusText() {
    }

    /** Every sample; the parser throws (and so does this) on anything that is not valid exposition text. */
    public static List<Sample> parse(String text) {
        try {
            Process python = new ProcessBuilder("/usr/bin/python3", "-c", SCRIPT).start();
            try (OutputStream in = python.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!python.waitFor(30, TimeUnit.SECONDS) || python.exitValue() != 0) {
                throw new AssertionError("the Prometheus parser refused the text: " + err);
            }
            List<Sample> samples = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (JsonNode s : json.readTree(out)) {
                samples.add(new Sample(s.get("family").asText(), s.get("type").asText(), s.get("name").asText(),
                        json.convertValue(s.get("labels"), new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {
                        }), s.get("value").isNull() ? null : s.get("value").asDouble()));
            }
            return samples;
        } catch (IOException e) {
            throw new AssertionError("cannot run /usr/bin/python3 with prometheus_client (apt-get install python3-prometheus-client)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
