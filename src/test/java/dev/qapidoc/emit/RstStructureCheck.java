package dev.qapidoc.emit;

import dev.qapidoc.rst.QapiSyntax;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A structural check of generated {@code qapi:} reST that needs no reST reader: directive names,
 * arguments and nesting; option blocks; field names per object kind and their arguments; the
 * blank lines reST needs around directives and field lists; indentation of directive content.
 * Vocabulary comes from {@link QapiSyntax}; the rules are those of qapi-domain-and-html.md §2.1,
 * §2.2, §2.8.1 and §2.9 and of reST itself (a field list directly after a paragraph line is part
 * of the paragraph; a body element must be separated from a preceding field list by a blank line).
 */
final class RstStructureCheck {
    private static final Pattern DIRECTIVE = Pattern.compile("( *)\\.\\. ([a-z-]+):([a-z-]+)::(?: (.*))?");
    private static final Pattern OPTION = Pattern.compile(":([a-z-]+):(?: (.*))?");
    private static final Pattern FIELD = Pattern.compile(":([a-z-]+)(?: ([^:`]+))?:(?: (.*))?");
    private static final Pattern TYPE = Pattern.compile("\\[?[A-Za-z][A-Za-z0-9_-]*\\]?\\??");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");

    private final boolean extended;
    private final List<String> problems = new ArrayList<>();

    /** One open directive: its name, indent and the indent its content must have. */
    private record Open(String name, int indent, String memberField) {}

    RstStructureCheck(boolean extended) {
        this.extended = extended;
    }

    /** Problems found, each as "line N: message" (1-based output line numbers). */
    static List<String> check(List<String> lines, boolean extended) {
        RstStructureCheck c = new RstStructureCheck(extended);
        c.run(lines);
        return c.problems;
    }

    private Set<String> directives() {
        return extended
                ? Set.of(
                        QapiSyntax.NAMESPACE,
                        QapiSyntax.MODULE,
                        QapiSyntax.COMMAND,
                        QapiSyntax.EVENT,
                        QapiSyntax.ENUM,
                        QapiSyntax.ALTERNATE,
                        QapiSyntax.STRUCT,
                        QapiSyntax.UNION,
                        QapiSyntax.BRANCH)
                : Set.of(
                        QapiSyntax.NAMESPACE,
                        QapiSyntax.MODULE,
                        QapiSyntax.COMMAND,
                        QapiSyntax.EVENT,
                        QapiSyntax.ENUM,
                        QapiSyntax.ALTERNATE,
                        QapiSyntax.OBJECT);
    }

    private String memberField(String directive) {
        return switch (directive) {
            case QapiSyntax.COMMAND -> QapiSyntax.FIELD_ARG;
            case QapiSyntax.ENUM -> QapiSyntax.FIELD_VALUE;
            case QapiSyntax.ALTERNATE -> extended ? QapiSyntax.FIELD_CHOICE : QapiSyntax.FIELD_ALT;
            default -> QapiSyntax.FIELD_MEMB;
        };
    }

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            QapiSyntax.MODULE,
            Set.of(QapiSyntax.OPT_NO_INDEX, QapiSyntax.OPT_NO_TYPESETTING),
            "object",
            Set.of(QapiSyntax.OPT_SINCE, QapiSyntax.OPT_IFCOND, QapiSyntax.OPT_DEPRECATED, QapiSyntax.OPT_UNSTABLE));

    private void problem(int i, String msg) {
        problems.add("line " + (i + 1) + ": " + msg);
    }

    private static int indentOf(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private void run(List<String> lines) {
        Deque<Open> stack = new ArrayDeque<>();
        int fieldIndent = -1; // indent of the field list being read, or -1
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.indexOf('\t') >= 0 || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                problem(i, "tab or line break inside a line");
            }
            if (!line.isEmpty() && line.isBlank()) {
                problem(i, "whitespace-only line");
            }
            if (line.isBlank()) {
                continue;
            }
            boolean prevBlank = i == 0 || lines.get(i - 1).isBlank();
            int ind = indentOf(line);
            // close directives whose content this line is not part of
            while (!stack.isEmpty() && ind <= stack.peek().indent()) {
                stack.pop();
                if (!prevBlank) {
                    problem(i, "directive content must end with a blank line");
                }
            }
            if (fieldIndent >= 0 && ind <= fieldIndent) {
                if (ind < fieldIndent
                        || !FIELD.matcher(line).region(ind, line.length()).matches()) {
                    if (!prevBlank) {
                        problem(i, "field list ends without a blank line");
                    }
                    fieldIndent = -1;
                }
            }
            Open parent = stack.peek();
            Matcher d = DIRECTIVE.matcher(line);
            if (d.matches() && d.group(2).equals(QapiSyntax.DOMAIN)) {
                i = directive(lines, i, d, parent, prevBlank, stack);
                fieldIndent = -1;
                continue;
            }
            if (parent == null) {
                continue; // top-level text: free-form documentation
            }
            int content = parent.indent() + 3;
            if (ind < content) {
                problem(i, "content of qapi:" + parent.name() + " indented " + ind + ", need " + content);
                continue;
            }
            Matcher f = FIELD.matcher(line).region(ind, line.length());
            if (ind == content && f.matches() && !line.startsWith(":", ind + 1)) {
                if (fieldIndent < 0 && !prevBlank) {
                    problem(i, "field list starts without a blank line before it");
                }
                fieldIndent = ind;
                field(i, f, parent);
            } else if (parent.name().equals(QapiSyntax.BRANCH) && !(fieldIndent >= 0 && ind > fieldIndent)) {
                problem(i, "qapi:branch content must be fields");
            }
        }
    }

    /** Checks a directive and its option block; returns the index of the last line consumed. */
    private int directive(List<String> lines, int i, Matcher d, Open parent, boolean prevBlank, Deque<Open> stack) {
        int ind = d.group(1).length();
        String name = d.group(3);
        String arg = d.group(4);
        if (!directives().contains(name)) {
            problem(i, "unknown directive qapi:" + name);
        }
        if (!prevBlank) {
            problem(i, "directive without a blank line before it");
        }
        boolean branch = name.equals(QapiSyntax.BRANCH);
        if (branch) {
            if (parent == null
                    || parent.name().equals(QapiSyntax.MODULE)
                    || !(parent.name().equals(QapiSyntax.BRANCH)
                            || parent.name().equals(QapiSyntax.UNION)
                            || parent.name().equals(QapiSyntax.STRUCT)
                            || parent.name().equals(QapiSyntax.COMMAND)
                            || parent.name().equals(QapiSyntax.EVENT))) {
                problem(i, "qapi:branch outside an object directive");
            } else if (ind != parent.indent() + 3) {
                problem(i, "qapi:branch not at the content indent of its parent");
            }
            if (arg == null
                    || arg.split(" ", -1).length != 2
                    || !NAME.matcher(arg.split(" ")[0]).matches()
                    || !NAME.matcher(arg.split(" ")[arg.split(" ").length - 1]).matches()) {
                problem(i, "qapi:branch needs DISCRIMINATOR VALUE, got '" + arg + "'");
            }
        } else {
            if (ind != 0) {
                problem(i, "qapi:" + name + " must be at the top level");
            }
            if (arg == null || !NAME.matcher(arg).matches() || arg.contains(".")) {
                problem(i, "qapi:" + name + " needs one name without ':' or '.', got '" + arg + "'");
            }
        }
        // option block
        int j = i + 1;
        Set<String> allowed = name.equals(QapiSyntax.MODULE)
                ? OPTIONS.get(QapiSyntax.MODULE)
                : name.equals(QapiSyntax.NAMESPACE) || branch ? Set.of() : OPTIONS.get("object");
        while (j < lines.size() && !lines.get(j).isBlank()) {
            String l = lines.get(j);
            int li = indentOf(l);
            Matcher o = OPTION.matcher(l).region(li, l.length());
            if (li == ind + 3 && o.matches()) {
                String opt = o.group(1);
                if (!allowed.contains(opt)) {
                    problem(j, "option :" + opt + ": not valid for qapi:" + name);
                }
                boolean flag = QapiSyntax.FLAG_OPTIONS.contains(opt);
                if (flag != (o.group(2) == null)) {
                    problem(
                            j,
                            flag ? "flag option :" + opt + ": with a value" : "option :" + opt + ": without a value");
                }
            } else if (li <= ind + 3) {
                problem(j, "expected an option or a blank line after the directive");
                break;
            }
            j++;
        }
        if (j < lines.size() && !lines.get(j).isBlank()) {
            return j - 1;
        }
        boolean hasContent = (name.equals(QapiSyntax.NAMESPACE) || name.equals(QapiSyntax.MODULE)) ? false : true;
        if (hasContent) {
            stack.push(new Open(
                    name,
                    ind,
                    branch ? parent == null ? QapiSyntax.FIELD_MEMB : parent.memberField() : memberField(name)));
            if (branch) {
                int k = j;
                while (k < lines.size() && lines.get(k).isBlank()) {
                    k++;
                }
                if (k >= lines.size() || indentOf(lines.get(k)) <= ind) {
                    problem(i, "qapi:branch without content");
                }
            }
        } else {
            int k = j;
            while (k < lines.size() && lines.get(k).isBlank()) {
                k++;
            }
            if (k < lines.size() && indentOf(lines.get(k)) > ind) {
                problem(k, "qapi:" + name + " takes no content here");
            }
        }
        return j - 1;
    }

    /** A field at the content indent of {@code parent}: known name, well-formed argument. */
    private void field(int i, Matcher f, Open parent) {
        String kind = f.group(1);
        String arg = f.group(2);
        String body = f.group(3);
        String member = parent.memberField();
        String[] words = arg == null ? new String[0] : arg.split(" ", -1);
        boolean branch = parent.name().equals(QapiSyntax.BRANCH);
        if (kind.equals(member)) {
            boolean typed = !member.equals(QapiSyntax.FIELD_VALUE);
            boolean dummy = !extended
                    && words.length == 2
                    && words[0].equals(QapiSyntax.DUMMY)
                    && words[1].equals(QapiSyntax.DUMMY);
            if (dummy) {
                return;
            }
            if (typed
                    ? words.length != 2
                            || !TYPE.matcher(words[0]).matches()
                            || !NAME.matcher(words[1]).matches()
                    : words.length != 1 || !NAME.matcher(words[0]).matches()) {
                problem(i, "malformed :" + kind + ": argument '" + arg + "'");
            }
        } else if (branch) {
            problem(i, "field :" + kind + ": inside qapi:branch");
        } else if (kind.equals(QapiSyntax.FIELD_FEAT)) {
            if (words.length != 1 || !NAME.matcher(words[0]).matches()) {
                problem(i, "malformed :feat: argument '" + arg + "'");
            }
        } else if (parent.name().equals(QapiSyntax.COMMAND)
                && (kind.equals(QapiSyntax.FIELD_RETURN) || kind.equals(QapiSyntax.FIELD_RETURN_NODESC))) {
            boolean nodesc = kind.equals(QapiSyntax.FIELD_RETURN_NODESC);
            String type = nodesc ? body : arg;
            if (type == null
                    || !TYPE.matcher(type).matches()
                    || (nodesc && arg != null)
                    || (!nodesc && words.length != 1)) {
                problem(i, "malformed :" + kind + ":");
            }
        } else if (parent.name().equals(QapiSyntax.COMMAND) && kind.equals(QapiSyntax.FIELD_ERROR)) {
            if (arg != null
                    && (!extended
                            || words.length != 1
                            || !NAME.matcher(words[0]).matches())) {
                problem(i, "malformed :error: argument '" + arg + "'");
            }
        } else {
            problem(i, "field :" + kind + ": not valid in qapi:" + parent.name());
        }
        if (body == null && !kind.equals(QapiSyntax.FIELD_ERROR)) {
            problem(i, "field :" + kind + ": without a body");
        }
    }
}
