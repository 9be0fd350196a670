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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Drives headless Chromium over the versioned site of {@code html --history} from {@code
 * file://} (issue 16's acceptance): the version switcher opens another release's manual at the
 * same anchor, and an entity's "removed in" link opens the last release manual that had it,
 * scrolled to the entity. The repository is {@link VersionedSiteTest#makeRepo}'s three releases
 * ({@code old-cmd} deprecated in 2.0.0, removed in 3.0.0). Every page must load its shared
 * assets (one {@code _static/} above the manuals) without console errors. Skipped without
 * Debian's {@code chromium} / {@code chromium-driver}.
 */
@Timeout(180)
class VersionedSiteBrowserTest {
    private static final String ANCHOR = "command-QMP-qapi-schema.old-cmd";

    private static Path tmp;
    private static Path site;
    private static HeadlessChromium browser;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                HeadlessChromium.installed(),
                "chromium and chromedriver are not installed (apt-get install chromium chromium-driver); skipping");
        tmp = Files.createTempDirectory("qapidoc-versioned-browser");
        Path repo = tmp.resolve("repo");
        VersionedSiteTest.makeRepo(repo);
        site = tmp.resolve("site");
        Main.Result r = Main.capture(
                "html", "--history", "--git", repo.toString(), "-o", site.toString(), "qapi/qapi-schema.json");
        assertEquals(0, r.exitCode(), r.stderr());
        browser = HeadlessChromium.start(site, Duration.ofSeconds(30));
        driver = browser.driver();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (tmp != null) {
            dev.qapidoc.compat.GitRepo.delete(tmp);
        }
    }

    private static void waitFor(String what, BooleanSupplier cond) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (cond.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + " (at " + driver.getCurrentUrl() + ")");
    }

    /** The switcher's options' texts, once the script has added it to the page. */
    private static List<String> options() throws InterruptedException {
        waitFor("the version switcher", () -> !driver.findElements(By.cssSelector("select.version-switcher"))
                .isEmpty());
        return driver.findElements(By.cssSelector("select.version-switcher option")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The option the switcher shows selected. */
    private static String selected() throws InterruptedException {
        options();
        return (String) driver.executeScript(
                "var s = document.querySelector('select.version-switcher'); return s.options[s.selectedIndex].text");
    }

    /** Chooses {@code release} in the switcher as a reader would: the select's value, then its change event. */
    private static void choose(String release) throws InterruptedException {
        options();
        driver.executeScript(
                "var s = document.querySelector('select.version-switcher');"
                        + "for (var i = 0; i < s.options.length; i++) { if (s.options[i].text === arguments[0]) s.selectedIndex = i; }"
                        + "s.dispatchEvent(new Event('change'));",
                release);
    }

    /** The page's folder: the release whose manual is open. */
    private static String release() {
        String[] parts = driver.getCurrentUrl().replaceAll("#.*", "").split("/");
        return parts[parts.length - 2];
    }

    @Test
    void switcherOpensTheOtherReleaseAtTheSameAnchor() throws Exception {
        browser.consoleErrors();
        driver.get(browser.url("2.0.0/index.html") + "#" + ANCHOR);
        assertEquals(List.of("1.0.0", "2.0.0", "3.0.0"), options());
        assertEquals("2.0.0", selected());
        // the shared stylesheet applies: the top bar is sticky, as qapidoc.css makes it
        assertEquals("sticky", browser.js("return getComputedStyle(document.querySelector('header.topbar')).position"));

        choose("1.0.0");
        waitFor("the 1.0.0 manual", () -> release().equals("1.0.0"));
        assertTrue(driver.getCurrentUrl().endsWith("/1.0.0/index.html#" + ANCHOR), driver.getCurrentUrl());
        assertEquals("1.0.0", selected());
        assertTrue(driver.getTitle().contains("1.0.0"), driver.getTitle());

        // from a changes page too: the switcher opens that release's manual
        driver.get(browser.url("3.0.0/changes.html"));
        choose("2.0.0");
        waitFor("the 2.0.0 manual", () -> release().equals("2.0.0"));
        assertTrue(driver.getCurrentUrl().endsWith("/2.0.0/index.html"), driver.getCurrentUrl());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void removedInLinkOpensTheLastManualThatHadIt() throws Exception {
        browser.consoleErrors();
        driver.get(browser.url("1.0.0/index.html"));
        WebElement link = driver.findElement(By.xpath("//p[contains(., 'removed in 3.0.0')]//a[.='2.0.0']"));
        driver.executeScript("arguments[0].scrollIntoView()", link);
        link.click();
        waitFor("the 2.0.0 manual", () -> release().equals("2.0.0"));
        assertTrue(driver.getCurrentUrl().endsWith("/2.0.0/index.html#" + ANCHOR), driver.getCurrentUrl());
        // the entity is there, and the page is scrolled to it
        WebElement target = driver.findElement(By.id(ANCHOR));
        assertTrue(target.getText().contains("old-cmd"), target.getText());
        Number top = (Number) driver.executeScript("return arguments[0].getBoundingClientRect().top", target);
        Number height = (Number) browser.js("return window.innerHeight");
        assertTrue(
                top.doubleValue() >= 0 && top.doubleValue() < height.doubleValue(), "old-cmd is in view: top " + top);
        String body = driver.findElement(By.xpath("//*[@id='" + ANCHOR + "']/following-sibling::dd[1]"))
                .getText();
        assertTrue(body.contains("deprecated in 2.0.0 · removed in 3.0.0"), body);

        // and the page of everything removed links there as well
        driver.get(browser.url("3.0.0/removed.html"));
        driver.findElement(By.xpath("//a[contains(@href, '" + ANCHOR + "')]")).click();
        waitFor("the 2.0.0 manual", () -> release().equals("2.0.0"));
        assertTrue(driver.getCurrentUrl().endsWith("#" + ANCHOR), driver.getCurrentUrl());
        assertEquals(List.of(), browser.consoleErrors());
    }
}
