package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Smart punctuation as Sphinx applies it by default (qapi-domain-and-html.md §9.2, SmartyPants
 * "qDe", English quotes): straight quotes become curly ones by context, {@code --} an en dash,
 * {@code ---} an em dash, {@code ...} an ellipsis. Literals, code and raw text are left alone; the
 * text of a literal still counts as context for the quote direction of the text after it.
 */
final class SmartQuotes {
    private SmartQuotes() {}

    /** Text elements whose TEXT descendants are educated, each with its own context. */
    private static final Set<Type> TEXT_ELEMENTS = Set.of(
            Type.PARAGRAPH,
            Type.TITLE,
            Type.SUBTITLE,
            Type.TERM,
            Type.CLASSIFIER,
            Type.RUBRIC,
            Type.LINE,
            Type.FIELD_NAME,
            Type.ATTRIBUTION);

    /** Containers whose text is never educated. */
    private static final Set<Type> SKIP = Set.of(
            Type.LITERAL,
            Type.LITERAL_BLOCK,
            Type.PARSED_LITERAL,
            Type.RAW,
            Type.COMMENT,
            Type.PENDING_XREF,
            Type.DIRECTIVE,
            Type.SUBSTITUTION_DEFINITION);

    static void apply(RstNode root) {
        for (RstNode n : root.descendants()) {
            if (TEXT_ELEMENTS.contains(n.type())) {
                List<RstNode> pieces = new ArrayList<>();
                collect(n, pieces, 0);
                // context crosses node boundaries: the character before and after each text node
                List<String> originals = new ArrayList<>();
                for (RstNode p : pieces) {
                    originals.add(text(p));
                }
                for (int i = 0; i < pieces.size(); i++) {
                    RstNode p = pieces.get(i);
                    if (p.type() != Type.TEXT) {
                        continue;
                    }
                    char before = 0;
                    for (int k = i - 1; k >= 0 && before == 0; k--) {
                        String t = originals.get(k);
                        before = t.isEmpty() ? 0 : t.charAt(t.length() - 1);
                    }
                    char after = 0;
                    for (int k = i + 1; k < pieces.size() && after == 0; k++) {
                        String t = originals.get(k);
                        after = t.isEmpty() ? 0 : t.charAt(0);
                    }
                    p.setText(educateText(originals.get(i), before, after));
                }
            }
        }
    }

    private static String text(RstNode n) {
        if (n.type() == Type.TEXT) {
            return n.text();
        }
        String t = n.astext();
        if (t.isEmpty() && n.attr("text") != null) {
            return n.attr("text");
        }
        return t;
    }

    /** TEXT nodes to educate and opaque (literal) nodes that only give context, in order. */
    private static void collect(RstNode element, List<RstNode> out, int depth) {
        if (depth > RstReader.MAX_DEPTH) {
            return;
        }
        for (RstNode c : element.children()) {
            // a text element nested in another (the qapi domain puts description blocks inside an
            // item's paragraph) is part of the outer one's token stream, as in docutils, where
            // TextElement.findall(Text) reaches every descendant; educating it again later is a no-op
            if (c.type() == Type.TEXT || SKIP.contains(c.type())) {
                out.add(c);
            } else {
                collect(c, out, depth + 1);
            }
        }
    }

    /** Educates one string; {@code before} is the character preceding it (0 at the start). */
    static String educateText(String t, char before, char after) {
        if (t.indexOf('\'') < 0 && t.indexOf('"') < 0 && !t.contains("--") && !t.contains("...")) {
            return t;
        }
        StringBuilder sb = new StringBuilder(t.length());
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            char prev = i > 0 ? t.charAt(i - 1) : before;
            char prev2 = i > 1 ? t.charAt(i - 2) : i == 1 ? before : 0;
            char next = i + 1 < n ? t.charAt(i + 1) : after;
            if (c == '-' && next == '-') {
                if (i + 2 < n && t.charAt(i + 2) == '-') {
                    sb.append('\u2014');
                    i += 2;
                } else {
                    sb.append('\u2013');
                    i += 1;
                }
                continue;
            }
            if (c == '.' && t.startsWith("...", i)) {
                sb.append('\u2026');
                i += 2;
                continue;
            }
            if (c == '"') {
                sb.append(opening(prev, prev2, next) ? '\u201c' : '\u201d');
                continue;
            }
            if (c == '\'') {
                boolean decade = Character.isDigit(next) && i + 3 < n + 1 && isDecade(t, i + 1);
                if (decade) {
                    sb.append('\u2019');
                } else if (Character.isLetterOrDigit(prev)) {
                    sb.append('\u2019');
                } else {
                    sb.append(opening(prev, prev2, next) ? '\u2018' : '\u2019');
                }
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean isDecade(String t, int from) {
        return from + 2 < t.length() + 1
                && t.length() >= from + 3
                && Character.isDigit(t.charAt(from))
                && Character.isDigit(t.charAt(from + 1))
                && t.charAt(from + 2) == 's';
    }

    /**
     * Opening when after start, whitespace, an opening bracket or a dash, and before non-space
     * (§9.2: "opening after start/whitespace/opening punctuation, closing otherwise"). A dash is
     * {@code --} (still unconverted here) or an en/em dash; a single hyphen is neither a dash nor
     * opening punctuation, so a quote after it opens only before a word ({@code -'x'}) and closes
     * before punctuation or space: Sphinx writes {@code '-', '.'} as {@code ‘-’, ‘.’}.
     */
    private static boolean opening(char prev, char prev2, char next) {
        if (prev == '-' && prev2 != '-') {
            return Character.isLetterOrDigit(next);
        }
        boolean prevOpens =
                prev == 0 || Character.isWhitespace(prev) || "([{<\u2013\u2014-\u201c\u2018".indexOf(prev) >= 0;
        boolean nextOk = next != 0 && !Character.isWhitespace(next);
        return prevOpens && nextOk;
    }
}
