package dev.qapidoc.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the C preprocessor conditions of QEMU 3.0–6.1 ({@code 'if': 'defined(CONFIG_SPICE)'},
 * schema-language.md Appendix A R5) into the modern {@link IfCond} tree, the way QEMU 6.2
 * rewrote them: {@code defined(X)} / {@code defined X} / {@code X} → {@code X}, {@code !} → not,
 * {@code &&} → all, {@code ||} → any ({@code &&} binds tighter), parentheses. Then the C form,
 * the doc form and evaluation are the modern ones.
 */
final class CExprCondition {
    /** Nesting limit: deeper input is rejected rather than overflowing the stack. */
    static final int MAX_DEPTH = 100;

    private final String s;
    private int pos;
    private int depth;

    private CExprCondition(String s) {
        this.s = s;
    }

    /** The condition, or null when {@code text} is not such an expression. */
    static IfCond parse(String text) {
        CExprCondition p = new CExprCondition(text);
        try {
            IfCond c = p.or();
            p.skipSpace();
            return p.pos == text.length() ? c : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A condition value of the 3.0–6.1 language: a string as above, or a list of them meaning
     * "all of" (a list of one is that item). Null when it is not one.
     */
    static IfCond parseLegacy(Object value) {
        if (value instanceof String str) {
            return parse(str);
        }
        if (!(value instanceof List<?> l) || l.isEmpty()) {
            return null;
        }
        List<IfCond> ops = new ArrayList<>();
        for (Object o : l) {
            IfCond c = o instanceof String str ? parse(str) : null;
            if (c == null) {
                return null;
            }
            ops.add(c);
        }
        return ops.size() == 1 ? ops.get(0) : new IfCond.All(ops);
    }

    private IfCond or() {
        List<IfCond> ops = new ArrayList<>();
        ops.add(and());
        while (eat("||")) {
            ops.add(and());
        }
        return ops.size() == 1 ? ops.get(0) : new IfCond.Any(ops);
    }

    private IfCond and() {
        List<IfCond> ops = new ArrayList<>();
        ops.add(unary());
        while (eat("&&")) {
            ops.add(unary());
        }
        return ops.size() == 1 ? ops.get(0) : new IfCond.All(ops);
    }

    private IfCond unary() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("too deep");
        }
        try {
            if (eat("!")) {
                return new IfCond.Not(unary());
            }
            if (eat("(")) {
                IfCond c = or();
                expect(")");
                return c;
            }
            String id = identifier();
            if (id.equals("defined")) {
                if (eat("(")) {
                    String x = identifier();
                    expect(")");
                    return new IfCond.Name(x);
                }
                return new IfCond.Name(identifier());
            }
            return new IfCond.Name(id);
        } finally {
            depth--;
        }
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(String tok) {
        skipSpace();
        if (s.startsWith(tok, pos)) {
            pos += tok.length();
            return true;
        }
        return false;
    }

    private void expect(String tok) {
        if (!eat(tok)) {
            throw new IllegalArgumentException("expected " + tok);
        }
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            boolean ok = c == '_'
                    || (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (pos > start && c >= '0' && c <= '9');
            if (!ok) {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw new IllegalArgumentException("identifier expected");
        }
        return s.substring(start, pos);
    }
}
