package dev.poddashboard.web;

import static dev.poddashboard.testing.MockApiServer.TOKEN_REVIEWS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Browser;
import dev.poddashboard.testing.Capture;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Against a v1.33.3 API server: a pasted Node-bound token, the audience field, and the token page in dark mode once
 * its times lie in the past (the countdowns then read "… ago").
 */
class BindingsBrowserTest {
    private static final Capture V133 = Capture.V1_33;
    private static MockApiServer api;
    private static RunningApp app;
    @RegisterExtension
    final Browser browser = Browser.perTest();

    @BeforeAll
    static void start() {
        api = new MockApiServer(V133).withDashboardNamespace().withOidcDiscovery().withReviews();
        String node = V133.bindingToken("node-bound");
        api.answerPostContaining(TOKEN_REVIEWS, node, 201, V133.bindings("tokenreview-node-bound.json"));
        String vault = V133.bindingToken("audience-vault");
        api.answerPostContaining(TOKEN_REVIEWS, vault, 201, V133.bindings("tokenreview-audience-vault-for-api.json"));
        api.answerPostContaining(TOKEN_REVIEWS, List.of(vault, "\"audiences\":[\"vault\"]"), 201,
                V133.bindings("tokenreview-audience-vault-for-vault.json"));
        // Ten minutes after the bindings were minted: every time of the mounted token lies in the past but exp.
        app = RunningApp.inCluster(api, new MutableClock(V133.bindingsCapturedAt().plus(Duration.ofMinutes(10))));
    }

    @AfterAll
    static void stop() {
        app.close();
        api.close();
    }


    private void paste(String token, String audience) {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/token/decode");
        driver.executeScript("document.getElementById('token-input').value = arguments[0];", token);
        var field = driver.findElement(By.id("audience-input"));
        field.clear();
        field.sendKeys(audience);
        driver.findElement(By.id("decode-button")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("token-review")));
    }

    @Test
    void aNodeBoundTokenIsBoundToItsNodeAndDiesWithIt() {
        paste(V133.bindingToken("node-bound"), "");
        var driver = browser.driver();
        assertThat(driver.findElement(By.id("token-bound")).getText())
                .isEqualTo("Node study-node-b (uid 40396a49-ef3d-4d60-a12f-91e32abfc9b2)");
        assertThat(driver.findElement(By.cssSelector("#token-review .status-badge")).getText()).isEqualTo("authenticated");
        var rows = driver.findElements(By.cssSelector("#deletion-table .deletion-row"));
        assertThat(rows.get(0).getText()).contains("Node study-node-b").contains("stops working")
                .contains("kubectl delete node study-node-b");
        assertThat(driver.findElement(By.id("token-claims")).getText()).contains("The Node this token is bound to");
        assertThat(driver.findElement(By.id("server-version")).getText()).isEqualTo("v1.33.3");
        assertThat(browser.axeViolations()).isEmpty();
    }

    @Test
    void theAudienceFieldReviewsAVaultTokenForVault() {
        paste(V133.bindingToken("audience-vault"), "");
        var driver = browser.driver();
        assertThat(driver.findElement(By.cssSelector("#token-review .status-badge")).getText()).isEqualTo("not authenticated");
        assertThat(driver.findElement(By.id("audience-note")).getText()).startsWith("Rejected for the API server's own audience")
                .contains("Review it for vault");
        paste(V133.bindingToken("audience-vault"), "vault");
        assertThat(driver.findElement(By.cssSelector("#token-review .status-badge")).getText()).isEqualTo("authenticated");
        assertThat(driver.findElement(By.id("review-audience")).getText()).isEqualTo("Reviewed for the audience vault.");
        assertThat(driver.findElement(By.id("audience-note")).getText()).startsWith("Accepted for vault");
        // the audience stays in its field; the token does not come back
        assertThat(driver.findElement(By.id("audience-input")).getAttribute("value")).isEqualTo("vault");
        assertThat(driver.findElement(By.id("token-input")).getAttribute("value")).isEmpty();
    }

    @Test
    void theTokenPageInDarkModeOnceItsTimesArePastHasNoAxeViolations() {
        var driver = browser.driver();
        for (boolean presenter : List.of(false, true)) {
            driver.get(app.baseUrl() + "/healthz");
            driver.executeScript("localStorage.setItem('pd-theme', 'dark'); localStorage.setItem('pd-present', arguments[0]);",
                    presenter ? "1" : "0");
            driver.get(app.baseUrl() + "/token");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("data-bs-theme")).isEqualTo("dark");
            // the countdown script has run: the iat row reads "… ago" in its past colour
            browser.waiting().until(d -> !d.findElements(By.cssSelector("#token-times .countdown-past")).isEmpty());
            assertThat(driver.findElement(By.cssSelector("#token-times .countdown-past")).getText()).endsWith(" ago");
            assertThat(browser.axeViolations()).as(presenter ? "dark, presenter" : "dark").isEmpty();
        }
    }
}
