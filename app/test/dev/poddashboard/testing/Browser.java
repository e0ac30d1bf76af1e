package dev.poddashboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver; Selenium Manager never runs (no network here). {@code new
 * Browser()} opens one now; {@link #perTest()}, registered with {@code @RegisterExtension}, opens one before each test
 * and closes it after the test's own {@code @AfterEach} methods.
 */
public final class Browser implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    private ChromeDriver driver;

    public Browser() {
        this(true);
    }

    private Browser(boolean openNow) {
        if (openNow) {
            driver = open();
        }
    }

    /** A browser for each test: {@code @RegisterExtension final Browser browser = Browser.perTest();} */
    public static Browser perTest() {
        return new Browser(false);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        driver = open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private static ChromeDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chrome.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /**
     * axe-core's WCAG 2.1 A/AA rules on the current page: the violations, each as "rule: target, target …".
     * The script comes from its webjar and is injected by WebDriver (the page's CSP does not apply to it).
     */
    public List<String> axeViolations() {
        String axe;
        try (var in = Browser.class.getClassLoader().getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(java.util.Objects.requireNonNull(in, "the axe-core webjar").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.executeScript(axe);
        Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(r.violations.map(function (v) { return v.id + ': ' + v.nodes.map("
                + "function (n) { return n.target.join(' '); }).join(', '); })); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }

    /** Console messages, e.g. Content-Security-Policy violations. */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("screenshot.dir", "target/screenshots")));
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
