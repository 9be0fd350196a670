package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline markup of one text block (paragraph, title, term, ...), following docutils' "inline
 * markup recognition rules": a start-string must follow start of text, whitespace or opening
 * punctuation and precede non-whitespace; an end-string must follow non-whitespace and precede end
 * of text, whitespace or closing punctuation. Backslash escapes suppress markup.
 *
 * <p>Roles come from the reader's {@link DirectiveRegistry}; roles it does not have become {@link Type#PENDING_XREF} nodes for the
 * resolution passes (spec §4.5, §9.3).
 */
final class InlineParser {

    /**
     * docutils' "simple name": letters and digits, single inner {@code - _ . : +} between them. The
     * repetition is possessive: Java's engine recurses once per iteration of a group it may have
     * to backtrack into, so a name of a few thousand characters overflowed the stack. Nothing
     * after a simple name can start with a character the name could have taken with a letter or
     * digit after it, except a reference's {@code _}; there giving characters back found only
     * {@code a_} in {@code a_b_x}, which is followed by a letter and so refused by the end-string
     * rule anyway. The possessive form thus accepts the same texts, iteratively.
     */
    static final String SIMPLE_NAME = "[A-Za-z0-9](?:[-_.:+]?[A-Za-z0-9])*+";

    private static final Pattern ROLE_PREFIX = Pattern.compile(":(" + SIMPLE_NAME + "):`");
    private static final Pattern ROLE_SUFFIX = Pattern.compile("^:(" + SIMPLE_NAME + "):");
    private static final Pattern URI =
            Pattern.compile("(?:https?|ftp|mailto|file)://?[^\\s<>\"]*[^\\s<>\".,;:!?')\\]}*`_]"
                    + "|mailto:[^\\s<>\"]*[^\\s<>\".,;:!?')\\]}]");
    private static final Pattern SIMPLE_REF = Pattern.compile(SIMPLE_NAME + "__?");

    private final String defaultRole;
    private final DirectiveRegistry registry;
    private final Consumer<SystemMessage> report;

    InlineParser(String defaultRole, DirectiveRegistry registry, Consumer<SystemMessage> report) {
        this.defaultRole = defaultRole;
        this.registry = registry;
        this.report = report;
    }

    /** Parses text whose lines came from {@code lines} (one location per line). */
    List<RstNode> parse(String text, List<SourceLocation> lines) {
        return new Run(text, lines).parse();
    }

    private final class Run {
        final String s;
        final List<SourceLocation> lines;
        final int[] lineStart;
        final List<RstNode> out = new ArrayList<>();
        final StringBuilder buf = new StringBuilder();
        int bufStart = 0;

        Run(String s, List<SourceLocation> lines) {
            this.s = s;
            this.lines = lines;
            int count = 1;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    count++;
                }
            }
            lineStart = new int[count];
            for (int i = 0, k = 1; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    lineStart[k++] = i + 1;
                }
            }
        }

        /** The line of {@code offset}: a binary search, as every node asks (a scan was quadratic). */
        SourceLocation at(int offset) {
            int found = java.util.Arrays.binarySearch(lineStart, offset);
            int idx = found >= 0 ? found : Math.max(0, -found - 2);
            if (lines.isEmpty()) {
                return SourceLocation.of("<unknown>", 0);
            }
            return lines.get(Math.min(idx, lines.size() - 1));
        }

        void flush() {
            if (buf.length() > 0) {
                out.add(RstNode.text(buf.toString(), at(bufStart)));
                buf.setLength(0);
            }
        }

        void plain(char c, int pos) {
            if (buf.length() == 0) {
                bufStart = pos;
            }
            buf.append(c);
        }

        List<RstNode> parse() {
            int i = 0;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\') {
                    if (i + 1 < n) {
                        char e = s.charAt(i + 1);
                        if (e != ' ' && e != '\n') {
                            plain(e, i);
                        }
                        i += 2;
                    } else {
                        i++;
                    }
                    continue;
                }
                int next = tryMarkup(i);
                if (next > i) {
                    i = next;
                    continue;
                }
                plain(c, i);
                i++;
            }
            flush();
            return out;
        }

        /** Tries every inline construct at {@code i}; returns the index after it, or i. */
        int tryMarkup(int i) {
            char c = s.charAt(i);
            if (!startAllowed(i)) {
                return i;
            }
            if (c == '`' && s.startsWith("``", i)) {
                return literal(i);
            }
            if (c == '`') {
                return interpreted(i, null, i);
            }
            if (c == ':') {
                Matcher m = ROLE_PREFIX.matcher(s);
                m.region(i, s.length());
                if (m.lookingAt()) {
                    return interpreted(m.end() - 1, m.group(1), i);
                }
            }
            if (c == '*' && s.startsWith("**", i)) {
                return emphasis(i, "**", Type.STRONG);
            }
            if (c == '*') {
                return emphasis(i, "*", Type.EMPHASIS);
            }
            if (c == '|') {
                return substitution(i);
            }
            if (c == '[') {
                return footnoteReference(i);
            }
            if (c == '_' && s.startsWith("_`", i)) {
                return inlineTarget(i);
            }
            if (Character.isLetterOrDigit(c)) {
                int u = uri(i);
                if (u > i) {
                    return u;
                }
                return simpleReference(i);
            }
            return i;
        }

        boolean startAllowed(int i) {
            if (i == 0) {
                return true;
            }
            char p = s.charAt(i - 1);
            if (Character.isWhitespace(p)) {
                return true;
            }
            if ("-:/'\"<([{".indexOf(p) >= 0) {
                return true;
            }
            if (p < 128) {
                return false;
            }
            int t = Character.getType(p);
            return t == Character.DASH_PUNCTUATION
                    || t == Character.START_PUNCTUATION
                    || t == Character.INITIAL_QUOTE_PUNCTUATION
                    || t == Character.FINAL_QUOTE_PUNCTUATION
                    || t == Character.OTHER_PUNCTUATION;
        }

        boolean followsStart(int afterStart, int startPos) {
            if (afterStart >= s.length() || Character.isWhitespace(s.charAt(afterStart))) {
                return false;
            }
            if (startPos > 0) {
                char p = s.charAt(startPos - 1);
                char f = s.charAt(afterStart);
                String open = "'\"<([{";
                String close = "'\">)]}";
                int k = open.indexOf(p);
                if (k >= 0 && close.charAt(k) == f) {
                    return false;
                }
            }
            return true;
        }

        boolean endAllowed(int endStart, int afterEnd) {
            if (endStart == 0 || Character.isWhitespace(s.charAt(endStart - 1))) {
                return false;
            }
            if (afterEnd >= s.length()) {
                return true;
            }
            char f = s.charAt(afterEnd);
            if (Character.isWhitespace(f) || "-.,:;!?\\/'\")]}>".indexOf(f) >= 0) {
                return true;
            }
            if (f < 128) {
                return false;
            }
            int t = Character.getType(f);
            return t == Character.DASH_PUNCTUATION
                    || t == Character.END_PUNCTUATION
                    || t == Character.FINAL_QUOTE_PUNCTUATION
                    || t == Character.INITIAL_QUOTE_PUNCTUATION
                    || t == Character.OTHER_PUNCTUATION;
        }

        /** Finds an end-string at or after {@code from}, honouring escapes unless {@code raw}. */
        /**
         * Smallest start position from which a search for each end-string failed: a later search
         * would only see a subset of the same candidates, so it fails too. Keeps unmatched
         * start-strings linear instead of quadratic.
         */
        final java.util.Map<String, Integer> failedFrom = new java.util.HashMap<>();

        int findEnd(String end, int from, boolean raw) {
            String key = end + raw;
            Integer failed = failedFrom.get(key);
            if (failed != null && failed <= from) {
                return -1;
            }
            int found = scanEnd(end, from, raw);
            if (found < 0) {
                failedFrom.merge(key, from, Math::min);
            }
            return found;
        }

        private int scanEnd(String end, int from, boolean raw) {
            int j = from;
            while (j < s.length()) {
                char c = s.charAt(j);
                if (!raw && c == '\\') {
                    j += 2;
                    continue;
                }
                if (s.startsWith(end, j) && endAllowed(j, j + end.length())) {
                    return j;
                }
                j++;
            }
            return -1;
        }

        int literal(int i) {
            if (!followsStart(i + 2, i)) {
                return i;
            }
            int e = findEnd("``", i + 2, true);
            if (e < 0) {
                report.accept(SystemMessage.warning(at(i), "Inline literal start-string without end-string."));
                return i;
            }
            flush();
            RstNode lit = new RstNode(Type.LITERAL, at(i));
            lit.add(RstNode.text(s.substring(i + 2, e), at(i)));
            out.add(lit);
            return e + 2;
        }

        int emphasis(int i, String mark, Type type) {
            int after = i + mark.length();
            if (!followsStart(after, i)) {
                return i;
            }
            int e = findEnd(mark, after, false);
            if (type == Type.EMPHASIS) {
                // "**" at the end would be a strong end-string; a single "*" must not be doubled
                while (e >= 0 && e + 1 < s.length() && s.charAt(e + 1) == '*') {
                    e = findEnd(mark, e + 2, false);
                }
            }
            if (e < 0) {
                report.accept(SystemMessage.warning(
                        at(i),
                        (type == Type.STRONG ? "Inline strong" : "Inline emphasis")
                                + " start-string without end-string."));
                return i;
            }
            flush();
            RstNode node = new RstNode(type, at(i));
            node.add(RstNode.text(unescape(s.substring(after, e)), at(i)));
            out.add(node);
            return e + mark.length();
        }

        int interpreted(int bq, String prefixRole, int start) {
            if (!followsStart(bq + 1, start)) {
                return start;
            }
            int e = interpretedEnd(bq + 1, prefixRole == null);
            if (e < 0) {
                report.accept(SystemMessage.warning(
                        at(start), "Inline interpreted text or phrase reference start-string without end-string."));
                return start;
            }
            String raw = s.substring(bq + 1, e);
            int after = e + 1;
            SourceLocation where = at(start);
            if (prefixRole == null) {
                if (s.startsWith("__", after) && endAllowed(after, after + 2)) {
                    flush();
                    out.add(phraseReference(raw, where, true));
                    return after + 2;
                }
                if (s.startsWith("_", after) && endAllowed(after, after + 1)) {
                    flush();
                    out.add(phraseReference(raw, where, false));
                    return after + 1;
                }
                Matcher m = ROLE_SUFFIX.matcher(s);
                m.region(after, s.length());
                if (m.lookingAt() && endAllowed(m.end() - 1, m.end())) {
                    flush();
                    out.add(role(m.group(1), raw, where, false));
                    return m.end();
                }
            }
            flush();
            out.add(prefixRole == null ? role(defaultRole, raw, where, true) : role(prefixRole, raw, where, false));
            return after;
        }

        /**
         * The closing backquote of interpreted text: preceded by non-whitespace and followed,
         * after an optional {@code _}/{@code __} or {@code :role:} suffix, by an allowed end.
         */
        int interpretedEnd(int from, boolean suffixes) {
            String key = "`interpreted" + suffixes;
            Integer failed = failedFrom.get(key);
            if (failed != null && failed <= from) {
                return -1;
            }
            int found = scanInterpretedEnd(from, suffixes);
            if (found < 0) {
                failedFrom.merge(key, from, Math::min);
            }
            return found;
        }

        private int scanInterpretedEnd(int from, boolean suffixes) {
            for (int j = from; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '\\') {
                    j++;
                    continue;
                }
                if (c != '`' || Character.isWhitespace(s.charAt(j - 1))) {
                    continue;
                }
                if (j + 1 < s.length() && s.charAt(j + 1) == '`') {
                    j++;
                    continue;
                }
                int after = j + 1;
                if (suffixes) {
                    if (s.startsWith("__", after)) {
                        after += 2;
                    } else if (s.startsWith("_", after)) {
                        after += 1;
                    } else {
                        Matcher m = ROLE_SUFFIX.matcher(s);
                        m.region(after, s.length());
                        if (m.lookingAt()) {
                            after = m.end();
                        }
                    }
                }
                if (endAllowed(j, after) || endAllowed(j, j + 1)) {
                    return j;
                }
            }
            return -1;
        }

        RstNode phraseReference(String raw, SourceLocation where, boolean anonymous) {
            String text = raw;
            String uri = null;
            String[] embedded = embeddedUri(raw);
            if (embedded != null && !embedded[1].isBlank()) {
                text = embedded[0].isEmpty() ? embedded[1] : embedded[0];
                uri = embedded[1].replaceAll("\\s+", "");
            }
            RstNode ref = new RstNode(Type.REFERENCE, where);
            String shown = unescape(text);
            ref.add(RstNode.text(shown, where));
            if (uri != null) {
                if (uri.endsWith("_") && !uri.endsWith("\\_")) {
                    ref.attr("refname", Ids.normalizeName(uri.substring(0, uri.length() - 1)));
                } else {
                    ref.attr("refuri", unescape(uri));
                    if (!anonymous && !embedded[0].isEmpty()) {
                        // `text <uri>`_ also defines a target named "text" (docutils embedded URI)
                        ref.attr("definesname", Ids.normalizeName(shown));
                    }
                }
            } else {
                if (anonymous) {
                    ref.attr("anonymous", "true");
                } else {
                    ref.attr("refname", Ids.normalizeName(shown));
                }
            }
            ref.attr("name", shown);
            return ref;
        }

        /**
         * A registered role's node, or else a pending cross-reference for the resolution passes
         * (with the role as written and the raw text).
         */
        RstNode role(String role, String raw, SourceLocation where, boolean isDefault) {
            String name = role == null ? "title-reference" : role;
            Role r = registry.role(name).orElse(null);
            if (r != null) {
                return r.apply(DirectiveRegistry.key(name), raw, where);
            }
            RstNode x = new RstNode(Type.PENDING_XREF, where);
            x.attr("role", name);
            x.attr("text", raw);
            if (isDefault) {
                x.attr("default", "true");
            }
            return x;
        }

        int substitution(int i) {
            if (!followsStart(i + 1, i)) {
                return i;
            }
            int e = findEnd("|", i + 1, false);
            if (e <= i + 1) {
                // "||": a substitution reference needs a name, so this is text
                return i;
            }
            int after = e + 1;
            String name = s.substring(i + 1, e);
            if (name.contains("\n\n")) {
                return i;
            }
            flush();
            RstNode ref = new RstNode(Type.SUBSTITUTION_REFERENCE, at(i));
            ref.attr("refname", Ids.normalizeName(name));
            ref.add(RstNode.text(name, at(i)));
            out.add(ref);
            if (s.startsWith("__", after)) {
                return after + 2;
            }
            if (s.startsWith("_", after)) {
                return after + 1;
            }
            return after;
        }

        /** {@code [label]_}: a footnote or citation reference ({@link Footnotes}). */
        int footnoteReference(int i) {
            Matcher m = Footnotes.REFERENCE.matcher(s);
            m.region(i, s.length());
            if (!m.lookingAt() || !endAllowed(m.end() - 1, m.end())) {
                return i;
            }
            flush();
            out.add(Footnotes.reference(m.group(1), at(i)));
            return m.end();
        }

        int inlineTarget(int i) {
            if (!followsStart(i + 2, i)) {
                return i;
            }
            int e = findEnd("`", i + 2, false);
            if (e < 0) {
                return i;
            }
            flush();
            String text = unescape(s.substring(i + 2, e));
            RstNode t = new RstNode(Type.TARGET, at(i));
            t.names().add(Ids.normalizeName(text));
            t.attr("inline", "true");
            t.add(RstNode.text(text, at(i)));
            out.add(t);
            return e + 1;
        }

        /**
         * True when the run of characters from {@code i} that a pattern could match (letters,
         * digits and {@code extra}) contains {@code needle} or is followed by it: a cheap test
         * that spares the regular expressions below at nearly every word of ordinary text.
         */
        private boolean runHas(int i, String extra, char needle) {
            for (int k = i; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == needle) {
                    return true;
                }
                if (!(c < 128 && Character.isLetterOrDigit(c)) && extra.indexOf(c) < 0) {
                    return false;
                }
            }
            return false;
        }

        private boolean uriScheme(int i) {
            return s.startsWith("http", i)
                    || s.startsWith("ftp", i)
                    || s.startsWith("mailto", i)
                    || s.startsWith("file", i);
        }

        int uri(int i) {
            if (!uriScheme(i) && !runHas(i, "._%+-", '@')) {
                return i;
            }
            Matcher m = URI.matcher(s);
            m.region(i, s.length());
            if (m.lookingAt() && m.group().contains(":")) {
                flush();
                String u = m.group();
                RstNode ref = new RstNode(Type.REFERENCE, at(i));
                ref.attr("refuri", u);
                ref.add(RstNode.text(u, at(i)));
                out.add(ref);
                return m.end();
            }
            int em = emailEnd(i);
            if (em > i && (em >= s.length() || !Character.isLetterOrDigit(s.charAt(em)))) {
                flush();
                String address = s.substring(i, em);
                RstNode ref = new RstNode(Type.REFERENCE, at(i));
                ref.attr("refuri", "mailto:" + address);
                ref.add(RstNode.text(address, at(i)));
                out.add(ref);
                return em;
            }
            return i;
        }

        /**
         * The end of an e-mail address at {@code i}, or -1: a local part of letters, digits and
         * {@code ._%+-}, {@code @}, dot-separated labels of letters, digits and {@code -}, the
         * last one taken starting with two letters (its letters end the address). Where labels
         * follow that do not qualify, the address ends at the last one that does. Scanned by hand
         * rather than with a regular expression, whose repeated label group recursed once per
         * label and overflowed the stack on a long address.
         */
        private int emailEnd(int i) {
            int at = i;
            while (at < s.length() && isLocal(s.charAt(at))) {
                at++;
            }
            if (at == i || at >= s.length() || s.charAt(at) != '@') {
                return -1;
            }
            int j = labelEnd(at + 1);
            if (j == at + 1) {
                return -1;
            }
            int end = -1;
            // each further label: remember where the address would end if it were the last
            while (j < s.length() && s.charAt(j) == '.') {
                int next = labelEnd(j + 1);
                if (next == j + 1) {
                    break;
                }
                int letters = j + 1;
                while (letters < next && isAsciiLetter(s.charAt(letters))) {
                    letters++;
                }
                if (letters - (j + 1) >= 2) {
                    end = letters;
                }
                j = next;
            }
            return end;
        }

        private int labelEnd(int from) {
            int k = from;
            while (k < s.length() && (isAsciiAlnum(s.charAt(k)) || s.charAt(k) == '-')) {
                k++;
            }
            return k;
        }

        private static boolean isLocal(char c) {
            return isAsciiAlnum(c) || "._%+-".indexOf(c) >= 0;
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isAsciiAlnum(char c) {
            return isAsciiLetter(c) || (c >= '0' && c <= '9');
        }

        int simpleReference(int i) {
            if (!runHas(i, "-.+:", '_')) {
                return i;
            }
            Matcher m = SIMPLE_REF.matcher(s);
            m.region(i, s.length());
            if (!m.lookingAt() || !endAllowed(m.end() - 1, m.end())) {
                return i;
            }
            String word = m.group();
            boolean anon = word.endsWith("__");
            String name = word.substring(0, word.length() - (anon ? 2 : 1));
            if (name.endsWith("_")) {
                return i;
            }
            flush();
            RstNode ref = new RstNode(Type.REFERENCE, at(i));
            ref.attr(anon ? "anonymous" : "refname", anon ? "true" : Ids.normalizeName(name));
            ref.attr("name", name);
            ref.add(RstNode.text(name, at(i)));
            out.add(ref);
            return m.end();
        }
    }

    /**
     * {@code text <uri>} split into text (trailing whitespace dropped) and uri, or null when
     * {@code raw} does not end in such a bracket: the last {@code <} with no {@code >} before
     * the final one. Found by scanning, as a lazy pattern retried the whitespace run at every
     * position, quadratic in a long phrase.
     */
    static String[] embeddedUri(String raw) {
        int n = raw.length();
        if (n == 0 || raw.charAt(n - 1) != '>') {
            return null;
        }
        int open = raw.lastIndexOf('<', n - 2);
        if (open < 0 || raw.indexOf('>', open) != n - 1) {
            return null;
        }
        int textEnd = open;
        while (textEnd > 0 && " \t\n\u000B\f\r".indexOf(raw.charAt(textEnd - 1)) >= 0) {
            textEnd--;
        }
        return new String[] {raw.substring(0, textEnd), raw.substring(open + 1, n - 1)};
    }

    /** Removes backslash escapes (docutils {@code unescape}). */
    static String unescape(String t) {
        if (t.indexOf('\\') < 0) {
            return t;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length()) {
                char e = t.charAt(++i);
                if (e != ' ' && e != '\n') {
                    sb.append(e);
                }
            } else if (c != '\\') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
