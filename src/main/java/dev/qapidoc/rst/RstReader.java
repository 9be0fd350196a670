package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Reads reST into an {@link RstNode} tree, for the constructs of qapi-domain-and-html.md §8:
 * sections (docutils' adornment-style levels), paragraphs and inline markup, bullet / enumerated /
 * definition / field lists, literal blocks, block quotes, simple and grid tables, comments,
 * targets, substitutions and the directives Sphinx users rely on ({@code code-block}, admonitions,
 * {@code contents}, {@code toctree}, {@code highlight}, {@code rubric}, {@code only}, {@code
 * include}, {@code index}, {@code table}, {@code raw}, ...).
 *
 * <p>Directives and roles come from the {@link DirectiveRegistry} of the {@link Options} ({@link
 * Directives#standard()} by default). Directives it does not have are kept as {@link
 * Type#DIRECTIVE} nodes with their parts ({@link DirectiveCall}) so that the {@code qapi} domain
 * can handle them in a later pass; roles it does not have are kept as {@link Type#PENDING_XREF}
 * nodes. The block grammar itself is {@link BlockParser}'s. Problems are reported, never
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

    /**
     * An includer's refusal to read a file that exists (it lies outside the source tree); the
     * message says why and is what the directive reports.
     */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Deepest nesting of block structures (lists in quotes in directives ...). */
    public static final int MAX_DEPTH = 64;

    /**
     * Supplies included files (the {@code include} directive); empty when unreadable, {@link
     * Refused} for a file it must not read (one outside the source tree).
     */
    public interface Includer {
        Optional<List<ContentLine>> read(String path, SourceLocation from);

        /**
         * Records that the build read {@code file} (for {@code depfile} and rebuilds); directives
         * that read files themselves call it through {@link DirectiveContext#recordDependency}.
         */
        default void recordDependency(java.nio.file.Path file) {}
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
     * @param includer resolves the paths of {@code .. include::} directives
     * @param registry the directives and roles the reader runs itself (others are left pending)
     */
    public record Options(
            String defaultRole,
            boolean allowRaw,
            String highlightLanguage,
            boolean smartQuotes,
            Includer includer,
            DirectiveRegistry registry) {

        /** Settings with the standard directives and roles ({@link Directives#STANDARD}). */
        public Options(
                String defaultRole,
                boolean allowRaw,
                String highlightLanguage,
                boolean smartQuotes,
                Includer includer) {
            this(defaultRole, allowRaw, highlightLanguage, smartQuotes, includer, Directives.STANDARD);
        }

        public static Options defaults() {
            return new Options(null, false, "default", true, (p, f) -> Optional.empty());
        }

        /** These settings with another registry (e.g. the standard one plus a domain's directives). */
        public Options withRegistry(DirectiveRegistry r) {
            return new Options(defaultRole, allowRaw, highlightLanguage, smartQuotes, includer, r);
        }

        /** These settings with smart punctuation switched on or off. */
        public Options withSmartQuotes(boolean on) {
            return new Options(defaultRole, allowRaw, highlightLanguage, on, includer, registry);
        }
    }

    /** A read document and the problems found while reading it. */
    public record Result(RstNode document, List<SystemMessage> messages) {}

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
        SourceLocation start = lines.isEmpty()
                ? SourceLocation.of("<empty>", 1)
                : lines.get(0).where().atLine(1);
        if (!lines.isEmpty() && lines.get(0).where().includedFrom() != null) {
            start = lines.get(0).where();
        }
        RstNode doc = new RstNode(Type.DOCUMENT, start);
        BlockParser st = new BlockParser(options, options.highlightLanguage());
        st.parse(new ArrayList<>(lines), doc, new BlockParser.Sections(doc), 0);
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
        return parseNested(
                directive.directive().content(), titles, report, lang == null ? options.highlightLanguage() : lang);
    }

    /**
     * As {@link #parseNested(List, boolean, Consumer)}, with {@code highlight} (when not null) as
     * the language of {@code ::} blocks, e.g. for content a directive handler builds itself.
     */
    public List<RstNode> parseNested(
            List<ContentLine> lines, boolean titles, String highlight, Consumer<SystemMessage> report) {
        return parseNested(lines, titles, report, highlight == null ? options.highlightLanguage() : highlight);
    }

    private List<RstNode> parseNested(
            List<ContentLine> lines, boolean titles, Consumer<SystemMessage> report, String highlight) {
        SourceLocation where =
                lines.isEmpty() ? SourceLocation.of("<empty>", 1) : lines.get(0).where();
        RstNode holder = new RstNode(Type.CONTAINER, where);
        BlockParser st = new BlockParser(options, highlight);
        st.parse(new ArrayList<>(lines), holder, titles ? new BlockParser.Sections(holder) : null, 0);
        // names defined elsewhere in the document (rst_epilog, say) are resolved by Transforms
        st.resolveSubstitutions(holder, false);
        if (options.smartQuotes()) {
            SmartQuotes.apply(holder);
        }
        st.messages.forEach(report);
        List<RstNode> out = new ArrayList<>(holder.children());
        holder.clearChildren();
        return out;
    }

    /**
     * Splits a directive block the docutils way (see {@link DirectiveCall}). With {@code
     * takesArguments} false, any text on the directive line and before the first blank line that
     * is not an option belongs to the content.
     */
    public static DirectiveCall split(
            String name, List<ContentLine> block, SourceLocation where, boolean takesArguments) {
        // ranges of the block, not copies (a directive's content may be a view, IndentedLines)
        int from = 0;
        int to = block.size();
        // only the (empty) directive line goes: a blank line after it means "no arguments"
        if (to > 0 && block.get(0).text().isBlank()) {
            from = 1;
        }
        while (to > from && block.get(to - 1).text().isBlank()) {
            to--;
        }
        List<ContentLine> ind = block.subList(from, to);
        int i = 0;
        while (i < ind.size() && !ind.get(i).text().isBlank()) {
            i++;
        }
        List<ContentLine> argBlock = new ArrayList<>(ind.subList(0, i));
        List<ContentLine> content = i < ind.size() ? ind.subList(i + 1, ind.size()) : List.of();
        Map<String, String> opts = new LinkedHashMap<>();
        int o = 0;
        while (o < argBlock.size()
                && !BlockParser.FIELD.matcher(argBlock.get(o).text()).find()) {
            o++;
        }
        List<ContentLine> optBlock = argBlock.subList(o, argBlock.size());
        String lastOpt = null;
        for (ContentLine l : optBlock) {
            Matcher m = BlockParser.FIELD.matcher(l.text());
            if (Lines.indent(l.text()) == 0 && m.find()) {
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
        return new DirectiveCall(name, args.toString(), opts, Lines.trimBlank(content), block, where);
    }
}
