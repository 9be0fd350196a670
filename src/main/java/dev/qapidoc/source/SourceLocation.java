package dev.qapidoc.source;

/**
 * Where a piece of schema text came from.
 *
 * <p>{@code line} is 1-based. {@code column} is 1-based and computed with QEMU's tab rule
 * (schema-language.md §2.3), or 0 when the diagnostic carries no column (QEMU prints columns only
 * for parse errors). {@code includedFrom} is the location of the {@code include} directive that
 * made this file be read, or null for the root file; it gives the "In file included from" chain.
 *
 * @param file the file name exactly as opened (unnormalised), as QEMU prints it
 * @param line 1-based line number
 * @param column 1-based column, or 0 when unknown / not printed
 * @param includedFrom the including directive's location, or null for the root file
 */
public record SourceLocation(String file, int line, int column, SourceLocation includedFrom) {

    public SourceLocation {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative line or column");
        }
    }

    /** A location in the root file (no include chain). */
    public static SourceLocation of(String file, int line) {
        return new SourceLocation(file, line, 0, null);
    }

    /** The same file and include chain at another line, without a column. */
    public SourceLocation atLine(int n) {
        return new SourceLocation(file, n, 0, includedFrom);
    }

    /** The same line with a column (for parse errors). */
    public SourceLocation withColumn(int col) {
        return new SourceLocation(file, line, col, includedFrom);
    }

    /** The same line without a column. */
    public SourceLocation withoutColumn() {
        return column == 0 ? this : new SourceLocation(file, line, 0, includedFrom);
    }

    /** {@code file:line} or {@code file:line:col}, as QEMU prints the last line of a diagnostic. */
    @Override
    public String toString() {
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
