package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Ids has a one-pass path for ASCII text; these check it against the rules of
 * qapi-domain-and-html.md §3.1 step 2 / §3.2 written out as regexes, on hand-picked and random
 * ASCII strings (whitespace, control characters, punctuation, leading digits and dots).
 */
class IdsTest {

    private static String sphinxByRule(String text) {
        String s = String.join(" ", text.strip().split("\\s+"));
        s = s.replaceAll("[^A-Za-z0-9._]+", "-");
        return s.replaceAll("^[-0-9._]+|-+$", "");
    }

    private static String docutilsByRule(String text) {
        String s = String.join(" ", text.toLowerCase(Locale.ROOT).strip().split("\\s+"));
        s = s.replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^[-0-9]+|-+$", "");
    }

    @Test
    void knownIds() {
        assertEquals("qapi-cmd-QMP-block-commit", Ids.sphinx("qapi-cmd-QMP:block-commit"));
        assertEquals("command-QMP.query_status", Ids.sphinx("command-QMP.query_status"));
        assertEquals("a-b", Ids.sphinx("  ._1-a \t b--  "));
        assertEquals("", Ids.sphinx("-._09 "));
        assertEquals("block-device-options", Ids.docutils("Block device_options"));
        assertEquals("x", Ids.docutils("1. x!"));
        assertEquals("", Ids.docutils("\u0001 2 "));
    }

    @Test
    void asciiPathMatchesTheRules() {
        Random r = new Random(42);
        String alphabet = "aZ09._-: \t\n\u0001\u001c\u007f!~";
        for (int n = 0; n < 20000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(12);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertEquals(sphinxByRule(s), Ids.sphinx(s), () -> "sphinx of '" + s + "'");
            assertEquals(docutilsByRule(s), Ids.docutils(s), () -> "docutils of '" + s + "'");
        }
    }

    @Test
    void nonAsciiStillFolds() {
        assertEquals("Strasze-o", Ids.sphinx("Straße ø"));
        assertEquals("cafe", Ids.docutils("Café"));
    }
}
