package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Browser;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One viewer too many (MAX_LIVE_STREAMS=1): the second browser's list says live updates are paused, refreshes its
 * rows instead, and goes live once the first browser leaves.
 */
class CrowdBrowserTest {
    @Test
    void theViewerOverTheBoundIsToldAndGoesLiveWhenAPlaceFreesUp() {
        try (MockApiServer api = new MockApiServer().withDashboardNamespace();
             RunningApp app = RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT),
                     Map.of("MAX_LIVE_STREAMS", "1"));
             Browser second = new Browser()) {
            Browser first = new Browser();
            try {
                first.driver().get(app.baseUrl() + "/");
                first.waiting().until(d -> d.findElement(By.id("live-status")).getText().equals("live"));

                second.driver().get(app.baseUrl() + "/");
                second.waiting().until(d -> d.findElement(By.id("paused-notice")).isDisplayed());
                assertThat(second.driver().findElement(By.id("paused-notice")).getText())
                        .startsWith("Live updates paused: too many viewers.")
                        .contains("1 live pod lists are open in the dashboard already")
                        .contains("refreshes itself every 30 s");
                assertThat(second.driver().findElement(By.id("live-status")).getText()).isEqualTo("paused");
                assertThat(second.axeViolations()).isEmpty();

                // A pod appears while the second viewer is paused; then the first browser leaves.
                api.watchThenIdle("dashboard", Fixtures.api("watch-pods-dashboard.jsonl").lines().findFirst().orElseThrow() + "\n");
                first.waiting().until(d -> !d.findElements(By.cssSelector("tr.pod-row[data-name='watch-demo']")).isEmpty());
            } finally {
                first.close();
            }
            // At its next round (30 s) the second refreshes its rows (a stream would not replay the new pod) and, the
            // first's place being free (noticed at that stream's next ping), goes live.
            new WebDriverWait(second.driver(), Duration.ofSeconds(45)).until(d ->
                    d.findElement(By.id("live-status")).getText().equals("live"));
            assertThat(second.driver().findElements(By.cssSelector("tr.pod-row[data-name='watch-demo']"))).hasSize(1);
            assertThat(second.driver().findElement(By.id("paused-notice")).isDisplayed()).isFalse();
        }
    }
}
