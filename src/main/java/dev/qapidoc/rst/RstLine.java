package dev.qapidoc.rst;

import dev.qapidoc.source.SourceLocation;

/**
 * One generated reST line and the schema line it is credited to.
 *
 * <p>{@code origin.line()} is 1-based like every {@link SourceLocation}; the {@code --source-map}
 * dump prints {@code line - 1}, because Sphinx stores zero-based lines
 * (doc-comments-and-rest.md §2.1). {@code text} has no trailing newline and is empty for a blank
 * line; in QEMU's dialect it can contain an LF in exactly one case, the multi-line {@code :since:}
 * option (§2.5.2 quirk).
 *
 * @param text the line without its LF
 * @param origin the credited source line
 */
public record RstLine(String text, SourceLocation origin) {
    public RstLine {
        if (text == null || origin == null) {
            throw new IllegalArgumentException("text and origin are required");
        }
    }

    /** True for a blank line (QEMU stores whitespace-only lines as the empty string). */
    public boolean isBlank() {
        return text.isEmpty();
    }
}
