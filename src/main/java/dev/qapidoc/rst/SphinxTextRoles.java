package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sphinx's text roles whose rendering has structure of its own, as Sphinx 5.3's HTML shows them:
 *
 * <ul>
 *   <li>{@code :manpage:`ls(1)`} is {@code <em class="manpage">ls(1)</em>} (attributes {@code
 *       page} and {@code section} are kept for a {@code manpages_url} link);
 *   <li>{@code :kbd:`Ctrl+Alt+Del`} splits into keys at {@code -}, {@code +}, {@code ^} and blanks
 *       between two characters: a compound literal of one key literal per key with the
 *       separators as text ({@code Ctrl++} is Ctrl and +); a single key, and the two-word keys
 *       Caps Lock, Page Up, ..., stay one literal;
 *   <li>{@code :abbr:`LIFO (last-in, first-out)`} is an {@code <abbr>} whose {@code title} is the
 *       parenthesised explanation;
 *   <li>{@code :guilabel:} and {@code :menuselection:} are spans of that class, {@code &} marking
 *       the next character as the accelerator ({@code &&} is a literal ampersand), and {@code
 *       -->} in a menu selection becomes the triangular bullet {@code ‣};
 *   <li>{@code :file:} and {@code :samp:} are literals in which a name in braces is emphasised
 *       (backslash-escaped braces are literal);
 *   <li>{@code :command:} and {@code :program:} are {@code <strong>} of that class;
 *   <li>{@code :math:} is the TeX text in {@code \( \)} inside {@code <span class="math notranslate
 *       nohighlight">}, what Sphinx's default MathJax renderer writes (without loading MathJax the
 *       reader sees the TeX source).
 * </ul>
 */
final class SphinxTextRoles {

    private static final Pattern MANPAGE = Pattern.compile("(.+)[(.]([1-9]\\w*)?\\)?", Pattern.DOTALL);
    private static final Pattern KEY_SEPARATOR = Pattern.compile("(?<=.)(-|\\+|\\^|\\s+)(?=.)");
    private static final List<List<String>> TWO_WORD_KEYS = List.of(
            List.of("caps", "lock"),
            List.of("page", "down"),
            List.of("page", "up"),
            List.of("scroll", "lock"),
            List.of("num", "lock"),
            List.of("sys", "rq"),
            List.of("back", "space"));

    private SphinxTextRoles() {}

    static void register(DirectiveRegistry.Builder b) {
        b.registerRole("manpage", SphinxTextRoles::manpage);
        b.registerRole("kbd", SphinxTextRoles::kbd);
        b.registerRole("abbr", SphinxTextRoles::abbr);
        b.registerRole("guilabel", SphinxTextRoles::accelerated);
        b.registerRole("menuselection", SphinxTextRoles::accelerated);
        b.registerRole("file", SphinxTextRoles::emphasizedLiteral);
        b.registerRole("samp", SphinxTextRoles::emphasizedLiteral);
        b.registerRole("command", SphinxTextRoles::strong);
        b.registerRole("program", SphinxTextRoles::strong);
        b.registerRole("math", SphinxTextRoles::math);
    }

    private static RstNode inline(String tag, String cls, SourceLocation where) {
        RstNode n = new RstNode(Type.INLINE, where).attr("tag", tag);
        if (cls != null) {
            n.classes().add(cls);
        }
        return n;
    }

    private static RstNode manpage(String name, String raw, SourceLocation where) {
        String text = InlineParser.unescape(raw);
        RstNode em = inline("em", "manpage", where);
        Matcher m = MANPAGE.matcher(text);
        if (m.matches()) {
            em.attr("page", m.group(1));
            if (m.group(2) != null) {
                em.attr("section", m.group(2));
            }
        }
        em.add(RstNode.text(text, where));
        return em;
    }

    private static RstNode kbd(String name, String raw, SourceLocation where) {
        String text = InlineParser.unescape(raw);
        RstNode outer = key(text, where);
        List<String> parts = new ArrayList<>();
        Matcher m = KEY_SEPARATOR.matcher(text);
        int at = 0;
        while (m.find()) {
            parts.add(text.substring(at, m.start()));
            parts.add(m.group());
            at = m.end();
        }
        parts.add(text.substring(at));
        if (parts.size() == 1 || isTwoWordKey(parts)) {
            return outer;
        }
        outer.clearChildren();
        outer.classes().add("compound");
        for (int i = 0; i < parts.size(); i++) {
            outer.add(i % 2 == 0 ? key(parts.get(i), where) : RstNode.text(parts.get(i), where));
        }
        return outer;
    }

    private static boolean isTwoWordKey(List<String> parts) {
        return parts.size() == 3
                && parts.get(1).isBlank()
                && TWO_WORD_KEYS.contains(List.of(
                        parts.get(0).toLowerCase(Locale.ROOT), parts.get(2).toLowerCase(Locale.ROOT)));
    }

    private static RstNode key(String text, SourceLocation where) {
        RstNode k = new RstNode(Type.LITERAL, where);
        k.classes().add("kbd");
        k.add(RstNode.text(text, where));
        return k;
    }

    private static RstNode abbr(String name, String raw, SourceLocation where) {
        String text = InlineParser.unescape(raw);
        RstNode n = inline("abbr", null, where);
        // "ABBR (explanation)": from the first "(" to a ")" that ends the text (found by
        // scanning: a pattern retried from every "(" was quadratic in a text of many)
        int open = text.indexOf('(');
        if (text.endsWith(")") && open >= 0 && open < text.length() - 1) {
            n.attr("title", text.substring(open + 1, text.length() - 1));
            text = text.substring(0, open).strip();
        }
        n.add(RstNode.text(text, where));
        return n;
    }

    /** guilabel and menuselection: {@code &x} marks the accelerator, {@code &&} is {@code &}. */
    private static RstNode accelerated(String name, String raw, SourceLocation where) {
        String text = InlineParser.unescape(raw);
        if (name.equals("menuselection")) {
            text = text.replace("-->", "\u2023");
        }
        RstNode span = inline("span", name, where);
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' && i + 1 < text.length()) {
                if (text.charAt(i + 1) == '&') {
                    run.append('&');
                    i++;
                    continue;
                }
                flush(span, run, where);
                RstNode acc = inline("span", "accelerator", where);
                acc.add(RstNode.text(String.valueOf(text.charAt(i + 1)), where));
                span.add(acc);
                i++;
                continue;
            }
            run.append(c);
        }
        flush(span, run, where);
        return span;
    }

    private static void flush(RstNode into, StringBuilder run, SourceLocation where) {
        if (run.length() > 0) {
            into.add(RstNode.text(run.toString(), where));
            run.setLength(0);
        }
    }

    /** file and samp: {@code {var}} emphasised inside the literal; the role name is its class. */
    private static RstNode emphasizedLiteral(String name, String raw, SourceLocation where) {
        RstNode lit = new RstNode(Type.LITERAL, where);
        lit.classes().add(name);
        StringBuilder run = new StringBuilder();
        RstNode em = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && "\\{}".indexOf(raw.charAt(i + 1)) >= 0) {
                run.append(raw.charAt(++i));
            } else if (c == '{' && em == null) {
                flush(lit, unescaped(run), where);
                em = new RstNode(Type.EMPHASIS, where);
            } else if (c == '}' && em != null) {
                flush(em, unescaped(run), where);
                if (!em.children().isEmpty()) {
                    lit.add(em);
                }
                em = null;
            } else {
                run.append(c);
            }
        }
        if (em != null) {
            // an unclosed brace is text
            run.insert(0, em.astext());
            run.insert(0, '{');
        }
        flush(lit, unescaped(run), where);
        return lit;
    }

    private static StringBuilder unescaped(StringBuilder run) {
        String u = InlineParser.unescape(run.toString());
        run.setLength(0);
        return run.append(u);
    }

    private static RstNode strong(String name, String raw, SourceLocation where) {
        RstNode n = inline("strong", name, where);
        n.add(RstNode.text(InlineParser.unescape(raw), where));
        return n;
    }

    private static RstNode math(String name, String raw, SourceLocation where) {
        RstNode n = inline("span", null, where);
        n.classes().addAll(List.of("math", "notranslate", "nohighlight"));
        // backslashes are TeX's: kept, as docutils' math role keeps them
        n.add(RstNode.text("\\(" + raw + "\\)", where));
        return n;
    }
}
