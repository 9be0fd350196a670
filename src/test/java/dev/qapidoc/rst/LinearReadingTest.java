package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Time that grew faster than the input (issue 13 item 7): inline markup in one huge paragraph,
 * many includes in one page, and includes of includes, whose expansion itself is exponential and
 * so meets a reported limit.
 */
class LinearReadingTest {

    private static RstReader reader(RstReader.Includer includer) {
        return new RstReader(new RstReader.Options(null, false, "default", false, includer));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void inlineMarkupInOneHugeParagraph() {
        // 97 s before: every node looked its line up by scanning all line starts
        int n = 200_000;
        RstReader.Result r = reader((p, f) -> Optional.empty()).read(ContentLine.of("p.rst", "*a*\n".repeat(n)));
        List<RstNode> em = r.document().findAll(Type.EMPHASIS);
        assertEquals(n, em.size());
        assertEquals(1, em.get(0).location().line());
        assertEquals(n / 2 + 1, em.get(n / 2).location().line());
        assertEquals(n, em.get(n - 1).location().line());
    }

    /** An includer of generated files: {@code leaf.rst} is text, {@code dN.rst} includes d(N+1) ten times. */
    private static RstReader.Includer generated(int depth, int[] reads) {
        return (path, from) -> {
            reads[0]++;
            String text;
            if (path.equals("leaf.rst")) {
                text = "Leaf text.\n";
            } else {
                int d = Integer.parseInt(path.substring(1, path.indexOf('.')));
                String next = d + 1 >= depth ? "leaf.rst" : "d" + (d + 1) + ".rst";
                text = ("Level " + d + ".\n\n.. include:: " + next + "\n\n").repeat(10);
            }
            List<ContentLine> lines = new ArrayList<>();
            for (ContentLine l : ContentLine.of(path, text)) {
                lines.add(new ContentLine(
                        l.text(), new SourceLocation(path, l.where().line(), 0, from)));
            }
            return Optional.of(lines);
        };
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void includesOfIncludesMeetAReportedLimit() {
        // ten includes per file, six deep: a million leaves; past 200 s and 3.9 GB before
        int[] reads = {0};
        RstReader.Result r = reader(generated(6, reads)).read(ContentLine.of("index.rst", ".. include:: d0.rst\n"));
        List<SystemMessage> limit = r.messages().stream()
                .filter(m -> m.message().contains("would exceed " + BlockParser.MAX_SPLICED_LINES + " lines"))
                .toList();
        assertEquals(1, limit.size(), () -> r.messages().toString());
        assertEquals(SystemMessage.Level.SEVERE, limit.get(0).level());
        assertTrue(limit.get(0).message().startsWith("Problems with \"include\" directive:\n"));
        // reported at the include that would have gone past the limit, inside the include chain
        assertTrue(limit.get(0).where().includedFrom() != null);
        // what fits is read, and no more files than that
        int paragraphs = r.document().findAll(Type.PARAGRAPH).size();
        assertTrue(paragraphs > 40_000, "paragraphs " + paragraphs);
        assertTrue(reads[0] < 100_000, "reads " + reads[0]);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void manyIncludesInALongPageAreSplicedWithoutCopyingThePage() {
        int n = 40_000;
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < n; i++) {
            page.append("Para ").append(i).append(".\n\n.. include:: leaf.rst\n\n");
        }
        int[] reads = {0};
        RstReader.Result r = reader(generated(1, reads)).read(ContentLine.of("index.rst", page.toString()));
        assertEquals(n, reads[0]);
        List<RstNode> ps = r.document().findAll(Type.PARAGRAPH);
        assertEquals(2 * n, ps.size());
        assertEquals("Para 1.", ps.get(2).astext());
        assertEquals("Leaf text.", ps.get(2 * n - 1).astext());
        assertEquals("leaf.rst", ps.get(2 * n - 1).location().file());
    }

    @Test
    void anIncludedListRunsOnIntoTheIncludingFile() {
        // splicing keeps docutils' meaning: the included lines are part of the input
        RstReader.Includer inc = (path, from) -> Optional.of(List.of(
                new ContentLine("- a", new SourceLocation(path, 1, 0, from)),
                new ContentLine("", new SourceLocation(path, 2, 0, from))));
        RstReader.Result r = reader(inc).read(ContentLine.of("index.rst", ".. include:: x.rst\n- b\n\n- c\n"));
        assertEquals(
                1, r.document().findAll(Type.BULLET_LIST).size(), r.document().dump());
        assertEquals(3, r.document().findAll(Type.LIST_ITEM).size());
    }
}
