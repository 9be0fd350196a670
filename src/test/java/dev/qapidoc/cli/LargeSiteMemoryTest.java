package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 8: a site far larger than its input (1,200 pages in one toctree: every sidebar
 * lists all of them) builds in a JVM whose heap is less than half the size of the site it
 * writes, because pages go to disk as they are finished. Holding the site until the end, as
 * build did, runs out of memory here.
 */
class LargeSiteMemoryTest {
    private static final int PAGES = 1200;
    private static final long HEAP_MB = 64;

    @Test
    @Timeout(600)
    void pagesAreWrittenAsTheyAreFinished(@TempDir Path tmp) throws IOException, InterruptedException {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        StringBuilder index = new StringBuilder("Root\n====\n\n.. toctree::\n\n");
        for (int i = 0; i < PAGES; i++) {
            String name = String.format("p%04d", i);
            index.append("   ").append(name).append('\n');
            String title = "Page number " + i;
            Files.writeString(
                    src.resolve(name + ".rst"),
                    title + "\n" + "=".repeat(title.length()) + "\n\nSome text for page " + i + ".\n",
                    StandardCharsets.UTF_8);
        }
        Files.writeString(src.resolve("index.rst"), index, StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        java.toString(),
                        "-Xmx" + HEAP_MB + "m",
                        "-XX:+UseSerialGC",
                        "-Xshare:off",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.qapidoc.cli.Main",
                        "build",
                        "-q",
                        src.toString(),
                        out.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log").toFile())
                .start();
        int rc = p.waitFor();
        String log = Files.readString(tmp.resolve("log"), StandardCharsets.UTF_8);
        assertEquals(0, rc, log.length() > 4000 ? log.substring(log.length() - 4000) : log);
        long total = 0;
        List<Path> pages;
        try (Stream<Path> w = Files.walk(out)) {
            pages = w.filter(Files::isRegularFile).toList();
        }
        for (Path f : pages) {
            total += Files.size(f);
        }
        assertTrue(pages.size() > PAGES, "pages written: " + pages.size());
        assertTrue(
                total > 2 * HEAP_MB * 1024 * 1024,
                "the site (" + total + " bytes) must be larger than twice the heap for this test to mean anything");
        String last = Files.readString(out.resolve(String.format("p%04d.html", PAGES - 1)), StandardCharsets.UTF_8);
        assertTrue(last.contains("Some text for page " + (PAGES - 1) + "."), "the last page is complete");
    }
}
