package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Browser;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What a user does in a real headless Chromium: list, filter, sort, open a pod, hit RBAC, and the demo. */
class PodBrowserTest {
    private static MockApiServer api;
    private static RunningApp app;
    @RegisterExtension
    final Browser browser = Browser.perTest();

    @BeforeAll
    static void start() {
        api = new MockApiServer().withDashboardNamespace();
        app = RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT));
    }

    @AfterAll
    static void stop() {
        app.close();
        api.close();
    }


    private List<String> podNames() {
        return browser.driver().findElements(By.cssSelector("#pods .pod-link")).stream().map(WebElement::getText).toList();
    }

    @Test
    void listFilterSortAndOpenAPod() {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/");
        assertThat(driver.getTitle()).isEqualTo("Pods in dashboard · pod-dashboard");
        assertThat(podNames()).containsExactly("my-kubernetes-dashboard", "nginx-web-5f7d8c9b4-q7m4z",
                "nginx-web-5f7d8c9b4-x2k9p", "pending-worker", "redis-0", "report-job-28412870-abcde");
        assertThat(driver.findElement(By.cssSelector("[data-name='pending-worker'] .status")).getText()).isEqualTo("Pending");
        assertThat(driver.findElement(By.cssSelector(".kubectl")).getText()).isEqualTo("kubectl get pods -n dashboard -o wide");

        driver.findElement(By.id("filter-input")).sendKeys("nginx");
        driver.findElement(By.id("filter-button")).click();
        browser.waiting().until(ExpectedConditions.urlContains("q=nginx"));
        assertThat(podNames()).containsExactly("nginx-web-5f7d8c9b4-q7m4z", "nginx-web-5f7d8c9b4-x2k9p");
        assertThat(driver.findElement(By.id("pod-count")).getText()).isEqualTo("2 of 6");

        driver.findElement(By.id("sort-name")).click();
        browser.waiting().until(ExpectedConditions.urlContains("dir=desc"));
        assertThat(podNames()).containsExactly("nginx-web-5f7d8c9b4-x2k9p", "nginx-web-5f7d8c9b4-q7m4z");
        WebElement sortName = driver.findElement(By.id("sort-name"));
        assertThat(sortName.getText()).isEqualTo("NAME");
        assertThat(sortName.findElement(By.xpath("..")).getAttribute("aria-sort")).isEqualTo("descending");
        // The arrow a person sees is drawn by CSS from aria-sort (the page itself stays Latin-1).
        assertThat((String) ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(arguments[0], '::after').content;", sortName)).isEqualTo("\" ▼\"");

        driver.get(app.baseUrl() + "/");
        driver.findElement(By.linkText("my-kubernetes-dashboard")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/pods/my-kubernetes-dashboard"));
        assertThat(driver.findElement(By.id("pod-name")).getText()).isEqualTo("my-kubernetes-dashboard");
        assertThat(driver.findElement(By.id("service-account")).getText()).isEqualTo("dashboard-sa");
        assertThat(driver.findElement(By.cssSelector(".token-volume")).getText())
                .contains("kube-api-access-bhssv").contains("3607").contains("kube-root-ca.crt");

        driver.findElement(By.id("back-link")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("pods")));
        assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void aNamespaceTheServiceAccountMayNotReadShowsTheForbiddenPage() {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/");
        var namespace = driver.findElement(By.id("namespace-input"));
        namespace.clear();
        namespace.sendKeys("other");
        driver.findElement(By.id("filter-button")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("error-title")));
        assertThat(driver.findElement(By.id("error-title")).getText()).isEqualTo("Forbidden by RBAC");
        assertThat(driver.findElement(By.id("error-message")).getText())
                .startsWith("ServiceAccount dashboard/dashboard-sa may not list pods in namespace other.");
        assertThat(driver.findElements(By.cssSelector(".kubectl")).stream().map(WebElement::getText))
                .contains("kubectl create rolebinding dashboard-sa-pods-reader --role=pods-reader --serviceaccount=dashboard:dashboard-sa -n other");
    }

    @Test
    void aPodAddedInTheApiServerAppearsOnTheOpenListWithoutAReload() {
        List<String> watch = Fixtures.api("watch-pods-dashboard.jsonl").lines().toList();
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
        driver.executeScript("window.stillTheSamePage = true;");

        api.watchThenIdle("dashboard", watch.get(0) + "\n" + watch.get(1) + "\n");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-name='watch-demo']")));
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("tr[data-name='watch-demo'] .status"), "Running"));
        assertThat(podNames()).containsExactly("my-kubernetes-dashboard", "nginx-web-5f7d8c9b4-q7m4z",
                "nginx-web-5f7d8c9b4-x2k9p", "pending-worker", "redis-0", "report-job-28412870-abcde", "watch-demo");
        assertThat(driver.findElement(By.id("pod-count")).getText()).isEqualTo("7");
        assertThat(driver.executeScript("return window.stillTheSamePage === true;")).isEqualTo(true);

        api.watchThenIdle("dashboard", String.join("\n", watch.subList(2, 5)) + "\n");
        browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-name='watch-demo']"), 0));
        assertThat(driver.findElement(By.id("pod-count")).getText()).isEqualTo("6");
        assertThat(driver.executeScript("return window.stillTheSamePage === true;")).isEqualTo(true);
        assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void demoModeIsLabelledOnEveryPageAndShowsSamplePods() {
        try (RunningApp demo = RunningApp.demo(new MutableClock(Instant.parse("2026-11-22T12:00:00Z")))) {
            var driver = browser.driver();
            driver.get(demo.baseUrl() + "/");
            assertThat(driver.findElement(By.id("demo-banner")).getText()).contains("Demo mode").contains("No cluster is connected");
            assertThat(driver.findElement(By.cssSelector("[data-name='api-gateway-6d8f7b5c9-h4j2n'] .status")).getText())
                    .isEqualTo("CrashLoopBackOff");
            assertThat(driver.findElement(By.cssSelector("[data-name='db-migrate-x7k2p'] .status")).getText())
                    .isEqualTo("Init:1/2");
            browser.screenshot("pod-list");
            driver.findElement(By.linkText("web-with-sidecar-0")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("pod-name")));
            assertThat(driver.findElement(By.id("demo-banner")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("pod-status")).getText()).isEqualTo("Running");
            browser.screenshot("pod-detail");
        }
    }
}
