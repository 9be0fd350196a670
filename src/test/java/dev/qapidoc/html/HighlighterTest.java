package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The QMP lexer and HTML formatting of qapi-domain-and-html.md §7, against real Sphinx output. */
class HighlighterTest {

    private static String qmp(String code) {
        Highlighter.Result r = Highlighter.highlight("QMP", code);
        assertFalse(r.failed(), "unexpected lexing failure for " + code);
        return r.html();
    }

    @Test
    void promptAndJson() {
        // spec §7.5, seed line 145
        assertEquals(
                "<span class=\"gp\">-&gt; </span><span class=\"p\">{</span><span class=\"w\"> </span>"
                        + "<span class=\"p\">[</span><span class=\"w\"> </span><span class=\"s2\">&quot;bidirectional QMP "
                        + "example&quot;</span><span class=\"w\"> </span><span class=\"p\">]</span><span class=\"w\"> </span>"
                        + "<span class=\"p\">}</span>\n",
                qmp("-> { [ \"bidirectional QMP example\" ] }"));
    }

    @Test
    void ellipsisCommentRunsToTheLastEllipsisOfTheLine() {
        assertEquals(
                "<span class=\"gp\">-&gt; </span><span class=\"cm\">... text sent by client (commands) ...</span>\n",
                qmp("-> ... text sent by client (commands) ..."));
    }

    @Test
    void ellipsisInsideAStringSplitsTheString() {
        assertEquals(
                "<span class=\"s2\">&quot;2lvmGwo+</span><span class=\"cm\">...</span>"
                        + "<span class=\"s2\">61iEinw==&quot;</span>\n",
                qmp("\"2lvmGwo+...61iEinw==\""));
    }

    @Test
    void keyAndColonOnDifferentLinesIsStillAKey() {
        String html = qmp("{ \"a\"\n  : 1 }");
        assertTrue(html.contains("<span class=\"nt\">&quot;a&quot;</span>"), html);
        assertTrue(html.contains("<span class=\"mi\">1</span>"), html);
    }

    @Test
    void numbersAndConstants() {
        String html = qmp("[1.5e3, -2, true, null, trustful]");
        assertTrue(html.contains("<span class=\"mf\">1.5e3</span>"), html);
        assertTrue(html.contains("<span class=\"mi\">-2</span>"), html);
        assertTrue(html.contains("<span class=\"kc\">trustful</span>"), html);
    }

    @Test
    void lexErrorFallsBackToPlainTextAndReportsFailure() {
        Highlighter.Result r = Highlighter.highlight("QMP", "-> { execute: x }");
        assertTrue(r.failed());
        assertEquals("-&gt; { execute: x }\n", r.html());
        Highlighter.Result d = Highlighter.highlight("default", "x = 'unterminated");
        assertFalse(d.failed(), "default falls back silently");
    }

    @Test
    void spansNeverCrossNewlines() {
        String html = qmp("{\n  \"a\": 1\n}");
        for (String line : html.split("\n")) {
            assertEquals(count(line, "<span"), count(line, "</span>"), line);
        }
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * Every code block of the golden QMP manual: its text, highlighted by us, must give Sphinx's
     * markup byte for byte (spec §10.2 C7).
     */
    @Test
    void goldenCodeBlocksMatchSphinx() throws IOException {
        Path golden = Path.of("../shared/golden/sphinx-qmp/qemu-qmp-ref.html");
        assumeTrue(Files.isRegularFile(golden), "../shared/golden is absent; skipping the golden comparison");
        String html = Files.readString(golden);
        Matcher m = Pattern.compile(
                        "<div class=\"highlight-(\\w+) notranslate\"><div class=\"highlight\"><pre>"
                                + "<span></span>(.*?)</pre></div>",
                        Pattern.DOTALL)
                .matcher(html);
        int n = 0;
        List<String> failures = new ArrayList<>();
        while (m.find()) {
            n++;
            String expected = m.group(2);
            String text = expected.replaceAll("<[^>]+>", "")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&");
            String code = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            String got = Highlighter.highlight(m.group(1), code).html();
            if (!got.equals(expected)) {
                failures.add("block " + n + " (" + m.group(1) + "):\nexpected: " + expected + "\n     got: " + got);
            }
        }
        assertEquals(256, n, "golden block count");
        assertTrue(
                failures.isEmpty(),
                failures.size() + " of " + n + " blocks differ; first:\n"
                        + (failures.isEmpty() ? "" : failures.get(0)));
    }
}
