package dev.qapidoc.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The headless Chromium the browser tests drive over built sites from {@code file://}: one
 * setup, so the flags that keep it quiet and offline (no network, no sync, a throw-away profile)
 * and the console-log capture that the "no console errors" checks rely on cannot drift apart
 * between tests. Debian's {@code chromium} / {@code chromium-driver} by default; the system
 * properties {@code qapidoc.chromium} and {@code qapidoc.chromedriver} point elsewhere.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getProperty("qapidoc.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("qapidoc.chromedriver", "/usr/bin/chromedriver"));

    private final Path site;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(Path site, ChromeDriver driver, Path profile) {
        this.site = site;
        this.driver = driver;
        this.profile = profile;
    }

    /** Whether both the browser and its driver are installed (tests skip otherwise). */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /**
     * Starts the browser with a fresh profile over the built site at {@code site};
     * {@code pageLoad} bounds each page load.
     */
    static HeadlessChromium start(Path site, Duration pageLoad) throws IOException {
        Path profile = Files.createTempDirectory("qapidoc-chromium-");
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1280,900");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(pageLoad);
        return new HeadlessChromium(site.toAbsolutePath(), driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The {@code file://} URL of {@code page} (a path relative to the site, may carry a query). */
    String url(String page) {
        return site.resolve(page).toUri().toString();
    }

    /** Console messages at SEVERE level (errors, failed loads) since the last call. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /**
     * Makes the page {@code width} by {@code height} CSS pixels, as a phone's screen: a headless
     * window cannot be narrower than 500 px, so the size is emulated (DevTools protocol).
     */
    void viewport(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Back to the window's own size after {@link #viewport}. */
    void resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Writes a screenshot of the viewport to {@code file} and returns its PNG bytes. */
    byte[] screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(file, png);
        return png;
    }

    /** Quits the browser and deletes its profile. */
    @Override
    public void close() throws IOException {
        driver.quit();
        try (var w = Files.walk(profile)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
