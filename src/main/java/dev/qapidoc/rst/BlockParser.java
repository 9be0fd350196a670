package dev.qapidoc.rst;

import static dev.qapidoc.rst.Lines.dedent;
import static dev.qapidoc.rst.Lines.indent;
import static dev.qapidoc.rst.Lines.indentedEnd;
import static dev.qapidoc.rst.Lines.isAdornment;
import static dev.qapidoc.rst.Lines.joined;
import static dev.qapidoc.rst.Lines.locations;
import static dev.qapidoc.rst.Lines.trimBlank;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The block structure of one read (docutils' body state machine, simplified): sections, block
 * quotes, paragraphs and literal blocks, explicit markup (targets, substitution definitions,
 * directives, comments); lists and tables are read by {@link ListBlocks} and {@link TableBlocks}.
 * Directives are looked up in the reader's {@link DirectiveRegistry} and run with a {@link
 * DirectiveContext}; unregistered ones are left as pending nodes.
 *
 * <p>One instance per read: it holds the messages, substitution definitions and {@code highlight}
 * state of that read.
 */
final class BlockParser {

    static final Pattern BULLET = Pattern.compile("^([-*+\u2022\u2023\u2043])( +|$)");
    static final Pattern ENUM = Pattern.compile("^(\\(?)([0-9]+|#|[a-zA-Z])([.)])( +|$)");
    /*
     * The repeated groups below are possessive ("*+", "++"): Java's engine recurses once per
     * iteration of a group it may backtrack into, and a name of 1,500 characters overflowed the
     * stack. Each group stops only where its pattern goes on (an unescaped ":" before a space,
     * a "`", a name's end), so no shorter run of it could match and the possessive forms accept
     * exactly the texts the backtracking ones did.
     */
    static final Pattern FIELD = Pattern.compile("^:(?![: ])((?:[^:\\\\]|\\\\.|:(?![ `]|$))*+(?<! )):( +|$)");
    static final Pattern EXPLICIT = Pattern.compile("^\\.\\.( +|$)");
    private static final Pattern DIRECTIVE = Pattern.compile("^(" + InlineParser.SIMPLE_NAME + ")[ ]?::( +|$)");
    private static final Pattern TARGET = Pattern.compile("^_(`(?:[^`\\\\]|\\\\.)++`|(?:[^:\\\\]|\\\\.)++):( +|$)");
    private static final Pattern SUBST_DEF = Pattern.compile("^\\|([^|]+)\\| +([A-Za-z0-9][-_.:+A-Za-z0-9]*)::( +|$)");
    static final Pattern SIMPLE_TABLE = Pattern.compile("^=+(?: +=+)++ *$");
    static final Pattern GRID_TABLE = Pattern.compile("^\\+-[-+]+\\+ *$");
    static final Pattern LINE_BLOCK = Pattern.compile("^\\|( +|$)");

    /** Section stack with its own adornment-style memory (docutils' title_styles). */
    static final class Sections {
        final List<String> styles = new ArrayList<>();
        final List<RstNode> stack = new ArrayList<>();

        Sections(RstNode root) {
            stack.add(root);
        }

        RstNode current() {
            return stack.get(stack.size() - 1);
        }
    }

    final RstReader.Options options;
    final List<SystemMessage> messages = new ArrayList<>();
    /** This read's substitution definitions, resolved at the end of the read. */
    private final Substitutions substitutions = new Substitutions();

    String highlight;
    final InlineParser inline;
    private final ListBlocks lists = new ListBlocks(this);

    BlockParser(RstReader.Options options, String highlight) {
        this.options = options;
        this.highlight = highlight;
        this.inline = new InlineParser(options.defaultRole(), options.registry(), messages::add);
    }

    void warn(SourceLocation at, String m) {
        messages.add(SystemMessage.warning(at, m));
    }

    void error(SourceLocation at, String m) {
        messages.add(SystemMessage.error(at, m));
    }

    /**
     * Parses {@code lines} (relative indentation already removed) into {@code parent}; with
     * {@code sections} non-null titles open sections and later blocks go into the current one.
     */
    void parse(List<ContentLine> lines, RstNode parent, Sections sections, int depth) {
        if (depth > RstReader.MAX_DEPTH) {
            error(
                    lines.isEmpty() ? parent.location() : lines.get(0).where(),
                    "Maximum nesting depth (" + RstReader.MAX_DEPTH + ") exceeded; content skipped.");
            return;
        }
        int i = 0;
        while (i < lines.size()) {
            ContentLine line = lines.get(i);
            if (line.text().isBlank()) {
                i++;
                continue;
            }
            RstNode target = sections != null ? sections.current() : parent;
            String t = line.text();
            if (t.charAt(0) == '.' && EXPLICIT.matcher(t).find()) {
                int end = indentedEnd(lines, i + 1);
                if (t.length() > 2
                        && TARGET.matcher(t.substring(2).stripLeading()).find()) {
                    end = untilBlank(lines, i + 1, end);
                }
                List<ContentLine> replacement = explicit(lines, i, end, target, depth);
                if (replacement != null) {
                    // the lines before i are read: the rest starts with the spliced ones
                    SplicedLines rest = lines instanceof SplicedLines s ? s : new SplicedLines(lines);
                    rest.replaceFront(end, replacement);
                    lines = rest;
                    i = 0;
                    continue;
                }
                i = end;
                continue;
            }
            if (t.startsWith("__") && (t.length() == 2 || t.charAt(2) == ' ')) {
                // "__ uri": the short form of an anonymous target ".. __: uri"
                int end = untilBlank(lines, i + 1, indentedEnd(lines, i + 1));
                String rest = "__:" + t.substring(2);
                Matcher am = TARGET.matcher(rest);
                if (am.find()) {
                    target.add(target(lines, i, end, rest, am));
                }
                i = end;
                continue;
            }
            int next = structure(lines, i, target, parent, sections, depth);
            if (next < 0) {
                next = marked(lines, i, target, depth);
            }
            i = next >= 0 ? next : text(lines, i, target, parent, sections, depth);
        }
    }

    /** A block quote, overline title or transition at line {@code i}: the next line, or -1. */
    private int structure(
            List<ContentLine> lines, int i, RstNode target, RstNode parent, Sections sections, int depth) {
        ContentLine line = lines.get(i);
        String t = line.text();
        if (indent(t) > 0) {
            int end = indentedEnd(lines, i);
            RstNode bq = new RstNode(Type.BLOCK_QUOTE, line.where());
            parse(dedent(lines.subList(i, end)), bq, null, depth + 1);
            attribution(bq);
            target.add(bq);
            return end;
        }
        if (isAdornment(t)) {
            if (i + 2 < lines.size()
                    && !lines.get(i + 1).text().isBlank()
                    && isAdornment(lines.get(i + 2).text())
                    && lines.get(i + 2).text().strip().equals(t.strip())) {
                String title = lines.get(i + 1).text().strip();
                title(lines.get(i + 1), title, "o" + t.charAt(0), parent, sections);
                return i + 3;
            }
            if (t.strip().length() >= 4
                    && (i + 1 >= lines.size() || lines.get(i + 1).text().isBlank())) {
                target.add(new RstNode(Type.TRANSITION, line.where()));
                return i + 1;
            }
        }
        return -1;
    }

    /** A list, table or line block, recognised by its first character: the next line, or -1. */
    private int marked(List<ContentLine> lines, int i, RstNode target, int depth) {
        String t = lines.get(i).text();
        // each pattern is anchored at a fixed first character: test it before building a
        // matcher (this runs at the start of every block of a generated manual)
        char c0 = t.charAt(0);
        Matcher m;
        if ("-*+\u2022\u2023\u2043".indexOf(c0) >= 0 && BULLET.matcher(t).find()) {
            return lists.bulletList(lines, i, target, depth);
        }
        if ((c0 == '(' || c0 == '#' || (c0 < 128 && Character.isLetterOrDigit(c0)))
                && (m = ENUM.matcher(t)).find()
                && lists.enumOk(lines, i, m)) {
            return lists.enumList(lines, i, target, depth);
        }
        if (OptionLists.mayStart(c0) && OptionLists.starts(lines, i)) {
            return OptionLists.read(this, lines, i, target, depth);
        }
        if (c0 == ':' && FIELD.matcher(t).find()) {
            return lists.fieldList(lines, i, target, depth);
        }
        if (c0 == '=' && SIMPLE_TABLE.matcher(t).matches()) {
            return TableBlocks.simpleTable(this, lines, i, target, null, depth);
        }
        if (c0 == '+' && GRID_TABLE.matcher(t).matches()) {
            return TableBlocks.gridTable(this, lines, i, target, null, depth);
        }
        if (c0 == '|' && LINE_BLOCK.matcher(t).find()) {
            return lists.lineBlock(lines, i, target);
        }
        return -1;
    }

    /** An underlined title, a definition list or a paragraph at line {@code i}: the next line. */
    private int text(List<ContentLine> lines, int i, RstNode target, RstNode parent, Sections sections, int depth) {
        ContentLine line = lines.get(i);
        String t = line.text();
        if (i + 1 < lines.size()
                && isAdornment(lines.get(i + 1).text())
                && indent(lines.get(i + 1).text()) == 0) {
            String u = lines.get(i + 1).text().strip();
            String title = t.strip();
            if (u.length() >= title.length() || u.length() >= 4) {
                if (u.length() < title.length()) {
                    warn(lines.get(i + 1).where(), "Title underline too short.\n\n" + t + "\n" + u);
                }
                title(line, title, "u" + u.charAt(0), parent, sections);
                return i + 2;
            }
        }
        // definition list: a line directly followed by an indented line
        if (i + 1 < lines.size()
                && !lines.get(i + 1).text().isBlank()
                && indent(lines.get(i + 1).text()) > 0) {
            return lists.definitionList(lines, i, target, depth);
        }
        return paragraph(lines, i, target);
    }

    private void title(ContentLine line, String text, String style, RstNode parent, Sections sections) {
        if (sections == null) {
            messages.add(new SystemMessage(
                    SystemMessage.Level.SEVERE, line.where(), "Unexpected section title.\n\n" + text));
            RstNode p = new RstNode(Type.PARAGRAPH, line.where());
            p.addAll(inline.parse(text, List.of(line.where())));
            parent.add(p);
            return;
        }
        int level = sections.styles.indexOf(style);
        if (level < 0) {
            sections.styles.add(style);
            level = sections.styles.size() - 1;
        }
        int depthNow = sections.stack.size() - 1;
        if (level > depthNow) {
            // a known style that would skip a level (docutils refuses it; we nest it one deeper)
            messages.add(new SystemMessage(
                    SystemMessage.Level.SEVERE, line.where(), "Title level inconsistent:\n\n" + text));
            level = depthNow;
        }
        while (sections.stack.size() - 1 > level) {
            sections.stack.remove(sections.stack.size() - 1);
        }
        RstNode sec = new RstNode(Type.SECTION, line.where());
        RstNode title = new RstNode(Type.TITLE, line.where());
        title.addAll(inline.parse(text, List.of(line.where())));
        sec.add(title);
        sec.names().add(Ids.normalizeName(title.astext()));
        sections.current().add(sec);
        sections.stack.add(sec);
    }

    private int paragraph(List<ContentLine> lines, int i, RstNode target) {
        int start = i;
        List<ContentLine> para = new ArrayList<>();
        while (i < lines.size()
                && !lines.get(i).text().isBlank()
                && indent(lines.get(i).text()) == 0) {
            para.add(lines.get(i));
            i++;
        }
        boolean unexpectedIndent = i < lines.size() && !lines.get(i).text().isBlank();
        String text = joined(para);
        boolean literal = text.endsWith("::") && !text.endsWith("\\::");
        if (literal) {
            String stripped = text.strip();
            if (stripped.equals("::")) {
                text = "";
            } else if (Character.isWhitespace(text.charAt(text.length() - 3))) {
                text = text.substring(0, text.length() - 2).stripTrailing();
            } else {
                text = text.substring(0, text.length() - 1);
            }
        }
        if (!text.isEmpty()) {
            RstNode p = new RstNode(Type.PARAGRAPH, lines.get(start).where());
            p.addAll(inline.parse(text, locations(para)));
            target.add(p);
        }
        if (literal) {
            return literalBlock(lines, i, target);
        }
        if (unexpectedIndent) {
            error(lines.get(i).where(), "Unexpected indentation.");
        }
        return i;
    }

    /** The indented block after a paragraph ending in {@code ::}, from line {@code i} on. */
    private int literalBlock(List<ContentLine> lines, int i, RstNode target) {
        int j = i;
        while (j < lines.size() && lines.get(j).text().isBlank()) {
            j++;
        }
        if (j < lines.size() && indent(lines.get(j).text()) > 0) {
            int end = indentedEnd(lines, j);
            List<ContentLine> body = trimBlank(dedent(lines.subList(j, end)));
            RstNode lb = new RstNode(Type.LITERAL_BLOCK, lines.get(j).where());
            lb.setText(joined(body));
            lb.attr("language", highlight);
            target.add(lb);
            return end;
        }
        if (j < lines.size() && j > i && isQuote(lines.get(j).text().charAt(0))) {
            // docutils' quoted literal block: unindented lines that all start with the same
            // punctuation character, kept as written, up to a blank line
            char q = lines.get(j).text().charAt(0);
            int end = j;
            while (end < lines.size()
                    && !lines.get(end).text().isBlank()
                    && lines.get(end).text().charAt(0) == q) {
                end++;
            }
            if (end == lines.size() || lines.get(end).text().isBlank()) {
                RstNode lb = new RstNode(Type.LITERAL_BLOCK, lines.get(j).where());
                lb.setText(joined(lines.subList(j, end)));
                lb.attr("language", highlight);
                target.add(lb);
                return end;
            }
            // inconsistent quoting (docutils' error case): left to the paragraph rules below
        }
        warn(lines.get(Math.min(j, lines.size() - 1)).where(), "Literal block expected; none found.");
        return i;
    }

    /** A character that may quote a literal block: printable 7-bit ASCII, not a letter or digit. */
    private static boolean isQuote(char c) {
        return c > ' ' && c < 127 && !Character.isLetterOrDigit(c);
    }

    /**
     * Handles an explicit markup block (lines i..end). Returns lines to splice in place of the
     * block (for {@code include}), or null.
     */
    private List<ContentLine> explicit(List<ContentLine> lines, int i, int end, RstNode target, int depth) {
        ContentLine first = lines.get(i);
        // docutils allows several spaces after ".." ("..  code-block::")
        String rest = first.text().length() > 2 ? first.text().substring(2).stripLeading() : "";
        Matcher m;
        if ((m = TARGET.matcher(rest)).find()) {
            target.add(target(lines, i, end, rest, m));
            return null;
        }
        if ((m = SUBST_DEF.matcher(rest)).find()) {
            substitutionDefinition(lines, i, end, m, target, depth);
            return null;
        }
        if ((m = DIRECTIVE.matcher(rest)).find()) {
            // the text after "::", then the indented lines: a view of the lines, not a copy
            int after = first.text().length() - rest.length() + m.end();
            List<ContentLine> block =
                    IndentedLines.of(lines, i, end, after, false, Lines.minIndent(lines, i + 1, end), true);
            return directive(m.group(1), block, first.where(), target, depth);
        }
        if ((m = Footnotes.DEFINITION.matcher(rest)).find()) {
            RstNode note = Footnotes.definition(m.group(1), first.where());
            List<ContentLine> body = new ArrayList<>();
            body.add(first.withText(rest.substring(m.end())));
            body.addAll(dedent(lines.subList(i + 1, end)));
            parse(trimBlank(body), note, null, depth + 1);
            target.add(note);
            return null;
        }
        RstNode c = new RstNode(Type.COMMENT, first.where());
        List<ContentLine> body = new ArrayList<>();
        body.add(first.withText(rest));
        body.addAll(dedent(lines.subList(i + 1, end)));
        c.setText(joined(trimBlank(body)).strip());
        target.add(c);
        return null;
    }

    /**
     * Where a hyperlink target's block ends: its link block is the indented text right below it,
     * up to the first blank line; indented text after a blank line is a block quote of its own,
     * which the target then labels (code-provenance.rst's {@code .. _dco:}).
     */
    private static int untilBlank(List<ContentLine> lines, int from, int end) {
        for (int j = from; j < end; j++) {
            if (lines.get(j).text().isBlank()) {
                return j;
            }
        }
        return end;
    }

    /** A hyperlink target {@code .. _name: uri} whose first line, after {@code ..}, is {@code rest}. */
    private static RstNode target(List<ContentLine> lines, int i, int end, String rest, Matcher m) {
        String name = m.group(1);
        if (name.startsWith("`")) {
            name = name.substring(1, name.length() - 1);
        }
        name = InlineParser.unescape(name);
        StringBuilder uri = new StringBuilder(rest.substring(m.end()).strip());
        for (ContentLine l : lines.subList(i + 1, end)) {
            uri.append(l.text().strip());
        }
        RstNode t = new RstNode(Type.TARGET, lines.get(i).where());
        if (!name.equals("_")) {
            t.names().add(Ids.normalizeName(name));
        } else {
            t.attr("anonymous", "true");
        }
        if (uri.length() > 0) {
            String u = uri.toString();
            if (u.endsWith("_") && !u.endsWith("\\_")) {
                t.attr("refname", Ids.normalizeName(u.substring(0, u.length() - 1)));
            } else {
                t.attr("refuri", InlineParser.unescape(u));
            }
        }
        return t;
    }

    private void substitutionDefinition(List<ContentLine> lines, int i, int end, Matcher m, RstNode target, int depth) {
        ContentLine first = lines.get(i);
        String name = Ids.normalizeName(m.group(1));
        String kind = m.group(2);
        Directive d = options.registry()
                .directive(kind)
                .filter(Directive::substitution)
                .orElse(null);
        if (d == null) {
            error(
                    first.where(),
                    "Substitution definition \"" + m.group(1) + "\" uses the \"" + kind
                            + "\" directive, which is not supported here.");
            return;
        }
        String rest = first.text().substring(2).stripLeading().substring(m.end());
        List<ContentLine> text = new ArrayList<>(List.of(first.withText(rest)));
        for (ContentLine l : lines.subList(i + 1, end)) {
            if (!l.text().isBlank()) {
                text.add(l.withText(l.text().strip()));
            }
        }
        RstNode def = new RstNode(Type.SUBSTITUTION_DEFINITION, first.where());
        def.names().add(name);
        DirectiveCall call = new DirectiveCall(kind, joined(text).strip(), Map.of(), text, text, first.where());
        Scope scope = new Scope(def, depth, first.where(), kind);
        d.run(call, scope);
        substitutions.define(m.group(1), def, joined(trimBlank(lines.subList(i, end))));
        target.add(def);
    }

    /**
     * Most lines one read may splice in ({@code include}, kernel-doc): includes of includes
     * multiply (ten per file, six deep, is a million files), so the total is bounded rather than
     * the depth alone.
     */
    static final int MAX_SPLICED_LINES = 200_000;

    /** Lines spliced in by this read so far; past {@link #MAX_SPLICED_LINES} no more are. */
    private long splicedLines;

    /** Runs a directive. Returns lines to splice in (include), else null. */
    private List<ContentLine> directive(
            String name, List<ContentLine> block, SourceLocation where, RstNode target, int depth) {
        Directive d =
                options.registry().directive(name).filter(Directive::block).orElse(Directive.deferred());
        DirectiveCall call = RstReader.split(name, block, where, d.takesArguments());
        if (splicedLines > MAX_SPLICED_LINES && name.equals("include")) {
            return null; // refused and reported once, at the include that reached the limit
        }
        Scope scope = new Scope(target, depth, where, name);
        d.run(call, scope);
        return scope.splice;
    }

    void resolveSubstitutions(RstNode root) {
        resolveSubstitutions(root, true);
    }

    /**
     * Replaces each substitution reference under {@code root} by its definition's content
     * ({@link Substitutions}). With {@code reportUndefined} false (content a later pass parses
     * apart from its document, such as a directive's generated text), a reference to a name this
     * parse has not seen stays in the tree for {@link Substitutions#resolve}, which looks in the
     * whole document as docutils' substitution transform does.
     */
    void resolveSubstitutions(RstNode root, boolean reportUndefined) {
        substitutions.apply(root, reportUndefined, messages::add);
    }

    static RstNode copy(RstNode n) {
        RstNode c = new RstNode(n.type(), n.location());
        c.setText(n.text());
        n.attributes().forEach(c::attr);
        c.classes().addAll(n.classes());
        for (RstNode ch : n.children()) {
            c.add(copy(ch));
        }
        return c;
    }

    /**
     * Turns a block quote's last paragraph into its attribution when it starts with {@code --},
     * {@code ---} or an em dash (docutils' attribution rule).
     */
    static void attribution(RstNode bq) {
        if (bq.children().isEmpty()) {
            return;
        }
        RstNode last = bq.children().get(bq.children().size() - 1);
        if (last.type() == Type.PARAGRAPH
                && !last.children().isEmpty()
                && last.children().get(0).type() == Type.TEXT) {
            String t = last.children().get(0).text();
            if (t.startsWith("-- ") || t.startsWith("--- ") || t.startsWith("\u2014 ")) {
                RstNode attr = new RstNode(Type.ATTRIBUTION, last.location());
                last.children().get(0).setText(t.substring(t.indexOf(' ') + 1));
                attr.addAll(last.children());
                last.replaceWith(List.of(attr));
            }
        }
    }

    /** The context of one directive call: its target element and nesting depth. */
    private final class Scope implements DirectiveContext {
        private final RstNode target;
        private final int depth;
        private final SourceLocation where;
        private final String name;
        List<ContentLine> splice;

        Scope(RstNode target, int depth, SourceLocation where, String name) {
            this.target = target;
            this.depth = depth;
            this.where = where;
            this.name = name;
        }

        @Override
        public RstReader.Options options() {
            return options;
        }

        @Override
        public void add(RstNode node) {
            target.add(node);
        }

        @Override
        public void splice(List<ContentLine> lines) {
            if (splicedLines > MAX_SPLICED_LINES) {
                return; // the limit was reported where it was reached
            }
            if (splicedLines + lines.size() > MAX_SPLICED_LINES) {
                messages.add(new SystemMessage(
                        SystemMessage.Level.SEVERE,
                        where,
                        "Problems with \"" + name + "\" directive:\n"
                                + "the document's included text would exceed " + MAX_SPLICED_LINES
                                + " lines (includes of includes multiply); this and later includes are"
                                + " left out."));
                splicedLines = MAX_SPLICED_LINES + 1L;
                return;
            }
            splicedLines += lines.size();
            splice = List.copyOf(lines);
        }

        @Override
        public void parse(List<ContentLine> lines, RstNode into) {
            BlockParser.this.parse(lines, into, null, depth + 1);
        }

        @Override
        public boolean table(List<ContentLine> lines, RstNode title, RstNode into) {
            String t = lines.isEmpty() ? "" : lines.get(0).text();
            if (SIMPLE_TABLE.matcher(t).matches()) {
                TableBlocks.simpleTable(BlockParser.this, lines, 0, into, title, depth + 1);
            } else if (GRID_TABLE.matcher(t).matches()) {
                TableBlocks.gridTable(BlockParser.this, lines, 0, into, title, depth + 1);
            } else {
                return false;
            }
            return true;
        }

        @Override
        public List<RstNode> inline(String text, List<SourceLocation> lines) {
            return inline.parse(text, lines);
        }

        @Override
        public void report(SystemMessage message) {
            messages.add(message);
        }

        @Override
        public String highlight() {
            return highlight;
        }

        @Override
        public void setHighlight(String language) {
            highlight = language;
        }
    }
}
