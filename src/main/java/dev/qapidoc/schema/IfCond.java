package dev.qapidoc.schema;

import java.util.List;

/**
 * A condition ({@code 'if'}) as written in the schema (schema-language.md §13). Absent conditions
 * are represented by {@code null} fields in the model, never by an IfCond value.
 */
public sealed interface IfCond permits IfCond.Name, IfCond.All, IfCond.Any, IfCond.Not {

    /** A configuration symbol such as {@code CONFIG_KVM}. */
    record Name(String name) implements IfCond {}

    /** {@code {'all': [...]}} — true when every operand is. */
    record All(List<IfCond> operands) implements IfCond {
        public All {
            operands = List.copyOf(operands);
        }
    }

    /** {@code {'any': [...]}} — true when some operand is. */
    record Any(List<IfCond> operands) implements IfCond {
        public Any {
            operands = List.copyOf(operands);
        }
    }

    /** {@code {'not': COND}}. */
    record Not(IfCond operand) implements IfCond {}

    /**
     * The test-dump form (§13.4): a name as is, an operator in Python {@code repr} syntax, e.g.
     * {@code {'all': ['IFALL1', 'IFALL2']}}.
     */
    default String dumpForm() {
        StringBuilder sb = new StringBuilder();
        appendRepr(this, sb, true);
        return sb.toString();
    }

    /**
     * The C preprocessor form (§13.4): {@code defined(S)}, {@code !}, {@code &&}, {@code ||}, with
     * nested all/any operands parenthesised.
     */
    default String cForm() {
        return IfConds.format(this, "defined(%s)", "!", " && ", " || ", true);
    }

    /** The documentation form (§13.4): the C form with {@code %s}, {@code not }, and, or. */
    default String docForm() {
        return IfConds.format(this, "%s", "not ", " and ", " or ", true);
    }

    /** Evaluates the condition against a set of defined symbols. */
    default boolean evaluate(java.util.Set<String> defined) {
        if (this instanceof Name n) {
            return defined.contains(n.name());
        } else if (this instanceof Not n) {
            return !n.operand().evaluate(defined);
        } else if (this instanceof All a) {
            return a.operands().stream().allMatch(c -> c.evaluate(defined));
        } else {
            return ((Any) this).operands().stream().anyMatch(c -> c.evaluate(defined));
        }
    }

    private static void appendRepr(IfCond c, StringBuilder sb, boolean top) {
        if (c instanceof Name n) {
            if (top) {
                sb.append(n.name());
            } else {
                sb.append('\'').append(n.name()).append('\'');
            }
        } else if (c instanceof Not n) {
            sb.append("{'not': ");
            appendRepr(n.operand(), sb, false);
            sb.append('}');
        } else {
            List<IfCond> ops = c instanceof All a ? a.operands() : ((Any) c).operands();
            sb.append(c instanceof All ? "{'all': [" : "{'any': [");
            for (int i = 0; i < ops.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                appendRepr(ops.get(i), sb, false);
            }
            sb.append("]}");
        }
    }
}
