package dev.qapidoc.cli;

import java.util.List;

/**
 * Everything a command declares about its command line: what {@code qapidoc --help} lists, what
 * {@link Args} accepts, and what {@code qapidoc NAME --help} prints ({@link HelpText} lays it out
 * the same way for every command).
 *
 * @param summary one line for the command list of {@code qapidoc --help}
 * @param description the paragraphs after the usage line, already wrapped (text blocks)
 * @param positionals the arguments that are not options, in order
 * @param options the options, in the order the synopsis and the options table show them
 * @param notes text printed after the options table (may be empty), already wrapped
 * @param exits the meaning of each exit status, in order
 */
record CommandSpec(
        String summary,
        String description,
        List<Positional> positionals,
        List<OptionSpec> options,
        String notes,
        List<Exit> exits) {

    /**
     * Positional arguments of one kind: {@code SCHEMA} (exactly one), {@code [SRCDIR]} (at most
     * one) or {@code SCHEMA...} (one or more).
     *
     * @param name the placeholder ({@code SCHEMA})
     * @param noun what it is, for usage errors ({@code "schema file"})
     * @param required whether at least one must be given
     * @param many whether more than one may be given
     * @param help the explanation in the arguments table
     */
    record Positional(String name, String noun, boolean required, boolean many, String help) {}

    /** One line of the {@code exit status:} table. */
    record Exit(int code, String meaning) {}

    /** The option spelled {@code token} (any of its names), or null. */
    OptionSpec option(String token) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).isNamed(token)) {
                return options.get(i);
            }
        }
        return null;
    }
}
