package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Browser;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The token pages in headless Chromium: the live countdown, the decoder round trip and its messages. */
class TokenBrowserTest {
    private static MockApiServer api;
    private static RunningApp app;
    @RegisterExtension
    final Browser browser = Browser.perTest();

    @BeforeAll
    static void start() {
        api = new MockApiServer().withDashboardNamespace().withOidcDiscovery().withReviews();
        app = RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT));
    }

    @AfterAll
    static void stop() {
        app.close();
        api.close();
    }


    private static final String TICKING = "in (\\d+ h )?\\d+ min \\d+ s";

    private static long secondsLeft(String text) {
        var m = java.util.regex.Pattern.compile("in (?:(\\d+) h )?(\\d+) min (\\d+) s").matcher(text);
        assertThat(m.matches()).as(text).isTrue();
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        return hours * 3600 + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3));
    }

    @Test
    void tokenPageShowsTheServiceAccountTheBoundPodAndALiveCountdown() {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/");
        driver.findElement(By.id("nav-token")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("token-sa")));
        assertThat(driver.findElement(By.id("token-sa")).getText()).isEqualTo("dashboard/dashboard-sa");
        assertThat(driver.findElement(By.id("token-bound")).getText()).isEqualTo("Pod my-kubernetes-dashboard (uid 02b5bb08-ee0d-4faf-901d-e966d9f186aa)");
        assertThat(driver.findElement(By.id("token-signature")).getText()).isEqualTo("redacted");

        var countdown = driver.findElement(By.id("expiry-countdown"));
        // The script replaces the server's "in 60 min" with a ticking "in 1 h 0 min 6 s", counted from the server's
        // clock (07:57:37, warnafter 08:57:43), not the browser's.
        browser.waiting().until(d -> countdown.getText().matches(TICKING));
        String first = countdown.getText();
        assertThat(secondsLeft(first)).isBetween(3540L, 3606L);
        browser.waiting().until(d -> !countdown.getText().equals(first));
        assertThat(secondsLeft(countdown.getText())).isLessThan(secondsLeft(first));

        browser.screenshot("token-page-top"); // README's picture of the token page (docs/token-page.png)
        var summary = driver.findElement(By.cssSelector("#raw-json summary"));
        new org.openqa.selenium.interactions.Actions(driver).scrollToElement(summary).perform();
        browser.screenshot("token-page");
        summary.click();
        assertThat(driver.findElement(By.cssSelector("#raw-json pre")).getText()).contains("\"warnafter\" : 1795337863");
        assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void decodeFormRoundTripsAndRejectsGarbageAndOversizedInput() {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/token/decode");
        driver.findElement(By.id("token-input")).sendKeys(Fixtures.token("pod-bound.jwt"));
        driver.findElement(By.id("decode-button")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("token-sa")));
        assertThat(driver.findElement(By.id("token-bound")).getText()).isEqualTo("Pod my-kubernetes-dashboard (uid 02b5bb08-ee0d-4faf-901d-e966d9f186aa)");
        assertThat(driver.findElement(By.cssSelector("#signature-check .status-badge")).getText()).isEqualTo("valid");
        assertThat(driver.findElement(By.id("token-input")).getAttribute("value")).isEmpty();

        driver.findElement(By.id("token-input")).sendKeys("this is not a token");
        driver.findElement(By.id("decode-button")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("decode-problem")));
        assertThat(driver.findElement(By.id("decode-problem")).getText()).contains("a JWT has three parts");

        driver.executeScript("document.getElementById('token-input').value = arguments[0];", "x".repeat(17_000));
        driver.findElement(By.id("decode-button")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("decode-problem"), "16 KiB"));
        assertThat(driver.findElement(By.id("decode-problem")).getText()).contains("the token is 17000 characters");
    }
}
