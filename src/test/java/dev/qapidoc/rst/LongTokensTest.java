package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.RstNode.Type;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Very long names and words (issue 13 item 5): each construct whose recognition once recursed per
 * character in the regular expression engine is read at the size that overflowed the stack and at
 * ten times that, and still means what it means at ordinary length.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LongTokensTest {

    private static RstReader.Result read(String text) {
        return new RstReader(new RstReader.Options(null, false, "default", false, (p, f) -> Optional.empty()))
                .read(ContentLine.of("p.rst", text));
    }

    private static String name(int n) {
        // names with the punctuation simple names allow, so each character is its own step
        StringBuilder sb = new StringBuilder("a");
        while (sb.length() < n) {
            sb.append(sb.length() % 3 == 0 ? "-b" : "c");
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {1_500, 15_000})
    void fieldName(int n) {
        String name = name(n);
        RstNode doc = read(":" + name + ": value\n").document();
        RstNode field = doc.findAll(Type.FIELD_NAME).get(0);
        assertEquals(name, field.astext());
        // escaped colons and inner colons stay in the name
        String inner = "x\\:y:z".repeat(n / 6);
        RstNode doc2 = read(":" + inner + ": value\n").document();
        assertEquals(
                InlineParser.unescape(inner),
                doc2.findAll(Type.FIELD_NAME).get(0).astext());
    }

    @ParameterizedTest
    @ValueSource(ints = {1_500, 15_000})
    void targetName(int n) {
        String name = name(n);
        RstNode t = read(".. _" + name + ": https://example.org/\n")
                .document()
                .findAll(Type.TARGET)
                .get(0);
        assertEquals(List.of(Ids.normalizeName(name)), t.names());
        assertEquals("https://example.org/", t.attr("refuri"));
        RstNode q = read(".. _`" + "a:b ".repeat(n / 4) + "x`: https://example.org/\n")
                .document()
                .findAll(Type.TARGET)
                .get(0);
        assertEquals(List.of(Ids.normalizeName("a:b ".repeat(n / 4) + "x")), q.names());
    }

    @ParameterizedTest
    @ValueSource(ints = {3_000, 30_000})
    void directiveName(int n) {
        String name = name(n);
        RstReader.Result r = read(".. " + name + ":: arg\n");
        RstNode d = r.document().findAll(Type.DIRECTIVE).get(0);
        assertEquals(name, d.directive().name());
        assertEquals("arg", d.directive().arguments());
    }

    @ParameterizedTest
    @ValueSource(ints = {30_000, 300_000})
    void rolePrefixAndSuffix(int n) {
        String name = name(n);
        RstNode x = read("see :" + name + ":`text` here\n")
                .document()
                .findAll(Type.PENDING_XREF)
                .get(0);
        assertEquals(name, x.attr("role"));
        assertEquals("text", x.attr("text"));
        RstNode y = read("see `text`:" + name + ": here\n")
                .document()
                .findAll(Type.PENDING_XREF)
                .get(0);
        assertEquals(name, y.attr("role"));
    }

    @ParameterizedTest
    @ValueSource(ints = {5_000, 50_000})
    void simpleReference(int n) {
        String name = name(n);
        RstNode ref = read("see " + name + "_ here\n")
                .document()
                .findAll(Type.REFERENCE)
                .get(0);
        assertEquals(Ids.normalizeName(name), ref.attr("refname"));
        RstNode anon = read("see " + name + "__ here\n")
                .document()
                .findAll(Type.REFERENCE)
                .get(0);
        assertEquals("true", anon.attr("anonymous"));
        // a word with an inner underscore that does not end in one is text
        assertTrue(read("see " + name + "_x here\n")
                .document()
                .findAll(Type.REFERENCE)
                .isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {10_000, 100_000})
    void emailAddresses(int n) {
        for (String address : List.of(
                "a".repeat(n) + "@example.org",
                "a@" + "b".repeat(n) + ".org",
                "a@" + "b.".repeat(n / 2) + "org",
                "a@" + "b-c.".repeat(n / 4) + "org")) {
            RstNode ref = read("mail " + address + " now\n")
                    .document()
                    .findAll(Type.REFERENCE)
                    .get(0);
            assertEquals("mailto:" + address, ref.attr("refuri"));
        }
        // the top-level label must be letters: the address ends before a label that is not
        RstNode ref = read("mail a@" + "b.".repeat(n / 2) + "org.x1 now\n")
                .document()
                .findAll(Type.REFERENCE)
                .get(0);
        assertEquals("mailto:a@" + "b.".repeat(n / 2) + "org", ref.attr("refuri"));
        // and a letter or digit straight after the address spoils it
        assertTrue(read("mail a@" + "b.".repeat(n / 2) + "org1 now\n")
                .document()
                .findAll(Type.REFERENCE)
                .isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {5_000, 50_000})
    void footnoteAndCitationLabels(int n) {
        String name = name(n);
        RstNode doc =
                read("see [" + name + "]_ here\n\n.. [" + name + "] the work\n").document();
        assertEquals(1, doc.findAll(Type.CITATION_REFERENCE).size());
        assertEquals(1, doc.findAll(Type.CITATION).size());
        RstNode doc2 = read("see [#" + name + "]_ here\n\n.. [#" + name + "] the note\n")
                .document();
        assertEquals(1, doc2.findAll(Type.FOOTNOTE).size());
    }

    @ParameterizedTest
    @ValueSource(ints = {5_000, 50_000})
    void wideSimpleTablesAndOptionLists(int n) {
        String border = "= ".repeat(n / 2) + "=";
        RstNode doc =
                read(border + "\n" + "x ".repeat(n / 2) + "x\n" + border + "\n").document();
        assertEquals(n / 2 + 1, doc.findAll(Type.ENTRY).size());
        String options = "-a, " + "--bb=c, ".repeat(n / 8) + "-d  the description\n";
        RstNode doc2 = read(options).document();
        assertEquals(n / 8 + 2, doc2.findAll(Type.OPTION).size());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void longRunsInEmbeddedTargetsAndExplanationsAreLinear() {
        // each was a pattern retried at every position of a long run: quadratic
        String spaces = " ".repeat(200_000);
        RstNode ref = read("see `a" + spaces + "b <https://example.org/>`_ here\n")
                .document()
                .findAll(Type.REFERENCE)
                .get(0);
        assertEquals("https://example.org/", ref.attr("refuri"));
        assertEquals("a" + spaces + "b", ref.astext());
        RstNode plain = read("see `a" + spaces + "b`_ here\n")
                .document()
                .findAll(Type.REFERENCE)
                .get(0);
        assertEquals(Ids.normalizeName("a b"), plain.attr("refname"));
        RstNode entry = read(".. toctree::\n\n   Title" + spaces + "<page>\n   a" + spaces + "b\n")
                .document()
                .findAll(Type.TOCTREE_ENTRY)
                .get(0);
        assertEquals("Title", entry.attr("title"));
        assertEquals("page", entry.attr("docname"));
        RstNode abbr = read(":abbr:`LIFO " + "(".repeat(200_000) + "x`\n")
                .document()
                .findAll(Type.INLINE)
                .get(0);
        assertEquals(null, abbr.attr("title"));
        RstNode abbr2 = read(":abbr:`LIFO (last-in, (first-out))`\n")
                .document()
                .findAll(Type.INLINE)
                .get(0);
        assertEquals("last-in, (first-out)", abbr2.attr("title"));
        assertEquals("LIFO", abbr2.astext());
    }

    @Test
    void manyDotsInAFieldOrTargetStillEnd() {
        // the names end at the first colon followed by a space, not a later one
        RstNode f = read(":a:b: c: d\n").document().findAll(Type.FIELD_NAME).get(0);
        assertEquals("a:b", f.astext());
        RstNode t = read(".. _a: b: c\n").document().findAll(Type.TARGET).get(0);
        assertEquals(List.of("a"), t.names());
    }
}
