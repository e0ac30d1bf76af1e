package dev.poddashboard.web;

import static dev.poddashboard.testing.MockApiServer.SSARS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Browser;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RealNode;
import dev.poddashboard.testing.RealNodePods;
import dev.poddashboard.testing.RunningApp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The room's view: token history live, access matrix and can-i, presenter and dark mode, phones, axe-core. */
class TeachingBrowserTest {
    private static final List<String> PAGES = List.of("/", "/pods/my-kubernetes-dashboard", "/token", "/token/decode",
            "/access", "/access?verb=delete&resource=secrets", "/pods/crash-demo?namespace=realnode-demo",
            "/pods/crash-demo/logs?namespace=realnode-demo&previous=true", "/pods/crash-demo/yaml?namespace=realnode-demo",
            "/?namespace=other", "/lesson");
    private static MockApiServer api;
    private static RunningApp app;
    @RegisterExtension
    final Browser browser = Browser.perTest();

    @BeforeAll
    static void start() {
        api = RealNodePods.serve(RealNode.serve(new MockApiServer().withDashboardNamespace().withOidcDiscovery().withReviews()),
                2_000);
        api.answerPost(SSARS, 201, "selfsubjectaccessreview-denied.json");
        app = RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT));
    }

    @AfterAll
    static void stop() {
        app.close();
        api.close();
    }


    private void settings(String theme, boolean presenter) {
        browser.driver().get(app.baseUrl() + "/healthz");
        browser.driver().executeScript("localStorage.setItem('pd-theme', arguments[0]);"
                + "localStorage.setItem('pd-present', arguments[1]);", theme, presenter ? "1" : "0");
    }

    @Test
    void everyPageHasNoAxeViolationsInLightDarkAndPresenterMode() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String mode : List.of("light", "dark", "presenter")) {
            settings(mode.equals("dark") ? "dark" : "light", mode.equals("presenter"));
            for (String page : PAGES) {
                browser.driver().get(app.baseUrl() + page);
                String theme = browser.driver().findElement(By.tagName("html")).getAttribute("data-bs-theme");
                assertThat(theme).as(page).isEqualTo(mode.equals("dark") ? "dark" : "light");
                List<String> found = browser.axeViolations();
                if (!found.isEmpty()) {
                    violations.put(mode + " " + page, found);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void aRotationAppearsInTheHistoryWithoutAReload() {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/token");
        assertThat(driver.findElements(By.cssSelector("#token-history .history-row"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#timeline .point"))).hasSizeGreaterThanOrEqualTo(3);
        driver.executeScript("window.notReloaded = true;");
        app.rotateToken(Fixtures.token("custom-audience.jwt"));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#token-history .history-row")).size() == 2);
        assertThat(driver.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(driver.findElement(By.id("rotation-note")).getText()).startsWith("rotated ");
        java.nio.file.Path shot = java.nio.file.Path.of("target", "screenshots", "token-timeline.png");
        try {
            java.nio.file.Files.createDirectories(shot.getParent());
            java.nio.file.Files.write(shot, driver.findElement(By.id("timeline-section"))
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theMatrixAndAQuestion() {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/");
        driver.findElement(By.id("nav-access")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/access"));
        assertThat(driver.findElement(By.cssSelector("[data-resource='pods'] [data-verb='list'] [aria-hidden]")).getText()).isEqualTo("✔");
        assertThat(driver.findElement(By.cssSelector("[data-resource='secrets'] [data-verb='get'] [aria-hidden]")).getText()).isEqualTo("✖");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("verb-select"))).selectByValue("list");
        WebElement resource = driver.findElement(By.id("resource-input"));
        resource.clear();
        resource.sendKeys("secrets");
        driver.findElement(By.id("can-i-button")).click();
        browser.waiting().until(ExpectedConditions.urlContains("resource=secrets"));
        assertThat(driver.findElement(By.id("can-i-verdict")).getText()).isEqualTo("no");
        assertThat(driver.findElement(By.id("can-i-answer")).getText())
                .contains("kubectl auth can-i list secrets -n dashboard --as=system:serviceaccount:dashboard:dashboard-sa")
                .contains("kubectl create role can-list-secrets --verb=list --resource=secrets -n dashboard");
    }

    @Test
    void presenterAndDarkModeAreRememberedAndThePodListFitsAPhone() {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/?present=1");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("class")).contains("presenter");
        driver.findElement(By.id("theme-toggle")).click();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("data-bs-theme")).isEqualTo("dark");
        driver.get(app.baseUrl() + "/token");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("class")).contains("presenter");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("data-bs-theme")).isEqualTo("dark");
        assertThat(driver.findElement(By.id("present-toggle")).getAttribute("aria-pressed")).isEqualTo("true");
        driver.findElement(By.id("present-toggle")).click();
        driver.get(app.baseUrl() + "/");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("class")).doesNotContain("presenter");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(app.baseUrl() + "/");
        WebElement status = driver.findElement(By.cssSelector("[data-name='pending-worker'] .status"));
        assertThat(status.isDisplayed()).isTrue();
        long right = ((Number) driver.executeScript("return arguments[0].getBoundingClientRect().right;", status)).longValue();
        long viewport = ((Number) driver.executeScript("return document.documentElement.clientWidth;")).longValue();
        assertThat(right).isLessThanOrEqualTo(viewport);
        browser.screenshot("pod-list-phone");
        // "/" focuses the filter.
        driver.findElement(By.tagName("body")).sendKeys("/");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("filter-input");
    }
}
