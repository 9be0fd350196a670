package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Headless Chromium over the QMP manual written by {@code qapidoc html} (issue #5 acceptance):
 * the page loads without console errors, a command's type link lands on the type, and searching
 * for {@code blockdev-backup} lists the command first. Skipped without chromium/chromedriver or
 * without {@code ../shared}.
 */
@Timeout(240)
class QmpBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("qapidoc.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("qapidoc.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCHEMA = Path.of("../shared/corpus/qemu-master/qapi/qapi-schema.json");
    private static final Path SITE = Path.of("target/browser-qmp").toAbsolutePath();

    private static ChromeDriver driver;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "chromium and chromedriver are not installed; skipping");
        assumeTrue(Files.isRegularFile(SCHEMA), "../shared/corpus not present; skipping");
        Main.Result r = Main.capture("html", "--namespace", "QMP", "--title", "QEMU QMP Reference Manual",
                "-o", SITE.toString(), SCHEMA.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        profile = Files.createTempDirectory("qapidoc-chromium-");
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var w = Files.walk(profile)) {
                for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String url(String page) {
        return SITE.resolve(page).toUri().toString();
    }

    private static List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @Test
    void typeLinkOfACommandLandsOnTheType() throws IOException {
        consoleErrors();
        driver.get(url("index.html"));
        WebElement link = driver.findElement(By.cssSelector(
                "dt#command-QMP-block-core\\.blockdev-backup + dd a[href='#object-QMP-block-core.BlockdevBackup']"));
        link.click();
        assertTrue(driver.getCurrentUrl().endsWith("#object-QMP-block-core.BlockdevBackup"), driver.getCurrentUrl());
        Number top = (Number) js("return document.getElementById('object-QMP-block-core.BlockdevBackup')"
                + ".getBoundingClientRect().top");
        assertTrue(top.doubleValue() < 200, "target scrolled into view, top=" + top);
        assertEquals("BlockdevBackup", js("return document.getElementById('object-QMP-block-core.BlockdevBackup')"
                + ".querySelector('.descname').textContent"));
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/qmp-type-link.png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void searchListsTheCommandFirst() throws Exception {
        driver.get(url("search.html") + "?q=blockdev-backup");
        for (int i = 0; i < 100 && driver.findElements(By.cssSelector("#search-results li a")).isEmpty(); i++) {
            Thread.sleep(100);
        }
        List<WebElement> results = driver.findElements(By.cssSelector("#search-results li a"));
        assertTrue(!results.isEmpty(), "no search results");
        assertTrue(results.get(0).getAttribute("href").endsWith("index.html#command-QMP-block-core.blockdev-backup"),
                results.get(0).getAttribute("href"));
        results.get(0).click();
        assertTrue(driver.getCurrentUrl().endsWith("#command-QMP-block-core.blockdev-backup"), driver.getCurrentUrl());
        assertEquals(List.of(), consoleErrors());
    }
}
