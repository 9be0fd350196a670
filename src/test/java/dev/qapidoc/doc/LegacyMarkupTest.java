package dev.qapidoc.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 2017 markup → reST rewrite of doc-comments-and-rest.md Part 3 §3.6 step 2, rule by rule. */
class LegacyMarkupTest {
    private static List<String> rewrite(boolean headings, String... in) {
        List<Doc.TextLine> lines = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            lines.add(new Doc.TextLine(in[i], SourceLocation.of("t.json", i + 1)));
        }
        List<String> out = new ArrayList<>();
        for (Doc.TextLine l : LegacyMarkup.rewrite(lines, headings)) {
            out.add(l.text());
        }
        return out;
    }

    @Test
    void inlineStrongThenEmphasisThenEscapes() {
        assertEquals("a **b** *c* d\\*e", LegacyMarkup.inline("a *b* _c_ d*e"));
        assertEquals("2 \\* 3 \\* 4", LegacyMarkup.inline("2 * 3 * 4"));
        assertEquals("snake_case_name and @block_resize", LegacyMarkup.inline("snake_case_name and @block_resize"));
        assertEquals("**a_b_c**", LegacyMarkup.inline("*a_b_c*"), "no emphasis inside strong");
        assertEquals("plain", LegacyMarkup.inline("plain"));
        // docutils reads SEEK_\* (and "word_ ") as a reference to an unknown target
        assertEquals("the SEEK\\_\\* values", LegacyMarkup.inline("the SEEK_* values"));
        assertEquals("a trailing\\_ b", LegacyMarkup.inline("a trailing_ b"));
        assertEquals("not_a_ref", LegacyMarkup.inline("not_a_ref"));
        assertEquals(
                "\\`vnc' to modify",
                LegacyMarkup.inline("`vnc' to modify"),
                "a 2017 quote is no reST interpreted text");
    }

    @Test
    void headingLevels() {
        assertEquals(
                List.of(
                        "***",
                        "One",
                        "***",
                        "",
                        "Two",
                        "===",
                        "",
                        "Three",
                        "_____",
                        "",
                        "Four",
                        "^^^^",
                        "",
                        "Five",
                        "\"\"\"\"",
                        ""),
                rewrite(true, "= One", "== Two", "=== Three", "==== Four", "===== Five"));
        assertEquals(List.of("= Not in a definition"), rewrite(false, "= Not in a definition"));
    }

    @Test
    void listsGetBlankLinesAndIndentedContinuations() {
        assertEquals(
                List.of("Text", "", "* first", "  more", "* second", "", "After"),
                rewrite(false, "Text", "* first", "more", "3. second", "", "After"));
        assertEquals(
                List.of("1. a", "2. b", "   c"),
                rewrite(false, "", "7. a", ". b", "c"),
                "renumbered; a leading blank line is dropped");
    }

    @Test
    void pipeRunsBecomeOneLiteralBlock() {
        assertEquals(
                List.of("Code:", "", "::", "", "   $ a", "", "   b", ""), rewrite(false, "Code:", "| $ a", "|", "| b"));
    }
}
