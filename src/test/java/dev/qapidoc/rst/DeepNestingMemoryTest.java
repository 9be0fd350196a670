package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapidoc.source.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** Runs {@link DeepNestingCheck} with {@code args} in a JVM with a 160 MB heap; its output. */
    private static String check(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx160m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                DeepNestingCheck.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.strip();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aListNested4000DeepReadsInASmallHeap() throws IOException, InterruptedException {
        // items down to the limit, then the rest reported once and skipped
        assertEquals("items=" + (RstReader.MAX_DEPTH + 1) + " limits=1", check("4000"));
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void notesNested4000DeepReadInASmallHeap() throws IOException, InterruptedException {
        // 24 MB of input; a directive's content is a view too (1.6 GB before)
        assertEquals("items=" + (RstReader.MAX_DEPTH + 1) + " limits=1", check("4000", "notes"));
    }

    @Test
    void aPendingDirectiveKeepsItsContentAcrossLaterIncludes() {
        RstReader.Includer inc = (path, from) ->
                Optional.of(List.of(new ContentLine("Included " + path + ".", new SourceLocation(path, 1, 0, from))));
        String text = ".. include:: a.rst\n\n.. frobnicate:: arg\n\n   kept line\n   second\n\n"
                + ".. include:: b.rst\n\n.. include:: c.rst\n";
        RstReader.Result r = new RstReader(new RstReader.Options(null, false, "default", false, inc))
                .read(ContentLine.of("p.rst", text));
        RstNode d = r.document().findAll(RstNode.Type.DIRECTIVE).get(0);
        assertEquals(
                List.of("kept line", "second"),
                d.directive().content().stream().map(ContentLine::text).toList());
        assertEquals(5, d.directive().content().get(0).where().line());
        assertEquals(3, r.document().findAll(RstNode.Type.PARAGRAPH).size());
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
