package dev.qapidoc.doc;

/**
 * The few string primitives the doc rules are written in, with Python's meaning.
 *
 * <p>QEMU's rules are phrased in terms of Python's {@code str.isspace()}, {@code rstrip()} and
 * {@code len()}; Java's {@link Character#isWhitespace} and {@link String#length} differ (U+00A0,
 * surrogate pairs), so the doc parser uses these instead (doc-comments-and-rest.md §0).
 */
final class PyText {
    private PyText() {}

    /** Python's {@code str.isspace()} for one code point (doc-comments-and-rest.md §0). */
    static boolean isSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D)
                || (cp >= 0x1C && cp <= 0x20)
                || cp == 0x85
                || cp == 0xA0
                || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028
                || cp == 0x2029
                || cp == 0x202F
                || cp == 0x205F
                || cp == 0x3000;
    }

    /** {@code s.rstrip()}: trailing Python whitespace removed. */
    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--; // every whitespace code point is in the BMP, so char-wise is exact
        }
        return s.substring(0, end);
    }

    /** Number of leading Python-whitespace characters, each counted as 1. */
    static int leadingSpace(String s) {
        int n = 0;
        while (n < s.length() && isSpace(s.charAt(n))) {
            n++;
        }
        return n;
    }

    /** Python's {@code len(s)}: code points, not UTF-16 units. */
    static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * QEMU's column for a position given as a char index into the physical line
     * (schema-language.md §2.3): start at 1, add 1 per code point, except that a TAB sets
     * {@code col = ((col + 7) mod 8) + 1}. That is deliberately not a tab stop (quirk kept).
     */
    static int column(String physicalLine, int charIndex) {
        int end = Math.min(Math.max(charIndex, 0), physicalLine.length());
        int col = 1;
        for (int i = 0; i < end; ) {
            int cp = physicalLine.codePointAt(i);
            col = cp == '\t' ? ((col + 7) % 8) + 1 : col + 1;
            i += Character.charCount(cp);
        }
        return col;
    }

    /** The char index reached after advancing {@code codePoints} code points from the start of s. */
    static int charIndexOfCodePoint(String s, int codePoints) {
        int i = 0;
        for (int n = 0; n < codePoints && i < s.length(); n++) {
            i += Character.charCount(s.codePointAt(i));
        }
        return i;
    }
}
