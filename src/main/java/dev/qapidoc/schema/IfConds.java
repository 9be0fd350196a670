package dev.qapidoc.schema;

import java.util.List;

/** Shared formatter for the infix forms of {@link IfCond} (§13.4). */
final class IfConds {
    private IfConds() {}

    static String format(IfCond c, String name, String not, String and, String or, boolean top) {
        if (c instanceof IfCond.Name n) {
            return String.format(name, n.name());
        } else if (c instanceof IfCond.Not n) {
            return not + format(n.operand(), name, not, and, or, false);
        }
        List<IfCond> ops = c instanceof IfCond.All a ? a.operands() : ((IfCond.Any) c).operands();
        String sep = c instanceof IfCond.All ? and : or;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ops.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(format(ops.get(i), name, not, and, or, false));
        }
        return top ? sb.toString() : "(" + sb + ")";
    }
}
