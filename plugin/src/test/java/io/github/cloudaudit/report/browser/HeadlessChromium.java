package io.github.cloudaudit.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * A headless Chromium driven through its own chromedriver, for browser tests and the benchmark. Nothing is
 * downloaded: the browser and driver must be installed. They are found through {@code CHROME_BIN} and
 * {@code CHROMEDRIVER} when set, otherwise on the PATH under the names Debian, Ubuntu's snap, Fedora and Homebrew use.
 * Before a page's own scripts run, a probe records errors, CSP violations and alert calls.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome", "chrome");
    static final List<String> DRIVER_NAMES = List.of("chromedriver", "chromium.chromedriver");

    private static final String PROBE = """
            window.__probe = { errors: [], violations: [], alerts: [] };
            window.addEventListener('error', function (e) { window.__probe.errors.push(String(e.message)); });
            window.addEventListener('securitypolicyviolation', function (e) {
              window.__probe.violations.push(e.violatedDirective + ' ' + e.blockedURI);
            });
            var originalError = console.error;
            console.error = function () {
              window.__probe.errors.push(Array.prototype.join.call(arguments, ' '));
              return originalError.apply(console, arguments);
            };
            window.alert = function (message) { window.__probe.alerts.push(String(message)); };
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts a browser with a fresh profile in the given folder; JavaScript can be switched off. */
    public static HeadlessChromium start(Path profile, boolean javascript) {
        Path browser = locate("CHROME_BIN", BROWSER_NAMES, System.getenv());
        Path driverExecutable = locate("CHROMEDRIVER", DRIVER_NAMES, System.getenv());
        // Never let Selenium Manager look for or fetch a browser or driver.
        System.setProperty("webdriver.chrome.driver", driverExecutable.toString());
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--window-size=1366,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverExecutable.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
        return new HeadlessChromium(driver);
    }

    /**
     * An executable named by an environment variable, or else the first of the names found on the PATH.
     *
     * @throws IllegalStateException saying what was looked for and how to install or skip
     */
    static Path locate(String variable, List<String> names, Map<String, String> environment) {
        String named = environment.get(variable);
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named.trim());
            if (Files.isExecutable(path)) {
                return path;
            }
            throw new IllegalStateException(variable + " names " + path + ", which is not an executable file");
        }
        String searchPath = environment.getOrDefault("PATH", "");
        for (String name : names) {
            for (String folder : searchPath.split(File.pathSeparator)) {
                Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("Browser tests need Chromium and its chromedriver: none of " + names
                + " is on the PATH and " + variable + " is not set. Install them (Debian: apt-get install chromium "
                + "chromium-driver; Fedora: dnf install chromium chromedriver; macOS: brew install chromium "
                + "chromedriver) or point " + variable + " at the executable, or skip these tests with "
                + "-DexcludedGroups=browser");
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a file and waits until the report's script says it is ready (or only for load, without scripts). */
    public void open(Path file, boolean waitForScript) {
        drainLogs();
        driver.get(file.toUri().toString());
        if (waitForScript) {
            waitUntilReady(Duration.ofSeconds(120));
        }
    }

    public void waitUntilReady(Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> "true".equals(
                ((JavascriptExecutor) d).executeScript("return document.body && document.body.getAttribute('data-ready')")));
    }

    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Errors the page raised: console errors, uncaught exceptions and CSP violations. */
    @SuppressWarnings("unchecked")
    public List<String> pageErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        Map<String, List<String>> probe = (Map<String, List<String>>) driver.executeScript("return window.__probe");
        if (probe == null) {
            errors.add("the page probe did not run");
        } else {
            errors.addAll(probe.get("errors"));
            probe.get("violations").forEach(v -> errors.add("CSP violation: " + v));
        }
        return errors;
    }

    @SuppressWarnings("unchecked")
    public List<String> alerts() {
        Map<String, List<String>> probe = (Map<String, List<String>>) driver.executeScript("return window.__probe");
        return probe.get("alerts");
    }

    /** URLs of every request the browser sent since the last page was opened. */
    public List<String> requests() throws IOException {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(message.path("params").path("request").path("url").asText());
            }
        }
        return urls;
    }

    public Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    private void drainLogs() {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
