package dev.qapidoc.rst;

import dev.qapidoc.source.SourceLocation;

/**
 * A problem found while reading or building, at one of docutils' report levels. {@link #render()}
 * gives Sphinx's console form {@code file:line: WARNING: message} (spec qapi-domain-and-html.md
 * Appendix A); docutils' SEVERE level prints as {@code CRITICAL}, as Sphinx does.
 *
 * @param level how bad it is
 * @param where the source location (file and line), or null for a build-wide message
 * @param message the text, possibly several lines
 */
public record SystemMessage(Level level, SourceLocation where, String message) {

    /** docutils report levels (INFO is not printed by default). */
    public enum Level {
        INFO,
        WARNING,
        ERROR,
        SEVERE;

        /** The word Sphinx prints. */
        public String word() {
            return this == SEVERE ? "CRITICAL" : name();
        }
    }

    public static SystemMessage warning(SourceLocation where, String message) {
        return new SystemMessage(Level.WARNING, where, message);
    }

    public static SystemMessage error(SourceLocation where, String message) {
        return new SystemMessage(Level.ERROR, where, message);
    }

    /** {@code file:line: LEVEL: message}, without a trailing newline. */
    public String render() {
        String prefix = where == null ? "" : where.file() + (where.line() > 0 ? ":" + where.line() : "") + ": ";
        // a page or schema name may carry terminal escape codes: never print them raw
        return dev.qapidoc.source.Diagnostic.printable(prefix + level.word() + ": " + message);
    }
}
