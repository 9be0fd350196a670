package dev.qapidoc.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little C that kernel-doc needs: the declaration following a comment (a prototype, a
 * {@code static inline} function whose body is skipped, a struct/union/enum with its body, a
 * typedef, a macro), prototypes taken apart into return type and parameters, struct bodies laid
 * out member by member as kernel-doc's "Definition" shows them, and enum constants. Declarations,
 * not a compiler: preprocessor lines inside a body and comments are dropped.
 */
final class CDeclarations {

    /** Storage classes and attribute macros that a documented prototype does not show. */
    private static final Pattern DROPPED = Pattern.compile(
            "\\b(?:static|inline|extern|__always_inline|__inline__|QEMU_PLUGIN_API|QEMU_PLUGIN_EXPORT|G_NORETURN|QEMU_ALWAYS_INLINE)\\b");

    private static final Pattern ATTRIBUTES = Pattern.compile(
            "\\b(?:G_GNUC_[A-Z_]+|QEMU_[A-Z_]*PRINTF|__attribute__|G_GNUC_PRINTF|QEMU_WARN_UNUSED_RESULT)\\s*(?:\\(\\([^;]*?\\)\\)|\\([^()]*\\))?");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_]\\w*");

    private CDeclarations() {}

    /**
     * The declaration that starts after {@code offset}: a {@code #define} to the end of its
     * (continued) line; anything else to the first {@code ;} outside braces, or to the first
     * an opening brace outside braces when it follows a {@code )} (a function body, skipped). Comments
     * are removed and whitespace runs, newlines included, become one space.
     */
    static String declarationAfter(String text, int offset) {
        return declaration(text, offset).text();
    }

    /** A declaration's text and the offset just past it in the file. */
    record Decl(String text, int end) {}

    /** As {@link #declarationAfter}, with where the declaration ends. */
    static Decl declaration(String text, int offset) {
        int i = skipSpaceAndComments(text, offset);
        if (text.startsWith("#define", i)) {
            StringBuilder sb = new StringBuilder();
            int end = i;
            while (end < text.length()) {
                int nl = text.indexOf('\n', end);
                if (nl < 0) {
                    nl = text.length();
                }
                String l = text.substring(end, nl);
                end = nl + 1;
                if (l.endsWith("\\")) {
                    sb.append(l, 0, l.length() - 1).append(' ');
                } else {
                    sb.append(l);
                    break;
                }
            }
            return new Decl(squeeze(stripComments(sb.toString())), end);
        }
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        boolean lineStart = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && text.startsWith("/*", i)) {
                int e = text.indexOf("*/", i + 2);
                String comment = e < 0 ? "" : text.substring(i + 2, e).strip();
                // kernel-doc's private:/public: markers survive as tokens the layout understands
                if (comment.startsWith("private:") || comment.startsWith("public:")) {
                    sb.append(" @").append(comment, 0, comment.indexOf(':')).append("@ ");
                }
                i = e < 0 ? text.length() : e + 2;
                continue;
            }
            if (c == '/' && text.startsWith("//", i)) {
                int e = text.indexOf('\n', i);
                i = e < 0 ? text.length() : e;
                continue;
            }
            if (lineStart && c == '#') {
                int e = text.indexOf('\n', i);
                i = e < 0 ? text.length() : e;
                continue;
            }
            if (c == '\n') {
                lineStart = true;
                sb.append(' ');
                i++;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                lineStart = false;
            }
            if (c == '{') {
                if (depth == 0 && sb.toString().strip().endsWith(")")) {
                    break;
                }
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ';' && depth == 0) {
                sb.append(';');
                break;
            }
            sb.append(c);
            i++;
        }
        return new Decl(squeeze(sb.toString()), i);
    }

    private static int skipSpaceAndComments(String text, int i) {
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.startsWith("/*", i) && !text.startsWith("/**", i)) {
                int e = text.indexOf("*/", i + 2);
                i = e < 0 ? text.length() : e + 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static String stripComments(String s) {
        return s.replaceAll("/\\*.*?\\*/", " ").replaceAll("//.*", "");
    }

    /** Whitespace runs as one space, and none inside parentheses' edges. */
    static String squeeze(String s) {
        return s.replaceAll("\\s+", " ")
                .replaceAll("\\( ", "(")
                .replaceAll(" \\)", ")")
                .strip();
    }

    /** A function prototype: its return type, name and parameters as written. */
    record Prototype(String returnType, String name, List<String> params) {}

    /**
     * {@code decl} taken apart around {@code name(}: storage classes and attribute macros
     * dropped, the parameters split at top-level commas; null when {@code name(} is not there.
     */
    static Prototype prototype(String decl, String name) {
        String d = ATTRIBUTES.matcher(DROPPED.matcher(decl).replaceAll(" ")).replaceAll(" ");
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(").matcher(d);
        if (!m.find()) {
            return null;
        }
        String ret = squeeze(d.substring(0, m.start()));
        int open = m.end() - 1;
        int close = matching(d, open);
        if (close < 0) {
            return null;
        }
        return new Prototype(ret, name, splitTopLevel(d.substring(open + 1, close)));
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** {@code s} split at commas outside brackets, each part squeezed; {@code void} alone gives none. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(squeeze(s.substring(start, i)));
                start = i + 1;
            }
        }
        String last = squeeze(s.substring(start));
        if (!last.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    /**
     * The name a parameter (or member) declares: the identifier in {@code (*name)} for function
     * pointers, else the last identifier before any array bounds; {@code ...} for varargs.
     */
    static String declaredName(String param) {
        if (param.equals("...") || param.endsWith("...")) {
            return "...";
        }
        Matcher fp = Pattern.compile("\\(\\s*\\*+\\s*([A-Za-z_]\\w*)\\s*\\)").matcher(param);
        if (fp.find()) {
            return fp.group(1);
        }
        String p = param.replaceAll("\\[[^\\]]*\\]", "").replaceAll(":\\s*\\w+$", "");
        String last = null;
        Matcher m = IDENT.matcher(p);
        while (m.find()) {
            last = m.group();
        }
        return last == null ? "" : last;
    }

    /** The text between the first top-level opening brace of {@code decl} and its closing brace, or null. */
    static String body(String decl) {
        int open = decl.indexOf('{');
        if (open < 0) {
            return null;
        }
        int close = matching(decl, open);
        return close < 0 ? null : decl.substring(open + 1, close);
    }

    /** Enumerator names of an enum body, in order. */
    static List<String> enumerators(String body) {
        List<String> out = new ArrayList<>();
        for (String part : splitTopLevel(body)) {
            Matcher m = IDENT.matcher(part);
            if (m.lookingAt()) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** Parameter names of a function-like {@code #define}, or null for an object-like macro. */
    static List<String> macroParams(String define, String name) {
        Matcher m =
                Pattern.compile("^#define\\s+" + Pattern.quote(name) + "\\(").matcher(define);
        if (!m.find()) {
            return null;
        }
        int close = define.indexOf(')', m.end());
        if (close < 0) {
            return null;
        }
        return splitTopLevel(define.substring(m.end(), close));
    }
}
