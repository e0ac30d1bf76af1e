package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poddashboard.Main;
import dev.poddashboard.testing.Browser;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Script and HTML in every free-text field the API server or a pasted token can carry: labels, annotations,
 * images, status reasons and messages, condition messages, termination messages, token claims. The HTML must
 * carry them escaped, and in Chromium no payload may run.
 */
class EscapingCorpusTest {
    private static final ObjectMapper JSON = Main.objectMapper();
    /** Each payload, if it ran, would set window.pwned. */
    static final List<String> CORPUS = List.of(
            "<script>window.pwned=1</script>",
            "<img src=x onerror=\"window.pwned=2\">",
            "\"><svg onload=window.pwned=3>",
            "'><iframe srcdoc='<script>parent.pwned=4</script>'>",
            "javascript:window.pwned=5",
            "</textarea><script>window.pwned=6</script>",
            "<a href=\"#\" onclick=\"window.pwned=7\">x</a>");
    private static MockApiServer api;
    private static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        ObjectNode pod = (ObjectNode) JSON.readTree(Fixtures.api("pod-my-kubernetes-dashboard.json"));
        ObjectNode meta = (ObjectNode) pod.get("metadata");
        ObjectNode labels = meta.putObject("labels");
        ObjectNode annotations = (ObjectNode) meta.get("annotations");
        for (int i = 0; i < CORPUS.size(); i++) {
            labels.put("x" + i, CORPUS.get(i));
            annotations.put("note" + i, CORPUS.get(i));
        }
        ObjectNode container = (ObjectNode) pod.at("/spec/containers/0");
        container.put("image", CORPUS.get(1));
        ObjectNode status = (ObjectNode) pod.get("status");
        status.put("reason", CORPUS.get(0));
        status.put("message", CORPUS.get(2));
        ((ObjectNode) status.at("/conditions/0")).put("message", CORPUS.get(3)).put("reason", CORPUS.get(4));
        ObjectNode containerStatus = (ObjectNode) status.at("/containerStatuses/0");
        containerStatus.putObject("state").putObject("waiting").put("reason", CORPUS.get(5)).put("message", CORPUS.get(6));
        containerStatus.putObject("lastState").putObject("terminated").put("exitCode", 1).put("reason", CORPUS.get(1))
                .put("message", CORPUS.get(0));
        String hostilePod = JSON.writeValueAsString(pod);
        ObjectNode list = (ObjectNode) JSON.readTree(Fixtures.api("pod-list-dashboard.json"));
        ArrayNode items = (ArrayNode) list.get("items");
        items.set(0, pod);
        api = new MockApiServer().withDashboardNamespace().withOidcDiscovery().withReviews();
        api.answerBody("/api/v1/namespaces/dashboard/pods", 200, JSON.writeValueAsString(list));
        api.answerBody("/api/v1/namespaces/dashboard/pods/my-kubernetes-dashboard", 200, hostilePod);
        app = RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT));
    }

    @AfterAll
    static void stop() {
        app.close();
        api.close();
    }

    static String hostileToken() {
        StringBuilder claims = new StringBuilder("{\"iss\":\"" + json(CORPUS.get(0)) + "\",\"sub\":\"" + json(CORPUS.get(1))
                + "\",\"aud\":[\"" + json(CORPUS.get(2)) + "\"],\"kubernetes.io\":{\"namespace\":\"" + json(CORPUS.get(3))
                + "\",\"pod\":{\"name\":\"" + json(CORPUS.get(4)) + "\",\"uid\":\"" + json(CORPUS.get(5)) + "\"}}");
        for (int i = 0; i < CORPUS.size(); i++) {
            claims.append(",\"").append(json(CORPUS.get(i))).append("\":\"").append(json(CORPUS.get(i))).append('"');
        }
        claims.append('}');
        return b64("{\"alg\":\"RS256\",\"kid\":\"" + json(CORPUS.get(6)) + "\"}") + "." + b64(claims.toString()) + ".c2ln";
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertEscaped(String html) {
        for (String payload : CORPUS) {
            if (payload.startsWith("javascript:")) {
                assertThat(html).doesNotContain("href=\"javascript:");
                continue;
            }
            assertThat(html).doesNotContain(payload);
        }
        assertThat(html).doesNotContain("<script>window", "<img src=x", "<svg", "<iframe", "onclick=\"window");
    }

    @Test
    void theHtmlCarriesEveryPayloadEscaped() {
        String list = app.get("/").body();
        assertEscaped(list);
        // STATUS is the waiting reason, by kubectl's rule
        assertThat(list).contains("&lt;/textarea&gt;&lt;script&gt;window.pwned=6&lt;/script&gt;");

        String detail = app.get("/pods/my-kubernetes-dashboard").body();
        assertEscaped(detail);
        assertThat(detail).contains("x0=&lt;script&gt;window.pwned=1&lt;/script&gt;")
                .contains("&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;");

        String decoded = app.postForm("/token/decode", "token", hostileToken()).body();
        assertEscaped(decoded);
        assertThat(decoded).contains("&lt;script&gt;window.pwned=1&lt;/script&gt;");
    }

    @Test
    void noPayloadRunsInTheBrowser() {
        try (Browser browser = new Browser()) {
            var driver = browser.driver();
            for (String path : List.of("/", "/pods/my-kubernetes-dashboard")) {
                driver.get(app.baseUrl() + path);
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
                assertThat(driver.executeScript("return window.pwned === undefined && !window.parent.pwned;")).as(path).isEqualTo(true);
            }
            driver.get(app.baseUrl() + "/token/decode");
            driver.executeScript("document.getElementById('token-input').value = arguments[0];", hostileToken());
            driver.findElement(By.id("decode-button")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("token-claims")));
            assertThat(driver.findElement(By.id("token-claims")).getText()).contains("<script>window.pwned=1</script>");
            assertThat(driver.executeScript("return window.pwned === undefined;")).isEqualTo(true);
            assertThat(driver.findElements(By.cssSelector("main script, main img[src='x'], main svg, main iframe"))).isEmpty();
        }
    }
}
