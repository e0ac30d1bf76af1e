package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Browser;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RealNode;
import dev.poddashboard.testing.RealNodePods;
import dev.poddashboard.testing.RunningApp;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** "Why is this pod failing?" in a real headless Chromium, against a real kubelet's captured answers. */
class PodFailingBrowserTest {
    private static MockApiServer api;
    private static RunningApp app;
    @RegisterExtension
    final Browser browser = Browser.perTest();

    @BeforeAll
    static void start() {
        api = RealNodePods.serve(RealNode.allNamespacesGranted(RealNode.serve(new MockApiServer().withDashboardNamespace())),
                30_000);
        app = RunningApp.inCluster(api, new MutableClock(RealNode.TABLE_PRINTED_AT));
    }

    @AfterAll
    static void stop() {
        app.close();
        api.close();
    }

    @AfterEach
    void noConsoleMessages() {
        assertThat(browser.consoleMessages()).as("browser console").isEmpty();
    }

    private List<String> podNames() {
        return browser.driver().findElements(By.cssSelector("#pods .pod-link")).stream().map(WebElement::getText).toList();
    }

    /** Waits until the list is complete (a list still arriving reloads its page once it is). */
    private void listComplete() {
        browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.id("pods"), "data-complete", "true"));
    }

    @Test
    void aCrashLoopingPodsWarningsThenItsPreviousLog() {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/?namespace=realnode-demo");
        listComplete();
        assertThat(driver.findElement(By.cssSelector("[data-name='crash-demo'] .status")).getText()).isEqualTo("CrashLoopBackOff");
        driver.findElement(By.linkText("crash-demo")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/pods/crash-demo"));

        List<WebElement> warnings = driver.findElements(By.cssSelector("#events .event-warning"));
        assertThat(warnings).extracting(w -> w.findElement(By.cssSelector(".event-reason")).getText())
                .contains("BackOff", "Failed", "MissingClusterDNS");
        assertThat(warnings.get(warnings.size() - 1).getText()).contains("31s (x66 over 15m)")
                .contains("Back-off restarting failed container crasher");

        driver.findElement(By.id("logs-link")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/pods/crash-demo/logs"));
        driver.findElement(By.id("previous-check")).click();
        driver.findElement(By.id("log-show")).click();
        browser.waiting().until(ExpectedConditions.urlContains("previous=true"));
        assertThat(driver.findElement(By.id("log")).getText())
                .endsWith("crasher: fatal: /etc/crasher.conf: no such file (simulated), exit 3");
        assertThat(driver.findElement(By.cssSelector(".kubectl")).getText())
                .isEqualTo("kubectl logs crash-demo -n realnode-demo --previous --tail=300");
        assertThat(driver.findElements(By.id("follow-button"))).isEmpty();
    }

    @Test
    void followALiveLogThatGrowsThenStop() {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/pods/log-demo/logs?namespace=realnode-demo");
        assertThat(driver.findElements(By.cssSelector("#log .log-line"))).hasSize(3);
        driver.findElement(By.id("follow-button")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-status"), "Following"));
        // The page's last line was line 187: the stream resumes after it, and the log keeps growing.
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "logger: line 192"));
        String log = driver.findElement(By.id("log")).getText();
        assertThat(log.split("logger: line 187", -1)).hasSize(2);
        assertThat(log).contains("logger: line 188\n").contains("warning: 190 lines so far (stderr)");
        assertThat(Integer.parseInt(driver.findElement(By.id("line-count")).getText())).isGreaterThan(6);
        browser.screenshot("pod-logs");

        driver.findElement(By.id("follow-button")).click();
        assertThat(driver.findElement(By.id("follow-status")).getText()).isEqualTo("Stopped following.");
        assertThat(driver.findElement(By.id("follow-button")).getAttribute("aria-pressed")).isEqualTo("false");
    }

    @Test
    void switchToAllNamespacesThenFilterByAClickedLabel() {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/?namespace=realnode-demo");
        // The own namespace may still be listing at the first view: the page reloads itself once it is complete.
        listComplete();
        driver.findElement(By.id("all-namespaces")).click();
        driver.findElement(By.id("filter-button")).click();
        browser.waiting().until(ExpectedConditions.urlContains("all-namespaces=true"));
        listComplete();
        assertThat(podNames()).hasSize(10);
        assertThat(driver.findElement(By.id("sort-namespace")).getText()).startsWith("NAMESPACE");
        assertThat(driver.findElements(By.cssSelector("#pods .namespace-link")).stream().map(WebElement::getText).distinct())
                .containsExactly("dashboard", "realnode-demo");
        assertThat(driver.findElement(By.cssSelector(".kubectl")).getText()).isEqualTo("kubectl get pods -A -o wide");

        driver.findElement(By.linkText("web-fb88cb456-8cbtg")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/pods/web-fb88cb456-8cbtg"));
        driver.findElement(By.xpath("//a[contains(@class,'label-link') and text()='app=web']")).click();
        browser.waiting().until(ExpectedConditions.urlContains("selector=app%3Dweb"));
        assertThat(podNames()).containsExactly("web-fb88cb456-8cbtg", "web-fb88cb456-rnhdd");
        assertThat(driver.findElement(By.id("selector-input")).getAttribute("value")).isEqualTo("app=web");
        assertThat(driver.findElement(By.cssSelector(".kubectl")).getText())
                .isEqualTo("kubectl get pods -n realnode-demo -o wide -l app=web");
    }
}
