package dev.qapidoc.doc;

import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.QapiException;
import dev.qapidoc.source.RuleId;
import dev.qapidoc.source.SourceLocation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one {@code ##} documentation block into a {@link Doc} (doc-comments-and-rest.md Part 1,
 * §1.2–§1.6). Fail-fast: the first error in the block is thrown as a
 * {@link dev.qapidoc.source.QapiException}, as QEMU does while parsing.
 *
 * <p>Stateless and thread-safe: all state of one block lives in a private {@code Block} object.
 * Regular expressions are QEMU's, with Python {@code re} semantics: Unicode character classes and
 * anchored prefix matches ({@link Matcher#lookingAt()}), §0.
 */
public final class DocParser {
    private DocParser() {}

    /**
     * QEMU's regular expression that is still run, compiled on first use only. Every line of
     * every block is checked against the rules below, and running {@code java.util.regex} on
     * ~20 000 lines cost more than a third of a cold {@code dump}; so the rules are matched by
     * hand, with exactly the regex semantics (DocParserRegexTest compares them), and this
     * regex decides only rare lines: non-ASCII ones that may break the sentence rule.
     */
    private static final class Regex {
        /** §1.3.2 rule 2: only matches where group 2 (the punctuation) took part are errors. */
        static final Pattern SENTENCE =
                Pattern.compile("(\\be\\.g\\.|^ *\\d\\.|([.!?])) [A-Z0-9(]", Pattern.UNICODE_CHARACTER_CLASS);
    }

    /**
     * §1.2: the next comment token of a block. The lexer's contract is to throw at a non-comment
     * token; a source that returns null still gets a clean diagnostic at the last line read.
     */
    static DocLine nextToken(DocLineSource source, DocLine last) {
        DocLine dl = source.next();
        if (dl == null) {
            throw new QapiException(Diagnostic.error(
                    RuleId.QAPI_DOC, last.location().withoutColumn(), "documentation comment must end with '##'"));
        }
        return dl;
    }

    /**
     * §1.2, shared by today's and the legacy reader: a token's doc line text. Null for the
     * closing {@code ##}, "" for a blank {@code #}, else the text after {@code # }, right-stripped.
     */
    static String lineText(DocLine dl) {
        String t = dl.text();
        if (t.startsWith("##")) {
            if (!t.equals("##")) {
                throw parseError(dl, "junk after '##' at end of documentation comment");
            }
            return null;
        }
        if (t.equals("#")) {
            return "";
        }
        if (t.length() < 2 || t.charAt(1) != ' ') {
            throw parseError(dl, "missing space after #");
        }
        return PyText.rstrip(t.substring(2));
    }

    /** A parse error (§1.11): column of the line's {@code #}, with QEMU's tab rule. */
    static QapiException parseError(DocLine dl, String message) {
        int col = PyText.column(dl.physicalLine(), dl.hashOffset());
        return new QapiException(Diagnostic.error(RuleId.QAPI_DOC, dl.location().withColumn(col), message));
    }

    /**
     * §1.3.2 rule 1: QEMU's {@code  *(https?|ftp)://[^ ]*\\z} matched at the start of the line (a
     * line that is only an indented URL may be longer than 70 columns).
     */
    static boolean urlLine(String text) {
        int i = skipSpaces(text, 0);
        return (text.startsWith("https://", i) || text.startsWith("http://", i) || text.startsWith("ftp://", i))
                && text.indexOf(' ', i) < 0;
    }

    /**
     * §1.3.1: QEMU's {@code (\\.\\. +qmp-example)? *::\\z} matched at the start of the line. When
     * the optional group matches but the rest does not, the regex retries without it, which
     * cannot match a line that starts with a dot.
     */
    static boolean literalStart(String text) {
        int i = 0;
        if (text.startsWith("..")) {
            int j = skipSpaces(text, 2);
            if (j > 2 && text.startsWith("qmp-example", j)) {
                i = j + "qmp-example".length();
            }
        }
        i = skipSpaces(text, i);
        return text.length() == i + 2 && text.startsWith("::", i);
    }

    /**
     * §1.3.2 rule 2: the char index of the punctuation of the first {@link Regex#SENTENCE} match
     * in which group 2 took part, or -1. Lines with only ASCII are scanned by hand the way
     * {@code Matcher.find()} does (alternatives in order at each position, resuming after a
     * match); on ASCII, {@code \\b} and {@code \\d} reduce to {@code [A-Za-z0-9_]} and {@code [0-9]}.
     */
    static int sentenceError(String text) {
        if (!maySentenceError(text)) {
            return -1; // nearly every line: no group-2 match is possible
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) > 0x7F) {
                Matcher m = Regex.SENTENCE.matcher(text);
                while (m.find()) {
                    if (m.group(2) != null) {
                        return m.start(2);
                    }
                }
                return -1;
            }
        }
        int p = 0;
        while (p < n) {
            char c = text.charAt(p);
            if (c == 'e'
                    && (p == 0 || !isAsciiWord(text.charAt(p - 1)))
                    && text.startsWith("e.g.", p)
                    && spaceThenCap(text, p + 4)) {
                p += 6;
            } else if (p == 0 && leadingNumber(text) > 0) {
                p = leadingNumber(text);
            } else if ((c == '.' || c == '!' || c == '?') && spaceThenCap(text, p + 1)) {
                return p;
            } else {
                p++;
            }
        }
        return -1;
    }

    /** Necessary for a group-2 match: {@code [.!?]}, one space, {@code [A-Z0-9(]} somewhere. */
    private static boolean maySentenceError(String text) {
        // String.indexOf is an intrinsic: far cheaper than a char loop while still interpreted
        return maySentenceError(text, ". ") || maySentenceError(text, "! ") || maySentenceError(text, "? ");
    }

    private static boolean maySentenceError(String text, String punctSpace) {
        for (int i = text.indexOf(punctSpace); i >= 0; i = text.indexOf(punctSpace, i + 1)) {
            if (spaceThenCap(text, i + 1)) {
                return true;
            }
        }
        return false;
    }

    /** {@code ^ *\\d\\. [A-Z0-9(]} on an ASCII line: the end of the match, or 0. */
    private static int leadingNumber(String text) {
        int i = skipSpaces(text, 0);
        if (i + 1 < text.length()
                && text.charAt(i) >= '0'
                && text.charAt(i) <= '9'
                && text.charAt(i + 1) == '.'
                && spaceThenCap(text, i + 2)) {
            return i + 4;
        }
        return 0;
    }

    /** {@code  [A-Z0-9(]} at index i. */
    private static boolean spaceThenCap(String text, int i) {
        if (i + 1 >= text.length() || text.charAt(i) != ' ') {
            return false;
        }
        char d = text.charAt(i + 1);
        return (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9') || d == '(';
    }

    private static boolean isAsciiWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /**
     * The part of a line that a §1.5/§1.6.2 head regex matched: {@code word} is group 1 (the
     * member/feature name or the tag), {@code end} the index after the match.
     */
    record Head(String word, int end) {}

    /**
     * §1.5, §1.6.2: QEMU's {@code @([^:]*): *} matched at the start of the line. The greedy
     * {@code [^:]*} stops at the first colon, which must exist; null when there is none.
     */
    static Head descriptionHead(String text) {
        if (!text.startsWith("@")) {
            return null;
        }
        int colon = text.indexOf(':');
        return colon < 0 ? null : new Head(text.substring(1, colon), skipSpaces(text, colon + 1));
    }

    /** The tags of §1.6.2 step 4, in the regex's alternation order ({@code Notes?} tries "Notes" first). */
    private static final String[] TAGS = {"Returns", "Errors", "Since", "Notes", "Note", "Examples", "Example", "TODO"};

    /**
     * §1.6.2 step 4: {@code (Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): *} at the start
     * of the line: the word, then a colon that is not the start of {@code ::}.
     */
    static Head tagHead(String text) {
        for (String t : TAGS) {
            if (text.startsWith(t) && text.startsWith(":", t.length()) && !text.startsWith("::", t.length())) {
                return new Head(t, skipSpaces(text, t.length() + 1));
            }
        }
        return null;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static final String TWO_SPACES =
            "Use two spaces between sentences\n" + "If this not the end of a sentence, please report a bug.";

    /**
     * Parses the block that starts with {@code opening} (whose text the lexer already checked is
     * exactly {@code ##}) and reads lines from {@code lines} up to and including the closing
     * {@code ##}. Runs the line-format checks (length, sentence spacing, literal mode), the
     * classification, the section split and the end-of-block checks ({@code text required after}).
     */
    public static Doc parse(DocLine opening, DocLineSource lines) {
        return new Block(opening, lines, null).parse();
    }

    /**
     * Tolerant mode (schema-language.md Appendix A, R1): as {@link #parse}, but the style rules
     * newer than most schemas — line length and sentence spacing (§1.3.2, QEMU 10.2) — add a
     * WARNING to {@code warnings} (rules {@code doc-line-length}, {@code doc-sentence-spacing})
     * instead of failing. Every other error still throws; the caller then falls back to
     * {@link LegacyDocParser}. The doc is marked lenient, so binding relaxes too
     * ({@link Doc#isLenient()}). A block that passes {@link #parse} gives the same doc here.
     */
    public static Doc parseLenient(DocLine opening, DocLineSource lines, java.util.List<Diagnostic> warnings) {
        Doc d = new Block(opening, lines, warnings).parse();
        d.markLenient();
        return d;
    }

    /**
     * One doc line as the section splitter sees it: the text after {@code # } (right-stripped),
     * {@code ""} for a blank line, or null for the closing {@code ##}.
     */
    private record Line(String text, DocLine source) {
        boolean isEnd() {
            return text == null;
        }

        boolean isBlank() {
            return text != null && text.isEmpty();
        }

        SourceLocation location() {
            return source.location().withoutColumn();
        }
    }

    /** The state of one block: the line reader with its literal mode, and the Doc being built. */
    private static final class Block {
        private final DocLine opening;
        private final DocLineSource source;
        private DocLine last;
        private boolean literal;
        private int literalIndent;
        private Doc doc;
        /** Null in strict mode; the warning sink in lenient mode. */
        private final java.util.List<Diagnostic> warnings;

        Block(DocLine opening, DocLineSource source, java.util.List<Diagnostic> warnings) {
            this.opening = opening;
            this.source = source;
            this.last = opening;
            this.warnings = warnings;
        }

        Doc parse() {
            SourceLocation where = opening.location().withoutColumn();
            Line first = next();
            if (!first.isEnd() && first.text().startsWith("@")) {
                // §1.4: definition documentation
                String t = first.text();
                if (!t.endsWith(":")) {
                    throw parseError(first, "line should end with ':'");
                }
                String symbol = t.substring(1, t.length() - 1);
                if (symbol.isEmpty()) {
                    throw parseError(first, "name required after '@'");
                }
                doc = new Doc(symbol, where);
                splitSections();
            } else {
                doc = new Doc(null, where);
                freeForm(first);
            }
            finish();
            return doc;
        }

        // ---- §1.2, §1.3: reading and checking lines ----

        /** Reads the next comment token, classifies it, and runs literal tracking and checks. */
        private Line next() {
            DocLine dl = nextToken(source, last);
            last = dl;
            String text = lineText(dl);
            if (text == null) {
                literal = false;
                return new Line(null, dl);
            }
            if (text.isEmpty()) {
                return new Line("", dl); // literal tracking and checks ignore blank lines
            }
            trackLiteral(text);
            if (!literal) {
                validate(text, dl);
            }
            return new Line(text, dl);
        }

        /** §1.3.1. The switch-off happens before validation, so the de-indented line is checked. */
        private void trackLiteral(String text) {
            if (literalStart(text)) {
                literal = true;
                literalIndent = 0;
            } else if (literal && !text.isEmpty()) {
                int indent = PyText.leadingSpace(text);
                if (literalIndent == 0) {
                    literalIndent = indent; // stays "unset" when indent is 0
                } else if (indent < literalIndent) {
                    literal = false;
                }
            }
        }

        /** §1.3.2, in this order: length, then sentence spacing. */
        private void validate(String text, DocLine dl) {
            // length() >= len(): the code point count is needed only for long lines
            if (text.length() + 2 > 70 && PyText.len(text) + 2 > 70 && !urlLine(text)) {
                QapiException e = parseError(dl, "documentation line longer than 70 characters");
                if (warnings == null) {
                    throw e;
                }
                warnings.add(LegacyDocParser.warning(e.diagnostic(), RuleId.DOC_LINE_LENGTH));
            }
            int punct = sentenceError(text);
            if (punct >= 0) {
                // §5.5 of schema-language.md: pos = line start + 2 + k + 1, k = index of the
                // punctuation in the doc text; counted from the physical line's start, so an
                // indented '#' gives a "wrong" column (reproduced on purpose).
                int k = text.codePointCount(0, punct);
                String phys = dl.physicalLine();
                int col = PyText.column(phys, PyText.charIndexOfCodePoint(phys, 3 + k));
                Diagnostic d = Diagnostic.error(RuleId.QAPI_DOC, dl.location().withColumn(col), TWO_SPACES);
                if (warnings == null) {
                    throw new QapiException(d);
                }
                warnings.add(LegacyDocParser.warning(d, RuleId.DOC_SENTENCE_SPACING));
            }
        }

        // ---- §1.5 free-form ----

        private void freeForm(Line first) {
            DocSection body = doc.bodySection();
            for (Line cur = first; !cur.isEnd(); cur = next()) {
                Head m = descriptionHead(cur.text());
                if (m != null) {
                    throw parseError(cur, "'@" + m.word() + ":' not allowed in free-form documentation");
                }
                body.add(cur.text(), cur.location());
            }
        }

        // ---- §1.6.2 main loop ----

        private void splitSections() {
            boolean closed = false;
            Line cur = next();
            while (!cur.isEnd()) {
                // step 1: skip blank lines; remember where the run began (separator's origin)
                SourceLocation blankRun = null;
                while (cur.isBlank()) {
                    if (blankRun == null) {
                        blankRun = cur.location();
                    }
                    cur = next();
                }
                if (cur.isEnd()) {
                    break;
                }
                Head desc = descriptionHead(cur.text());
                Head tag;
                if (cur.text().equals("Features:")) {
                    cur = featuresBlock(cur);
                    closed = true;
                } else if (desc != null) {
                    if (closed) {
                        throw parseError(cur, "description of '@" + desc.word() + ":' follows a section");
                    }
                    while (!cur.isEnd() && (desc = descriptionHead(cur.text())) != null) {
                        cur = description(Doc.Kind.MEMBER, cur, desc);
                    }
                    closed = true;
                } else if ((tag = tagHead(cur.text())) != null) {
                    cur = taggedSection(cur, tag);
                    closed = true;
                } else {
                    cur = paragraph(cur, blankRun);
                }
            }
        }

        /** §1.6.2 step 2: {@code Features:} followed by one or more {@code @name:} descriptions. */
        private Line featuresBlock(Line featuresLine) {
            if (!doc.featureMap().isEmpty()) {
                throw parseError(featuresLine, "duplicated 'Features:' line");
            }
            Line cur = next();
            while (cur.isBlank()) {
                cur = next();
            }
            Head m;
            while (!cur.isEnd() && (m = descriptionHead(cur.text())) != null) {
                cur = description(Doc.Kind.FEATURE, cur, m);
            }
            if (doc.featureMap().isEmpty()) {
                throw parseError(cur, "feature descriptions expected");
            }
            return cur;
        }

        /** §1.6.4 then §1.6.3: one Member or Feature description; returns the next line. */
        private Line description(Doc.Kind kind, Line cur, Head m) {
            String name = m.word();
            if (name.isEmpty()) {
                throw semanticError(cur, "invalid parameter name");
            }
            if ((kind == Doc.Kind.MEMBER ? doc.argMap() : doc.featureMap()).containsKey(name)) {
                throw semanticError(cur, "'" + name + "' parameter name duplicated");
            }
            DocSection s = new DocSection(kind, name, cur.location(), false);
            doc.addDescription(s);
            addRest(s, cur, m);
            return continuation(s);
        }

        /** True for a line that starts a description, a tagged section or a features block. */
        private static boolean startsSection(String text) {
            return text.equals("Features:") || descriptionHead(text) != null || tagHead(text) != null;
        }

        /** §1.6.2 step 4. */
        private Line taggedSection(Line cur, Head m) {
            String tag = m.word();
            if (tag.contains("Note")) {
                throw parseError(
                        cur,
                        "The '" + tag + "' section is no longer supported. Please use"
                                + " rST's '.. note::' or '.. admonition:: notes' directives, or another"
                                + " suitable admonition instead.");
            }
            if (tag.contains("Example")) {
                throw parseError(
                        cur,
                        "The '" + tag + "' section is no longer supported. Please use"
                                + " the '.. qmp-example::' directive, or other suitable markup instead.");
            }
            Doc.Kind kind =
                    switch (tag) {
                        case "Returns" -> Doc.Kind.RETURNS;
                        case "Errors" -> Doc.Kind.ERRORS;
                        case "Since" -> Doc.Kind.SINCE;
                        default -> Doc.Kind.TODO;
                    };
            if (doc.slot(kind) != null) {
                throw semanticError(cur, "duplicated '" + kind.word() + "' section");
            }
            DocSection s = new DocSection(kind, null, cur.location(), false);
            doc.addSection(s);
            addRest(s, cur, m);
            return continuation(s);
        }

        /** The text after a {@code @name:} or tag match, if any, is the section's first line. */
        private static void addRest(DocSection s, Line cur, Head m) {
            String rest = cur.text().substring(m.end());
            if (!rest.isEmpty()) {
                s.add(rest, cur.location());
            }
        }

        /**
         * §1.6.2 step 5: a plain paragraph, verbatim up to a blank line or the end. Consecutive
         * paragraphs merge into one Plain section with exactly one blank line between them.
         */
        private Line paragraph(Line cur, SourceLocation blankRun) {
            DocSection s = doc.lastSection();
            if (s.kind() == Doc.Kind.PLAIN) {
                if (s.isEmptyWhileParsing()) {
                    s.moveTo(cur.location()); // only the body can still be empty
                }
                s.add("", blankRun != null ? blankRun : cur.location());
            } else {
                s = new DocSection(Doc.Kind.PLAIN, null, cur.location(), false);
                doc.addSection(s);
            }
            s.add(cur.text(), cur.location());
            cur = next();
            while (!cur.isEnd() && !cur.isBlank()) {
                s.add(cur.text(), cur.location());
                cur = next();
            }
            return cur;
        }

        /**
         * §1.6.3: the indented remainder of a description or tagged section. The first indented
         * line fixes the indent I. Quirk kept on purpose: the flag that allows a de-indent is
         * cleared by every appended line, so {@code unexpected de-indent} fires only directly
         * after the first continuation line; later de-indents just end the section.
         */
        private Line continuation(DocSection s) {
            Line cur = next();
            boolean blank = false;
            while (cur.isBlank()) {
                s.add("", cur.location());
                cur = next();
                blank = true;
            }
            if (cur.isEnd()) {
                return cur;
            }
            int indent = PyText.leadingSpace(cur.text());
            if (indent == 0) {
                if (warnings != null && !blank && !startsSection(cur.text())) {
                    // Lenient mode: text right under "@a: foo" or "Since: x" without indentation
                    // is how docs before QEMU 9.0 continued a description (Part 3 §3.3); read
                    // today, it would silently become a separate paragraph. Fail, so that the
                    // schema is read with the legacy rules instead.
                    throw parseError(cur, "unindented continuation line (legacy doc comment)");
                }
                return cur;
            }
            s.add(cur.text(), cur.location());
            boolean justStarted = true;
            while (true) {
                cur = next();
                if (cur.isEnd() || descriptionHead(cur.text()) != null) {
                    return cur;
                }
                if (!cur.text().isEmpty() && PyText.leadingSpace(cur.text()) < indent) {
                    if (!justStarted) {
                        return cur;
                    }
                    throw parseError(cur, "unexpected de-indent (expected at least " + indent + " spaces)");
                }
                s.add(cur.text(), cur.location());
                justStarted = false;
            }
        }

        // ---- §1.6.5 end of block ----

        private void finish() {
            for (DocSection s : doc.mutableAll()) {
                s.finish();
                if (s.kind() != Doc.Kind.PLAIN && s.text().isEmpty()) {
                    throw new QapiException(Diagnostic.error(
                            RuleId.QAPI_DOC,
                            s.location(),
                            "text required after '" + s.kind().word() + ":'"));
                }
            }
        }

        // ---- errors (§1.11): parse errors have a column at the line's '#', semantic ones none ----

        private static QapiException parseError(Line line, String message) {
            return DocParser.parseError(line.source(), message);
        }

        private static QapiException parseError(DocLine dl, String message) {
            return DocParser.parseError(dl, message);
        }

        private static QapiException semanticError(Line line, String message) {
            return new QapiException(Diagnostic.error(RuleId.QAPI_DOC, line.location(), message));
        }
    }
}
