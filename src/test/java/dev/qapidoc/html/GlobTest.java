package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sphinx's glob rules (issue 13 items 7b and 9): linear time, and no pattern is an error. */
class GlobTest {

    @Test
    void sphinxRules() {
        assertTrue(Glob.compile("*.rst").matches("index.rst"));
        assertFalse(Glob.compile("*.rst").matches("sub/index.rst"));
        assertTrue(Glob.compile("**.rst").matches("sub/deep/index.rst"));
        assertTrue(Glob.compile("sub/**").matches("sub/a/b"));
        assertTrue(Glob.compile("a?c").matches("abc"));
        assertFalse(Glob.compile("a?c").matches("a/c"));
        assertTrue(Glob.compile("[a-c]x").matches("bx"));
        assertFalse(Glob.compile("[a-c]x").matches("dx"));
        assertTrue(Glob.compile("[!a-c]x").matches("dx"));
        assertFalse(Glob.compile("[!a-c]x").matches("/x"));
        assertTrue(Glob.compile("[]]").matches("]"));
        assertTrue(Glob.compile("x*").matches("x"));
        assertFalse(Glob.compile("x*y").matches("x/y"));
        assertTrue(Glob.compile("*\u00fc*").matches("a\u00fcb"));
    }

    @Test
    void malformedPatternsAreLiteralCharacters() {
        assertTrue(Glob.compile("[").matches("["));
        assertFalse(Glob.compile("[").matches("a"));
        assertTrue(Glob.compile("{a,{b").matches("{a,{b"));
        assertTrue(Glob.compile("\\").matches("\\"));
        assertTrue(Glob.compile("a[b").matches("a[b"));
        assertFalse(Glob.compile("[z-a]|").matches("|"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void manyStarsDoNotBacktrack() {
        String pattern = "*".repeat(16) + "x";
        String[] stars = new String[] {pattern, "*a".repeat(40) + "x", "**/".repeat(30) + "x"};
        String text = "a".repeat(2000);
        String path = "a/".repeat(1000) + "y";
        for (String p : stars) {
            Glob g = Glob.compile(p);
            for (int i = 0; i < 5; i++) {
                assertFalse(g.matches(text));
                assertFalse(g.matches(path));
            }
        }
        assertTrue(Glob.compile(pattern).matches(text + "x"));
    }
}
