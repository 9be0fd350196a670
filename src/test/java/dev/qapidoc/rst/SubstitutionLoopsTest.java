package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.RstNode.Type;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Substitutions that use substitutions (issue 13 item 11): nested ones reach the page, and a
 * definition that uses itself, directly or around a loop, is reported as docutils reports it
 * instead of rendering as nothing.
 */
class SubstitutionLoopsTest {

    private static RstReader.Result read(String text) {
        return new RstReader(new RstReader.Options(null, false, "default", false, (p, f) -> Optional.empty()))
                .read(ContentLine.of("p.rst", text));
    }

    private static List<String> messages(RstReader.Result r) {
        return r.messages().stream()
                .map(m -> m.level() + " " + m.where().line() + " " + m.message())
                .toList();
    }

    private static String paragraph(RstReader.Result r, int index) {
        return r.document().findAll(Type.PARAGRAPH).get(index).astext();
    }

    @Test
    void nestedSubstitutionsAreReplacedWhicheverComesFirst() {
        String defs = ".. |a| replace:: x |b| y\n.. |b| replace:: *z* |c|\n.. |c| replace:: w\n";
        for (String text : List.of("Use |a|.\n\n" + defs, defs + "\nUse |a|.\n")) {
            RstReader.Result r = read(text);
            assertEquals(List.of(), messages(r), text);
            assertEquals("Use x z w y.", paragraph(r, 0), text);
            RstNode p = r.document().findAll(Type.PARAGRAPH).get(0);
            assertEquals(1, p.findAll(Type.EMPHASIS).size());
            assertTrue(p.findAll(Type.SUBSTITUTION_REFERENCE).isEmpty());
        }
    }

    @Test
    void aSelfReferenceIsReportedAtTheDefinitionAndEachUse() {
        RstReader.Result r = read(".. |sub| replace:: |sub|\n\nUse |sub| and |Sub|.\n");
        assertEquals(
                List.of(
                        "ERROR 1 Circular substitution definition detected:\n\n.. |sub| replace:: |sub|",
                        "ERROR 3 Circular substitution definition referenced: \"sub\".",
                        "ERROR 3 Circular substitution definition referenced: \"Sub\"."),
                messages(r));
        assertEquals("Use |sub| and |Sub|.", paragraph(r, 0));
        assertTrue(r.document().findAll(Type.SUBSTITUTION_DEFINITION).isEmpty());
    }

    @Test
    void everyDefinitionOnALoopIsReported() {
        // docutils' own example of an indirect loop
        RstReader.Result r = read(".. |indirect1| replace:: |indirect2|\n"
                + ".. |indirect2| replace:: |Sub|\n"
                + ".. |sub| replace:: |indirect1|\n"
                + ".. |fine| replace:: ok\n"
                + ".. |user| replace:: a |sub| b\n\n"
                + "Use |sub| and |indirect1|, |fine| and |user|.\n");
        assertEquals(
                List.of(
                        "ERROR 1 Circular substitution definition detected:\n\n.. |indirect1| replace:: |indirect2|",
                        "ERROR 2 Circular substitution definition detected:\n\n.. |indirect2| replace:: |Sub|",
                        "ERROR 3 Circular substitution definition detected:\n\n.. |sub| replace:: |indirect1|",
                        "ERROR 7 Circular substitution definition referenced: \"sub\".",
                        "ERROR 7 Circular substitution definition referenced: \"indirect1\".",
                        "ERROR 7 Circular substitution definition referenced: \"sub\"."),
                messages(r));
        assertEquals("Use |sub| and |indirect1|, ok and a |sub| b.", paragraph(r, 0));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void longChainsAndLongLoopsNeitherRecurseNorStall() {
        int n = 5_000;
        StringBuilder chain = new StringBuilder("Use |d0|.\n\n");
        StringBuilder loop = new StringBuilder("Use |d0|.\n\n");
        for (int i = 0; i < n; i++) {
            chain.append(".. |d").append(i).append("| replace:: ");
            chain.append(i + 1 < n ? "|d" + (i + 1) + "|" : "end").append('\n');
            loop.append(".. |d")
                    .append(i)
                    .append("| replace:: |d")
                    .append((i + 1) % n)
                    .append("|\n");
        }
        RstReader.Result c = read(chain.toString());
        assertEquals(List.of(), messages(c));
        assertEquals("Use end.", paragraph(c, 0));
        RstReader.Result l = read(loop.toString());
        assertEquals(n + 1, l.messages().size());
        assertEquals("Use |d0|.", paragraph(l, 0));
    }

    @Test
    void undefinedNamesInADefinitionAreReportedOnce() {
        RstReader.Result r = read(".. |a| replace:: x |nope| y\n\nUse |a| and |a|.\n");
        assertEquals(List.of("ERROR 1 Undefined substitution referenced: \"nope\"."), messages(r));
        assertEquals("Use x nope y and x nope y.", paragraph(r, 0));
    }
}
