package dev.qapidoc.html;

import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code conf.py} the way a Sphinx user writes it, without running Python: only statements
 * of the form {@code name = literal} are understood, where a literal is a string, number, boolean,
 * {@code None}, or a list, tuple, set or dict of literals. Every other statement (imports,
 * function calls, computed values) is skipped and mentioned once in an INFO note, so a conf.py
 * shared with real Sphinx still works for the values that matter here.
 */
public final class ConfPy {
    private ConfPy() {}

    /** A parsed file: its values and the messages about it. */
    public record Result(SiteConfig config, List<SystemMessage> messages) {}

    private static final class Syntax extends Exception {
        private static final long serialVersionUID = 1L;

        Syntax(String m) {
            super(m, null, false, false);
        }
    }

    public static Result parse(String file, String text) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<SystemMessage> messages = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (Statement st : statements(text)) {
            String s = st.text.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (Character.isWhitespace(st.text.charAt(0))) {
                // inside an if/for/def block: conditional, so not a plain assignment
                skipped.add(st.line);
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "^([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)\\s*(.*)$", java.util.regex.Pattern.DOTALL)
                    .matcher(s);
            if (!m.matches()) {
                skipped.add(st.line);
                continue;
            }
            try {
                Parser p = new Parser(m.group(2));
                Object v = p.value(0);
                p.skipWs();
                if (!p.atEnd()) {
                    throw new Syntax("trailing text");
                }
                values.put(m.group(1), v);
            } catch (Syntax e) {
                skipped.add(st.line);
            }
        }
        if (!skipped.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            for (int k = 0; k < skipped.size(); k++) {
                lines.append(k == 0 ? "" : ", ").append(skipped.get(k));
            }
            messages.add(new SystemMessage(
                    SystemMessage.Level.INFO,
                    SourceLocation.of(file, skipped.get(0)),
                    "skipped " + skipped.size() + " statement(s) that are not literal assignments (lines " + lines
                            + "); qapidoc does not run Python"));
        }
        return new Result(new SiteConfig(values), messages);
    }

    private record Statement(String text, int line) {}

    /** Splits the file into logical lines (brackets and backslashes continue a line). */
    private static List<Statement> statements(String text) {
        List<Statement> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        int line = 1;
        int startLine = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (cur.length() == 0 && c != '\n' && !Character.isWhitespace(c)) {
                startLine = line;
            }
            if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                String q = text.startsWith(String.valueOf(c).repeat(3), i)
                        ? String.valueOf(c).repeat(3)
                        : String.valueOf(c);
                int j = i + q.length();
                while (j < n && !text.startsWith(q, j)) {
                    if (text.charAt(j) == '\\') {
                        j++;
                    }
                    if (j < n && text.charAt(j) == '\n') {
                        line++;
                    }
                    j++;
                }
                j = Math.min(n, j + q.length());
                cur.append(text, i, j);
                i = j;
                continue;
            }
            if (c == '\\' && i + 1 < n && text.charAt(i + 1) == '\n') {
                cur.append(' ');
                line++;
                i += 2;
                continue;
            }
            if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0 && depth > 0) {
                depth--;
            }
            if (c == '\n') {
                line++;
                if (depth == 0) {
                    out.add(new Statement(cur.toString(), startLine));
                    cur.setLength(0);
                    i++;
                    continue;
                }
            }
            if (c == ';' && depth == 0) {
                out.add(new Statement(cur.toString(), startLine));
                cur.setLength(0);
                i++;
                continue;
            }
            cur.append(c);
            i++;
        }
        out.add(new Statement(cur.toString(), startLine));
        return out;
    }

    /** Recursive-descent parser for Python literals (depth-limited). */
    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        void skipWs() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        Object value(int depth) throws Syntax {
            if (depth > 32) {
                throw new Syntax("too deep");
            }
            skipWs();
            if (atEnd()) {
                throw new Syntax("value expected");
            }
            Object first = single(depth);
            skipWs();
            // implicit string concatenation: 'a' 'b'
            while (first instanceof String str && !atEnd() && "'\"rRuU".indexOf(s.charAt(i)) >= 0) {
                Object next = single(depth);
                if (!(next instanceof String ns)) {
                    throw new Syntax("bad concatenation");
                }
                first = str + ns;
                skipWs();
            }
            // bare tuple: a, b
            if (depth == 0 && !atEnd() && s.charAt(i) == ',') {
                List<Object> items = new ArrayList<>();
                items.add(first);
                while (!atEnd() && s.charAt(i) == ',') {
                    i++;
                    skipWs();
                    if (atEnd()) {
                        break;
                    }
                    items.add(single(depth + 1));
                    skipWs();
                }
                return items;
            }
            return first;
        }

        /** After a '{': an empty dict, a dict of key: value pairs, or a set (read as a list). */
        Object braced(int depth) throws Syntax {
            skipWs();
            if (!atEnd() && s.charAt(i) == '}') {
                i++;
                return new LinkedHashMap<String, Object>();
            }
            Object k = value(depth + 1);
            skipWs();
            if (!atEnd() && s.charAt(i) == ':') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                map.put(String.valueOf(k), value(depth + 1));
                skipWs();
                while (!atEnd() && s.charAt(i) == ',') {
                    i++;
                    skipWs();
                    if (!atEnd() && s.charAt(i) == '}') {
                        break;
                    }
                    Object key = value(depth + 1);
                    skipWs();
                    if (atEnd() || s.charAt(i) != ':') {
                        throw new Syntax("':' expected");
                    }
                    i++;
                    map.put(String.valueOf(key), value(depth + 1));
                    skipWs();
                }
                expect('}');
                return map;
            }
            List<Object> set = new ArrayList<>();
            set.add(k);
            skipWs();
            while (!atEnd() && s.charAt(i) == ',') {
                i++;
                skipWs();
                if (!atEnd() && s.charAt(i) == '}') {
                    break;
                }
                set.add(value(depth + 1));
                skipWs();
            }
            expect('}');
            return set;
        }

        Object single(int depth) throws Syntax {
            skipWs();
            if (atEnd()) {
                throw new Syntax("value expected");
            }
            char c = s.charAt(i);
            if ((c == 'r' || c == 'R' || c == 'u' || c == 'U')
                    && i + 1 < s.length()
                    && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"')) {
                i++;
                return string(c == 'r' || c == 'R');
            }
            if (c == '\'' || c == '"') {
                return string(false);
            }
            if (c == '[' || c == '(') {
                char close = c == '[' ? ']' : ')';
                i++;
                List<Object> items = new ArrayList<>();
                items(items, close, depth);
                return items;
            }
            if (c == '{') {
                i++;
                return braced(depth);
            }
            int j = i;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || "._+-".indexOf(s.charAt(j)) >= 0)) {
                j++;
            }
            String word = s.substring(i, j);
            i = j;
            switch (word) {
                case "True" -> {
                    return Boolean.TRUE;
                }
                case "False" -> {
                    return Boolean.FALSE;
                }
                case "None" -> {
                    return null;
                }
                default -> {}
            }
            try {
                String w = word.replace("_", "");
                if (w.matches("[-+]?[0-9]+")) {
                    return Long.parseLong(w);
                }
                return Double.parseDouble(w);
            } catch (NumberFormatException e) {
                throw new Syntax("not a literal: " + word);
            }
        }

        void items(List<Object> items, char close, int depth) throws Syntax {
            skipWs();
            while (!atEnd() && s.charAt(i) != close) {
                items.add(value(depth + 1));
                skipWs();
                if (!atEnd() && s.charAt(i) == ',') {
                    i++;
                    skipWs();
                } else {
                    break;
                }
            }
            expect(close);
        }

        void expect(char c) throws Syntax {
            skipWs();
            if (atEnd() || s.charAt(i) != c) {
                throw new Syntax("'" + c + "' expected");
            }
            i++;
        }

        String string(boolean raw) throws Syntax {
            char q = s.charAt(i);
            boolean triple = s.startsWith(String.valueOf(q).repeat(3), i);
            String delim = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
            i += delim.length();
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new Syntax("unterminated string");
                }
                if (s.startsWith(delim, i)) {
                    i += delim.length();
                    return sb.toString();
                }
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    char e = s.charAt(i + 1);
                    if (raw) {
                        sb.append(c).append(e);
                    } else {
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case '\\' -> sb.append('\\');
                            case '\'' -> sb.append('\'');
                            case '"' -> sb.append('"');
                            case '\n' -> {}
                            default -> sb.append('\\').append(e);
                        }
                    }
                    i += 2;
                    continue;
                }
                if (c == '\n' && !triple) {
                    throw new Syntax("newline in string");
                }
                sb.append(c);
                i++;
            }
        }
    }
}
