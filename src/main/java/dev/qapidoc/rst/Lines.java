package dev.qapidoc.rst;

import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpers over lists of {@link ContentLine}s shared by the block parser, the table readers and the
 * directives: indentation, block ends, blank-line trimming. Kept apart so that each of those
 * classes reads as the grammar it implements rather than as index arithmetic.
 */
final class Lines {

    private static final String ADORNMENT_CHARS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private Lines() {}

    static int indent(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** A line of one repeated punctuation character: a section adornment or a transition. */
    static boolean isAdornment(String t) {
        String s = t.stripTrailing();
        if (s.isEmpty() || s.charAt(0) == ' ') {
            return false;
        }
        char c = s.charAt(0);
        if (ADORNMENT_CHARS.indexOf(c) < 0) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != c) {
                return false;
            }
        }
        // a lone "::" or ".." is markup, not an adornment
        return !(s.length() < 3 && (c == ':' || c == '.'));
    }

    /** Whether line {@code j} of {@code lines} is blank (without building it, for a view). */
    static boolean blankAt(List<ContentLine> lines, int j) {
        return lines instanceof IndentedLines v
                ? v.blank(j)
                : lines.get(j).text().isBlank();
    }

    /** The indentation of line {@code j} of {@code lines} (without building it, for a view). */
    static int indentAt(List<ContentLine> lines, int j) {
        return lines instanceof IndentedLines v
                ? v.indent(j)
                : indent(lines.get(j).text());
    }

    /** End (exclusive) of the block of indented or blank lines starting at {@code from}. */
    static int indentedEnd(List<ContentLine> lines, int from) {
        int j = from;
        int lastNonBlank = from;
        while (j < lines.size()) {
            boolean blank = blankAt(lines, j);
            if (!blank && indentAt(lines, j) == 0) {
                break;
            }
            j++;
            if (!blank) {
                lastNonBlank = j;
            }
        }
        return Math.max(from, lastNonBlank);
    }

    static int skipBlank(List<ContentLine> lines, int i) {
        while (i < lines.size() && blankAt(lines, i)) {
            i++;
        }
        return i;
    }

    /**
     * The first line from column {@code col}, the rest with their common indentation removed; a
     * view of {@code lines} ({@link IndentedLines}), not a copy.
     */
    static List<ContentLine> firstKnownIndented(List<ContentLine> lines, int i, int end, int col) {
        return trimBlank(IndentedLines.of(lines.subList(i, end), col, false, minIndent(lines, i + 1, end), true));
    }

    /**
     * End (exclusive) of a block whose indentation is known to be {@code col}: it runs while lines
     * are blank or indented at least {@code col} (docutils' "known indentation", used for list
     * items whose first line has text after the marker).
     */
    static int knownIndentedEnd(List<ContentLine> lines, int from, int col) {
        int j = from;
        int lastNonBlank = from;
        while (j < lines.size()) {
            boolean blank = blankAt(lines, j);
            if (!blank && indentAt(lines, j) < col) {
                break;
            }
            j++;
            if (!blank) {
                lastNonBlank = j;
            }
        }
        return Math.max(from, lastNonBlank);
    }

    /** Lines {@code i..end} with the first {@code col} columns removed from each (a view). */
    static List<ContentLine> knownIndented(List<ContentLine> lines, int i, int end, int col) {
        return trimBlank(IndentedLines.of(lines.subList(i, end), col, true, col, true));
    }

    /** {@code lines} with their common indentation removed: a view, not a copy. */
    static List<ContentLine> dedent(List<ContentLine> lines) {
        int min = minIndent(lines, 0, lines.size());
        return IndentedLines.of(lines, min, true, min, true);
    }

    /** The least indentation of the non-blank lines {@code from..to} (0 when all are blank). */
    static int minIndent(List<ContentLine> lines, int from, int to) {
        int min = Integer.MAX_VALUE;
        for (int j = from; j < to; j++) {
            if (!blankAt(lines, j)) {
                min = Math.min(min, indentAt(lines, j));
            }
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    /** {@code lines} without leading and trailing blank lines (a view of it). */
    static List<ContentLine> trimBlank(List<ContentLine> lines) {
        int a = 0;
        int b = lines.size();
        while (a < b && blankAt(lines, a)) {
            a++;
        }
        while (b > a && blankAt(lines, b - 1)) {
            b--;
        }
        return lines.subList(a, b);
    }

    static String joined(List<ContentLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            if (k > 0) {
                sb.append('\n');
            }
            sb.append(lines.get(k).text());
        }
        return sb.toString();
    }

    static List<SourceLocation> locations(List<ContentLine> lines) {
        List<SourceLocation> out = new ArrayList<>();
        for (ContentLine l : lines) {
            out.add(l.where());
        }
        return out;
    }

    /** An integer option value; 1 when it is not a number (docutils would report it). */
    static int parseIntSafe(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
