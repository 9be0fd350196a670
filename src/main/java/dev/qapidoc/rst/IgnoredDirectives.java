package dev.qapidoc.rst;

/**
 * Directives that are read and dropped: they only matter to builders this tool does not have
 * (LaTeX's {@code tabularcolumns}, HTML {@code meta}), record authorship Sphinx shows only on
 * request ({@code sectionauthor}, {@code moduleauthor}, {@code codeauthor}), or, like {@code
 * default-role}, are configured through conf.py here.
 */
final class IgnoredDirectives {

    private static final Directive IGNORE = (call, ctx) -> {};

    private IgnoredDirectives() {}

    static void register(DirectiveRegistry.Builder b) {
        for (String name :
                new String[] {"default-role", "sectionauthor", "moduleauthor", "codeauthor", "meta", "tabularcolumns"
                }) {
            b.register(name, IGNORE);
        }
    }
}
