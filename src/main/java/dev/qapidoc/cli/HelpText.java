package dev.qapidoc.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The one layout of {@code qapidoc COMMAND --help}, generated from the command's
 * {@link CommandSpec}: a usage line (the synopsis, wrapped under itself), the description, the
 * arguments and options tables (labels in one aligned column, explanations wrapped to
 * {@value #WIDTH} columns), the notes, and the exit statuses. Only the help path loads this
 * class, so running a command costs nothing for it.
 */
final class HelpText {
    /** Lines stay within this many columns, as the hand-written texts did. */
    static final int WIDTH = 79;
    /** Labels longer than this put their explanation on the next line. */
    private static final int MAX_LABEL = 18;

    private HelpText() {}

    /** The full help of command {@code name}. */
    static String render(String name, CommandSpec spec) {
        StringBuilder sb = new StringBuilder();
        usage(sb, name, spec);
        sb.append('\n').append(trimEnd(spec.description())).append("\n\n");
        String[][] args = new String[spec.positionals().size()][];
        for (int i = 0; i < args.length; i++) {
            CommandSpec.Positional p = spec.positionals().get(i);
            args[i] = new String[] {p.name(), p.help()};
        }
        String[][] opts = new String[spec.options().size() + 1][];
        for (int i = 0; i < spec.options().size(); i++) {
            OptionSpec o = spec.options().get(i);
            opts[i] = new String[] {label(o), o.help()};
        }
        opts[opts.length - 1] = new String[] {"-h, --help", "print this help and exit"};
        // one explanation column for both tables, so the help reads as one table
        int width = Math.max(labelWidth(args), labelWidth(opts));
        if (args.length > 0) {
            sb.append("arguments:\n");
            table(sb, args, width);
            sb.append('\n');
        }
        sb.append("options:\n");
        table(sb, opts, width);
        if (!spec.notes().isEmpty()) {
            sb.append('\n').append(trimEnd(spec.notes())).append('\n');
        }
        sb.append("\nexit status:\n");
        for (CommandSpec.Exit e : spec.exits()) {
            wrap(sb, "  " + e.code() + "  ", e.meaning(), 5);
        }
        return sb.toString();
    }

    /** {@code usage: qapidoc NAME [--opt V]... POSITIONALS}, continuation lines under the first item. */
    private static void usage(StringBuilder sb, String name, CommandSpec spec) {
        String head = "usage: qapidoc " + name + " ";
        StringBuilder line = new StringBuilder(head);
        List<String> items = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            items.add(
                    "[" + o.name() + (o.takesValue() ? " " + o.valueName() : "") + "]" + (o.repeatable() ? "..." : ""));
        }
        if (!spec.positionals().isEmpty()) {
            items.add(positionalSynopsis(spec.positionals()));
        }
        for (String item : items) {
            if (line.length() > head.length() && line.length() + item.length() > WIDTH) {
                sb.append(trimEnd(line.toString())).append('\n');
                line.setLength(0);
                line.append(" ".repeat(head.length()));
            }
            line.append(item).append(' ');
        }
        sb.append(trimEnd(line.toString())).append('\n');
    }

    /** {@code SCHEMA}, {@code [SRCDIR]}, {@code SCHEMA...}, space-separated. */
    static String positionalSynopsis(List<CommandSpec.Positional> ps) {
        StringBuilder sb = new StringBuilder();
        for (CommandSpec.Positional p : ps) {
            String item = p.name() + (p.many() ? "..." : "");
            sb.append(sb.length() == 0 ? "" : " ").append(p.required() ? item : "[" + item + "]");
        }
        return sb.toString();
    }

    /** {@code -o, --output FILE}: every spelling, the value once at the end. */
    private static String label(OptionSpec o) {
        String names = String.join(", ", o.names());
        return o.takesValue() ? names + " " + o.valueName() : names;
    }

    /** The longest label of {@code rows} that fits before the explanation column. */
    private static int labelWidth(String[][] rows) {
        int width = 0;
        for (String[] r : rows) {
            if (r[0].length() <= MAX_LABEL) {
                width = Math.max(width, r[0].length());
            }
        }
        return width;
    }

    /** Rows of label and explanation, the explanations starting after {@code width} label columns. */
    private static void table(StringBuilder sb, String[][] rows, int width) {
        int indent = 2 + width + 2;
        for (String[] r : rows) {
            String label = "  " + r[0];
            if (r[0].length() > MAX_LABEL) {
                sb.append(label).append('\n');
                label = "";
            }
            wrap(sb, label + " ".repeat(indent - label.length()), r[1], indent);
        }
    }

    /**
     * Appends {@code first} followed by {@code text} filled to {@link #WIDTH}, later lines
     * indented by {@code indent}; {@code \n} in {@code text} forces a line break.
     */
    static void wrap(StringBuilder sb, String first, String text, int indent) {
        String pad = " ".repeat(indent);
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String para : text.split("\n", -1)) {
            if (!empty) {
                sb.append(trimEnd(line.toString())).append('\n');
                line.setLength(0);
                line.append(pad);
                empty = true;
            }
            for (String word : para.split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (!empty && line.length() + 1 + word.length() > WIDTH) {
                    sb.append(line).append('\n');
                    line.setLength(0);
                    line.append(pad);
                    empty = true;
                }
                line.append(empty ? "" : " ").append(word);
                empty = false;
            }
        }
        sb.append(trimEnd(line.toString())).append('\n');
    }

    private static String trimEnd(String s) {
        return s.stripTrailing();
    }
}
