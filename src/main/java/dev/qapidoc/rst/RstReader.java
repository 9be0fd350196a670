package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads reST into an {@link RstNode} tree, for the constructs of qapi-domain-and-html.md §8:
 * sections (docutils' adornment-style levels), paragraphs and inline markup, bullet / enumerated /
 * definition / field lists, literal blocks, block quotes, simple and grid tables, comments,
 * targets, substitutions and the directives Sphinx users rely on ({@code code-block}, admonitions,
 * {@code contents}, {@code toctree}, {@code highlight}, {@code rubric}, {@code only}, {@code
 * include}, {@code index}, {@code table}, {@code raw}, ...).
 *
 * <p>Directives it does not implement are kept as {@link Type#DIRECTIVE} nodes with their parts
 * ({@link DirectiveCall}) so that the {@code qapi} domain can handle them in a later pass; roles it
 * does not render are kept as {@link Type#PENDING_XREF} nodes. Problems are reported, never
 * thrown: the reader always returns a tree. Nesting is bounded ({@link #MAX_DEPTH}) so hostile
 * input cannot overflow the stack.
 *
 * <pre>{@code
 * RstReader reader = new RstReader(RstReader.Options.defaults());
 * RstReader.Result r = reader.read(ContentLine.of("index.rst", text));
 * }</pre>
 *
 * <p>A reader is immutable and may be shared; each {@link #read} call has its own state.
 */
public final class RstReader {

    /** Deepest nesting of block structures (lists in quotes in directives ...). */
    public static final int MAX_DEPTH = 64;

    /** Supplies included files (the {@code include} directive); empty when unreadable. */
    public interface Includer {
        Optional<List<ContentLine>> read(String path, SourceLocation from);
    }

    /**
     * Reader settings.
     *
     * @param defaultRole role of single-backquoted text ({@code default_role} in conf.py), or null
     *     for docutils' title-reference
     * @param allowRaw whether {@code .. raw:: html} is honoured (off by default: it is a way to
     *     inject scripts)
     * @param highlightLanguage the language of {@code ::} blocks before any {@code highlight}
     * @param smartQuotes apply smart punctuation (§9.2)
     * @param includer resolves {@code include} paths
     */
    public record Options(String defaultRole, boolean allowRaw, String highlightLanguage,
            boolean smartQuotes, Includer includer) {
        public static Options defaults() {
            return new Options(null, false, "default", true, (p, f) -> Optional.empty());
        }
    }

    /** A read document and the problems found while reading it. */
    public record Result(RstNode document, List<SystemMessage> messages) {}

    private static final Pattern BULLET = Pattern.compile("^([-*+\u2022\u2023\u2043])( +|$)");
    private static final Pattern ENUM = Pattern.compile("^(\\(?)([0-9]+|#|[a-zA-Z])([.)])( +|$)");
    private static final Pattern FIELD =
            Pattern.compile("^:(?![: ])((?:[^:\\\\]|\\\\.|:(?![ `]|$))*(?<! )):( +|$)");
    private static final Pattern EXPLICIT = Pattern.compile("^\\.\\.( +|$)");
    private static final Pattern DIRECTIVE =
            Pattern.compile("^([A-Za-z0-9](?:[-_.:+]?[A-Za-z0-9])*)[ ]?::( +|$)");
    private static final Pattern TARGET = Pattern.compile("^_(`(?:[^`\\\\]|\\\\.)+`|(?:[^:\\\\]|\\\\.)+):( +|$)");
    private static final Pattern SUBST_DEF = Pattern.compile("^\\|([^|]+)\\| +([A-Za-z0-9][-_.:+A-Za-z0-9]*)::( +|$)");
    private static final Pattern SIMPLE_TABLE = Pattern.compile("^=+( +=+)+ *$");
    private static final Pattern GRID_TABLE = Pattern.compile("^\\+-[-+]+\\+ *$");
    private static final Pattern LINE_BLOCK = Pattern.compile("^\\|( +|$)");
    private static final String ADORNMENT_CHARS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private static final Map<String, String> ADMONITIONS = Map.ofEntries(
            Map.entry("attention", "Attention"), Map.entry("caution", "Caution"),
            Map.entry("danger", "Danger"), Map.entry("error", "Error"), Map.entry("hint", "Hint"),
            Map.entry("important", "Important"), Map.entry("note", "Note"), Map.entry("tip", "Tip"),
            Map.entry("warning", "Warning"), Map.entry("seealso", "See also"));

    private final Options options;

    public RstReader(Options options) {
        this.options = options;
    }

    /** The settings this reader was made with. */
    public Options options() {
        return options;
    }

    /**
     * Smart punctuation (spec §9.2) over a tree that was read with it switched off: a pass that
     * moves nodes around before Sphinx's smart-quotes transform would run (the {@code qapi}
     * domain's field lists put description blocks inside a paragraph) applies it afterwards, so
     * that quote direction sees the final context as in Sphinx.
     */
    public static void educate(RstNode root) {
        SmartQuotes.apply(root);
    }

    /** Reads a whole document; titles make sections. */
    public Result read(List<ContentLine> lines) {
        SourceLocation start = lines.isEmpty() ? SourceLocation.of("<empty>", 1) : lines.get(0).where().atLine(1);
        if (!lines.isEmpty() && lines.get(0).where().includedFrom() != null) {
            start = lines.get(0).where();
        }
        RstNode doc = new RstNode(Type.DOCUMENT, start);
        State st = new State();
        Sections sections = new Sections(doc);
        st.parse(new ArrayList<>(lines), doc, sections, 0);
        st.resolveSubstitutions(doc);
        if (options.smartQuotes()) {
            SmartQuotes.apply(doc);
        }
        return new Result(doc, List.copyOf(st.messages));
    }

    /**
     * Parses directive content (or any lines) as nested body elements, for the passes that handle
     * generic directives. With {@code titles} true, section titles are allowed and get a fresh
     * adornment-style memory, nesting below {@code sectionDepth} (spec §8.2.1); the new sections
     * are returned among the nodes.
     *
     * @param lines content lines (e.g. {@link DirectiveCall#content()})
     * @param titles whether section titles are allowed
     * @param report where problems go
     */
    public List<RstNode> parseNested(List<ContentLine> lines, boolean titles, Consumer<SystemMessage> report) {
        return parseNested(lines, titles, report, options.highlightLanguage());
    }

    /**
     * Parses the content of a generic {@link Type#DIRECTIVE} node as nested body elements, with
     * the {@code highlight} language that was in effect at the directive (spec §7.1: a {@code
     * .. highlight::} earlier in the page applies to {@code ::} blocks inside directive content).
     */
    public List<RstNode> parseContent(RstNode directive, boolean titles, Consumer<SystemMessage> report) {
        String lang = directive.attr("highlight");
        return parseNested(directive.directive().content(), titles, report,
                lang == null ? options.highlightLanguage() : lang);
    }

    /**
     * As {@link #parseNested(List, boolean, Consumer)}, with {@code highlight} (when not null) as
     * the language of {@code ::} blocks, e.g. for content a directive handler builds itself.
     */
    public List<RstNode> parseNested(List<ContentLine> lines, boolean titles, String highlight,
            Consumer<SystemMessage> report) {
        return parseNested(lines, titles, report, highlight == null ? options.highlightLanguage() : highlight);
    }

    private List<RstNode> parseNested(List<ContentLine> lines, boolean titles, Consumer<SystemMessage> report,
            String highlight) {
        SourceLocation where = lines.isEmpty() ? SourceLocation.of("<empty>", 1) : lines.get(0).where();
        RstNode holder = new RstNode(Type.CONTAINER, where);
        State st = new State();
        st.highlight = highlight;
        st.parse(new ArrayList<>(lines), holder, titles ? new Sections(holder) : null, 0);
        st.resolveSubstitutions(holder);
        if (options.smartQuotes()) {
            SmartQuotes.apply(holder);
        }
        st.messages.forEach(report);
        List<RstNode> out = new ArrayList<>(holder.children());
        holder.clearChildren();
        return out;
    }

    /** Section stack with its own adornment-style memory (docutils' title_styles). */
    private static final class Sections {
        final List<String> styles = new ArrayList<>();
        final List<RstNode> stack = new ArrayList<>();

        Sections(RstNode root) {
            stack.add(root);
        }

        RstNode current() {
            return stack.get(stack.size() - 1);
        }
    }

    /** Per-read mutable state. */
    private final class State {
        final List<SystemMessage> messages = new ArrayList<>();
        final Map<String, RstNode> substitutions = new LinkedHashMap<>();
        String highlight = options.highlightLanguage();
        final InlineParser inline = new InlineParser(options.defaultRole(), messages::add);

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
            if (depth > MAX_DEPTH) {
                error(lines.isEmpty() ? parent.location() : lines.get(0).where(),
                        "Maximum nesting depth (" + MAX_DEPTH + ") exceeded; content skipped.");
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
                int ind = indent(t);
                if (ind > 0) {
                    int end = indentedEnd(lines, i);
                    RstNode bq = new RstNode(Type.BLOCK_QUOTE, line.where());
                    List<ContentLine> body = dedent(lines.subList(i, end));
                    splitAttribution(body, bq, depth);
                    target.add(bq);
                    i = end;
                    continue;
                }
                // overline title or transition
                if (isAdornment(t)) {
                    if (i + 2 < lines.size() && !lines.get(i + 1).text().isBlank()
                            && isAdornment(lines.get(i + 2).text())
                            && lines.get(i + 2).text().strip().equals(t.strip())) {
                        String title = lines.get(i + 1).text().strip();
                        title(lines.get(i + 1), title, "o" + t.charAt(0), parent, sections);
                        i += 3;
                        continue;
                    }
                    if (t.strip().length() >= 4 && (i + 1 >= lines.size() || lines.get(i + 1).text().isBlank())) {
                        target.add(new RstNode(Type.TRANSITION, line.where()));
                        i++;
                        continue;
                    }
                }
                Matcher m;
                // each pattern is anchored at a fixed first character: test it before building
                // a matcher (this runs at the start of every block of a generated manual)
                char c0 = t.isEmpty() ? 0 : t.charAt(0);
                if ("-*+\u2022\u2023\u2043".indexOf(c0) >= 0 && BULLET.matcher(t).find()) {
                    i = bulletList(lines, i, target, depth);
                    continue;
                }
                if ((c0 == '(' || c0 == '#' || (c0 < 128 && Character.isLetterOrDigit(c0)))
                        && (m = ENUM.matcher(t)).find() && enumOk(lines, i, m)) {
                    i = enumList(lines, i, target, depth);
                    continue;
                }
                if (c0 == ':' && FIELD.matcher(t).find()) {
                    i = fieldList(lines, i, target, depth);
                    continue;
                }
                if (c0 == '=' && SIMPLE_TABLE.matcher(t).matches()) {
                    i = simpleTable(lines, i, target, null, depth);
                    continue;
                }
                if (c0 == '+' && GRID_TABLE.matcher(t).matches()) {
                    i = gridTable(lines, i, target, null, depth);
                    continue;
                }
                if (c0 == '|' && LINE_BLOCK.matcher(t).find()) {
                    i = lineBlock(lines, i, target);
                    continue;
                }
                if (c0 == '.' && EXPLICIT.matcher(t).find()) {
                    int end = explicitEnd(lines, i);
                    List<ContentLine> replacement = explicit(lines, i, end, target, sections, depth);
                    if (replacement != null) {
                        List<ContentLine> rest = new ArrayList<>(lines.subList(0, i));
                        rest.addAll(replacement);
                        rest.addAll(lines.subList(end, lines.size()));
                        lines = rest;
                        continue;
                    }
                    i = end;
                    continue;
                }
                // underline title
                if (i + 1 < lines.size() && isAdornment(lines.get(i + 1).text()) && indent(lines.get(i + 1).text()) == 0) {
                    String u = lines.get(i + 1).text().strip();
                    String title = t.strip();
                    if (u.length() >= title.length() || u.length() >= 4) {
                        if (u.length() < title.length()) {
                            warn(lines.get(i + 1).where(), "Title underline too short.\n\n" + t + "\n" + u);
                        }
                        title(line, title, "u" + u.charAt(0), parent, sections);
                        i += 2;
                        continue;
                    }
                }
                // definition list: a line directly followed by an indented line
                if (i + 1 < lines.size() && !lines.get(i + 1).text().isBlank() && indent(lines.get(i + 1).text()) > 0) {
                    i = definitionList(lines, i, target, depth);
                    continue;
                }
                i = paragraph(lines, i, target, depth);
            }
        }

        void title(ContentLine line, String text, String style, RstNode parent, Sections sections) {
            if (sections == null) {
                messages.add(new SystemMessage(SystemMessage.Level.SEVERE, line.where(), "Unexpected section title.\n\n" + text));
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
                messages.add(new SystemMessage(SystemMessage.Level.SEVERE, line.where(),
                        "Title level inconsistent:\n\n" + text));
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

        int paragraph(List<ContentLine> lines, int i, RstNode target, int depth) {
            int start = i;
            List<ContentLine> para = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).text().isBlank() && indent(lines.get(i).text()) == 0) {
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
                warn(lines.get(Math.min(j, lines.size() - 1)).where(), "Literal block expected; none found.");
                return i;
            }
            if (unexpectedIndent) {
                error(lines.get(i).where(), "Unexpected indentation.");
            }
            return i;
        }

        int bulletList(List<ContentLine> lines, int i, RstNode target, int depth) {
            char bullet = lines.get(i).text().charAt(0);
            RstNode list = new RstNode(Type.BULLET_LIST, lines.get(i).where()).attr("bullet", String.valueOf(bullet));
            while (i < lines.size()) {
                String t = lines.get(i).text();
                Matcher m = BULLET.matcher(t);
                if (!m.find() || t.charAt(0) != bullet) {
                    break;
                }
                i = listItem(lines, i, m.end(), list, depth);
                if (i < lines.size() && !BULLET.matcher(lines.get(i).text()).find()) {
                    break;
                }
            }
            target.add(list);
            return i;
        }

        boolean enumOk(List<ContentLine> lines, int i, Matcher m) {
            if (m.group(1).equals("(") && !m.group(3).equals(")")) {
                return false;
            }
            if (i + 1 >= lines.size()) {
                return true;
            }
            String next = lines.get(i + 1).text();
            return next.isBlank() || indent(next) > 0 || ENUM.matcher(next).find();
        }

        int enumList(List<ContentLine> lines, int i, RstNode target, int depth) {
            Matcher first = ENUM.matcher(lines.get(i).text());
            first.find();
            String fmt = first.group(1) + "#" + first.group(3);
            String ord = first.group(2);
            String enumtype;
            int start;
            if (ord.equals("#")) {
                enumtype = "arabic";
                start = 1;
            } else if (Character.isDigit(ord.charAt(0))) {
                enumtype = "arabic";
                start = parseIntSafe(ord);
            } else if (ord.equals("i") || ord.equals("I")) {
                enumtype = ord.equals("i") ? "lowerroman" : "upperroman";
                start = 1;
            } else {
                enumtype = Character.isLowerCase(ord.charAt(0)) ? "loweralpha" : "upperalpha";
                start = Character.toLowerCase(ord.charAt(0)) - 'a' + 1;
            }
            RstNode list = new RstNode(Type.ENUMERATED_LIST, lines.get(i).where());
            list.attr("enumtype", enumtype);
            list.attr("prefix", first.group(1));
            list.attr("suffix", first.group(3));
            if (start != 1) {
                list.attr("start", String.valueOf(start));
            }
            while (i < lines.size()) {
                Matcher m = ENUM.matcher(lines.get(i).text());
                if (!m.find() || !(m.group(1) + "#" + m.group(3)).equals(fmt)) {
                    break;
                }
                i = listItem(lines, i, m.end(), list, depth);
                if (i < lines.size() && !ENUM.matcher(lines.get(i).text()).find()) {
                    break;
                }
            }
            target.add(list);
            return i;
        }

        /**
         * One item of a bullet or enumerated list whose marker ends at {@code bodyStart}: its
         * indented body becomes a new item of {@code list}. Returns the next non-blank line.
         */
        private int listItem(List<ContentLine> lines, int i, int bodyStart, RstNode list, int depth) {
            int end = indentedEnd(lines, i + 1);
            RstNode item = new RstNode(Type.LIST_ITEM, lines.get(i).where());
            parse(firstKnownIndented(lines, i, end, bodyStart), item, null, depth + 1);
            list.add(item);
            return skipBlank(lines, end);
        }

        int fieldList(List<ContentLine> lines, int i, RstNode target, int depth) {
            RstNode list = new RstNode(Type.FIELD_LIST, lines.get(i).where());
            while (i < lines.size()) {
                Matcher m = FIELD.matcher(lines.get(i).text());
                if (!m.find()) {
                    break;
                }
                int end = indentedEnd(lines, i + 1);
                RstNode field = new RstNode(Type.FIELD, lines.get(i).where());
                RstNode name = new RstNode(Type.FIELD_NAME, lines.get(i).where());
                name.addAll(inline.parse(m.group(1), List.of(lines.get(i).where())));
                RstNode body = new RstNode(Type.FIELD_BODY, lines.get(i).where());
                parse(firstKnownIndented(lines, i, end, m.end()), body, null, depth + 1);
                field.add(name);
                field.add(body);
                list.add(field);
                i = skipBlank(lines, end);
            }
            target.add(list);
            return i;
        }

        int definitionList(List<ContentLine> lines, int i, RstNode target, int depth) {
            RstNode list = new RstNode(Type.DEFINITION_LIST, lines.get(i).where());
            while (i + 1 < lines.size() && !lines.get(i).text().isBlank() && indent(lines.get(i).text()) == 0
                    && !lines.get(i + 1).text().isBlank() && indent(lines.get(i + 1).text()) > 0
                    && !EXPLICIT.matcher(lines.get(i).text()).find()) {
                ContentLine termLine = lines.get(i);
                RstNode item = new RstNode(Type.DEFINITION_LIST_ITEM, termLine.where());
                String[] parts = termLine.text().split(" +: +");
                RstNode term = new RstNode(Type.TERM, termLine.where());
                term.addAll(inline.parse(parts[0], List.of(termLine.where())));
                item.add(term);
                for (int k = 1; k < parts.length; k++) {
                    RstNode cl = new RstNode(Type.CLASSIFIER, termLine.where());
                    cl.addAll(inline.parse(parts[k], List.of(termLine.where())));
                    item.add(cl);
                }
                int end = indentedEnd(lines, i + 1);
                RstNode def = new RstNode(Type.DEFINITION, lines.get(i + 1).where());
                parse(dedent(lines.subList(i + 1, end)), def, null, depth + 1);
                item.add(def);
                list.add(item);
                i = skipBlank(lines, end);
            }
            target.add(list);
            return i;
        }

        int lineBlock(List<ContentLine> lines, int i, RstNode target) {
            RstNode block = new RstNode(Type.LINE_BLOCK, lines.get(i).where());
            while (i < lines.size() && LINE_BLOCK.matcher(lines.get(i).text()).find()) {
                ContentLine l = lines.get(i);
                String text = l.text().length() > 2 ? l.text().substring(2) : "";
                List<SourceLocation> locs = new ArrayList<>(List.of(l.where()));
                i++;
                while (i < lines.size() && !lines.get(i).text().isBlank() && indent(lines.get(i).text()) > 0) {
                    text += "\n" + lines.get(i).text().strip();
                    locs.add(lines.get(i).where());
                    i++;
                }
                RstNode line = new RstNode(Type.LINE, l.where());
                line.addAll(inline.parse(text, locs));
                block.add(line);
            }
            target.add(block);
            return i;
        }

        int simpleTable(List<ContentLine> lines, int i, RstNode target, RstNode title, int depth) {
            ContentLine border = lines.get(i);
            List<int[]> cols = new ArrayList<>();
            Matcher m = Pattern.compile("=+").matcher(border.text());
            while (m.find()) {
                cols.add(new int[] {m.start(), m.end()});
            }
            List<List<ContentLine>> rows = new ArrayList<>();
            int borders = 1;
            int headerRows = 0;
            int j = i + 1;
            List<ContentLine> rowLines = new ArrayList<>();
            for (; j < lines.size(); j++) {
                String t = lines.get(j).text();
                if (SIMPLE_TABLE.matcher(t).matches()) {
                    borders++;
                    if (!rowLines.isEmpty()) {
                        rows.add(rowLines);
                        rowLines = new ArrayList<>();
                    }
                    if (borders == 2 && j + 1 < lines.size() && !lines.get(j + 1).text().isBlank()) {
                        headerRows = rows.size();
                        continue;
                    }
                    j++;
                    break;
                }
                if (t.isBlank()) {
                    if (!rowLines.isEmpty()) {
                        rows.add(rowLines);
                        rowLines = new ArrayList<>();
                    }
                    continue;
                }
                // a line with text in the first column starts a new row
                boolean firstColBlank = t.substring(0, Math.min(t.length(), cols.get(0)[1])).isBlank();
                if (!firstColBlank && !rowLines.isEmpty()) {
                    rows.add(rowLines);
                    rowLines = new ArrayList<>();
                }
                rowLines.add(lines.get(j));
            }
            if (!rowLines.isEmpty()) {
                rows.add(rowLines);
            }
            if (borders < 2) {
                error(border.where(), "Malformed table.\nNo bottom table border found.");
                return Math.max(j, i + 1);
            }
            RstNode table = tableNode(border.where(), title, cols.size());
            RstNode thead = new RstNode(Type.THEAD, border.where());
            RstNode tbody = new RstNode(Type.TBODY, border.where());
            for (int r = 0; r < rows.size(); r++) {
                RstNode row = new RstNode(Type.ROW, rows.get(r).get(0).where());
                for (int c = 0; c < cols.size(); c++) {
                    int from = cols.get(c)[0];
                    int to = c + 1 < cols.size() ? cols.get(c + 1)[0] : Integer.MAX_VALUE;
                    List<ContentLine> cell = new ArrayList<>();
                    for (ContentLine l : rows.get(r)) {
                        String t = l.text();
                        String part = from >= t.length() ? "" : t.substring(from, Math.min(to, t.length()));
                        cell.add(l.withText(part.stripTrailing()));
                    }
                    RstNode entry = new RstNode(Type.ENTRY, rows.get(r).get(0).where());
                    parse(dedent(cell), entry, null, depth + 1);
                    row.add(entry);
                }
                (r < headerRows ? thead : tbody).add(row);
            }
            RstNode tgroup = table.children().get(table.children().size() - 1);
            if (!thead.children().isEmpty()) {
                tgroup.add(thead);
            }
            tgroup.add(tbody);
            target.add(table);
            return j;
        }

        int gridTable(List<ContentLine> lines, int i, RstNode target, RstNode title, int depth) {
            int j = i;
            while (j < lines.size() && !lines.get(j).text().isBlank()
                    && (lines.get(j).text().startsWith("+") || lines.get(j).text().startsWith("|"))) {
                j++;
            }
            List<ContentLine> g = lines.subList(i, j);
            String top = g.get(0).text().stripTrailing();
            List<Integer> colPos = new ArrayList<>();
            for (int k = 0; k < top.length(); k++) {
                if (top.charAt(k) == '+') {
                    colPos.add(k);
                }
            }
            RstNode table = tableNode(g.get(0).where(), title, colPos.size() - 1);
            RstNode thead = new RstNode(Type.THEAD, g.get(0).where());
            RstNode tbody = new RstNode(Type.TBODY, g.get(0).where());
            boolean header = false;
            List<ContentLine> rowLines = new ArrayList<>();
            List<RstNode> rows = new ArrayList<>();
            for (int k = 1; k < g.size(); k++) {
                String t = g.get(k).text();
                if (t.startsWith("+")) {
                    if (!rowLines.isEmpty()) {
                        RstNode row = new RstNode(Type.ROW, rowLines.get(0).where());
                        for (int c = 0; c + 1 < colPos.size(); c++) {
                            List<ContentLine> cell = new ArrayList<>();
                            for (ContentLine l : rowLines) {
                                String lt = l.text();
                                int a = colPos.get(c) + 1;
                                int b = Math.min(colPos.get(c + 1), lt.length());
                                cell.add(l.withText(a >= b ? "" : lt.substring(a, b).stripTrailing()));
                            }
                            RstNode entry = new RstNode(Type.ENTRY, rowLines.get(0).where());
                            parse(dedent(cell), entry, null, depth + 1);
                            row.add(entry);
                        }
                        rows.add(row);
                        rowLines = new ArrayList<>();
                    }
                    if (t.contains("=") && !header) {
                        header = true;
                        rows.forEach(thead::add);
                        rows.clear();
                    }
                } else {
                    rowLines.add(g.get(k));
                }
            }
            rows.forEach(tbody::add);
            RstNode tgroup = table.children().get(table.children().size() - 1);
            if (!thead.children().isEmpty()) {
                tgroup.add(thead);
            }
            tgroup.add(tbody);
            target.add(table);
            return j;
        }

        RstNode tableNode(SourceLocation where, RstNode title, int cols) {
            RstNode table = new RstNode(Type.TABLE, where);
            if (title != null) {
                table.add(title);
            }
            RstNode tgroup = new RstNode(Type.TGROUP, where).attr("cols", String.valueOf(cols));
            table.add(tgroup);
            return table;
        }

        /**
         * Handles an explicit markup block (lines i..end). Returns lines to splice in place of the
         * block (for {@code include}), or null.
         */
        List<ContentLine> explicit(List<ContentLine> lines, int i, int end, RstNode target, Sections sections, int depth) {
            ContentLine first = lines.get(i);
            // docutils allows several spaces after ".." ("..  code-block::")
            String rest = first.text().length() > 2 ? first.text().substring(2).stripLeading() : "";
            Matcher m;
            if ((m = TARGET.matcher(rest)).find()) {
                String name = m.group(1);
                if (name.startsWith("`")) {
                    name = name.substring(1, name.length() - 1);
                }
                name = InlineParser.unescape(name);
                StringBuilder uri = new StringBuilder(rest.substring(m.end()).strip());
                for (ContentLine l : lines.subList(i + 1, end)) {
                    uri.append(l.text().strip());
                }
                RstNode t = new RstNode(Type.TARGET, first.where());
                if (!name.equals("_")) {
                    t.names().add(Ids.normalizeName(name));
                }
                if (uri.length() > 0) {
                    String u = uri.toString();
                    if (u.endsWith("_") && !u.endsWith("\\_")) {
                        t.attr("refname", Ids.normalizeName(u.substring(0, u.length() - 1)));
                    } else {
                        t.attr("refuri", InlineParser.unescape(u));
                    }
                }
                target.add(t);
                return null;
            }
            if ((m = SUBST_DEF.matcher(rest)).find()) {
                substitutionDefinition(lines, i, end, m, target, depth);
                return null;
            }
            if ((m = DIRECTIVE.matcher(rest)).find()) {
                List<ContentLine> block = new ArrayList<>();
                block.add(first.withText(rest.substring(m.end())));
                block.addAll(dedent(lines.subList(i + 1, end)));
                return directive(m.group(1), block, first.where(), target, sections, depth);
            }
            if (rest.startsWith("[") && rest.indexOf(']') > 1) {
                warn(first.where(), "Footnotes and citations are not supported; \""
                        + rest.substring(0, rest.indexOf(']') + 1) + "\" is not rendered.");
            }
            RstNode c = new RstNode(Type.COMMENT, first.where());
            List<ContentLine> body = new ArrayList<>();
            body.add(first.withText(rest));
            body.addAll(dedent(lines.subList(i + 1, end)));
            c.setText(joined(trimBlank(body)).strip());
            target.add(c);
            return null;
        }

        void substitutionDefinition(List<ContentLine> lines, int i, int end, Matcher m, RstNode target, int depth) {
            ContentLine first = lines.get(i);
            String name = Ids.normalizeName(m.group(1));
            String kind = m.group(2);
            String rest = first.text().substring(2).stripLeading().substring(m.end());
            StringBuilder text = new StringBuilder(rest);
            List<SourceLocation> locs = new ArrayList<>(List.of(first.where()));
            for (ContentLine l : lines.subList(i + 1, end)) {
                if (!l.text().isBlank()) {
                    text.append('\n').append(l.text().strip());
                    locs.add(l.where());
                }
            }
            RstNode def = new RstNode(Type.SUBSTITUTION_DEFINITION, first.where());
            def.names().add(name);
            switch (kind) {
                case "replace" -> def.addAll(inline.parse(text.toString().strip(), locs));
                case "unicode" -> {
                    StringBuilder sb = new StringBuilder();
                    for (String code : text.toString().split("\\s+")) {
                        if (code.startsWith("..")) {
                            break;
                        }
                        try {
                            String hex = code.replaceFirst("^(?:0x|x|\\\\x|U\\+|u|\\\\u|&#x)", "").replace(";", "");
                            if (hex.equals(code) && !code.matches("[0-9a-fA-F]+")) {
                                sb.append(code);
                            } else {
                                sb.appendCodePoint(Integer.parseInt(hex, 16));
                            }
                        } catch (IllegalArgumentException e) {
                            sb.append(code);
                        }
                    }
                    def.add(RstNode.text(sb.toString(), first.where()));
                }
                default -> {
                    error(first.where(), "Substitution definition \"" + m.group(1) + "\" uses the \"" + kind
                            + "\" directive, which is not supported here.");
                    return;
                }
            }
            substitutions.put(name, def);
            target.add(def);
        }

        /** Runs a directive. Returns lines to splice in (include), else null. */
        List<ContentLine> directive(String name, List<ContentLine> block, SourceLocation where, RstNode target,
                Sections sections, int depth) {
            switch (name) {
                case "note", "attention", "caution", "danger", "error", "hint", "important", "tip", "warning",
                        "seealso" -> {
                    DirectiveCall call = split(name, block, where, false);
                    RstNode adm = new RstNode(Type.ADMONITION, where).attr("kind", name);
                    RstNode title = new RstNode(Type.TITLE, where);
                    title.add(RstNode.text(ADMONITIONS.get(name), where));
                    adm.add(title);
                    addClasses(adm, call);
                    parse(call.content(), adm, null, depth + 1);
                    target.add(adm);
                    return null;
                }
                case "admonition" -> {
                    DirectiveCall call = split(name, block, where, true);
                    if (call.arguments().isEmpty()) {
                        error(where, "Error in \"admonition\" directive:\n1 argument(s) required, 0 supplied.");
                        return null;
                    }
                    RstNode adm = new RstNode(Type.ADMONITION, where).attr("kind", "admonition");
                    RstNode title = new RstNode(Type.TITLE, where);
                    title.addAll(inline.parse(call.arguments(), List.of(where)));
                    adm.add(title);
                    adm.classes().add("admonition-" + Ids.docutils(call.arguments()));
                    addClasses(adm, call);
                    parse(call.content(), adm, null, depth + 1);
                    target.add(adm);
                    return null;
                }
                case "versionadded", "versionchanged", "deprecated" -> {
                    DirectiveCall call = split(name, block, where, true);
                    String[] parts = call.arguments().split("\\s+", 2);
                    RstNode box = new RstNode(Type.ADMONITION, where).attr("kind", name).attr("version", parts[0]);
                    if (parts.length > 1) {
                        RstNode p = new RstNode(Type.PARAGRAPH, where);
                        p.addAll(inline.parse(parts[1], List.of(where)));
                        box.add(p);
                    }
                    parse(call.content(), box, null, depth + 1);
                    target.add(box);
                    return null;
                }
                case "code-block", "code", "sourcecode" -> {
                    DirectiveCall call = split(name, block, where, true);
                    String lang = call.arguments().isEmpty() ? highlight : call.arguments().strip();
                    RstNode lb = new RstNode(Type.LITERAL_BLOCK, where).attr("language", lang);
                    lb.setText(joined(trimBlank(new ArrayList<>(call.content()))));
                    if (call.options().containsKey("caption")) {
                        lb.attr("caption", call.options().get("caption"));
                    }
                    if (call.has("linenos")) {
                        lb.attr("linenos", "true");
                    }
                    nameOption(lb, call);
                    addClasses(lb, call);
                    if (call.content().isEmpty()) {
                        error(where, "Error in \"" + name + "\" directive:\nContent block expected for the \""
                                + name + "\" directive; none found.");
                        return null;
                    }
                    target.add(lb);
                    return null;
                }
                case "highlight" -> {
                    DirectiveCall call = split(name, block, where, true);
                    highlight = call.arguments().strip();
                    return null;
                }
                case "rubric" -> {
                    DirectiveCall call = split(name, block, where, true);
                    RstNode r = new RstNode(Type.RUBRIC, where);
                    r.addAll(inline.parse(call.arguments(), List.of(where)));
                    addClasses(r, call);
                    target.add(r);
                    return null;
                }
                case "topic", "sidebar" -> {
                    DirectiveCall call = split(name, block, where, true);
                    RstNode topic = new RstNode(Type.TOPIC, where).attr("kind", name);
                    RstNode title = new RstNode(Type.TITLE, where);
                    title.addAll(inline.parse(call.arguments(), List.of(where)));
                    topic.add(title);
                    addClasses(topic, call);
                    parse(call.content(), topic, null, depth + 1);
                    target.add(topic);
                    return null;
                }
                case "contents" -> {
                    DirectiveCall call = split(name, block, where, true);
                    RstNode topic = new RstNode(Type.TOPIC, where).attr("contents", "true");
                    String title = call.arguments().isEmpty() ? (call.has("local") ? null : "Contents") : call.arguments();
                    if (title != null) {
                        RstNode t = new RstNode(Type.TITLE, where);
                        t.addAll(inline.parse(title, List.of(where)));
                        topic.add(t);
                    }
                    topic.names().add(Ids.normalizeName(title == null ? "contents" : title));
                    if (call.has("local")) {
                        topic.attr("local", "true");
                    }
                    if (call.has("depth")) {
                        topic.attr("depth", call.options().get("depth"));
                    }
                    addClasses(topic, call);
                    target.add(topic);
                    return null;
                }
                case "container" -> {
                    DirectiveCall call = split(name, block, where, true);
                    RstNode c = new RstNode(Type.CONTAINER, where);
                    for (String cls : call.arguments().split("\\s+")) {
                        if (!Ids.docutils(cls).isEmpty()) {
                            c.classes().add(Ids.docutils(cls));
                        }
                    }
                    nameOption(c, call);
                    parse(call.content(), c, null, depth + 1);
                    target.add(c);
                    return null;
                }
                case "compound" -> {
                    DirectiveCall call = split(name, block, where, false);
                    RstNode c = new RstNode(Type.COMPOUND, where);
                    parse(call.content(), c, null, depth + 1);
                    target.add(c);
                    return null;
                }
                case "epigraph", "highlights", "pull-quote" -> {
                    DirectiveCall call = split(name, block, where, false);
                    RstNode bq = new RstNode(Type.BLOCK_QUOTE, where);
                    bq.classes().add(name);
                    splitAttribution(new ArrayList<>(call.content()), bq, depth);
                    target.add(bq);
                    return null;
                }
                case "parsed-literal" -> {
                    DirectiveCall call = split(name, block, where, false);
                    RstNode lb = new RstNode(Type.LITERAL_BLOCK, where).attr("language", "none");
                    lb.setText(joined(trimBlank(new ArrayList<>(call.content()))));
                    target.add(lb);
                    return null;
                }
                case "line-block" -> {
                    DirectiveCall call = split(name, block, where, false);
                    RstNode lbk = new RstNode(Type.LINE_BLOCK, where);
                    for (ContentLine l : call.content()) {
                        RstNode line = new RstNode(Type.LINE, l.where());
                        line.addAll(inline.parse(l.text(), List.of(l.where())));
                        lbk.add(line);
                    }
                    target.add(lbk);
                    return null;
                }
                case "toctree" -> {
                    DirectiveCall call = split(name, block, where, false);
                    RstNode tt = new RstNode(Type.TOCTREE, where);
                    for (String opt : List.of("maxdepth", "caption", "hidden", "numbered", "titlesonly", "glob", "reversed", "name")) {
                        if (call.has(opt)) {
                            tt.attr(opt, call.options().get(opt).isEmpty() ? "true" : call.options().get(opt));
                        }
                    }
                    for (ContentLine l : call.content()) {
                        String e = l.text().strip();
                        if (e.isEmpty()) {
                            continue;
                        }
                        RstNode entry = new RstNode(Type.TOCTREE_ENTRY, l.where());
                        Matcher em = Pattern.compile("^(.+?)\\s*<([^<>]+)>$").matcher(e);
                        if (em.matches()) {
                            entry.attr("title", em.group(1));
                            entry.attr("docname", em.group(2));
                        } else {
                            entry.attr("docname", e);
                        }
                        tt.add(entry);
                    }
                    target.add(tt);
                    return null;
                }
                case "only" -> {
                    DirectiveCall call = split(name, block, where, true);
                    RstNode only = new RstNode(Type.ONLY, where).attr("expr", call.arguments());
                    parse(call.content(), only, null, depth + 1);
                    target.add(only);
                    return null;
                }
                case "index" -> {
                    DirectiveCall call = split(name, block, where, true);
                    List<String> entries = new ArrayList<>();
                    // one entry per line (Sphinx splits the argument at newlines), options skipped
                    List<String> raw = new ArrayList<>();
                    for (ContentLine l : block) {
                        if (!FIELD.matcher(l.text()).find()) {
                            raw.add(l.text());
                        }
                    }
                    for (String r : raw) {
                        String e = r.strip();
                        if (e.isEmpty()) {
                            continue;
                        }
                        boolean main = e.startsWith("!");
                        if (main) {
                            e = e.substring(1);
                        }
                        Matcher im = Pattern.compile("^(single|pair|triple|see|seealso):\\s*(.*)$").matcher(e);
                        if (im.matches()) {
                            entries.add(im.group(1) + ":" + im.group(2).strip());
                        } else {
                            for (String part : e.split(",")) {
                                if (!part.isBlank()) {
                                    entries.add("single:" + part.strip());
                                }
                            }
                        }
                    }
                    RstNode idx = new RstNode(Type.INDEX, where);
                    for (int k = 0; k < entries.size(); k++) {
                        idx.attr("entry" + k, entries.get(k));
                    }
                    target.add(idx);
                    RstNode t = new RstNode(Type.TARGET, where).attr("index", "true");
                    target.add(t);
                    return null;
                }
                case "raw" -> {
                    DirectiveCall call = split(name, block, where, true);
                    if (!options.allowRaw()) {
                        warn(where, "\"raw\" directive disabled.");
                        return null;
                    }
                    RstNode raw = new RstNode(Type.RAW, where).attr("format", call.arguments().strip());
                    raw.setText(joined(trimBlank(new ArrayList<>(call.content()))));
                    target.add(raw);
                    return null;
                }
                case "table" -> {
                    DirectiveCall call = split(name, block, where, true);
                    RstNode title = null;
                    if (!call.arguments().isEmpty()) {
                        title = new RstNode(Type.TITLE, where);
                        title.addAll(inline.parse(call.arguments(), List.of(where)));
                    }
                    List<ContentLine> content = trimBlank(new ArrayList<>(call.content()));
                    if (content.isEmpty()) {
                        error(where, "Error in \"table\" directive:\nno content permitted... content block expected.");
                        return null;
                    }
                    RstNode holder = new RstNode(Type.CONTAINER, where);
                    String t = content.get(0).text();
                    if (SIMPLE_TABLE.matcher(t).matches()) {
                        simpleTable(content, 0, holder, title, depth + 1);
                    } else if (GRID_TABLE.matcher(t).matches()) {
                        gridTable(content, 0, holder, title, depth + 1);
                    } else {
                        error(where, "Error parsing content block for the \"table\" directive: exactly one table expected.");
                        return null;
                    }
                    for (RstNode tbl : List.copyOf(holder.children())) {
                        addClasses(tbl, call);
                        nameOption(tbl, call);
                        if (call.has("widths")) {
                            tbl.attr("widths", call.options().get("widths"));
                        }
                        if (call.has("align")) {
                            tbl.attr("align", call.options().get("align"));
                        }
                        target.add(tbl);
                    }
                    return null;
                }
                case "list-table" -> {
                    DirectiveCall call = split(name, block, where, true);
                    RstNode holder = new RstNode(Type.CONTAINER, where);
                    parse(call.content(), holder, null, depth + 1);
                    if (holder.children().size() != 1 || holder.children().get(0).type() != Type.BULLET_LIST) {
                        error(where, "Error parsing content block for the \"list-table\" directive: exactly one bullet list expected.");
                        return null;
                    }
                    RstNode title = null;
                    if (!call.arguments().isEmpty()) {
                        title = new RstNode(Type.TITLE, where);
                        title.addAll(inline.parse(call.arguments(), List.of(where)));
                    }
                    RstNode outer = holder.children().get(0);
                    int headerRows = parseIntSafe(call.options().getOrDefault("header-rows", "0"));
                    int cols = 0;
                    for (RstNode item : outer.children()) {
                        if (!item.children().isEmpty() && item.children().get(0).type() == Type.BULLET_LIST) {
                            cols = Math.max(cols, item.children().get(0).children().size());
                        }
                    }
                    RstNode table = tableNode(where, title, cols);
                    RstNode thead = new RstNode(Type.THEAD, where);
                    RstNode tbody = new RstNode(Type.TBODY, where);
                    int r = 0;
                    for (RstNode item : List.copyOf(outer.children())) {
                        RstNode row = new RstNode(Type.ROW, item.location());
                        if (!item.children().isEmpty() && item.children().get(0).type() == Type.BULLET_LIST) {
                            for (RstNode cellItem : List.copyOf(item.children().get(0).children())) {
                                RstNode entry = new RstNode(Type.ENTRY, cellItem.location());
                                entry.addAll(cellItem.children());
                                row.add(entry);
                            }
                        }
                        (r++ < headerRows ? thead : tbody).add(row);
                    }
                    RstNode tgroup = table.children().get(table.children().size() - 1);
                    if (!thead.children().isEmpty()) {
                        tgroup.add(thead);
                    }
                    tgroup.add(tbody);
                    addClasses(table, call);
                    nameOption(table, call);
                    target.add(table);
                    return null;
                }
                case "image", "figure" -> {
                    DirectiveCall call = split(name, block, where, true);
                    RstNode img = new RstNode(Type.IMAGE, where).attr("uri", call.arguments().replaceAll("\\s+", ""));
                    for (String opt : List.of("alt", "width", "height", "align", "target")) {
                        if (call.has(opt)) {
                            img.attr(opt, call.options().get(opt));
                        }
                    }
                    if (name.equals("figure")) {
                        RstNode fig = new RstNode(Type.CONTAINER, where).attr("figure", "true");
                        fig.add(img);
                        parse(call.content(), fig, null, depth + 1);
                        target.add(fig);
                    } else {
                        target.add(img);
                    }
                    return null;
                }
                case "include" -> {
                    DirectiveCall call = split(name, block, where, true);
                    return include(call, target);
                }
                case "default-role", "sectionauthor", "moduleauthor", "codeauthor", "meta", "tabularcolumns" -> {
                    return null;
                }
                default -> {
                    RstNode d = RstNode.directive(split(name, block, where, true));
                    // the language in effect here, for "::" blocks when the content is parsed later
                    d.attr("highlight", highlight);
                    target.add(d);
                    return null;
                }
            }
        }

        List<ContentLine> include(DirectiveCall call, RstNode target) {
            SourceLocation where = call.location();
            int chain = 0;
            for (SourceLocation p = where.includedFrom(); p != null; p = p.includedFrom()) {
                chain++;
            }
            if (chain >= 10) {
                messages.add(new SystemMessage(SystemMessage.Level.SEVERE, where,
                        "Problems with \"include\" directive path:\ncircular or too deep inclusion (limit 10)."));
                return null;
            }
            String path = call.arguments().strip();
            Optional<List<ContentLine>> got = options.includer().read(path, where);
            if (got.isEmpty()) {
                messages.add(new SystemMessage(SystemMessage.Level.SEVERE, where,
                        "Problems with \"include\" directive path:\nInputError: [Errno 2] No such file or directory: '"
                                + path + "'."));
                return null;
            }
            List<ContentLine> lines = got.get();
            if (call.has("literal") || call.has("code")) {
                RstNode lb = new RstNode(Type.LITERAL_BLOCK, where);
                lb.attr("language", call.has("code") ? (call.options().get("code").isEmpty() ? "none" : call.options().get("code")) : "none");
                lb.setText(joined(lines));
                target.add(lb);
                return null;
            }
            return lines;
        }

        void resolveSubstitutions(RstNode root) {
            for (RstNode ref : root.findAll(Type.SUBSTITUTION_REFERENCE)) {
                RstNode def = substitutions.get(ref.attr("refname"));
                if (def == null) {
                    error(ref.location(), "Undefined substitution referenced: \"" + ref.astext() + "\".");
                    ref.replaceWith(List.of(RstNode.text(ref.astext(), ref.location())));
                    continue;
                }
                List<RstNode> copies = new ArrayList<>();
                for (RstNode c : def.children()) {
                    copies.add(copy(c));
                }
                ref.replaceWith(copies);
            }
        }

        void addClasses(RstNode n, DirectiveCall call) {
            String cls = call.options().get("class");
            if (cls != null) {
                for (String c : cls.split("\\s+")) {
                    if (!c.isEmpty()) {
                        n.classes().add(Ids.docutils(c));
                    }
                }
            }
        }

        void nameOption(RstNode n, DirectiveCall call) {
            String name = call.options().get("name");
            if (name != null && !name.isBlank()) {
                n.names().add(Ids.normalizeName(name));
            }
        }

        void splitAttribution(List<ContentLine> body, RstNode bq, int depth) {
            parse(body, bq, null, depth + 1);
            if (!bq.children().isEmpty()) {
                RstNode last = bq.children().get(bq.children().size() - 1);
                if (last.type() == Type.PARAGRAPH && !last.children().isEmpty()
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
        }
    }

    private static RstNode copy(RstNode n) {
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
     * Splits a directive block the docutils way (see {@link DirectiveCall}). With {@code
     * takesArguments} false, any text on the directive line and before the first blank line that
     * is not an option belongs to the content.
     */
    public static DirectiveCall split(String name, List<ContentLine> block, SourceLocation where, boolean takesArguments) {
        List<ContentLine> ind = new ArrayList<>(block);
        // only the (empty) directive line goes: a blank line after it means "no arguments"
        if (!ind.isEmpty() && ind.get(0).text().isBlank()) {
            ind.remove(0);
        }
        while (!ind.isEmpty() && ind.get(ind.size() - 1).text().isBlank()) {
            ind.remove(ind.size() - 1);
        }
        int i = 0;
        while (i < ind.size() && !ind.get(i).text().isBlank()) {
            i++;
        }
        List<ContentLine> argBlock = new ArrayList<>(ind.subList(0, i));
        List<ContentLine> content = i < ind.size() ? new ArrayList<>(ind.subList(i + 1, ind.size())) : new ArrayList<>();
        Map<String, String> opts = new LinkedHashMap<>();
        int o = 0;
        while (o < argBlock.size() && !FIELD.matcher(argBlock.get(o).text()).find()) {
            o++;
        }
        List<ContentLine> optBlock = argBlock.subList(o, argBlock.size());
        String lastOpt = null;
        for (ContentLine l : optBlock) {
            Matcher m = FIELD.matcher(l.text());
            if (indent(l.text()) == 0 && m.find()) {
                lastOpt = InlineParser.unescape(m.group(1)).strip();
                opts.put(lastOpt, l.text().substring(m.end()).strip());
            } else if (lastOpt != null) {
                String prev = opts.get(lastOpt);
                opts.put(lastOpt, (prev.isEmpty() ? "" : prev + "\n") + l.text().strip());
            }
        }
        argBlock = new ArrayList<>(argBlock.subList(0, o));
        if (!takesArguments && !argBlock.isEmpty()) {
            List<ContentLine> c = new ArrayList<>(argBlock);
            if (i < ind.size()) {
                c.addAll(ind.subList(i, ind.size()));
            }
            content = c;
            argBlock = List.of();
        }
        StringBuilder args = new StringBuilder();
        for (ContentLine l : argBlock) {
            if (args.length() > 0) {
                args.append(' ');
            }
            args.append(l.text().strip());
        }
        return new DirectiveCall(name, args.toString(), opts, trimBlank(content), block, where);
    }

    // ---- line helpers ----

    static int indent(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean isAdornment(String t) {
        String s = t.stripTrailing();
        if (s.isEmpty() || s.charAt(0) == ' ') {
            return false;
        }
        char c = s.charAt(0);
        if (ADORNMENT_CHARS.indexOf(c) < 0) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != c) {
                return false;
            }
        }
        // a lone "::" or ".." is markup, not an adornment
        return !(s.length() < 3 && (c == ':' || c == '.'));
    }

    /** End (exclusive) of the block of indented or blank lines starting at {@code from}. */
    private static int indentedEnd(List<ContentLine> lines, int from) {
        int j = from;
        int lastNonBlank = from;
        while (j < lines.size()) {
            String t = lines.get(j).text();
            if (!t.isBlank() && indent(t) == 0) {
                break;
            }
            j++;
            if (!t.isBlank()) {
                lastNonBlank = j;
            }
        }
        return Math.max(from, lastNonBlank);
    }

    /** End of an explicit markup block: its first line plus the following indented lines. */
    private static int explicitEnd(List<ContentLine> lines, int i) {
        return indentedEnd(lines, i + 1);
    }

    private static int skipBlank(List<ContentLine> lines, int i) {
        while (i < lines.size() && lines.get(i).text().isBlank()) {
            i++;
        }
        return i;
    }

    /** The first line from column {@code col}, the rest with their common indentation removed. */
    private static List<ContentLine> firstKnownIndented(List<ContentLine> lines, int i, int end, int col) {
        List<ContentLine> out = new ArrayList<>();
        String first = lines.get(i).text();
        out.add(lines.get(i).withText(col >= first.length() ? "" : first.substring(col)));
        out.addAll(dedent(lines.subList(i + 1, end)));
        return trimBlank(out);
    }

    static List<ContentLine> dedent(List<ContentLine> lines) {
        int min = Integer.MAX_VALUE;
        for (ContentLine l : lines) {
            if (!l.text().isBlank()) {
                min = Math.min(min, indent(l.text()));
            }
        }
        List<ContentLine> out = new ArrayList<>(lines.size());
        for (ContentLine l : lines) {
            String t = l.text();
            out.add(l.withText(t.isBlank() ? "" : t.substring(Math.min(min, t.length())).stripTrailing()));
        }
        return out;
    }

    static List<ContentLine> trimBlank(List<ContentLine> lines) {
        List<ContentLine> out = new ArrayList<>(lines);
        while (!out.isEmpty() && out.get(0).text().isBlank()) {
            out.remove(0);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).text().isBlank()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static String joined(List<ContentLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            if (k > 0) {
                sb.append('\n');
            }
            sb.append(lines.get(k).text());
        }
        return sb.toString();
    }

    private static List<SourceLocation> locations(List<ContentLine> lines) {
        List<SourceLocation> out = new ArrayList<>();
        for (ContentLine l : lines) {
            out.add(l.where());
        }
        return out;
    }

    private static int parseIntSafe(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Directive names this reader implements itself (others become {@link Type#DIRECTIVE}). */
    public static final Set<String> BUILTIN_DIRECTIVES = Set.of("note", "attention", "caution", "danger",
            "error", "hint", "important", "tip", "warning", "seealso", "admonition", "versionadded",
            "versionchanged", "deprecated", "code-block", "code", "sourcecode", "highlight", "rubric", "topic",
            "sidebar", "contents", "container", "compound", "epigraph", "highlights", "pull-quote",
            "parsed-literal", "line-block", "toctree", "only", "index", "raw", "table", "list-table", "image",
            "figure", "include", "default-role", "sectionauthor", "moduleauthor", "codeauthor", "meta",
            "tabularcolumns");
}
