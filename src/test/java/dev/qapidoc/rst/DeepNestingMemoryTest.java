package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Memory of deep nesting (issue 13 item 8): a list nested 4,000 deep (16 MB of input) took 1.4 GB,
 * because each level copied the indented rest of the input. Read here in a JVM limited to a heap
 * ten times the input: nested bodies are views of the same lines ({@link IndentedLines}), and
 * nesting past {@link RstReader#MAX_DEPTH} is reported once.
 */
class DeepNestingMemoryTest {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aListNested4000DeepReadsInASmallHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(
                        java,
                        "-Xmx160m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        DeepNestingCheck.class.getName(),
                        "4000"))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        // items down to the limit, then the rest reported once and skipped
        assertEquals("items=" + (RstReader.MAX_DEPTH + 1) + " limits=1", out.strip(), out);
    }

    @Test
    void viewsCutLikeCopies() {
        List<ContentLine> lines = ContentLine.of("v.rst", "- a  \n    b  \n\n      c\n   \n");
        List<ContentLine> item = Lines.firstKnownIndented(lines, 0, lines.size(), 2);
        assertEquals(
                List.of("a  ", "b", "", "  c"),
                item.stream().map(ContentLine::text).toList());
        List<ContentLine> deeper = Lines.dedent(item.subList(1, item.size()));
        assertEquals(
                List.of("b", "", "  c"), deeper.stream().map(ContentLine::text).toList());
        assertEquals(2, Lines.indentAt(deeper, 2));
        assertEquals(true, Lines.blankAt(deeper, 1));
        assertEquals(4, deeper.get(2).where().line());
    }
}
