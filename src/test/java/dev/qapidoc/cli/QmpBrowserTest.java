package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Headless Chromium over the QMP manual written by {@code qapidoc html} (issue #5 acceptance):
 * the page loads without console errors, a command's type link lands on the type, and searching
 * for {@code blockdev-backup} lists the command first. Skipped without chromium/chromedriver or
 * without {@code ../shared}.
 */
@Timeout(240)
class QmpBrowserTest {
    private static final Path SCHEMA = Path.of("../shared/corpus/qemu-master/qapi/qapi-schema.json");
    private static final Path SITE = Path.of("target/browser-qmp").toAbsolutePath();

    private static HeadlessChromium browser;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(HeadlessChromium.installed(), "chromium and chromedriver are not installed; skipping");
        assumeTrue(Files.isRegularFile(SCHEMA), "../shared/corpus not present; skipping");
        Main.Result r = Main.capture(
                "html",
                "--namespace",
                "QMP",
                "--title",
                "QEMU QMP Reference Manual",
                "-o",
                SITE.toString(),
                SCHEMA.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        browser = HeadlessChromium.start(SITE, Duration.ofSeconds(60));
        driver = browser.driver();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void typeLinkOfACommandLandsOnTheType() throws IOException {
        browser.consoleErrors();
        driver.get(browser.url("index.html"));
        WebElement link = driver.findElement(By.cssSelector(
                "dt#command-QMP-block-core\\.blockdev-backup + dd a[href='#object-QMP-block-core.BlockdevBackup']"));
        link.click();
        assertTrue(driver.getCurrentUrl().endsWith("#object-QMP-block-core.BlockdevBackup"), driver.getCurrentUrl());
        Number top = (Number) browser.js("return document.getElementById('object-QMP-block-core.BlockdevBackup')"
                + ".getBoundingClientRect().top");
        assertTrue(top.doubleValue() < 200, "target scrolled into view, top=" + top);
        assertEquals(
                "BlockdevBackup",
                browser.js("return document.getElementById('object-QMP-block-core.BlockdevBackup')"
                        + ".querySelector('.descname').textContent"));
        browser.screenshot(Path.of("target/screenshots/qmp-type-link.png"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void searchListsTheCommandFirst() throws Exception {
        driver.get(browser.url("search.html") + "?q=blockdev-backup");
        for (int i = 0;
                i < 100
                        && driver.findElements(By.cssSelector("#search-results li a"))
                                .isEmpty();
                i++) {
            Thread.sleep(100);
        }
        List<WebElement> results = driver.findElements(By.cssSelector("#search-results li a"));
        assertTrue(!results.isEmpty(), "no search results");
        assertTrue(
                results.get(0).getAttribute("href").endsWith("index.html#command-QMP-block-core.blockdev-backup"),
                results.get(0).getAttribute("href"));
        results.get(0).click();
        assertTrue(driver.getCurrentUrl().endsWith("#command-QMP-block-core.blockdev-backup"), driver.getCurrentUrl());
        assertEquals(List.of(), browser.consoleErrors());
    }
}
