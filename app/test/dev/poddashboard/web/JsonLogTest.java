package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.config.LogSetup;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import dev.poddashboard.testing.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** LOG_FORMAT=json as the app sets logback up: one JSON object per line, request fields, no token. */
class JsonLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void configure(String resource) throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(JsonLogTest.class.getClassLoader().getResource(resource));
    }

    @Test
    void theTrainingRunsRehearsalEncodesAnAccessLineAsTheAppDoes() throws Exception {
        JsonNode line = JSON.readTree(LogSetup.rehearseJson());
        assertThat(line.path("logger").asText()).isEqualTo("access");
        assertThat(line.path("message").asText()).isEqualTo("GET / 200");
        assertThat(line.path("status").asInt()).isEqualTo(200);
        assertThat(line.has("time")).isTrue();
        assertThat(line.has("@version")).isFalse();
    }

    @Test
    void everyLineIsAJsonObjectAndRequestsCarryRouteStatusAndDuration() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String token = Fixtures.token("kubelet-style-3607.jwt");
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LogSetup.apply((LoggerContext) LoggerFactory.getILoggerFactory(), true);
            try (RunningApp app = RunningApp.demo(new MutableClock(Fixtures.CAPTURED_AT))) {
                assertThat(app.get("/").statusCode()).isEqualTo(200);
                assertThat(app.get("/pods/api-gateway-6d8f7b5c9-h4j2n?namespace=dashboard").statusCode()).isEqualTo(200);
                assertThat(app.get("/?namespace=Bad_Name").statusCode()).isEqualTo(400);
                assertThat(app.get("/?token=" + token).statusCode()).isEqualTo(200);
                assertThat(app.postForm("/token/decode", "token", token).statusCode()).isEqualTo(200);
            }
        } finally {
            System.setOut(original);
            configure("logback-test.xml");
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        Secrets.assertNoneIn("the JSON log", log);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            JsonNode event = JSON.readTree(line); // throws on any line that is not JSON
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.fieldNames()).toIterable().as(line).contains("time", "level", "logger", "message");
            lines.add(event);
        }
        assertThat(lines).anySatisfy(e -> assertThat(e.get("message").asText()).startsWith("mode demo"));
        List<JsonNode> access = lines.stream().filter(e -> e.get("logger").asText().equals("access")).toList();
        assertThat(access).anySatisfy(e -> {
            assertThat(e.get("route").asText()).isEqualTo("/pods/{name}");
            assertThat(e.get("status").asInt()).isEqualTo(200);
            assertThat(e.get("duration_ms").isNumber()).isTrue();
            assertThat(e.get("method").asText()).isEqualTo("GET");
        });
        assertThat(access).anySatisfy(e -> assertThat(e.get("status").asInt()).isEqualTo(400));
        // No query string anywhere: a token pasted into a URL never reaches the log.
        assertThat(access).allSatisfy(e -> assertThat(e.toString()).doesNotContain("?"));
    }
}
