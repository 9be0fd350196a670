package dev.qapidoc.doc;

/**
 * Parses one {@code ##} documentation block into a {@link Doc} (doc-comments-and-rest.md Part 1,
 * §1.2–§1.6). Fail-fast: the first error in the block is thrown as a
 * {@link dev.qapidoc.source.QapiException}, as QEMU does while parsing.
 *
 * <p>INTERFACE STUB — to be implemented (helper "doc").
 */
public final class DocParser {
    private DocParser() {}

    /**
     * Parses the block that starts with {@code opening} (whose text the lexer already checked is
     * exactly {@code ##}) and reads lines from {@code lines} up to and including the closing
     * {@code ##}. Runs the line-format checks (length, sentence spacing, literal mode), the
     * classification, the section split and the end-of-block checks ({@code text required after}).
     */
    public static Doc parse(DocLine opening, DocLineSource lines) {
        throw new UnsupportedOperationException("DocParser.parse not implemented yet");
    }
}
