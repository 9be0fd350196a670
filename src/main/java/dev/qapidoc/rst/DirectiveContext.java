package dev.qapidoc.rst;

import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * What the reader offers a running {@link Directive}: the target its nodes go to, nested parsing
 * at the right depth, inline markup, messages and the per-read state ({@code highlight}). One
 * context serves one directive call; it is only valid during {@link Directive#run}.
 */
public interface DirectiveContext {

    /** The reader's settings ({@code allowRaw}, the includer, ...). */
    RstReader.Options options();

    /** Appends a node to the element the directive stands in (or the substitution it defines). */
    void add(RstNode node);

    /**
     * Hands lines back to the reader to read in place of the directive block, as {@code include}
     * does; their locations say where they came from.
     */
    void splice(List<ContentLine> lines);

    /** Parses lines as body elements nested one level below the directive, into {@code into}. */
    void parse(List<ContentLine> lines, RstNode into);

    /**
     * Reads one simple or grid table starting at the first of {@code lines} into {@code into},
     * with {@code title} (or null) as its title; false, with nothing added, when the first line is
     * no table border.
     */
    boolean table(List<ContentLine> lines, RstNode title, RstNode into);

    /** Inline markup of {@code text} whose lines come from {@code lines} (one location per line). */
    List<RstNode> inline(String text, List<SourceLocation> lines);

    /** Inline markup of one-line text. */
    default List<RstNode> inline(String text, SourceLocation where) {
        return inline(text, List.of(where));
    }

    /** Reports a problem; the reader returns it with the others in document order. */
    void report(SystemMessage message);

    default void warn(SourceLocation at, String message) {
        report(SystemMessage.warning(at, message));
    }

    default void error(SourceLocation at, String message) {
        report(SystemMessage.error(at, message));
    }

    default void severe(SourceLocation at, String message) {
        report(new SystemMessage(SystemMessage.Level.SEVERE, at, message));
    }

    /** The language of {@code ::} blocks here (the last {@code highlight} directive's). */
    String highlight();

    /** Sets the language of later {@code ::} blocks in this read ({@code .. highlight::}). */
    void setHighlight(String language);

    /**
     * Records that the directive read {@code file}, so that a build's dependency file
     * ({@code depfile}) names it and a change to it rebuilds the documentation; files read
     * through {@link RstReader.Options#includer()} are recorded already.
     */
    default void recordDependency(java.nio.file.Path file) {
        options().includer().recordDependency(file);
    }
}
