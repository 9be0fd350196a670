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

    /** End (exclusive) of the block of indented or blank lines starting at {@code from}. */
    static int indentedEnd(List<ContentLine> lines, int from) {
        int j = from;
        int lastNonBlank = from;
        while (j < lines.size()) {
            String t = lines.get(j).text();
            if (!t.isBlank() && indent(t) == 0) {
                break;
            }
            j++;
            if (!t.isBlank()) {
                lastNonBlank = j;
            }
        }
        return Math.max(from, lastNonBlank);
    }

    static int skipBlank(List<ContentLine> lines, int i) {
        while (i < lines.size() && lines.get(i).text().isBlank()) {
            i++;
        }
        return i;
    }

    /** The first line from column {@code col}, the rest with their common indentation removed. */
    static List<ContentLine> firstKnownIndented(List<ContentLine> lines, int i, int end, int col) {
        List<ContentLine> out = new ArrayList<>();
        String first = lines.get(i).text();
        out.add(lines.get(i).withText(col >= first.length() ? "" : first.substring(col)));
        out.addAll(dedent(lines.subList(i + 1, end)));
        return trimBlank(out);
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
            String t = lines.get(j).text();
            if (!t.isBlank() && indent(t) < col) {
                break;
            }
            j++;
            if (!t.isBlank()) {
                lastNonBlank = j;
            }
        }
        return Math.max(from, lastNonBlank);
    }

    /** Lines {@code i..end} with the first {@code col} columns removed from each. */
    static List<ContentLine> knownIndented(List<ContentLine> lines, int i, int end, int col) {
        List<ContentLine> out = new ArrayList<>();
        for (ContentLine l : lines.subList(i, end)) {
            String t = l.text();
            out.add(l.withText(
                    t.isBlank() ? "" : t.substring(Math.min(col, t.length())).stripTrailing()));
        }
        return trimBlank(out);
    }

    static List<ContentLine> dedent(List<ContentLine> lines) {
        int min = Integer.MAX_VALUE;
        for (ContentLine l : lines) {
            if (!l.text().isBlank()) {
                min = Math.min(min, indent(l.text()));
            }
        }
        List<ContentLine> out = new ArrayList<>(lines.size());
        for (ContentLine l : lines) {
            String t = l.text();
            out.add(l.withText(
                    t.isBlank() ? "" : t.substring(Math.min(min, t.length())).stripTrailing()));
        }
        return out;
    }

    static List<ContentLine> trimBlank(List<ContentLine> lines) {
        List<ContentLine> out = new ArrayList<>(lines);
        while (!out.isEmpty() && out.get(0).text().isBlank()) {
            out.remove(0);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).text().isBlank()) {
            out.remove(out.size() - 1);
        }
        return out;
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
