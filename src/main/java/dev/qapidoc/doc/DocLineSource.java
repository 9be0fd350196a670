package dev.qapidoc.doc;

/**
 * Hands the doc parser the comment tokens of a block, one at a time, after the opening {@code ##}.
 * Implemented by the schema lexer, which alone knows what a non-comment token is.
 */
public interface DocLineSource {
    /**
     * The next comment token (blank source lines are skipped by the lexer). Throws
     * {@link dev.qapidoc.source.QapiException} with {@code documentation comment must end with '##'}
     * (parse error with column) when the next token is not a comment, or at end of file.
     */
    DocLine next();
}
