package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Headless Chromium on a page {@code qapidoc serve --schema} serves: after a doc comment of the
 * schema is edited, the open page shows the new text by itself (the reload script, not the
 * test, loads it again). Skipped without chromium/chromedriver.
 */
@Timeout(240)
class ServeBrowserTest {

    /** Waits (a minute at most) for the open page's text to contain {@code text}. */
    private static void awaitText(ChromeDriver driver, String text) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String body = "";
        while (System.nanoTime() < end) {
            try {
                body = driver.findElement(By.tagName("body")).getText();
            } catch (org.openqa.selenium.WebDriverException e) {
                // the page is reloading
                body = "";
            }
            if (body.contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the page never showed '" + text + "'; it shows:\n" + body);
    }

    @Test
    void anEditedDocCommentShowsInTheOpenPage(@TempDir Path tmp) throws Exception {
        assumeTrue(HeadlessChromium.installed(), "chromium and chromedriver are not installed; skipping");
        Path schema = tmp.resolve("s.json");
        ServeCommandTest.write(schema, ServeCommandTest.schema("A thing."));
        try (InProcessServer s = InProcessServer.start("-q", "--schema", schema.toString(), "--namespace", "T");
                HeadlessChromium browser = HeadlessChromium.start(tmp, Duration.ofSeconds(60))) {
            ChromeDriver driver = browser.driver();
            driver.get(s.url());
            assertTrue(driver.findElement(By.tagName("body")).getText().contains("A thing."));
            ServeCommandTest.write(schema, ServeCommandTest.schema("A thing the browser sees change."));
            awaitText(driver, "the browser sees change");
            // a schema error shows as the error page, and the next good edit brings the manual back
            ServeCommandTest.write(schema, ServeCommandTest.schema("A thing.") + "{ 'command': \n");
            awaitText(driver, "Build failed");
            ServeCommandTest.write(schema, ServeCommandTest.schema("A thing, back again."));
            awaitText(driver, "A thing, back again.");
        }
    }
}
