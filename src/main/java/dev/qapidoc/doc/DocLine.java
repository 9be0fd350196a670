package dev.qapidoc.doc;

import dev.qapidoc.source.SourceLocation;

/**
 * One comment token of a documentation block, as the schema lexer saw it.
 *
 * <p>The doc parser needs the physical line as well as the token because two of its errors carry
 * columns computed from the start of the physical line with QEMU's tab rule
 * (doc-comments-and-rest.md §1.3.2, schema-language.md §2.3).
 *
 * @param text the token text from its first {@code #} to the end of the line, trailing blanks
 *     included (e.g. {@code "##"}, {@code "#"}, {@code "# @foo:"})
 * @param location the line's location (no column)
 * @param physicalLine the whole source line the token is on, without the line end
 * @param hashOffset index of the token's first {@code #} within {@code physicalLine}
 */
public record DocLine(String text, SourceLocation location, String physicalLine, int hashOffset) {}
