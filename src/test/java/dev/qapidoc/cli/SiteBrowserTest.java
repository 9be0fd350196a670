package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Drives headless Chromium over the built sample site from {@code file://} (issue #4 acceptance):
 * no console errors, a cross-page link lands on its target, search finds a term and links to it,
 * the dark variant switches, and screenshots are kept under {@code target/screenshots/}. Skipped
 * when Debian's {@code chromium} / {@code chromium-driver} are not installed (.ci/run installs
 * them).
 */
@Timeout(180)
class SiteBrowserTest {
    private static final Path SITE = Path.of("target/browser-site").toAbsolutePath();
    private static final Path SHOTS = Path.of("target/screenshots");

    private static HeadlessChromium browser;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(
                HeadlessChromium.installed(),
                "chromium and chromedriver are not installed (apt-get install chromium chromium-driver); skipping");
        Main.Result r = Main.capture("build", "sample-docs", "-o", SITE.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        browser = HeadlessChromium.start(SITE, Duration.ofSeconds(30));
        driver = browser.driver();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private static void waitFor(String what, BooleanSupplier cond) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (cond.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = browser.screenshot(SHOTS.resolve(name));
        assertTrue(png.length > 1000, "screenshot is not empty");
    }

    @Test
    void everyPageLoadsWithoutConsoleErrors() throws IOException {
        browser.consoleErrors();
        for (String page : List.of(
                "index.html",
                "getting-started.html",
                "protocol.html",
                "reference/index.html",
                "reference/commands.html",
                "genindex.html",
                "search.html")) {
            driver.get(browser.url(page));
            assertEquals("complete", ((JavascriptExecutor) driver).executeScript("return document.readyState"));
            assertEquals(List.of(), browser.consoleErrors(), page);
        }
        driver.get(browser.url("index.html"));
        screenshot("sample-index.png");
    }

    @Test
    void crossPageLinkLandsOnItsTarget() {
        driver.get(browser.url("protocol.html"));
        WebElement link = driver.findElement(By.cssSelector("div.seealso a[href$='reference/commands.html#commands']"));
        link.click();
        assertTrue(driver.getCurrentUrl().endsWith("reference/commands.html#commands"), driver.getCurrentUrl());
        // the label's id sits on an extra <span> at the start of the section it labels (spec §3.4)
        String heading = (String)
                ((JavascriptExecutor) driver)
                        .executeScript(
                                "return document.getElementById('commands').closest('section').querySelector('h1').textContent");
        assertTrue(heading.startsWith("Command reference"), heading);
        Number top = (Number) ((JavascriptExecutor) driver)
                .executeScript("return document.getElementById('commands').getBoundingClientRect().top");
        assertTrue(top.doubleValue() < 200, "target scrolled into view, top=" + top);
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void searchFindsATermAndLinksToIt() throws Exception {
        driver.get(browser.url("search.html") + "?q=snapshot");
        waitFor("search results", () -> !driver.findElements(By.cssSelector("#search-results li a"))
                .isEmpty());
        List<WebElement> results = driver.findElements(By.cssSelector("#search-results li a"));
        WebElement hit = results.stream()
                .filter(a -> a.getAttribute("href").contains("reference/commands.html"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result for the command reference"));
        screenshot("sample-search.png");
        hit.click();
        waitFor("navigation", () -> driver.getCurrentUrl().contains("reference/commands.html"));
        assertTrue(driver.getPageSource().contains("machine-snapshot"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    /**
     * Search results link with percent-encoded document names: a page named {@code
     * javascript:x.rst} is a relative link to its file, not a {@code javascript:} URL.
     */
    @Test
    void aResultLinkCannotBecomeAScriptUrl(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("conf.py"), "project = 'Trap'\n");
        Files.writeString(src.resolve("index.rst"), "Home\n====\n\nNothing here.\n");
        Files.writeString(src.resolve("javascript:x.rst"), "Trap\n====\n\nThe word xyzzy is here.\n");
        Path out = dir.resolve("out");
        Main.Result r = Main.capture("build", src.toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        driver.get(out.resolve("search.html").toUri() + "?q=xyzzy");
        waitFor("search results", () -> !driver.findElements(By.cssSelector("#search-results li a"))
                .isEmpty());
        WebElement a = driver.findElement(By.cssSelector("#search-results li a"));
        String raw =
                (String) ((JavascriptExecutor) driver).executeScript("return arguments[0].getAttribute('href')", a);
        assertTrue(raw.startsWith("javascript%3Ax.html"), raw);
        assertTrue(a.getAttribute("href").startsWith("file:"), a.getAttribute("href"));
        a.click();
        waitFor("the page", () -> driver.getPageSource().contains("The word"));
        assertTrue(driver.findElements(By.cssSelector("span.highlighted")).stream()
                .anyMatch(e -> e.getText().equals("xyzzy")));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void searchBoxSubmitsToTheSearchPage() throws Exception {
        driver.get(browser.url("getting-started.html"));
        WebElement box = driver.findElement(By.cssSelector(".searchbox input[name=q]"));
        box.sendKeys("greeting\n");
        waitFor("search page", () -> driver.getCurrentUrl().contains("search.html?q=greeting"));
        waitFor("results", () -> !driver.findElements(By.cssSelector("#search-results li a"))
                .isEmpty());
        assertTrue(driver.findElement(By.cssSelector("#search-results li a"))
                .getAttribute("href")
                .contains("getting-started.html"));
    }

    @Test
    void darkVariantSwitches() throws IOException {
        driver.get(browser.url("protocol.html"));
        driver.findElement(By.cssSelector(".theme-toggle")).click();
        Object theme = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.getAttribute('data-theme')");
        assertTrue("dark".equals(theme) || "light".equals(theme), String.valueOf(theme));
        if (!"dark".equals(theme)) {
            driver.findElement(By.cssSelector(".theme-toggle")).click();
        }
        String bg = (String)
                ((JavascriptExecutor) driver).executeScript("return getComputedStyle(document.body).backgroundColor");
        assertEquals("rgb(15, 20, 25)", bg);
        screenshot("sample-dark.png");
        assertEquals(List.of(), browser.consoleErrors());
    }
}
