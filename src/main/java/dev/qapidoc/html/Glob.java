package dev.qapidoc.html;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Sphinx's glob patterns, for {@code exclude_patterns} and {@code :glob:} toctrees: a double
 * star matches anything, a star anything but a slash, {@code ?} one character but a slash,
 * {@code [seq]} one character of seq (ranges allowed), {@code [!seq]} one character neither in
 * seq nor a slash. As in Python's fnmatch nothing is an error: an opening bracket without its
 * closing one, a backslash or a brace is a plain character, so the patterns <code>[</code>,
 * <code>&#123;a,&#123;b</code> and <code>\\</code> match those characters instead of failing
 * the build (issue 13).
 *
 * <p>Matching runs the pattern as a set of positions over the text, one character at a time, so
 * it takes time proportional to text length times pattern length whatever the pattern: sixteen
 * stars and an x do not backtrack (Java's {@code PathMatcher} took 40 s on that).
 */
final class Glob {

    private sealed interface Token permits Lit, One, Star, CharSet {}

    private record Lit(int c) implements Token {}

    /** {@code ?}: any character but {@code /}. */
    private record One() implements Token {}

    /** {@code *} (not across {@code /}) or {@code **} (across). */
    private record Star(boolean crossesSlash) implements Token {}

    /** {@code [...]}: ranges of code points, or everything else but {@code /} when negated. */
    private static final class CharSet implements Token {
        /** Pairs of first and last code point. */
        private final int[] ranges;

        private final boolean negated;

        CharSet(int[] ranges, boolean negated) {
            this.ranges = ranges;
            this.negated = negated;
        }

        boolean has(int c) {
            boolean in = false;
            for (int i = 0; i < ranges.length; i += 2) {
                if (c >= ranges[i] && c <= ranges[i + 1]) {
                    in = true;
                    break;
                }
            }
            return negated ? !in && c != '/' : in;
        }
    }

    private final String pattern;
    private final Token[] tokens;

    private Glob(String pattern, List<Token> tokens) {
        this.pattern = pattern;
        this.tokens = tokens.toArray(new Token[0]);
    }

    /** Whether {@code s} contains a character that makes it a pattern ({@code * ? [}). */
    static boolean isPattern(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    /** The pattern; never fails. Runs of stars collapse to one token. */
    static Glob compile(String pattern) {
        List<Token> out = new ArrayList<>();
        int[] cps = pattern.codePoints().toArray();
        int n = cps.length;
        int i = 0;
        while (i < n) {
            int c = cps[i];
            if (c == '*') {
                int j = i;
                while (j < n && cps[j] == '*') {
                    j++;
                }
                boolean doubled = j - i >= 2;
                Token last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last instanceof Star s) {
                    // "*" next to "**" (or "*" after "*" across a collapsed run) is the wider one
                    out.set(out.size() - 1, new Star(s.crossesSlash() || doubled));
                } else {
                    out.add(new Star(doubled));
                }
                i = j;
            } else if (c == '?') {
                out.add(new One());
                i++;
            } else if (c == '[') {
                int j = i + 1;
                boolean negated = j < n && cps[j] == '!';
                if (negated) {
                    j++;
                }
                int start = j;
                if (j < n && cps[j] == ']') {
                    j++;
                }
                while (j < n && cps[j] != ']') {
                    j++;
                }
                if (j >= n) {
                    out.add(new Lit('['));
                    i++;
                    continue;
                }
                List<Integer> ranges = new ArrayList<>();
                for (int k = start; k < j; k++) {
                    if (k + 2 < j && cps[k + 1] == '-') {
                        if (cps[k] <= cps[k + 2]) {
                            ranges.add(cps[k]);
                            ranges.add(cps[k + 2]);
                        }
                        k += 2;
                    } else {
                        ranges.add(cps[k]);
                        ranges.add(cps[k]);
                    }
                }
                out.add(new CharSet(ranges.stream().mapToInt(Integer::intValue).toArray(), negated));
                i = j + 1;
            } else {
                out.add(new Lit(c));
                i++;
            }
        }
        return new Glob(pattern, out);
    }

    /** Whether the whole of {@code s} matches. */
    boolean matches(String s) {
        int k = tokens.length;
        BitSet now = new BitSet(k + 1);
        now.set(0);
        closeOverStars(now);
        BitSet next = new BitSet(k + 1);
        for (int p = 0; p < s.length(); ) {
            int c = s.codePointAt(p);
            p += Character.charCount(c);
            next.clear();
            for (int q = now.nextSetBit(0); q >= 0 && q < k; q = now.nextSetBit(q + 1)) {
                Token t = tokens[q];
                if (t instanceof Star st) {
                    if (st.crossesSlash() || c != '/') {
                        next.set(q); // the star takes this character and may take more
                    }
                } else if (t instanceof Lit l) {
                    if (l.c() == c) {
                        next.set(q + 1);
                    }
                } else if (t instanceof CharSet set) {
                    if (set.has(c)) {
                        next.set(q + 1);
                    }
                } else if (c != '/') {
                    next.set(q + 1); // One
                }
            }
            if (next.isEmpty()) {
                return false;
            }
            closeOverStars(next);
            BitSet t = now;
            now = next;
            next = t;
        }
        return now.get(k);
    }

    /** A star may also match nothing: a state before a star is a state after it too. */
    private void closeOverStars(BitSet states) {
        for (int q = 0; q < tokens.length; q++) {
            if (states.get(q) && tokens[q] instanceof Star) {
                states.set(q + 1);
            }
        }
    }

    @Override
    public String toString() {
        return pattern;
    }
}
