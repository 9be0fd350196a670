package dev.qapidoc.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Syntax highlighting of literal blocks with Pygments' token classes (qapi-domain-and-html.md §7):
 * the QMP lexer (JSON plus the {@code ->}, {@code <-}, {@code ...} markers), JSON, and a small
 * Python lexer for the {@code default} language. The output is the inner text of {@code <pre>}.
 */
final class Highlighter {

    /** One token: Pygments short class ("" for plain text) and its text. */
    record Token(String cls, String text) {}

    /** Highlighted HTML, or null when the block could not be lexed (caller falls back). */
    record Result(String html, boolean failed) {}

    private static final Set<String> PLAIN = Set.of(
            "none",
            "text",
            "rst",
            "restructuredtext",
            "console",
            "shell",
            "sh",
            "bash",
            "c",
            "cpp",
            "make",
            "ini",
            "diff",
            "output",
            "plain");

    private static final Set<String> PY_KEYWORDS = Set.of(
            "False",
            "None",
            "True",
            "and",
            "as",
            "assert",
            "async",
            "await",
            "break",
            "class",
            "continue",
            "def",
            "del",
            "elif",
            "else",
            "except",
            "finally",
            "for",
            "from",
            "global",
            "if",
            "import",
            "in",
            "is",
            "lambda",
            "nonlocal",
            "not",
            "or",
            "pass",
            "raise",
            "return",
            "try",
            "while",
            "with",
            "yield");

    /** The QMP "..." marker: {@code \.{3}( .* \.{3})?}, greedy, not crossing a newline. */
    private static final java.util.regex.Pattern ELLIPSIS =
            java.util.regex.Pattern.compile("\\.{3}(?: [^\\n]* \\.{3})?");

    private Highlighter() {}

    /** True when the language is one we can lex (others are shown as plain text). */
    static boolean known(String lang) {
        String l = lang.toLowerCase(Locale.ROOT);
        return lang.equals("QMP")
                || l.equals("json")
                || l.equals("default")
                || l.equals("python")
                || l.equals("python3")
                || l.equals("py")
                || PLAIN.contains(l);
    }

    /**
     * Highlights {@code code}. A failed QMP/JSON lex returns {@code failed=true} and the escaped
     * text (spec §7.4); for {@code default} the fallback is silent.
     */
    static Result highlight(String lang, String code) {
        String l = lang.toLowerCase(Locale.ROOT);
        List<Token> tokens;
        if (lang.equals("QMP")) {
            tokens = qmp(code);
        } else if (l.equals("json")) {
            tokens = json(code);
        } else if (l.equals("default") || l.equals("python") || l.equals("python3") || l.equals("py")) {
            tokens = python(code);
            if (tokens == null) {
                return new Result(HtmlWriter.escapeCode(code) + "\n", false);
            }
        } else {
            return new Result(HtmlWriter.escapeCode(code) + "\n", false);
        }
        for (Token t : tokens) {
            if (t.cls().equals("err")) {
                return new Result(HtmlWriter.escapeCode(code) + "\n", !l.equals("default"));
            }
        }
        return new Result(format(tokens, code.endsWith("\n") ? "" : "\n"), false);
    }

    /** Pygments' HTML formatting (§7.3): merge same-class neighbours, never span a newline. */
    static String format(List<Token> tokens, String trailer) {
        List<Token> merged = new ArrayList<>();
        for (Token t : tokens) {
            if (t.text().isEmpty()) {
                continue;
            }
            if (!merged.isEmpty() && merged.get(merged.size() - 1).cls().equals(t.cls())) {
                Token p = merged.remove(merged.size() - 1);
                merged.add(new Token(t.cls(), p.text() + t.text()));
            } else {
                merged.add(t);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Token t : merged) {
            String[] parts = t.text().split("\n", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    sb.append('\n');
                }
                if (parts[i].isEmpty()) {
                    continue;
                }
                if (t.cls().isEmpty()) {
                    sb.append(HtmlWriter.escapeCode(parts[i]));
                } else {
                    sb.append("<span class=\"")
                            .append(t.cls())
                            .append("\">")
                            .append(HtmlWriter.escapeCode(parts[i]))
                            .append("</span>");
                }
            }
        }
        return sb.append(trailer).toString();
    }

    // ---- QMP (§7.2) ----

    /** Marker-stage token with its start offset in the original text. */
    private record Marker(int start, String cls, String text) {}

    static List<Token> qmp(String code) {
        List<Marker> markers = new ArrayList<>();
        StringBuilder unclaimed = new StringBuilder();
        // original offset of each unclaimed character (an int array: this runs on every example)
        int[] unclaimedPos = new int[code.length()];
        int i = 0;
        int n = code.length();
        while (i < n) {
            if (code.startsWith("-> ", i) || code.startsWith("<- ", i)) {
                markers.add(new Marker(i, "gp", code.substring(i, i + 3)));
                i += 3;
                continue;
            }
            if (code.startsWith("...", i)) {
                java.util.regex.Matcher m = ELLIPSIS.matcher(code);
                m.region(i, n);
                m.lookingAt();
                markers.add(new Marker(i, "cm", m.group()));
                i = m.end();
                continue;
            }
            char c = code.charAt(i);
            if (c == '\n') {
                markers.add(new Marker(i, "w", "\n"));
                i++;
                continue;
            }
            unclaimedPos[unclaimed.length()] = i;
            unclaimed.append(c);
            i++;
        }
        List<Token> jsonTokens = json(unclaimed.toString());
        // map JSON tokens back onto original offsets, splitting at marker positions
        List<Token> out = new ArrayList<>();
        int mi = 0;
        int u = 0;
        for (Token t : jsonTokens) {
            String text = t.text();
            int from = 0;
            for (int k = 0; k < text.length() && mi < markers.size(); k++) {
                int orig = unclaimedPos[u + k];
                if (markers.get(mi).start() >= orig) {
                    continue;
                }
                if (k > from) {
                    out.add(new Token(t.cls(), text.substring(from, k)));
                }
                from = k;
                while (mi < markers.size() && markers.get(mi).start() < orig) {
                    Marker m = markers.get(mi++);
                    out.add(new Token(m.cls(), m.text()));
                }
            }
            u += text.length();
            if (from < text.length()) {
                out.add(new Token(t.cls(), from == 0 ? text : text.substring(from)));
            }
        }
        while (mi < markers.size()) {
            Marker m = markers.get(mi++);
            out.add(new Token(m.cls(), m.text()));
        }
        return out;
    }

    // ---- JSON (Pygments 2.14 rules, non-validating) ----

    static List<Token> json(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int j = i;
            if (c == '"') {
                j = jsonString(s, i, out);
            } else if ("{}[],".indexOf(c) >= 0 || c == ':') {
                while (j < n && ("{}[],:".indexOf(s.charAt(j)) >= 0)) {
                    j++;
                }
                out.add(new Token("p", s.substring(i, j)));
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                while (j < n && " \t\r\n".indexOf(s.charAt(j)) >= 0) {
                    j++;
                }
                out.add(new Token("w", s.substring(i, j)));
            } else if (c == 't' || c == 'f' || c == 'n') {
                while (j < n && "truefalsn".indexOf(s.charAt(j)) >= 0) {
                    j++;
                }
                out.add(new Token("kc", s.substring(i, j)));
            } else if (c == '-' || Character.isDigit(c)) {
                while (j < n && "-0123456789.eE+".indexOf(s.charAt(j)) >= 0) {
                    j++;
                }
                String num = s.substring(i, j);
                boolean flt = num.indexOf('.') >= 0
                        || num.indexOf('e') >= 0
                        || num.indexOf('E') >= 0
                        || num.indexOf('+') >= 0;
                out.add(new Token(flt ? "mf" : "mi", num));
            } else if (s.startsWith("//", i)) {
                j = s.indexOf('\n', i);
                j = j < 0 ? n : j;
                out.add(new Token("c1", s.substring(i, j)));
            } else if (s.startsWith("/*", i)) {
                j = s.indexOf("*/", i + 2);
                j = j < 0 ? n : j + 2;
                out.add(new Token("cm", s.substring(i, j)));
            } else {
                out.add(new Token("err", String.valueOf(c)));
                j = i + 1;
            }
            i = j;
        }
        markKeys(out);
        return out;
    }

    /** A JSON string from the quote at {@code i}; returns the index after it. */
    private static int jsonString(String s, int i, List<Token> out) {
        int n = s.length();
        int j = i + 1;
        boolean closed = false;
        while (j < n) {
            char d = s.charAt(j);
            if (d == '\\') {
                j += 2;
                continue;
            }
            if (d == '"') {
                closed = true;
                j++;
                break;
            }
            j++;
        }
        j = Math.min(j, n);
        out.add(new Token(closed ? "s2" : "err", s.substring(i, j)));
        return j;
    }

    /** A string followed (after whitespace and comments) by ':' is a key. */
    private static void markKeys(List<Token> out) {
        for (int k = 0; k < out.size(); k++) {
            if (!out.get(k).cls().equals("s2")) {
                continue;
            }
            int m = k + 1;
            while (m < out.size()
                    && (out.get(m).cls().equals("w") || out.get(m).cls().startsWith("c"))) {
                m++;
            }
            if (m < out.size()
                    && out.get(m).cls().equals("p")
                    && out.get(m).text().startsWith(":")) {
                out.set(k, new Token("nt", out.get(k).text()));
            }
        }
    }

    // ---- Python (the "default" language, §7.6) ----

    /** A small Python lexer; returns null when it meets something it cannot classify. */
    static List<Token> python(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int j = i + 1;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                while (j < n && " \t\r\n".indexOf(s.charAt(j)) >= 0) {
                    j++;
                }
                out.add(new Token("", s.substring(i, j)));
            } else if (c == '#') {
                while (j < n && s.charAt(j) != '\n') {
                    j++;
                }
                out.add(new Token("c1", s.substring(i, j)));
            } else if (Character.isDigit(c)) {
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == '_')) {
                    j++;
                }
                String num = s.substring(i, j);
                out.add(new Token(num.contains(".") || num.contains("e") ? "mf" : "mi", num));
            } else if (Character.isLetter(c) || c == '_') {
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                String w = s.substring(i, j);
                String cls = PY_KEYWORDS.contains(w)
                        ? (w.equals("True") || w.equals("False") || w.equals("None") ? "kc" : "k")
                        : (Set.of("and", "or", "not", "in", "is").contains(w) ? "ow" : "n");
                if (Set.of("and", "or", "not", "in", "is").contains(w)) {
                    cls = "ow";
                }
                out.add(new Token(cls, w));
            } else if (c == '"' || c == '\'') {
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                    if (s.charAt(j) == '\\') {
                        j++;
                    }
                    j++;
                }
                if (j >= n || s.charAt(j) != c) {
                    return null;
                }
                j++;
                out.add(new Token(c == '"' ? "s2" : "s1", s.substring(i, j)));
            } else if ("+-*/%&|^~<>=!@".indexOf(c) >= 0) {
                while (j < n && "+-*/%&|^~<>=!@".indexOf(s.charAt(j)) >= 0) {
                    j++;
                }
                out.add(new Token("o", s.substring(i, j)));
            } else if ("()[]{},:;.".indexOf(c) >= 0) {
                out.add(new Token("p", String.valueOf(c)));
            } else {
                return null;
            }
            i = j;
        }
        return out;
    }
}
