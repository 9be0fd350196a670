package dev.qapidoc.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * A small JSON parser for the messages of QMP examples (doc-comments-and-rest.md §2.9): strict
 * JSON, except that {@code ...} (or {@code …}) may stand for left-out object members, array
 * elements or a whole value, as QEMU's examples write it. Values remember their offset in the
 * message text so findings can point at the right doc line.
 */
final class ExampleJson {
    /** Nesting limit; example messages are shallow, deeper input is reported, not recursed into. */
    private static final int MAX_DEPTH = 100;

    sealed interface Value permits Obj, Arr, Str, Num, Bool, Null, Elided {
        int pos();
    }

    record Member(String key, int keyPos, Value value) {}

    /** An object; {@code elided} when it contains a {@code ...} for left-out members. */
    record Obj(List<Member> members, boolean elided, int pos) implements Value {
        Value get(String key) {
            for (Member m : members) {
                if (m.key().equals(key)) {
                    return m.value();
                }
            }
            return null;
        }
    }

    record Arr(List<Value> items, boolean elided, int pos) implements Value {}

    record Str(String value, int pos) implements Value {}

    record Num(String text, boolean integral, int pos) implements Value {}

    record Bool(boolean value, int pos) implements Value {}

    record Null(int pos) implements Value {}

    /** A whole value written as {@code ...}. */
    record Elided(int pos) implements Value {}

    /** A syntax error at offset {@code pos}. */
    static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;
        final int pos;

        ParseError(int pos, String message) {
            super(message, null, false, false);
            this.pos = pos;
        }
    }

    private final String s;
    private int i;

    private ExampleJson(String s) {
        this.s = s;
    }

    /** Parses exactly one value; only white space may follow it. */
    static Value parse(String text) throws ParseError {
        ExampleJson p = new ExampleJson(text);
        Value v = p.value(0);
        p.skipWs();
        if (p.i < text.length()) {
            throw new ParseError(p.i, "unexpected '" + text.charAt(p.i) + "' after the JSON value");
        }
        return v;
    }

    /**
     * The offset just after the first complete value in {@code text} if brackets balance there,
     * else -1: used to find where a multi-line message ends. Strings are skipped.
     */
    static int endOfValue(String text) {
        Balance b = new Balance();
        b.feed(text);
        return b.end == -2 ? text.length() : b.end;
    }

    /**
     * Incremental form of {@link #endOfValue}: text is fed line by line, so gathering a long
     * message stays linear in its length.
     */
    static final class Balance {
        private int depth;
        private boolean started;
        private boolean inString;
        private boolean escape;
        private int offset;
        /** Offset just after the first complete value, or -1 while there is none yet. */
        int end = -1;

        void feed(CharSequence text) {
            for (int k = 0; k < text.length() && end < 0; k++, offset++) {
                char c = text.charAt(k);
                if (inString) {
                    if (escape) {
                        escape = false;
                    } else if (c == '\\') {
                        escape = true;
                    } else if (c == '"') {
                        inString = false;
                        if (!started) {
                            end = offset + 1;
                        }
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                    started = true;
                } else if ((c == '}' || c == ']') && --depth <= 0) {
                    end = offset + 1;
                }
            }
            if (end < 0 && !started && !inString) {
                end = -2; // marker: no bracket or string seen yet (see complete())
            }
        }

        /** True when the text so far holds a complete value or no structure at all. */
        boolean complete() {
            return end >= 0 || end == -2;
        }
    }

    private Value value(int depth) throws ParseError {
        if (depth > MAX_DEPTH) {
            throw new ParseError(i, "nested too deeply");
        }
        skipWs();
        if (i >= s.length()) {
            throw new ParseError(i, "unexpected end of message");
        }
        int start = i;
        char c = s.charAt(i);
        if (c == '{') {
            return object(depth);
        }
        if (c == '[') {
            return array(depth);
        }
        if (c == '"') {
            return new Str(string(), start);
        }
        if (elision()) {
            return new Elided(start);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        if (s.startsWith("true", i)) {
            i += 4;
            return new Bool(true, start);
        }
        if (s.startsWith("false", i)) {
            i += 5;
            return new Bool(false, start);
        }
        if (s.startsWith("null", i)) {
            i += 4;
            return new Null(start);
        }
        throw new ParseError(i, "unexpected '" + c + "'");
    }

    private boolean elision() {
        if (s.startsWith("...", i)) {
            while (i < s.length() && s.charAt(i) == '.') {
                i++;
            }
            return true;
        }
        if (i < s.length() && s.charAt(i) == '\u2026') {
            i++;
            return true;
        }
        return false;
    }

    private Obj object(int depth) throws ParseError {
        int start = i++;
        List<Member> members = new ArrayList<>();
        boolean elided = false;
        skipWs();
        if (peek('}')) {
            i++;
            return new Obj(members, false, start);
        }
        while (true) {
            skipWs();
            if (elision()) {
                elided = true;
            } else {
                if (!peek('"')) {
                    throw new ParseError(i, "expected a member name in double quotes");
                }
                int keyPos = i;
                String key = string();
                skipWs();
                if (!peek(':')) {
                    throw new ParseError(i, "expected ':'");
                }
                i++;
                members.add(new Member(key, keyPos, value(depth + 1)));
            }
            skipWs();
            if (peek(',')) {
                i++;
                continue;
            }
            if (peek('}')) {
                i++;
                return new Obj(members, elided, start);
            }
            throw new ParseError(i, "expected ',' or '}'");
        }
    }

    private Arr array(int depth) throws ParseError {
        int start = i++;
        List<Value> items = new ArrayList<>();
        boolean elided = false;
        skipWs();
        if (peek(']')) {
            i++;
            return new Arr(items, false, start);
        }
        while (true) {
            skipWs();
            int at = i;
            if (elision()) {
                elided = true;
            } else {
                i = at;
                items.add(value(depth + 1));
            }
            skipWs();
            if (peek(',')) {
                i++;
                continue;
            }
            if (peek(']')) {
                i++;
                return new Arr(items, elided, start);
            }
            throw new ParseError(i, "expected ',' or ']'");
        }
    }

    private String string() throws ParseError {
        int start = i++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= s.length() || s.charAt(i) == '\n') {
                throw new ParseError(start, "unterminated string");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                if (i >= s.length()) {
                    throw new ParseError(start, "unterminated string");
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new ParseError(i - 2, "bad \\u escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new ParseError(i - 2, "bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> throw new ParseError(i - 2, "unknown escape \\" + e);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private Num number() throws ParseError {
        int start = i;
        if (peek('-')) {
            i++;
        }
        int digits = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digits) {
            throw new ParseError(start, "bad number");
        }
        boolean integral = true;
        if (peek('.')) {
            integral = false;
            i++;
            int frac = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == frac) {
                throw new ParseError(start, "bad number");
            }
        }
        if (peek('e') || peek('E')) {
            integral = false;
            i++;
            if (peek('+') || peek('-')) {
                i++;
            }
            int exp = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == exp) {
                throw new ParseError(start, "bad number");
            }
        }
        return new Num(s.substring(start, i), integral, start);
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private void skipWs() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else {
                return;
            }
        }
    }
}
