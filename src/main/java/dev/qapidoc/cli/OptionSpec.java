package dev.qapidoc.cli;

import java.util.List;

/**
 * One option of a command, as the command declares it: the parser ({@link Args}) and the help
 * text ({@link HelpText}) are both derived from this, so an option cannot be accepted without
 * being documented, or documented under a spelling the parser does not know.
 *
 * @param names the spellings, primary first ({@code "-o"}, {@code "--output"}); the primary name
 *     is the key under which {@link Args} reports the option, and the one the synopsis shows
 * @param valueName the placeholder of the option's value in help ({@code FILE}), or null for a
 *     flag that takes no value
 * @param repeatable whether the option may be given several times with every value kept
 *     ({@code -D name=value}...); a non-repeatable option given twice keeps its last value
 * @param help the explanation in the options table; wrapped to the table's width, with
 *     {@code \n} as a forced line break
 */
record OptionSpec(List<String> names, String valueName, boolean repeatable, String help) {

    /** A flag ({@code --strict}): present or absent, no value. */
    static OptionSpec flag(String help, String... names) {
        return new OptionSpec(List.of(names), null, false, help);
    }

    /** An option with a value ({@code --namespace NS}), the last one given wins. */
    static OptionSpec value(String valueName, String help, String... names) {
        return new OptionSpec(List.of(names), valueName, false, help);
    }

    /** This option, every occurrence kept in order. */
    OptionSpec asRepeatable() {
        return new OptionSpec(names, valueName, true, help);
    }

    /** The primary spelling. */
    String name() {
        return names.get(0);
    }

    boolean takesValue() {
        return valueName != null;
    }

    /** Whether {@code token} (without any {@code =value}) spells this option. */
    boolean isNamed(String token) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(token)) {
                return true;
            }
        }
        return false;
    }
}
