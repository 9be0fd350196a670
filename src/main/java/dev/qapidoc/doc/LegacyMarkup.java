package dev.qapidoc.doc;

import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 2017 doc markup (doc-comments-and-rest.md Part 3 §3.1) rewritten as reST, following the
 * recommendations of §3.6 step 2: {@code *x*} → {@code **x**}, then {@code _x_} → {@code *x*},
 * other {@code *} escaped; runs of {@code | } lines → one literal block; {@code = T} headings →
 * reST adornments (§2.10's table); lists get blank lines around them and indented continuation
 * lines. {@code @name} is left alone: the reST writer turns it into {@code ``name``}.
 */
final class LegacyMarkup {
    private LegacyMarkup() {}

    private static final Pattern STRONG = Pattern.compile("\\*([^*\\n]+)\\*");
    private static final Pattern EMPHASIS = Pattern.compile("\\b_([^_\\n]+)_\\b", Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * A {@code _} ending a word: reST reads {@code word_} as a reference to a target named
     * {@code word} when the {@code _} is followed by whitespace, punctuation, an escape or the
     * end of text (docutils reads {@code SEEK_\*} as a reference, 2017 text meant the glob
     * {@code SEEK_*}). 2017 markup had no references, so such a {@code _} is always literal.
     */
    private static final Pattern WORD_END_UNDERSCORE =
            Pattern.compile("(?<=[\\p{Alnum}_])_(?![\\p{Alnum}_])", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern HEADING = Pattern.compile("(=+) (.*)");
    private static final Pattern ITEM = Pattern.compile("([*-]|[0-9]*\\.) (.*)");

    /** §2.10: adornment character per level (index = level). */
    private static final String ADORNMENT = " #*=_^\"";

    /**
     * Rewrites stripped 2017-markup lines into reST. {@code headings}: convert {@code = T} lines
     * (free-form docs only, where 2.10 allowed them on any line).
     */
    static List<Doc.TextLine> rewrite(List<Doc.TextLine> in, boolean headings) {
        List<Doc.TextLine> out = new ArrayList<>(in.size() + 8);
        boolean inList = false;
        boolean bullets = false;
        char bullet = '-';
        int number = 0;
        int itemIndent = 0;
        boolean blankSeen = false;
        for (int i = 0; i < in.size(); i++) {
            Doc.TextLine l = in.get(i);
            String t = l.text();
            SourceLocation at = l.location();
            if (t.isEmpty()) {
                if (!out.isEmpty() && !out.get(out.size() - 1).text().isEmpty()) {
                    out.add(l); // runs of blank lines collapse to one
                }
                blankSeen = true;
                continue;
            }
            Matcher h = HEADING.matcher(t);
            if (headings && h.matches()) {
                blankBefore(out, at);
                heading(out, h.group(1).length(), inline(h.group(2).strip()), at);
                out.add(new Doc.TextLine("", at));
                blankSeen = false;
                continue;
            }
            if (t.equals("|") || t.startsWith("| ")) {
                // one literal block per run of example lines
                blankBefore(out, at);
                out.add(new Doc.TextLine("::", at));
                out.add(new Doc.TextLine("", at));
                while (i < in.size()
                        && (in.get(i).text().equals("|") || in.get(i).text().startsWith("| "))) {
                    String x = in.get(i).text();
                    out.add(new Doc.TextLine(
                            x.length() > 2 ? "   " + x.substring(2) : "",
                            in.get(i).location()));
                    i++;
                }
                i--;
                out.add(new Doc.TextLine("", at));
                inList = false;
                blankSeen = false;
                continue;
            }
            Matcher item = ITEM.matcher(t);
            if (item.matches()) {
                if (!inList) {
                    blankBefore(out, at);
                    inList = true;
                    bullets = !item.group(1).endsWith(".");
                    bullet = item.group(1).charAt(0);
                    number = 0;
                }
                String marker = bullets ? bullet + " " : ++number + ". ";
                itemIndent = marker.length();
                out.add(new Doc.TextLine(marker + inline(item.group(2)), at));
                blankSeen = false;
                continue;
            }
            if (inList && blankSeen) {
                inList = false; // a line without markup after a blank line ends the list
            }
            if (inList) {
                out.add(new Doc.TextLine(" ".repeat(itemIndent) + inline(t), at));
            } else {
                out.add(new Doc.TextLine(inline(t), at));
            }
            blankSeen = false;
        }
        return out;
    }

    /**
     * reST era (5.2–10.0): a free-form body whose first line is {@code =+ T} starts with that
     * heading (§2.10), credited to the doc's {@code ##} line; leading blank lines of the rest are
     * skipped.
     */
    static List<Doc.TextLine> leadingHeading(List<Doc.TextLine> in, SourceLocation docLoc) {
        if (in.isEmpty()) {
            return in;
        }
        Matcher h = HEADING.matcher(in.get(0).text());
        if (!h.matches()) {
            return in;
        }
        List<Doc.TextLine> out = new ArrayList<>();
        heading(out, h.group(1).length(), h.group(2).strip(), docLoc);
        out.add(new Doc.TextLine("", docLoc));
        int i = 1;
        while (i < in.size() && in.get(i).text().isBlank()) {
            i++;
        }
        out.addAll(in.subList(i, in.size()));
        return out;
    }

    private static void heading(List<Doc.TextLine> out, int equals, String title, SourceLocation at) {
        int level = Math.min(equals + 1, ADORNMENT.length() - 1);
        String adorn = String.valueOf(ADORNMENT.charAt(level)).repeat(Math.max(1, title.length()));
        if (level == 2) {
            out.add(new Doc.TextLine(adorn, at));
        }
        out.add(new Doc.TextLine(title, at));
        out.add(new Doc.TextLine(adorn, at));
    }

    private static void blankBefore(List<Doc.TextLine> out, SourceLocation at) {
        if (!out.isEmpty() && !out.get(out.size() - 1).text().isEmpty()) {
            out.add(new Doc.TextLine("", at));
        }
    }

    /**
     * §3.6: strong first ({@code *x*} → {@code **x**}), then emphasis ({@code _x_} → {@code *x*})
     * outside strong text, every other {@code *} escaped so reST does not read it as markup;
     * backquotes (2017 text quoted {@code `like this'}) are escaped too.
     */
    static String inline(String s) {
        if (s.indexOf('`') >= 0) {
            // 2017 text quoted `like this'; in reST a backquote starts interpreted text
            s = s.replace("`", "\\`");
        }
        if (s.indexOf('*') < 0 && s.indexOf('_') < 0) { // nothing to convert or escape
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        Matcher m = STRONG.matcher(s);
        int last = 0;
        while (m.find()) {
            String inner = m.group(1);
            if (inner.isBlank()
                    || PyText.isSpace(inner.charAt(0))
                    || PyText.isSpace(inner.charAt(inner.length() - 1))) {
                continue; // "a * b * c": not strong in reST either; escaped below
            }
            out.append(emphasis(s.substring(last, m.start())));
            out.append("**").append(inner).append("**");
            last = m.end();
        }
        out.append(emphasis(s.substring(last)));
        return out.toString();
    }

    private static String emphasis(String seg) {
        String escaped = seg.replace("*", "\\*");
        String emphasised = EMPHASIS.matcher(escaped).replaceAll("*$1*");
        return WORD_END_UNDERSCORE.matcher(emphasised).replaceAll("\\\\_");
    }
}
