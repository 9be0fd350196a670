package dev.qapidoc.doc;

import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.QapiException;
import dev.qapidoc.source.RuleId;
import dev.qapidoc.source.Severity;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code ##} block with the doc-comment rules of QEMU 2.10–9.0 (doc-comments-and-rest.md
 * Part 3 §3.2, §3.3) into the same {@link Doc} model as {@link DocParser}, so that everything
 * downstream (binding, the reST writer) needs no legacy code path.
 *
 * <p>Two steps, because the markup of a whole schema must be known before any text is rewritten:
 * {@link #parse} splits the block into sections (tags recognised by the first word of any line;
 * {@code Note:}/{@code Example:} sections; continuation lines need no indentation) and keeps each
 * section's lines as read; {@link #convert} then turns them into the reST that the modern writer
 * expects (§3.6): the 2017 markup ({@code *strong*}, {@code _emphasis_}, {@code | } example lines,
 * {@code = Title} headings, lists) or, for the reST era 5.2–9.0, only the indentation, and
 * {@code Note:} → {@code .. note::}, {@code Example:} → {@code .. qmp-example::}. Where the old
 * reader failed, this one records a WARNING and goes on; only what makes the block unreadable
 * (lexical errors, a symbol line without {@code :}) still throws.
 */
public final class LegacyDocParser {
    private LegacyDocParser() {}

    /** The markup language of a legacy schema's doc text. */
    public enum Markup {
        /** QEMU 2.x–5.1: the 2017 markup of Part 3 §3.1, rendered to Texinfo. */
        LEGACY_2017,
        /** QEMU 5.2–9.0: reST, but the legacy section rules. */
        REST
    }

    /** A description start, {@code @name:}; 5.x's {@code @id :} (space before colon) too. */
    private static final Pattern DESCRIPTION = Pattern.compile("@([^:\\s]*)\\s*:(?:\\s+|$)");

    /** §3.2: the tags, recognised by the first word of a line. */
    private static final List<String> TAGS =
            List.of("Returns", "Since", "Note", "Notes", "Example", "Examples", "TODO");

    /** A WARNING with a rule id made from what strict mode reports as an error. */
    public static Diagnostic warning(Diagnostic error, RuleId rule) {
        return error.withSeverity(Severity.WARNING).withRule(rule);
    }

    /**
     * Parses one block (the lexer's {@code DocLine}s after the opening {@code ##}). Relaxations
     * are recorded in {@code warnings}. The doc's text is not usable before {@link #convert}.
     */
    public static Doc parse(DocLine opening, DocLineSource lines, List<Diagnostic> warnings) {
        return new Block(opening, lines, warnings).parse();
    }

    // ---- markup detection ----

    /**
     * Chooses the markup of a schema from all its legacy docs: reST when some doc text uses
     * a reST construct that the 2017 markup did not have (a line ending in {@code ::},
     * {@code ``literal``}, {@code **strong**} or a {@code .. } directive), else the 2017 markup.
     */
    public static Markup detect(List<Doc> docs) {
        for (Doc d : docs) {
            for (Doc.Section s : d.allSections()) {
                List<Doc.TextLine> ls = ((DocSection) s).raw;
                if (ls == null) {
                    continue;
                }
                for (Doc.TextLine l : ls) {
                    String t = l.text().strip();
                    if (t.endsWith("::") || t.contains("``") || t.contains("**") || t.startsWith(".. ")) {
                        return Markup.REST;
                    }
                }
            }
        }
        return Markup.LEGACY_2017;
    }

    /**
     * Rewrites the sections of a doc read by {@link #parse} into reST (Part 3 §3.6). Does nothing
     * for other docs, so it is safe to call on every doc of a schema.
     */
    public static void convert(Doc doc, Markup markup) {
        boolean freeForm = doc.isFreeForm();
        for (DocSection s : doc.mutableAll()) {
            if (s.raw == null) {
                continue;
            }
            List<Doc.TextLine> raw = s.raw;
            List<Doc.TextLine> out;
            if (s.legacyTag != null && s.legacyTag.startsWith("Example")) {
                out = example(raw, s.location());
            } else {
                boolean hanging = s.kind() != Doc.Kind.PLAIN;
                List<Doc.TextLine> text = markup == Markup.LEGACY_2017
                        ? LegacyMarkup.rewrite(strip(raw), freeForm && s == doc.body())
                        : hanging || s.legacyTag != null ? dedentContinuation(raw) : raw;
                if (markup == Markup.REST && freeForm && s == doc.body()) {
                    text = LegacyMarkup.leadingHeading(text, doc.location());
                }
                if (markup == Markup.LEGACY_2017 && s.kind() == Doc.Kind.RETURNS) {
                    text = outcomes(text);
                }
                if (s.kind() == Doc.Kind.SINCE) {
                    text = oneLine(text);
                } else if (hanging) {
                    text = hang(text);
                }
                out = s.legacyTag != null ? note(text, s.legacyTag, s.location()) : text;
            }
            s.raw = null;
            s.replaceLines(trimBlank(out).isEmpty() ? List.of() : out);
        }
    }

    private static List<Doc.TextLine> strip(List<Doc.TextLine> raw) {
        List<Doc.TextLine> out = new ArrayList<>(raw.size());
        for (Doc.TextLine l : raw) {
            out.add(new Doc.TextLine(l.text().strip(), l.location()));
        }
        return out;
    }

    /**
     * reST era: the first line of a description or tagged section follows the tag; the others
     * keep their indentation relative to the first continuation line (lists, literal blocks).
     */
    private static List<Doc.TextLine> dedentContinuation(List<Doc.TextLine> raw) {
        int indent = -1;
        for (int i = 1; i < raw.size(); i++) {
            String t = raw.get(i).text();
            if (!t.isBlank()) {
                indent = PyText.leadingSpace(t);
                break;
            }
        }
        List<Doc.TextLine> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Doc.TextLine l = raw.get(i);
            String t = l.text();
            if (i == 0) {
                t = t.strip();
            } else if (indent > 0) {
                int cut = Math.min(indent, PyText.leadingSpace(t));
                t = t.substring(cut);
            }
            out.add(new Doc.TextLine(t, l.location()));
        }
        return out;
    }

    /**
     * §3.6 step 4: description and tagged-section text continues on lines indented four spaces
     * (today's form, which the reST writer expects); legacy lines had lost that indentation.
     */
    private static List<Doc.TextLine> hang(List<Doc.TextLine> text) {
        List<Doc.TextLine> out = new ArrayList<>(text.size());
        for (int i = 0; i < text.size(); i++) {
            Doc.TextLine l = text.get(i);
            out.add(i == 0 || l.text().isEmpty() ? l : new Doc.TextLine("    " + l.text(), l.location()));
        }
        return out;
    }

    /**
     * A Since section becomes the {@code :since:} option, which is one line: legacy sections
     * that ran on (5.0's {@code Netdev}: "1.2", blank, "'l2tpv3' - since 2.1") are joined.
     */
    private static List<Doc.TextLine> oneLine(List<Doc.TextLine> text) {
        StringBuilder sb = new StringBuilder();
        for (Doc.TextLine l : text) {
            if (!l.text().isBlank()) {
                sb.append(sb.length() > 0 ? " " : "").append(l.text().strip());
            }
        }
        return text.isEmpty()
                ? text
                : List.of(new Doc.TextLine(sb.toString(), text.get(0).location()));
    }

    private static final Pattern LIST_ITEM = Pattern.compile("\\s*([*-]|[0-9]*\\.) \\S.*");

    /** A line that starts a statement: a capitalised word ({@code If}, {@code Nothing}), not {@code NIC}. */
    private static final Pattern STATEMENT = Pattern.compile("[A-Z][a-z].*");

    /**
     * A 2017 {@code Returns:} section listed its outcomes one per line, without punctuation
     * between them ("nothing on success" / "If @device is not a valid block device,
     * DeviceNotFound"); Texinfo, like reST, ran them into one sentence. QEMU's own conversion
     * (5.2) made such sections bullet lists, and so does this: a line that starts with a
     * capitalised word after a line that ends without punctuation starts another outcome. A
     * line that ends with punctuation is prose wrapped at a sentence, and a section with blank
     * lines, lists or literal blocks is left as it is; one outcome stays a paragraph.
     */
    static List<Doc.TextLine> outcomes(List<Doc.TextLine> text) {
        int end = text.size();
        while (end > 0 && text.get(end - 1).text().isBlank()) {
            end--;
        }
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < end; i++) {
            String t = text.get(i).text();
            if (t.isBlank() || LIST_ITEM.matcher(t).matches() || t.endsWith("::")) {
                return text;
            }
            if (i > 0 && STATEMENT.matcher(t).matches()) {
                String prev = text.get(i - 1).text();
                if (".,;:!?".indexOf(prev.charAt(prev.length() - 1)) < 0) {
                    starts.add(i);
                }
            }
        }
        if (starts.size() < 2) {
            return text;
        }
        List<Doc.TextLine> out = new ArrayList<>(text.size());
        for (int i = 0; i < text.size(); i++) {
            Doc.TextLine l = text.get(i);
            String mark = i >= end ? "" : starts.contains(i) ? "- " : "  ";
            out.add(new Doc.TextLine(mark + l.text(), l.location()));
        }
        return out;
    }

    /**
     * §3.6 step 3: {@code Note:} → {@code .. note::}; {@code Notes:} holding a list of several
     * notes → {@code .. admonition:: Notes} (a single note stays a note).
     */
    private static List<Doc.TextLine> note(List<Doc.TextLine> text, String tag, SourceLocation where) {
        int items = 0;
        for (Doc.TextLine l : text) {
            if (LIST_ITEM.matcher(l.text()).matches()) {
                items++;
            }
        }
        List<Doc.TextLine> out = new ArrayList<>();
        out.add(new Doc.TextLine(tag.equals("Notes") && items > 1 ? ".. admonition:: Notes" : ".. note::", where));
        out.add(new Doc.TextLine("", where));
        for (Doc.TextLine l : trimBlank(text)) {
            out.add(new Doc.TextLine(l.text().isEmpty() ? "" : "   " + l.text(), l.location()));
        }
        return out;
    }

    /**
     * §3.6 step 3: an Example section → {@code .. qmp-example::}, verbatim lines indented three
     * spaces. A one-line caption before the QMP lines becomes {@code :title:}; prose mixed with
     * QMP makes it {@code :annotated:}, the QMP runs in {@code ::} blocks.
     */
    static List<Doc.TextLine> example(List<Doc.TextLine> raw, SourceLocation where) {
        List<Doc.TextLine> lines = trimBlank(dedentAll(raw));
        List<Doc.TextLine> out = new ArrayList<>();
        out.add(new Doc.TextLine(".. qmp-example::", where));
        boolean[] isProse = proseLines(lines);
        int prose = 0;
        int firstProse = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isProse[i]) {
                prose++;
                if (firstProse < 0) {
                    firstProse = i;
                }
            }
        }
        if (prose == 0) {
            out.add(new Doc.TextLine("", where));
            for (Doc.TextLine l : lines) {
                out.add(indent(l, "   "));
            }
            return out;
        }
        if (prose == 1 && firstProse == 0 && lines.size() > 1) {
            out.add(new Doc.TextLine(
                    "   :title: " + lines.get(0).text().strip(), lines.get(0).location()));
            out.add(new Doc.TextLine("", where));
            int from = 1;
            while (from < lines.size() && lines.get(from).text().isEmpty()) {
                from++;
            }
            for (int i = from; i < lines.size(); i++) {
                out.add(indent(lines.get(i), "   "));
            }
            return out;
        }
        out.add(new Doc.TextLine("   :annotated:", where));
        out.add(new Doc.TextLine("", where));
        boolean inQmp = false;
        for (int i = 0; i < lines.size(); i++) {
            Doc.TextLine l = lines.get(i);
            if (l.text().isEmpty()) {
                out.add(l);
                continue;
            }
            if (isProse[i]) {
                if (inQmp && !out.get(out.size() - 1).text().isEmpty()) {
                    out.add(new Doc.TextLine("", l.location()));
                }
                inQmp = false;
                out.add(indent(l, "   "));
            } else {
                if (!inQmp) {
                    if (!out.get(out.size() - 1).text().isEmpty()) {
                        out.add(new Doc.TextLine("", l.location()));
                    }
                    out.add(new Doc.TextLine("   ::", l.location()));
                    out.add(new Doc.TextLine("", l.location()));
                    inQmp = true;
                }
                out.add(indent(l, "      "));
            }
        }
        return out;
    }

    /**
     * Which lines of an example are prose: not indented, not QMP ({@code ->}, {@code <-}, JSON),
     * and not glued to a QMP line above (a line directly under a message belongs to it unless
     * that line is prose itself); and any line directly under prose that starts no message. One forward pass, so no recursion however long the example.
     */
    private static boolean[] proseLines(List<Doc.TextLine> lines) {
        boolean[] prose = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text();
            boolean candidate = !t.isEmpty()
                    && !PyText.isSpace(t.charAt(0))
                    && !t.startsWith("->")
                    && !t.startsWith("<-")
                    && !t.startsWith("...")
                    && "{}[]\"".indexOf(t.charAt(0)) < 0;
            // a line directly under prose continues the sentence unless it starts a message, as
            // in "intervals\n[0, 10), [10, 50):" or an indented "  read: [0, 10)" (QEMU 2.12+)
            String st = t.strip();
            boolean continuation =
                    i > 0 && prose[i - 1] && !st.isEmpty() && !st.startsWith("->") && !st.startsWith("<-");
            prose[i] = continuation
                    || (candidate && (i == 0 || lines.get(i - 1).text().isEmpty() || prose[i - 1]));
        }
        return prose;
    }

    private static Doc.TextLine indent(Doc.TextLine l, String by) {
        return new Doc.TextLine(l.text().isEmpty() ? "" : by + l.text(), l.location());
    }

    private static List<Doc.TextLine> dedentAll(List<Doc.TextLine> raw) {
        int min = Integer.MAX_VALUE;
        for (Doc.TextLine l : raw) {
            if (!l.text().isBlank()) {
                min = Math.min(min, PyText.leadingSpace(l.text()));
            }
        }
        List<Doc.TextLine> out = new ArrayList<>();
        for (Doc.TextLine l : raw) {
            String t = l.text().isBlank() ? "" : l.text().substring(min);
            out.add(new Doc.TextLine(t, l.location()));
        }
        return out;
    }

    static List<Doc.TextLine> trimBlank(List<Doc.TextLine> ls) {
        int from = 0;
        int to = ls.size();
        while (from < to && ls.get(from).text().isBlank()) {
            from++;
        }
        while (to > from && ls.get(to - 1).text().isBlank()) {
            to--;
        }
        return new ArrayList<>(ls.subList(from, to));
    }

    // ---- §3.2/§3.3: the section split ----

    private static final class Block {
        private final DocLine opening;
        private final DocLineSource source;
        private final List<Diagnostic> warnings;
        private DocLine last;

        Block(DocLine opening, DocLineSource source, List<Diagnostic> warnings) {
            this.opening = opening;
            this.source = source;
            this.warnings = warnings;
            this.last = opening;
        }

        /** The next line's text after {@code # } (right-stripped), "" when blank, null at {@code ##}. */
        private String next() {
            last = DocParser.nextToken(source, last);
            return DocParser.lineText(last);
        }

        private SourceLocation here() {
            return last.location().withoutColumn();
        }

        private void warn(String message, RuleId rule) {
            warnings.add(warning(Diagnostic.error(RuleId.QAPI_DOC, here(), message), rule));
        }

        Doc parse() {
            SourceLocation where = opening.location().withoutColumn();
            String first = next();
            Doc doc;
            if (first != null && first.startsWith("@")) {
                if (!first.endsWith(":")) {
                    throw parseError(last, "line should end with ':'");
                }
                String symbol = first.substring(1, first.length() - 1).strip();
                if (symbol.isEmpty()) {
                    throw parseError(last, "name required after '@'");
                }
                doc = new Doc(symbol, where);
                definition(doc);
            } else {
                doc = new Doc(null, where);
                DocSection body = doc.bodySection();
                for (String t = first; t != null; t = next()) {
                    if (body.isEmptyWhileParsing() && !t.isEmpty()) {
                        body.moveTo(here());
                    }
                    Matcher m = DESCRIPTION.matcher(t.strip());
                    if (m.lookingAt()) {
                        warn(
                                "'@" + m.group(1) + ":' not allowed in free-form documentation",
                                RuleId.DOC_LEGACY_STRUCTURE);
                    }
                    body.add(t, here());
                }
            }
            doc.markLenient();
            for (DocSection s : doc.mutableAll()) {
                s.keepRaw();
                s.finish();
            }
            return doc;
        }

        /** Part 3 §3.2/§3.3: tags and descriptions by the first word of any line. */
        private void definition(Doc doc) {
            DocSection cur = doc.bodySection();
            boolean features = false;
            boolean afterBlank = false;
            boolean bodyStarted = false;
            for (String t = next(); t != null; t = next()) {
                if (t.isBlank()) {
                    if (cur != null) {
                        cur.add("", here());
                    }
                    afterBlank = true;
                    continue;
                }
                String s = t.strip();
                String word = s.split("\\s+", 2)[0];
                Matcher desc = DESCRIPTION.matcher(s);
                boolean inExample = cur != null && cur.legacyTag != null && cur.legacyTag.startsWith("Example");
                if (desc.lookingAt() && !inExample) {
                    String name = desc.group(1);
                    Doc.Kind kind = features ? Doc.Kind.FEATURE : Doc.Kind.MEMBER;
                    if (name.isEmpty()
                            || (kind == Doc.Kind.MEMBER ? doc.argMap() : doc.featureMap()).containsKey(name)) {
                        warn(
                                name.isEmpty() ? "invalid parameter name" : "'" + name + "' parameter name duplicated",
                                RuleId.DOC_LEGACY_STRUCTURE);
                        cur = appendPlain(doc, cur, t);
                    } else {
                        if (!s.startsWith("@" + name + ":")) {
                            warn("'@" + name + " :' has a space before the colon", RuleId.DOC_LEGACY_STRUCTURE);
                        }
                        cur = new DocSection(kind, name, here(), false);
                        doc.addDescription(cur);
                        String rest = s.substring(desc.end());
                        if (!rest.isEmpty()) {
                            cur.add(rest, here());
                        }
                    }
                } else if (s.equals("Features:")) {
                    features = true;
                    cur = null;
                } else if (word.endsWith(":") && TAGS.contains(word.substring(0, word.length() - 1))) {
                    // §3.2: a tag on any line, also inside an example
                    String tag = word.substring(0, word.length() - 1);
                    String rest = s.substring(word.length()).strip();
                    cur = tagged(doc, tag, rest, s);
                } else if (cur == null) {
                    cur = appendPlain(doc, null, t);
                } else if (cur == doc.bodySection()) {
                    if (!bodyStarted) {
                        cur.moveTo(here());
                        bodyStarted = true;
                    }
                    cur.add(t, here());
                } else if (afterBlank && !inExample && cur.kind() != Doc.Kind.PLAIN && !PyText.isSpace(t.charAt(0))) {
                    // §3.3: a non-indented line after a blank line ends a description
                    cur = appendPlain(doc, null, t);
                } else if (afterBlank && cur.legacyTag != null && !inExample && !PyText.isSpace(t.charAt(0))) {
                    cur = appendPlain(doc, null, t);
                } else {
                    cur.add(t, here());
                }
                afterBlank = false;
            }
        }

        /** A line of untagged text: continues the current Plain section or starts one. */
        private DocSection appendPlain(Doc doc, DocSection cur, String t) {
            if (cur == null
                    || cur.kind() != Doc.Kind.PLAIN
                    || cur.legacyTag != null
                    || (cur == doc.bodySection() && doc.mutableAll().size() > 1)) {
                cur = new DocSection(Doc.Kind.PLAIN, null, here(), false);
                doc.addSection(cur);
            }
            cur.add(t, here());
            return cur;
        }

        private DocSection tagged(Doc doc, String tag, String rest, String line) {
            Doc.Kind kind =
                    switch (tag) {
                        case "Returns" -> Doc.Kind.RETURNS;
                        case "Since" -> Doc.Kind.SINCE;
                        case "TODO" -> Doc.Kind.TODO;
                        default -> Doc.Kind.PLAIN;
                    };
            DocSection s;
            if (kind == Doc.Kind.PLAIN) {
                warn("The '" + tag + "' section is no longer supported", RuleId.DOC_LEGACY_SECTION);
                s = new DocSection(Doc.Kind.PLAIN, null, here(), false);
                s.legacyTag = tag;
            } else if (doc.slot(kind) != null) {
                warn("duplicated '" + kind.word() + "' section", RuleId.DOC_LEGACY_STRUCTURE);
                s = new DocSection(Doc.Kind.PLAIN, null, here(), false);
                rest = line;
            } else {
                s = new DocSection(kind, null, here(), false);
            }
            doc.addSection(s);
            if (!rest.isEmpty()) {
                s.add(rest, here());
            }
            return s;
        }

        private static QapiException parseError(DocLine dl, String message) {
            return DocParser.parseError(dl, message);
        }
    }
}
