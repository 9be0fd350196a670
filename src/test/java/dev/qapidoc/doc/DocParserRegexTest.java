package dev.qapidoc.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written line matchers of {@link DocParser} agree with QEMU's regular expressions
 * (doc-comments-and-rest.md §1.5, §1.6.2, §1.3.2) on tricky lines, and the sentence pre-filter
 * never rejects a line on which the regex reports an error.
 */
class DocParserRegexTest {
    private static final Pattern DESCRIPTION = Pattern.compile("@([^:]*): *", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TAG =
            Pattern.compile("(Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): *", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern URL_LINE =
            Pattern.compile(" *(https?|ftp)://[^ ]*\\z", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LITERAL_START =
            Pattern.compile("(\\.\\. +qmp-example)? *::\\z", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SENTENCE =
            Pattern.compile("(\\be\\.g\\.|^ *\\d\\.|([.!?])) [A-Z0-9(]", Pattern.UNICODE_CHARACTER_CLASS);

    private static final List<String> LINES = List.of(
            "",
            "@",
            "@:",
            "@a:",
            "@a: ",
            "@a:  x",
            "@a b: c",
            "@a",
            "@a::",
            "@a:b:c",
            " @a:",
            "@é: x",
            "@\t: x",
            "Returns:",
            "Returns: x",
            "Returns::",
            "Returns :",
            "Returns",
            "Notes:",
            "Note:",
            "Notes::",
            "Note::",
            "Notes",
            "Examples:  e",
            "Example:",
            "Example::",
            "Examples::",
            "Since: 1.0",
            "Since:1.0",
            "TODO:",
            "TODO::",
            "Errors:",
            "errors:",
            "Features:",
            "ReturnsX:",
            "e.g. Foo",
            "x. Y",
            "x.  Y",
            "a? (b",
            "1. One",
            "  2. Two",
            "see e.g. A",
            "wee.g. A",
            "é.g. A",
            "ok! 9",
            "end.",
            "x . Y",
            "\u00e9. A",
            "x.\u00a0A",
            "::",
            "  ::",
            ":: ",
            "x::",
            ".. qmp-example::",
            "..  qmp-example ::",
            "..qmp-example::",
            ".. qmp-example:",
            ".. code::",
            ".. qmp-example:: x",
            " .. qmp-example::",
            "e.g. e.g. A",
            "1. 2. A",
            "_e.g. A",
            "http://x",
            "  https://x/y?z",
            "ftp://a b",
            "httpx://a",
            " http:/x",
            "https://",
            "\thttp://x",
            "http://x\ty",
            "http://x ",
            "e.g. a. B",
            "\u00e9e.g. A. B",
            "\u0663. A",
            " \u0663. A. B");

    @Test
    void descriptionMatchesRegex() {
        for (String line : LINES) {
            Matcher m = DESCRIPTION.matcher(line);
            DocParser.Head h = DocParser.descriptionHead(line);
            if (m.lookingAt()) {
                assertEquals(new DocParser.Head(m.group(1), m.end()), h, line);
            } else {
                assertEquals(null, h, line);
            }
        }
    }

    @Test
    void tagMatchesRegex() {
        for (String line : LINES) {
            Matcher m = TAG.matcher(line);
            DocParser.Head h = DocParser.tagHead(line);
            if (m.lookingAt()) {
                assertEquals(new DocParser.Head(m.group(1), m.end()), h, line);
            } else {
                assertEquals(null, h, line);
            }
        }
    }

    @Test
    void urlLineMatchesRegex() {
        for (String line : LINES) {
            assertEquals(URL_LINE.matcher(line).lookingAt(), DocParser.urlLine(line), line);
        }
    }

    @Test
    void literalStartMatchesRegex() {
        for (String line : LINES) {
            assertEquals(LITERAL_START.matcher(line).lookingAt(), DocParser.literalStart(line), line);
        }
    }

    @Test
    void sentenceErrorMatchesRegex() {
        List<String> lines = new ArrayList<>(LINES);
        // random lines over the characters the regex cares about, with and without non-ASCII
        Random rnd = new Random(42);
        String alphabet = "e.g. 1A(!?x_9Ee\u00e9\u0663";
        for (int n = 0; n < 20000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(14);
            int limit = n % 2 == 0 ? alphabet.length() - 2 : alphabet.length();
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(rnd.nextInt(limit)));
            }
            lines.add(sb.toString());
        }
        int errors = 0;
        for (String line : lines) {
            int expected = -1;
            Matcher m = SENTENCE.matcher(line);
            while (m.find()) {
                if (m.group(2) != null) {
                    expected = m.start(2);
                    break;
                }
            }
            errors += expected >= 0 ? 1 : 0;
            assertEquals(expected, DocParser.sentenceError(line), line);
        }
        assertTrue(errors >= 100, "the sample has sentence errors to check");
    }
}
