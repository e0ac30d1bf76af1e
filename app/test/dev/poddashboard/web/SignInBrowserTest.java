package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Browser;
import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** AUTH_MODE=token in a browser: sign in with a token, see the list, be refused another namespace, sign out. */
class SignInBrowserTest {
    @Test
    void signInSeeTheListBeRefusedANamespaceAndSignOut() {
        try (MockApiServer api = SignInTest.visitors(new MockApiServer());
             RunningApp app = RunningApp.inCluster(api, new MutableClock(Fixtures.CAPTURED_AT), Map.of("AUTH_MODE", "token"));
             Browser browser = new Browser()) {
            var driver = browser.driver();
            driver.get(app.baseUrl() + "/?namespace=dashboard");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in with your Kubernetes token");
            assertThat(browser.axeViolations()).isEmpty();
            driver.findElement(By.id("sign-in-token")).sendKeys(Fixtures.token("plain.jwt"));
            driver.findElement(By.id("sign-in-button")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.pod-row")));
            assertThat(driver.getCurrentUrl()).endsWith("/?namespace=dashboard");
            assertThat(driver.findElements(By.cssSelector("tr.pod-row[data-name='my-kubernetes-dashboard']"))).hasSize(1);
            assertThat(driver.findElement(By.id("visitor")).getText())
                    .contains("signed in as " + SignInTest.USER).contains("via a service-account token");
            // the live list streams with the session (EventSource sends the cookie)
            browser.waiting().until(d -> d.findElement(By.id("live-status")).getText().equals("live"));
            // the token is in no page and no script-readable cookie
            assertThat(driver.getPageSource()).doesNotContain(Fixtures.token("plain.jwt"));
            assertThat(driver.executeScript("return document.cookie;").toString()).doesNotContain("pd-session");

            driver.get(app.baseUrl() + "/?namespace=other");
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Not allowed for you");
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains(SignInTest.USER + " may not list pods in namespace other")
                    .contains("kubectl auth can-i list pods -n other --as=" + SignInTest.USER);
            assertThat(browser.axeViolations()).isEmpty();

            driver.findElement(By.id("sign-out")).click();
            browser.waiting().until(ExpectedConditions.urlContains("/login"));
            driver.get(app.baseUrl() + "/");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in with your Kubernetes token");
            assertThat(driver.findElements(By.cssSelector("tr.pod-row"))).isEmpty();
        }
    }
}
