package dev.qapidoc.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written line matchers of {@link DocParser} agree with QEMU's regular expressions
 * (doc-comments-and-rest.md §1.5, §1.6.2, §1.3.2) on tricky lines, and the sentence pre-filter
 * never rejects a line on which the regex reports an error.
 */
class DocParserRegexTest {
    private static final Pattern DESCRIPTION =
            Pattern.compile("@([^:]*): *", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TAG =
            Pattern.compile("(Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): *",
                    Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SENTENCE =
            Pattern.compile("(\\be\\.g\\.|^ *\\d\\.|([.!?])) [A-Z0-9(]",
                    Pattern.UNICODE_CHARACTER_CLASS);

    private static final List<String> LINES = List.of("", "@", "@:", "@a:", "@a: ", "@a:  x",
            "@a b: c", "@a", "@a::", "@a:b:c", " @a:", "@é: x", "@\t: x", "Returns:", "Returns: x",
            "Returns::", "Returns :", "Returns", "Notes:", "Note:", "Notes::", "Note::", "Notes",
            "Examples:  e", "Example:", "Example::", "Examples::", "Since: 1.0", "Since:1.0",
            "TODO:", "TODO::", "Errors:", "errors:", "Features:", "ReturnsX:", "e.g. Foo",
            "x. Y", "x.  Y", "a? (b", "1. One", "  2. Two", "see e.g. A", "wee.g. A",
            "é.g. A", "ok! 9", "end.", "x . Y", "\u00e9. A", "x.\u00a0A");

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
    void sentencePrefilterKeepsEveryError() {
        int errors = 0;
        for (String line : LINES) {
            Matcher m = SENTENCE.matcher(line);
            while (m.find()) {
                if (m.group(2) != null) {
                    errors++;
                    assertTrue(DocParser.mayHaveSentenceError(line), line);
                }
            }
        }
        assertTrue(errors >= 4, "the sample has sentence errors to check");
    }
}
