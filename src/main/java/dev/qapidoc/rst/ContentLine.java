package dev.qapidoc.rst;

import dev.qapidoc.source.SourceLocation;

/**
 * One input line of reST together with where it came from. The reader takes lists of these rather
 * than a string so that text generated from elsewhere (for instance reST emitted from a schema)
 * keeps its own origin, line by line, and diagnostics point at that origin as Sphinx's source map
 * does (doc-comments-and-rest.md, source map). The emitter writes the same records: a generated line
 * and the schema line it is credited to are one idea whichever way the text flows.
 *
 * <p>{@code where.line()} is 1-based like every {@link SourceLocation}; the {@code --source-map}
 * dump prints {@code line - 1}, because Sphinx stores zero-based lines (doc-comments-and-rest.md
 * §2.1). A generated line can contain an LF in exactly one case, QEMU's multi-line {@code :since:}
 * option (§2.5.2 quirk); lines read from files never do.
 *
 * @param text the line without its line terminator; tabs already expanded
 * @param where file and 1-based line the text came from
 */
public record ContentLine(String text, SourceLocation where) {
    public ContentLine {
        if (text == null || where == null) {
            throw new IllegalArgumentException("text and where are required");
        }
    }

    /** True for a blank line (QEMU stores whitespace-only lines as the empty string). */
    public boolean isBlank() {
        return text.isEmpty();
    }

    /** The lines of a file, numbered from 1, tabs expanded to 8 columns as docutils does. */
    public static java.util.List<ContentLine> of(String file, String content) {
        java.util.List<ContentLine> out = new java.util.ArrayList<>();
        String[] lines = content.split("\r\n|\r|\n", -1);
        int n = lines.length;
        if (n > 0 && lines[n - 1].isEmpty()) {
            n--;
        }
        for (int i = 0; i < n; i++) {
            out.add(new ContentLine(expandTabs(lines[i]), SourceLocation.of(file, i + 1)));
        }
        return out;
    }

    /** The same origin with other text. */
    public ContentLine withText(String t) {
        return new ContentLine(t, where);
    }

    /** Tabs to spaces at 8-column stops, as docutils does before reading a line. */
    public static String expandTabs(String s) {
        if (s.indexOf('\t') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                do {
                    sb.append(' ');
                } while (sb.length() % 8 != 0);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
