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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Headless Chromium over the QMP manual written by {@code qapidoc html} (issue #5 acceptance):
 * the page loads without console errors, a command's type link lands on the type, and searching
 * for {@code blockdev-backup} lists the command first. On a phone (issue #15): an anchor lands
 * below the bar at 400 px, nothing scrolls sideways at 360 px, the menu opens where the reader
 * is; "On this page" marks the object in view. Skipped without chromium/chromedriver or without
 * {@code ../shared}.
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

    @AfterEach
    void wideAgain() {
        if (browser != null) {
            browser.resetViewport();
        }
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

    private static double num(String script) {
        return ((Number) browser.js(script)).doubleValue();
    }

    /** The bar and the target below it: the title wraps at 400 px unless the bar prevents it. */
    @Test
    void anchorLandsBelowTheBarOnAPhone() throws Exception {
        browser.viewport(400, 800);
        driver.get(browser.url("index.html") + "#command-QMP-block-core.blockdev-backup");
        Thread.sleep(300);
        double bar = num("return document.querySelector('.topbar').getBoundingClientRect().bottom");
        double top = num("return document.getElementById('command-QMP-block-core.blockdev-backup')"
                + ".getBoundingClientRect().top");
        browser.screenshot(Path.of("target/screenshots/qmp-anchor-400.png"));
        assertTrue(bar > 0 && bar < 80, "bar height " + bar);
        assertTrue(top >= bar, "target top " + top + " is under the bar (bottom " + bar + ")");
        assertTrue(top < bar + 60, "target top " + top + " far below the bar " + bar);
        // the same after the window grows and the link is followed again
        browser.resetViewport();
        driver.get(browser.url("index.html") + "?again#command-QMP-block-core.blockdev-backup");
        Thread.sleep(300);
        bar = num("return document.querySelector('.topbar').getBoundingClientRect().bottom");
        top = num("return document.getElementById('command-QMP-block-core.blockdev-backup')"
                + ".getBoundingClientRect().top");
        assertTrue(top >= bar && top < bar + 60, "wide: target top " + top + ", bar " + bar);
    }

    @Test
    void nothingScrollsSidewaysAt360() throws IOException {
        browser.viewport(360, 800);
        for (String page : List.of("index.html", "genindex.html", "qapi-qmp-index.html", "search.html?q=node-name")) {
            driver.get(browser.url(page));
            double width = num("return document.documentElement.scrollWidth");
            assertTrue(width <= 360, page + " is " + width + " px wide at 360 px");
        }
        driver.get(browser.url("index.html") + "#object-QMP-sockets.InetSocketAddress");
        browser.screenshot(Path.of("target/screenshots/qmp-fields-360.png"));
    }

    @Test
    void menuOpensWhereTheReaderIs() throws Exception {
        browser.viewport(360, 800);
        driver.get(browser.url("index.html") + "#command-QMP-block-core.blockdev-backup");
        double scrolled = num("return window.scrollY");
        assertTrue(scrolled > 10_000, "mid-page, scrollY " + scrolled);
        assertEquals(false, browser.js("return document.getElementById('sidebar').getBoundingClientRect().height > 0"));
        driver.findElement(By.cssSelector(".nav-toggle")).click();
        double top = num("return document.getElementById('sidebar').getBoundingClientRect().top");
        double bottom = num("return document.getElementById('sidebar').getBoundingClientRect().bottom");
        assertTrue(top >= 0 && top < 100 && bottom > 700, "menu at " + top + ".." + bottom);
        // what is drawn in the middle of the screen's left half is the menu, and its link to the
        // section being read is marked and in view
        assertEquals(
                true, browser.js("var e=document.elementFromPoint(100, 400); return !!e && !!e.closest('#sidebar')"));
        Object here = browser.js("var a=document.querySelector('#sidebar a.here');"
                + " if(!a) return null; var r=a.getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= innerHeight ? a.textContent : 'out of view'");
        assertEquals("blockdev-backup", here);
        assertEquals(scrolled, num("return window.scrollY"), "opening the menu does not scroll the page");
        browser.screenshot(Path.of("target/screenshots/qmp-menu-360.png"));
        driver.findElement(By.cssSelector(".nav-toggle")).click();
        assertEquals(false, browser.js("return document.getElementById('sidebar').getBoundingClientRect().height > 0"));
    }

    /**
     * The landing page lists its sections once beside the text (the sidebar leaves them to "On
     * this page" when that column is shown), long names wrap rather than being cut, "Index ·
     * Search" stays on one line and the search button is styled.
     */
    @Test
    void navigationColumnsAreReadable() throws IOException {
        driver.get(browser.url("index.html"));
        String visibleInSidebar = "return Array.from(document.querySelectorAll('#sidebar a'))"
                + ".filter(function(a){return a.getClientRects().length>0 && a.textContent==='Introduction'}).length";
        assertEquals(0L, browser.js(visibleInSidebar), "sidebar repeats On this page");
        assertEquals(
                1L,
                browser.js("return Array.from(document.querySelectorAll('.localtoc a'))"
                        + ".filter(function(a){return a.textContent==='Introduction'}).length"));
        // no entry of "On this page" is cut off: each shows all of its text
        assertEquals(
                0L,
                browser.js("return Array.from(document.querySelectorAll('.localtoc a'))"
                        + ".filter(function(a){return a.scrollWidth > a.clientWidth + 1}).length"));
        double links = num("return document.querySelector('.sidebar-links').getBoundingClientRect().height");
        double line = num("return parseFloat(getComputedStyle(document.querySelector('.sidebar-links')).lineHeight)");
        assertTrue(links < 2 * line, "Index · Search on one line: " + links + " px, line " + line);
        // without the On this page column the sidebar shows the page's sections
        browser.viewport(900, 800);
        driver.get(browser.url("index.html"));
        assertEquals(1L, browser.js(visibleInSidebar), "sidebar without On this page");
        browser.resetViewport();
        driver.get(browser.url("search.html"));
        assertEquals(
                "rgb(11, 92, 173)",
                browser.js("return getComputedStyle(document.querySelector('.search-page-form input[type=submit]'))"
                        + ".backgroundColor"));
    }

    @Test
    void onThisPageFollowsScrolling() throws Exception {
        driver.get(browser.url("index.html") + "#enum-QMP-sockets.NetworkAddressFamily");
        Thread.sleep(300);
        assertEquals(
                "sockets.NetworkAddressFamily",
                browser.js(
                        "var a=document.querySelectorAll('.localtoc a.here'); return a.length==1 ? a[0].textContent : a.length"));
        browser.js("document.getElementById('command-QMP-block-core.blockdev-backup').scrollIntoView()");
        String marked = null;
        for (int i = 0; i < 30 && !"block-core.blockdev-backup".equals(marked); i++) {
            Thread.sleep(100);
            marked = (String)
                    browser.js("var a=document.querySelector('.localtoc a.here'); return a ? a.textContent : null");
        }
        assertEquals("block-core.blockdev-backup", marked);
        browser.screenshot(Path.of("target/screenshots/qmp-localtoc.png"));
        assertEquals(
                "QEMU QMP Reference Manual documentation",
                driver.getTitle(),
                "the landing page's title does not repeat the manual's name");
    }

    private static List<WebElement> searchResults(String q) throws InterruptedException {
        driver.get(browser.url("search.html") + "?q=" + q);
        for (int i = 0;
                i < 100
                        && driver.findElements(By.cssSelector("#search-results li a"))
                                .isEmpty();
                i++) {
            Thread.sleep(100);
        }
        List<WebElement> results = driver.findElements(By.cssSelector("#search-results li"));
        assertTrue(!results.isEmpty(), "no search results for " + q);
        return results;
    }

    /**
     * A member is no page of its own: the results are the objects that have it, each linking to
     * the object's anchor, and the page opened from one marks the word.
     */
    @Test
    void searchForAMemberLinksToTheObjectsThatHaveIt() throws Exception {
        List<WebElement> results = searchResults("node-name");
        assertTrue(results.size() >= 10, "objects with a node-name member: " + results.size());
        for (WebElement li : results.subList(0, 10)) {
            String href = li.findElement(By.tagName("a")).getAttribute("href");
            assertTrue(
                    href.matches(".*/index\\.html\\?highlight=node-name#(command|object|event|struct|union)-QMP-[^#]+"),
                    href);
            assertTrue(li.getText().contains("member node-name"), li.getText());
            // the excerpt is the text around the member, the word marked
            assertEquals(
                    "node-name",
                    li.findElement(By.cssSelector("p.context mark")).getText());
        }
        browser.screenshot(Path.of("target/screenshots/qmp-search-member.png"));
        WebElement link = results.get(0).findElement(By.tagName("a"));
        String anchor =
                link.getAttribute("href").substring(link.getAttribute("href").indexOf('#') + 1);
        link.click();
        for (int i = 0; i < 100 && !driver.getCurrentUrl().endsWith("#" + anchor); i++) {
            Thread.sleep(100);
        }
        assertTrue(driver.getCurrentUrl().endsWith("#" + anchor), driver.getCurrentUrl());
        Object marked = null;
        for (int i = 0; i < 100 && marked == null; i++) {
            marked = browser.js("var h=document.getElementById('" + anchor + "').parentElement"
                    + ".querySelector('span.highlighted'); return h ? h.textContent : null");
            if (marked == null) {
                Thread.sleep(100);
            }
        }
        assertEquals("node-name", marked, "the member is highlighted in the object opened");
        double bar = num("return document.querySelector('.topbar').getBoundingClientRect().bottom");
        double top = num("return document.getElementById('" + anchor + "').getBoundingClientRect().top");
        assertTrue(top >= bar && top < bar + 60, "target at " + top + ", bar " + bar);
        browser.screenshot(Path.of("target/screenshots/qmp-highlight.png"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** A prose word leads to the objects whose text has it, not to the top of the manual. */
    @Test
    void searchForAProseWordLinksToThePlacesHoldingIt() throws Exception {
        List<WebElement> results = searchResults("throttling");
        for (WebElement li : results) {
            String href = li.findElement(By.tagName("a")).getAttribute("href");
            assertTrue(href.contains("#"), "a result without an anchor: " + href);
            assertEquals(
                    "throttling",
                    li.findElement(By.cssSelector("p.context mark")).getText().toLowerCase(java.util.Locale.ROOT),
                    li.getText());
        }
        // an enum value: the enum first, then the 20-odd commands whose Errors: mention it
        List<WebElement> values = searchResults("DeviceNotFound");
        assertTrue(values.size() > 10, "places mentioning DeviceNotFound: " + values.size());
        String first = values.get(0).getText();
        assertTrue(first.startsWith("QapiErrorClass (enum, QMP:error.QapiErrorClass)"), first);
        assertTrue(first.contains("value DeviceNotFound"), first);
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
        String first = results.get(0).getAttribute("href");
        assertTrue(
                first.endsWith("index.html?highlight=blockdev-backup#command-QMP-block-core.blockdev-backup"), first);
        results.get(0).click();
        assertTrue(driver.getCurrentUrl().endsWith("#command-QMP-block-core.blockdev-backup"), driver.getCurrentUrl());
        assertEquals(List.of(), browser.consoleErrors());
    }
}
