package dev.poddashboard.web;

import static dev.poddashboard.testing.MockApiServer.SSARS;
import static dev.poddashboard.testing.MockApiServer.TOKEN_REVIEWS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Browser;
import dev.poddashboard.testing.Capture;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.RunningApp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lesson on a projector: walk to a step in presenter mode with the arrow keys and see it turn ✓ without a reload
 * when the cluster's answer changes; run the lab until its pod-bound token is invalidated; axe in every mode.
 */
class LessonBrowserTest {
    private static final Capture V133 = Capture.V1_33;
    private MockApiServer api;
    private RunningApp app;
    @RegisterExtension
    final Browser browser = Browser.perTest();

    @BeforeEach
    void start() {
        api = new MockApiServer(V133).withDashboardNamespace().withOidcDiscovery().withReviews();
        api.answerPost(SSARS, 201, "selfsubjectaccessreview-denied.json");
        // The real clock: the page asks every 4 s and the server answers anew every 3 s.
        app = RunningApp.inCluster(api, Clock.systemUTC(), Map.of());
    }

    @AfterEach
    void stop() {
        app.close();
        api.close();
    }

    private WebElement current() {
        List<WebElement> shown = new ArrayList<>(browser.driver().findElements(By.cssSelector(".lesson-step.current")));
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).isDisplayed()).isTrue();
        return shown.get(0);
    }

    @Test
    void aStepTurnsWithoutAReloadInPresenterMode() {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/lesson?present=1");
        assertThat(current().getAttribute("id")).isEqualTo("step-identity");
        assertThat(driver.findElements(By.cssSelector(".lesson-step")).stream().filter(WebElement::isDisplayed)).hasSize(1);
        assertThat(driver.findElement(By.id("lab")).isDisplayed()).as("the lab waits for its steps").isFalse();
        var body = driver.findElement(By.tagName("body"));
        int steps = driver.findElements(By.cssSelector(".lesson-step")).size();
        for (int i = 0; i < steps && !current().getAttribute("id").equals("step-pods-log"); i++) {
            body.sendKeys(Keys.ARROW_RIGHT);
        }
        body.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_LEFT);
        WebElement step = current();
        assertThat(step.getAttribute("id")).isEqualTo("step-pods-log");
        assertThat(driver.getCurrentUrl()).endsWith("#step-pods-log");
        assertThat(step.findElement(By.cssSelector("[data-role=badge]")).getText()).isEqualTo("○ not yet");
        driver.executeScript("window.notReloaded = true;");

        // kubectl apply -k with components/logs: the API server allows get pods/log from now on
        api.answerPostContaining(SSARS, List.of("\"subresource\":\"log\""), 201, V133.api("selfsubjectaccessreview-allowed.json"));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> current().findElement(By.cssSelector("[data-role=badge]"))
                .getText().equals("✓ holds now"));
        assertThat(driver.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(current().findElement(By.cssSelector("[data-role=evidence]")).getText())
                .isEqualTo("SelfSubjectAccessReview: get pods/log allowed (components/logs)");
        assertThat(current().findElement(By.cssSelector("[data-role=held]")).getText()).matches("held at \\d\\d:\\d\\d in this browser");
        // remembered in this browser: a later visit still says when it held
        driver.navigate().refresh();
        assertThat(current().findElement(By.cssSelector("[data-role=held]")).getText()).startsWith("held at ");
        browser.screenshot("lesson-presenter");
        var reloaded = driver.findElement(By.tagName("body"));
        for (int i = 0; i < steps && !"true".equals(current().getAttribute("data-lab")); i++) {
            reloaded.sendKeys(Keys.ARROW_RIGHT);
        }
        assertThat(current().getAttribute("data-lab")).isEqualTo("true");
        assertThat(driver.findElement(By.id("lab")).isDisplayed()).as("the lab beside a step it checks").isTrue();
        assertThat(browser.axeViolations()).isEmpty();
    }

    @Test
    void theLabShowsAPodBoundTokenInvalidatedAndEveryModePassesAxe() {
        String token = V133.bindingToken("pod-bound");
        api.answerPostContaining(TOKEN_REVIEWS, token, 201, V133.bindings("tokenreview-pod-bound.json"));
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/lesson?present=0");
        driver.executeScript("document.getElementById('lab-token').value = arguments[0];", token);
        // submitted as a click would (Bootstrap's smooth scrolling makes a click this far down land mid-scroll)
        driver.executeScript("document.getElementById('lab-form').requestSubmit(document.getElementById('lab-start'));");
        browser.waiting().until(d -> d.findElement(By.id("lab-state")).getText().equals("authenticated"));
        assertThat(driver.findElement(By.id("lab-bound")).getText()).startsWith("Pod study-bound-pod (uid ");
        assertThat(driver.findElement(By.id("lab-token")).getAttribute("value")).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(token);

        // kubectl delete pod study-bound-pod: the next review (within 5 s) says invalidated
        api.answerPostContaining(TOKEN_REVIEWS, List.of(token, "TokenReview"), 201,
                V133.bindings("tokenreview-pod-bound-after-pod-deleted.json"));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("lab-state")).getText().equals("invalidated"));
        assertThat(driver.findElements(By.cssSelector("#lab-timeline li"))).hasSize(2);
        assertThat(driver.findElement(By.id("lab-timeline")).getText()).contains("authenticated").contains("has been invalidated");
        assertThat(driver.findElement(By.id("lab-deletion")).getText()).contains("Pod study-bound-pod: stops working")
                .contains("Node study-node-a: keeps working");

        for (String[] mode : new String[][]{{"light", "0"}, {"dark", "0"}, {"dark", "1"}, {"light", "1"}}) {
            driver.executeScript("localStorage.setItem('pd-theme', arguments[0]); localStorage.setItem('pd-present', arguments[1]);",
                    mode[0], mode[1]);
            driver.get(app.baseUrl() + "/lesson");
            assertThat(browser.axeViolations()).as(mode[0] + (mode[1].equals("1") ? ", presenter" : "")).isEmpty();
        }
    }
}
