package dev.qapidoc.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line parsed against a {@link CommandSpec}: the one parser of every command, so all
 * of them spell options the same way and fail with the same messages.
 *
 * <p>Accepted, in any order: {@code --opt value} and {@code --opt=value}; a short option's value
 * as the next word or attached ({@code -o DIR}, {@code -oDIR}, {@code -Dname=value}); flags
 * ({@code --strict}, {@code -W}); positionals, where {@code -} alone is a positional, as in
 * {@code getopt}; {@code --} ends the options, every later word is a positional. A
 * value is taken as given even when it starts with {@code -}, as {@code getopt} does. Bundled
 * short flags ({@code -Wq}) are not accepted: no command has enough of them to need it.
 *
 * <p>{@code --help} or {@code -h} anywhere before {@code --} (and not as an option's value)
 * asks for help, whatever else is wrong with the line, so a user can always get there.
 */
final class Args {
    private final Map<String, List<String>> given = new HashMap<>();
    private final List<String> positionals = new ArrayList<>();
    private boolean help;

    private Args() {}

    /**
     * Parses {@code argv} (the words after the command name). Usage errors name the command:
     * {@code NAME: unknown option '--x'; see 'qapidoc NAME --help'}.
     */
    static Args parse(String command, CommandSpec spec, List<String> argv) throws UsageException {
        Args a = new Args();
        if (asksForHelp(spec, argv)) {
            a.help = true;
            return a;
        }
        boolean options = true;
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (!options || w.equals("-") || !w.startsWith("-")) {
                a.positionals.add(w);
            } else if (w.equals("--")) {
                options = false;
            } else {
                i = a.option(command, spec, argv, i);
            }
        }
        checkPositionals(command, spec, a.positionals.size());
        return a;
    }

    /** Reads the option at {@code argv[i]}; returns the index of the last word it used. */
    private int option(String command, CommandSpec spec, List<String> argv, int i) throws UsageException {
        String w = argv.get(i);
        String name = w;
        String value = null;
        if (w.startsWith("--")) {
            int eq = w.indexOf('=');
            if (eq > 0) {
                name = w.substring(0, eq);
                value = w.substring(eq + 1);
            }
        } else if (w.length() > 2) {
            // -oDIR, -Dname=value: an attached value, only for short options that take one
            name = w.substring(0, 2);
            value = w.substring(2);
        }
        OptionSpec o = spec.option(name);
        if (o == null || (value != null && !o.takesValue() && !name.startsWith("--"))) {
            throw usage(command, "unknown option '" + w + "'");
        }
        if (!o.takesValue()) {
            if (value != null) {
                throw usage(command, "option '" + name + "' takes no value");
            }
            value = "";
        } else if (value == null) {
            if (i + 1 >= argv.size()) {
                throw usage(command, "option '" + name + "' needs a value (" + o.valueName() + ")");
            }
            value = argv.get(++i);
        }
        List<String> values = given.get(o.name());
        if (values == null) {
            values = new ArrayList<>(1);
            given.put(o.name(), values);
        }
        if (!o.repeatable()) {
            values.clear();
        }
        values.add(value);
        return i;
    }

    /** Whether the line asks for help: {@code --help}/{@code -h} in an option's place. */
    private static boolean asksForHelp(CommandSpec spec, List<String> argv) {
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (w.equals("--")) {
                return false;
            }
            if (w.equals("--help") || w.equals("-h")) {
                return true;
            }
            OptionSpec o = spec.option(w);
            if (o != null && o.takesValue()) {
                i++;
            }
        }
        return false;
    }

    private static void checkPositionals(String command, CommandSpec spec, int count) throws UsageException {
        List<CommandSpec.Positional> ps = spec.positionals();
        int min = 0;
        for (CommandSpec.Positional p : ps) {
            min += p.required() ? 1 : 0;
        }
        boolean unbounded = !ps.isEmpty() && ps.get(ps.size() - 1).many();
        if (count >= min && (unbounded || count <= ps.size())) {
            return;
        }
        if (ps.isEmpty()) {
            throw usage(command, "takes no arguments", false);
        }
        if (ps.size() > 1) {
            throw usage(command, "takes " + HelpText.positionalSynopsis(ps), false);
        }
        CommandSpec.Positional p = ps.get(0);
        if (p.many()) {
            throw usage(command, "needs at least one " + p.noun(), false);
        }
        throw usage(
                command, "takes " + (p.required() ? "exactly" : "at most") + " one argument, the " + p.noun(), false);
    }

    private static UsageException usage(String command, String what) {
        return usage(command, what, true);
    }

    /** {@code NAME: what; see ...} for option errors, {@code NAME what; see ...} for the rest. */
    private static UsageException usage(String command, String what, boolean colon) {
        return new UsageException(command + (colon ? ": " : " ") + what + "; see 'qapidoc " + command + " --help'");
    }

    /** Whether {@code --help} or {@code -h} was given; nothing else was then parsed. */
    boolean helpRequested() {
        return help;
    }

    /** Whether the option with primary name {@code name} was given. */
    boolean has(String name) {
        return given.containsKey(name);
    }

    /** The last value of option {@code name}, or {@code fallback} if it was not given. */
    String value(String name, String fallback) {
        List<String> v = given.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    /** Every value of option {@code name}, in command-line order (empty if not given). */
    List<String> values(String name) {
        List<String> v = given.get(name);
        return v == null ? List.of() : v;
    }

    /** The positional arguments, in order. */
    List<String> positionals() {
        return positionals;
    }
}
