package dev.qapidoc.html;

import dev.qapidoc.rst.Transforms;

import dev.qapidoc.domain.Domain;
import dev.qapidoc.domain.DomainConfig;
import dev.qapidoc.domain.SchemaExpander;
import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.Ids;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.RoleText;
import dev.qapidoc.rst.RstReader;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.source.Background;
import dev.qapidoc.source.SourceLocation;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds a standalone HTML site from a folder of {@code .rst} pages, in Sphinx's three phases
 * (qapi-domain-and-html.md §0.6): read every document (sorted by name), resolve cross-references
 * against everything read, write the pages, the general index, the search page and index, and
 * {@code objects.inv}.
 *
 * <p>The result is a map of output files (path relative to the output folder → bytes) plus the
 * messages; nothing is written to disk here, so the CLI can write into a temporary folder and
 * move it into place only on success, and tests can compare two builds byte for byte.
 */
public final class SiteBuilder {

    /**
     * What to build.
     *
     * @param srcdir the source folder
     * @param displayDir how the source folder is shown in messages (as given on the command line)
     * @param config conf.py values with -D overrides applied
     * @param allowRaw honour {@code raw} directives
     * @param themeDirs folders searched for {@code NAME/theme.properties} before the built-in themes
     * @param passes tree passes run on each document right after reading, before the standard
     *     transforms (where the {@code qapi} domain turns its generic directives into nodes)
     */
    public record Options(Path srcdir, String displayDir, SiteConfig config, boolean allowRaw, List<Path> themeDirs,
            List<Pass> passes, List<Resolver> resolvers, SchemaExpander expander) {
        public Options(Path srcdir, String displayDir, SiteConfig config, boolean allowRaw, List<Path> themeDirs) {
            this(srcdir, displayDir, config, allowRaw, themeDirs, List.of(), List.of(), SchemaExpander.NONE);
        }

        public Options(Path srcdir, String displayDir, SiteConfig config, boolean allowRaw, List<Path> themeDirs,
                List<Pass> passes) {
            this(srcdir, displayDir, config, allowRaw, themeDirs, passes, List.of(), SchemaExpander.NONE);
        }

        public Options(Path srcdir, String displayDir, SiteConfig config, boolean allowRaw, List<Path> themeDirs,
                List<Pass> passes, List<Resolver> resolvers) {
            this(srcdir, displayDir, config, allowRaw, themeDirs, passes, resolvers, SchemaExpander.NONE);
        }

        /** Options for a build whose {@code qapi-doc} directives go through {@code expander}. */
        public Options(Path srcdir, String displayDir, SiteConfig config, boolean allowRaw, List<Path> themeDirs,
                SchemaExpander expander) {
            this(srcdir, displayDir, config, allowRaw, themeDirs, List.of(), List.of(), expander);
        }
    }

    /**
     * Cross-reference resolution by a domain, once every document is read (spec §0.6 phase 2).
     * {@link #resolve} runs on each document before the standard roles are resolved and handles
     * the domain's own roles; {@link #anyCandidates} offers the domain's targets for the {@code
     * any} role, which are considered after documents and labels (spec §4.5).
     */
    public interface Resolver {
        void resolve(String docname, RstNode tree, Links links, java.util.function.Consumer<SystemMessage> report);

        /** Targets for {@code any} with this (whitespace-normalised) target text, in priority order. */
        List<Candidate> anyCandidates(String docname, RstNode xref, String target);

        /**
         * Standard labels of pages the domain generates (spec §4.5, §5.2.1: {@code qapi-qmp-index}
         * → "QMP Index"), as label name → {page name, title}; they resolve for {@code :ref:} and
         * {@code any} and are listed in {@code objects.inv} like {@code genindex}.
         */
        default Map<String, PageLabel> labels() {
            return Map.of();
        }
    }

    /** A standard label that names a whole generated page ({@code genindex} → "Index"). */
    public record PageLabel(String page, String title) {}

    /**
     * A label: in a document ({@code docname} and {@code anchor}, {@code title} null unless it
     * labels a section or captioned table) or naming a generated {@code page}.
     */
    private record Label(String docname, String anchor, String title, String page) {}

    /** Page URIs for resolvers: relative from one document to another, with an optional anchor. */
    public interface Links {
        String uri(String fromDoc, String toDoc, String anchor);
    }

    /**
     * One possible target of an {@code any} reference.
     *
     * @param description how the ambiguity warning names it, e.g. {@code :qapi:cmd:`QMP:x`}
     * @param docname the document it is in
     * @param anchor the id in that document, or null for the page itself
     * @param reftitle the link's {@code title} attribute, or null
     * @param content what the link shows
     */
    public record Candidate(String description, String docname, String anchor, String reftitle, RstNode content) {}

    /**
     * A pass over one freshly read document. It may replace {@link Type#DIRECTIVE} and {@link
     * Type#PENDING_XREF} nodes and parse directive content with {@code reader}; directives still
     * present afterwards are reported as unknown. A pass that resolves a role only later (once
     * every document is read) sets the attribute {@code domain} on those PENDING_XREF nodes, so
     * that they are not reported as unknown roles.
     */
    public interface Pass {
        void apply(String docname, RstNode tree, RstReader reader, java.util.function.Consumer<SystemMessage> report);
    }

    /** The built site: output files in path order, and every message in report order. */
    public record Output(Map<String, byte[]> files, List<SystemMessage> messages) {
        public boolean hasErrors() {
            return messages.stream().anyMatch(m -> m.level() == SystemMessage.Level.ERROR
                    || m.level() == SystemMessage.Level.SEVERE);
        }
    }

    /** Roles resolved here (the standard domain); others are left for later passes. */
    private static final Set<String> STD_ROLES = Set.of("doc", "ref", "any", "pep", "rfc");

    /** Labels every Sphinx site has (§4.5), with their titles and pages. */
    private static final Map<String, PageLabel> STD_LABELS = Map.of(
            "genindex", new PageLabel("genindex", "Index"),
            "search", new PageLabel("search", "Search Page"),
            // Sphinx always has these two (from its Python domain); objects.inv lists them, and
            // spec §5.3 asks for Sphinx's inventory byte for byte
            "modindex", new PageLabel("py-modindex", "Module Index"),
            "py-modindex", new PageLabel("py-modindex", "Python Module Index"));

    /** Names of generated pages, which documents cannot use. */
    private static final Set<String> RESERVED = Set.of("genindex", "search", "searchindex", "objects");

    private final Options opts;
    private final SiteConfig conf;
    private final List<SystemMessage> messages = new ArrayList<>();
    private final Map<String, SourceDoc> docs = new TreeMap<>();
    private Navigation nav;
    /** label name → doc, anchor id (null for a whole page), title (null when none). */
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Highlights highlights = new Highlights();
    private final Map<String, String> images = new TreeMap<>();
    private Theme theme;
    private final Domain domain;


    private SiteBuilder(Options opts) {
        this.opts = opts;
        this.conf = opts.config();
        this.domain = new Domain(domainConfig(conf), opts.expander());
    }

    /** The {@code qapi_*} and TOC values of conf.py for the domain (spec §0.5). */
    static DomainConfig domainConfig(SiteConfig conf) {
        return new DomainConfig(conf.stringSet("qapi_allowed_fields"), conf.stringSet("qapi_namespaces"),
                conf.bool("qapi_split_module", false), "pair".equals(conf.string("qapi_module_index_style", "single")),
                conf.string("toc_object_entries_show_parents", "domain"), conf.bool("toc_object_entries", true));
    }

    /**
     * Runs a whole build. Fails (IOException) only when the source folder or the theme cannot be
     * read at all; problems in documents are messages.
     */
    public static Output build(Options opts) throws IOException {
        SiteBuilder b = new SiteBuilder(opts);
        try {
            b.run();
        } finally {
            b.highlights.close();
        }
        return new Output(b.files, List.copyOf(b.messages));
    }

    private void run() throws IOException {
        // starting Velocity costs about a tenth of a second; it is needed only for writing, so it
        // starts on the other core while the documents are read
        Background.Task<ThemeLoad> themeTask = Background.start("qapidoc-theme", this::loadTheme);
        discover();
        if (!docs.containsKey(conf.rootDoc())) {
            awaitTheme(themeTask);
            messages.add(SystemMessage.error(null, "root document '" + conf.rootDoc() + "' not found: "
                    + display(conf.rootDoc() + ".rst")));
            return;
        }
        for (SourceDoc d : docs.values()) {
            read(d);
        }
        for (SourceDoc d : docs.values()) {
            collect(d);
        }
        toctreeRelations();
        for (SourceDoc d : docs.values()) {
            resolve(d);
        }
        awaitTheme(themeTask);
        writeStatic();
        nav = new Navigation(docs, conf.rootDoc());
        List<String> order = nav.readingOrder();
        // the trees are final now; frozen, so that nothing changes them under the readers below
        for (SourceDoc d : docs.values()) {
            d.tree.freeze();
        }
        // the search index only reads the finished trees: it is built on the other core while
        // the pages are written
        Background.Task<byte[]> searchTask = Background.start("qapidoc-search", this::searchIndex);
        // so are the general index and the QAPI index pages (the page writer only reads them too)
        Background.Task<Map<String, byte[]>> indexTask = Background.start("qapidoc-indices", this::indexPages);
        for (SourceDoc d : docs.values()) {
            writePage(d, order);
        }
        files.putAll(indexTask.await());
        writeSearch();
        files.put("searchindex.js", searchTask.await());
        writeInventory();
    }

    /** The configured theme, or the default one with a warning when it cannot be loaded. */
    private record ThemeLoad(Theme theme, SystemMessage warning) {}

    private ThemeLoad loadTheme() throws IOException {
        try {
            return new ThemeLoad(Theme.load(conf.htmlTheme(), opts.themeDirs()), null);
        } catch (IOException e) {
            // e.g. QEMU's conf.py names sphinx_rtd_theme: build with ours rather than not at all
            return new ThemeLoad(Theme.load("default", opts.themeDirs()),
                    SystemMessage.warning(null, e.getMessage() + "; using the 'default' theme"));
        }
    }

    /** Joins the theme loader; its warning comes first, where a synchronous load reported it. */
    private void awaitTheme(Background.Task<ThemeLoad> task) throws IOException {
        ThemeLoad t = task.await();
        theme = t.theme();
        if (t.warning() != null) {
            messages.add(0, t.warning());
        }
    }

    private String display(String rel) {
        String dir = opts.displayDir();
        if (dir.isEmpty() || dir.equals(".")) {
            return rel;
        }
        return dir.endsWith("/") ? dir + rel : dir + "/" + rel;
    }

    // ---- phase 1: read ----

    private void discover() throws IOException {
        List<PathMatcher> excludes = new ArrayList<>();
        for (String p : conf.strings("exclude_patterns")) {
            excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + p));
        }
        try (Stream<Path> walk = Files.walk(opts.srcdir())) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = opts.srcdir().relativize(p);
                String r = rel.toString().replace('\\', '/');
                if (!Files.isRegularFile(p) || !r.endsWith(".rst")) {
                    continue;
                }
                boolean hidden = false;
                for (Path part : rel) {
                    String s = part.toString();
                    if (s.startsWith(".") || s.startsWith("_")) {
                        hidden = true;
                    }
                }
                if (hidden || excludes.stream().anyMatch(m -> m.matches(rel))) {
                    continue;
                }
                String name = r.substring(0, r.length() - 4);
                if (RESERVED.contains(name)) {
                    // these pages are generated; a document of that name would be overwritten
                    messages.add(SystemMessage.warning(SourceLocation.of(display(r), 0),
                            "document name '" + name + "' is reserved for a generated page; skipped"));
                    continue;
                }
                docs.put(name, new SourceDoc(name, display(r)));
            }
        }
    }

    private void read(SourceDoc d) {
        String text;
        try {
            text = decode(Files.readAllBytes(opts.srcdir().resolve(d.name + ".rst")));
        } catch (IOException e) {
            messages.add(SystemMessage.error(SourceLocation.of(d.file, 0), "cannot read document: " + e.getMessage()));
            d.tree = new RstNode(Type.DOCUMENT, SourceLocation.of(d.file, 1));
            return;
        }
        RstReader reader = new RstReader(new RstReader.Options(conf.defaultRole(), opts.allowRaw(),
                conf.highlightLanguage(), conf.smartquotes(), (path, from) -> include(d, path, from)));
        List<ContentLine> lines = new ArrayList<>();
        lines.addAll(snippet("<rst_prolog>", conf.string("rst_prolog", "")));
        lines.addAll(ContentLine.of(d.file, text));
        lines.addAll(snippet("<rst_epilog>", conf.string("rst_epilog", "")));
        RstReader.Result r = reader.read(lines);
        d.tree = r.document();
        metadata(d);
        messages.addAll(r.messages());
        // the qapi domain and other passes run here, before the standard transforms, so that
        // the sections and ids they create take part in id assignment and target propagation
        domain.read(d.name, d.tree, reader, messages::add);
        for (Pass p : opts.passes()) {
            p.apply(d.name, d.tree, reader, messages::add);
        }
        // code blocks are final now: they are highlighted on the other core while this one goes on
        highlights.prepare(d.tree.findAll(Type.LITERAL_BLOCK));
        Transforms.apply(d.tree, messages::add);
        for (RstNode n : d.tree.descendants()) {
            if (n.type() == Type.DIRECTIVE) {
                messages.add(SystemMessage.error(n.location(), "Unknown directive type \"" + n.directive().name()
                        + "\".\n\n" + n.directive().sourceText()));
            } else if (n.type() == Type.PENDING_XREF && !STD_ROLES.contains(n.attr("role")) && n.attr("domain") == null
                    && !Domain.handlesRole(n.attr("role"))) {
                messages.add(SystemMessage.error(n.location(), "Unknown interpreted text role \"" + n.attr("role") + "\"."));
            }
        }
    }

    /** rst_prolog / rst_epilog from conf.py, with their own pseudo file name as Sphinx reports them. */
    private static List<ContentLine> snippet(String name, String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<ContentLine> out = new ArrayList<>();
        out.add(new ContentLine("", SourceLocation.of(name, 0)));
        out.addAll(ContentLine.of(name, text));
        out.add(new ContentLine("", SourceLocation.of(name, 0)));
        return out;
    }

    /**
     * A field list before anything else in the document is file-wide metadata ({@code :orphan:},
     * {@code :tocdepth:} ...), not content: it is removed and kept as {@code meta:NAME} attributes
     * of the document node, as Sphinx does.
     */
    private static void metadata(SourceDoc d) {
        for (RstNode c : List.copyOf(d.tree.children())) {
            if (c.type() == Type.COMMENT || c.type() == Type.SUBSTITUTION_DEFINITION || c.type() == Type.TARGET) {
                continue;
            }
            if (c.type() == Type.FIELD_LIST) {
                for (RstNode f : c.children()) {
                    String name = f.children().get(0).astext().strip();
                    d.tree.attr("meta:" + name, f.children().size() > 1 ? f.children().get(1).astext().strip() : "");
                }
                d.tree.remove(c);
            }
            return;
        }
    }

    private static String decode(byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not valid UTF-8");
        }
    }

    /** {@code include}: relative to the including file, {@code /x} from the source folder; never outside it. */
    private Optional<List<ContentLine>> include(SourceDoc d, String path, SourceLocation from) {
        Path base = opts.srcdir().toAbsolutePath().normalize();
        String fromRel = from.file();
        String dirPrefix = opts.displayDir().isEmpty() || opts.displayDir().equals(".") ? "" : opts.displayDir() + "/";
        if (fromRel.startsWith(dirPrefix)) {
            fromRel = fromRel.substring(dirPrefix.length());
        }
        Path fromDir = base.resolve(fromRel).getParent();
        Path target = path.startsWith("/") ? base.resolve(path.substring(1)) : fromDir.resolve(path);
        target = target.normalize();
        if (!target.startsWith(base) || !Files.isRegularFile(target)) {
            return Optional.empty();
        }
        try {
            String text = decode(Files.readAllBytes(target));
            String shown = display(base.relativize(target).toString().replace('\\', '/'));
            List<ContentLine> out = new ArrayList<>();
            for (ContentLine l : ContentLine.of(shown, text)) {
                out.add(new ContentLine(l.text(), new SourceLocation(shown, l.where().line(), 0, from)));
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Titles, labels and toctree children of a document. */
    private void collect(SourceDoc d) {
        for (RstNode c : d.tree.children()) {
            if (c.type() == Type.SECTION) {
                d.titleNode = c.children().get(0);
                d.title = d.titleNode.astext();
                break;
            }
        }
        List<RstNode> all = d.tree.descendants();
        Map<String, RstNode> byId = null;
        for (RstNode n : all) {
            if (n.type() == Type.TARGET && n.attr("refuri") == null && !n.names().isEmpty()
                    && !"true".equals(n.attr("index"))) {
                String id = n.ids().isEmpty() ? n.attr("refid") : n.ids().get(0);
                if (byId == null) {
                    byId = firstById(all);
                }
                RstNode holder = id == null ? null : byId.get(id);
                String title = holder != null && holder.type() == Type.SECTION ? holder.children().get(0).astext() : null;
                if (holder != null && (holder.type() == Type.TABLE) && !holder.children().isEmpty()
                        && holder.children().get(0).type() == Type.TITLE) {
                    title = holder.children().get(0).astext();
                }
                for (String name : n.names()) {
                    if (labels.containsKey(name)) {
                        messages.add(SystemMessage.warning(n.location(), "duplicate label " + name + ", other instance in "
                                + docs.get(labels.get(name).docname()).file));
                    }
                    labels.put(name, new Label(d.name, id, title, null));
                }
            }
        }
        for (RstNode tt : d.tree.findAll(Type.TOCTREE)) {
            if (tt.attr("glob") != null) {
                expandGlobs(d, tt);
            }
            for (RstNode e : tt.children()) {
                String target = docRef(d.name, e.attr("docname"));
                if (docs.containsKey(target)) {
                    if (!d.children.contains(target)) {
                        d.children.add(target);
                    }
                } else if (e.attr("docname").equals("self")) {
                    continue;
                } else if (!e.attr("docname").matches("https?://.*")) {
                    messages.add(SystemMessage.warning(e.location(),
                            "toctree contains reference to nonexisting document '" + e.attr("docname") + "'"));
                }
            }
        }
    }

    /** {@code :glob:} toctrees: entries with {@code * ? [} match document names, sorted. */
    private void expandGlobs(SourceDoc d, RstNode tt) {
        for (RstNode e : List.copyOf(tt.children())) {
            String pattern = e.attr("docname");
            if (e.attr("title") != null || !pattern.matches(".*[*?\\[].*")) {
                continue;
            }
            String full = docRef(d.name, pattern);
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + full);
            List<RstNode> matches = new ArrayList<>();
            for (String name : docs.keySet()) {
                if (!name.equals(d.name) && m.matches(Path.of(name))) {
                    RstNode entry = new RstNode(Type.TOCTREE_ENTRY, e.location());
                    entry.attr("docname", "/" + name);
                    matches.add(entry);
                }
            }
            if (matches.isEmpty()) {
                messages.add(SystemMessage.warning(e.location(), "toctree glob pattern '" + pattern
                        + "' didn't match any documents"));
            }
            e.replaceWith(matches);
        }
    }

    /** The first node in document order carrying each id (labels look their holder up here). */
    private static Map<String, RstNode> firstById(List<RstNode> nodes) {
        Map<String, RstNode> out = new java.util.HashMap<>();
        for (RstNode n : nodes) {
            for (String id : n.ids()) {
                out.putIfAbsent(id, n);
            }
        }
        return out;
    }

    /** Resolves a document reference relative to {@code from} ({@code /x} is absolute). */
    static String docRef(String from, String ref) {
        String r = ref.strip();
        if (r.endsWith(".rst")) {
            r = r.substring(0, r.length() - 4);
        }
        if (r.startsWith("/")) {
            return normalize(r.substring(1));
        }
        int slash = from.lastIndexOf('/');
        return normalize(slash < 0 ? r : from.substring(0, slash + 1) + r);
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(p);
        }
        return String.join("/", parts);
    }

    private final Set<String> included = new HashSet<>();

    private void toctreeRelations() {
        List<String> stack = new ArrayList<>(List.of(conf.rootDoc()));
        included.add(conf.rootDoc());
        while (!stack.isEmpty()) {
            String n = stack.remove(stack.size() - 1);
            for (String c : docs.get(n).children) {
                if (included.add(c)) {
                    stack.add(c);
                }
            }
        }
        for (SourceDoc d : docs.values()) {
            if (!included.contains(d.name) && !isOrphan(d)) {
                messages.add(SystemMessage.warning(SourceLocation.of(d.file, 0), "document isn't included in any toctree"));
            }
        }
    }

    private static boolean isOrphan(SourceDoc d) {
        return d.tree.attr("meta:orphan") != null;
    }

    // ---- phase 2: resolve ----

    private void resolve(SourceDoc d) {
        for (Resolver r : opts.resolvers()) {
            r.resolve(d.name, d.tree, (from, to, anchor) -> pageUri(docs.get(from), to, anchor), messages::add);
        }
        for (RstNode x : d.tree.findAll(Type.PENDING_XREF)) {
            if (x.parent() == null) {
                continue;
            }
            String role = x.attr("role");
            switch (role) {
                case "doc" -> resolveDoc(d, x);
                case "ref" -> resolveRef(d, x);
                case "any" -> resolveAny(d, x);
                case "pep", "rfc" -> resolvePepRfc(x, role);
                default -> {
                    if (Domain.handlesRole(role)) {
                        domain.resolve(d.name, x, messages::add);
                    }
                }
            }
        }
    }

    private String pageUri(SourceDoc from, String to, String anchor) {
        if (from.name.equals(to) && anchor != null) {
            return "#" + anchor;
        }
        String uri = relative(from.name, to + ".html");
        return anchor == null ? uri : uri + "#" + anchor;
    }

    /** Relative URI from the page of {@code fromDoc} to {@code target} (a path from the root). */
    static String relative(String fromDoc, String target) {
        int depth = 0;
        for (char c : fromDoc.toCharArray()) {
            if (c == '/') {
                depth++;
            }
        }
        String fromDir = fromDoc.contains("/") ? fromDoc.substring(0, fromDoc.lastIndexOf('/') + 1) : "";
        if (!fromDir.isEmpty() && target.startsWith(fromDir)) {
            return target.substring(fromDir.length());
        }
        return "../".repeat(depth) + target;
    }

    private RstNode link(RstNode x, String uri, String spanClass, String text) {
        RstNode ref = new RstNode(Type.REFERENCE, x.location()).attr("refuri", uri).attr("internal", "true");
        RstNode span = new RstNode(Type.INLINE, x.location());
        span.classes().add(spanClass);
        span.add(RstNode.text(text, x.location()));
        ref.add(span);
        return ref;
    }

    private RstNode unresolvedSpan(RstNode x, String cls, String text) {
        RstNode span = new RstNode(Type.INLINE, x.location());
        span.classes().add(cls);
        span.add(RstNode.text(text, x.location()));
        return span;
    }

    private void resolveDoc(SourceDoc d, RstNode x) {
        RoleText rt = RoleText.parse(x.attr("text"));
        SourceDoc to = docs.get(docRef(d.name, rt.target()));
        if (to == null) {
            messages.add(SystemMessage.warning(where(x), "unknown document: '" + rt.target() + "'"));
            x.replaceWith(List.of(unresolvedSpan(x, "xref std std-doc", rt.title())));
            return;
        }
        x.replaceWith(List.of(link(x, pageUri(d, to.name, null), "doc", rt.explicit() ? rt.title() : to.title)));
    }

    private Label label(String name) {
        Label l = labels.get(name);
        if (l != null) {
            return l;
        }
        PageLabel std = stdLabels().get(name);
        if (std == null && domain.indexLabels().containsKey(name)) {
            // every configured QAPI index is a label, even when its page is not written (§5.2.1)
            return new Label(null, null, domain.indexLabels().get(name), name);
        }
        return std == null ? null : new Label(null, null, std.title(), std.page());
    }

    /** genindex, search and the labels of pages that resolvers generate. */
    private Map<String, PageLabel> stdLabels() {
        Map<String, PageLabel> all = new TreeMap<>(STD_LABELS);
        for (Resolver r : opts.resolvers()) {
            all.putAll(r.labels());
        }
        return all;
    }

    private String labelUri(SourceDoc from, Label l) {
        if (l.docname() == null) {
            return relative(from.name, l.page() + ".html");
        }
        return pageUri(from, l.docname(), l.anchor());
    }

    private void resolveRef(SourceDoc d, RstNode x) {
        RoleText rt = RoleText.parse(x.attr("text"));
        String name = Ids.normalizeName(rt.target());
        Label l = label(name);
        if (l == null || (l.title() == null && !rt.explicit())) {
            messages.add(SystemMessage.warning(where(x), "undefined label: '" + name + "'"));
            x.replaceWith(List.of(unresolvedSpan(x, "xref std std-ref", rt.title())));
            return;
        }
        x.replaceWith(List.of(link(x, labelUri(d, l), "std std-ref", rt.explicit() ? rt.title() : l.title())));
    }

    /** Sphinx reports a reference at the line of the paragraph that holds it (golden warnings, §A.3). */
    private static SourceLocation where(RstNode x) {
        RstNode p = x.ancestor(Type.PARAGRAPH);
        return p != null ? p.location() : x.location();
    }

    private void resolveAny(SourceDoc d, RstNode x) {
        if (x.attr("text").startsWith("!")) {
            // §4.2 step 1, which the any role understands too: the text without a reference
            RstNode lit = new RstNode(Type.LITERAL, x.location());
            lit.classes().add("xref");
            lit.classes().add("any");
            lit.add(RstNode.text(x.attr("text").substring(1), x.location()));
            x.replaceWith(List.of(lit));
            return;
        }
        RoleText rt = RoleText.parse(x.attr("text"));
        String target = rt.target().replaceAll("\\s+", " ");
        List<RstNode> candidates = new ArrayList<>();
        List<String> names = new ArrayList<>();
        SourceDoc doc = docs.get(docRef(d.name, target));
        if (doc != null) {
            candidates.add(link(x, pageUri(d, doc.name, null), "doc", rt.explicit() ? rt.title() : doc.title));
            names.add(":std:doc:`" + doc.title + "`");
        }
        Label l = label(Ids.normalizeName(target));
        if (l != null && (l.title() != null || rt.explicit())) {
            candidates.add(link(x, labelUri(d, l), "std std-ref", rt.explicit() ? rt.title() : l.title()));
            names.add(":std:ref:`" + (l.title() != null ? l.title() : target) + "`");
        }
        for (Domain.Candidate c : domain.anyCandidates(d.name, x, target, rt.explicit() ? rt.title() : null)) {
            candidates.add(c.node());
            names.add(c.description());
        }
        for (Resolver r : opts.resolvers()) {
            for (Candidate c : r.anyCandidates(d.name, x, target)) {
                RstNode ref = new RstNode(Type.REFERENCE, x.location()).attr("internal", "true")
                        .attr("refuri", pageUri(d, c.docname(), c.anchor())).attr("reftitle", c.reftitle());
                ref.add(c.content());
                candidates.add(ref);
                names.add(c.description());
            }
        }
        if (candidates.isEmpty()) {
            messages.add(SystemMessage.warning(where(x), "'any' reference target not found: " + target));
            RstNode lit = new RstNode(Type.LITERAL, x.location());
            lit.classes().add("xref");
            lit.classes().add("any");
            lit.add(RstNode.text(rt.explicit() ? rt.title() : target, x.location()));
            x.replaceWith(List.of(lit));
            return;
        }
        if (candidates.size() > 1) {
            messages.add(SystemMessage.warning(where(x), "more than one target found for 'any' cross-reference '"
                    + target + "': could be " + String.join(" or ", names)));
        }
        x.replaceWith(List.of(candidates.get(0)));
    }

    private void resolvePepRfc(RstNode x, String role) {
        RoleText rt = RoleText.parse(x.attr("text"));
        String num = rt.target().split("#", 2)[0].strip();
        if (!num.matches("[0-9]{1,5}")) {
            messages.add(SystemMessage.error(x.location(), "invalid " + role.toUpperCase(java.util.Locale.ROOT)
                    + " number " + num));
            x.replaceWith(List.of(RstNode.text(x.attr("text"), x.location())));
            return;
        }
        String uri = role.equals("pep")
                ? "https://peps.python.org/pep-" + String.format("%04d", Integer.parseInt(num)) + "/"
                : "https://datatracker.ietf.org/doc/html/rfc" + Integer.parseInt(num) + ".html";
        RstNode ref = new RstNode(Type.REFERENCE, x.location()).attr("refuri", uri);
        ref.classes().add(role);
        RstNode strong = new RstNode(Type.STRONG, x.location());
        strong.add(RstNode.text(rt.explicit() ? rt.title() : role.toUpperCase(java.util.Locale.ROOT) + " " + num,
                x.location()));
        ref.add(strong);
        x.replaceWith(List.of(ref));
    }

    // ---- phase 3: write ----

    private void writeStatic() throws IOException {
        for (String f : theme.staticFiles()) {
            files.put("_static/" + f, theme.staticFile(f));
        }
    }

    /** Escaped plain text (all template values are HTML). */
    private static String h(String s) {
        return HtmlWriter.escape(s);
    }

    private Map<String, Object> baseVars(String pagename, String title) {
        Map<String, Object> v = new LinkedHashMap<>();
        String root = relative(pagename, "");
        v.put("root", root);
        v.put("static", root + "_static/");
        v.put("project", h(conf.project()));
        v.put("docstitle", h(conf.htmlTitle()));
        v.put("title", h(title));
        v.put("lang", h(conf.language()));
        v.put("copyright", h(conf.copyright()));
        v.put("version", h(conf.release()));
        v.put("indexUri", h(relative(pagename, conf.rootDoc() + ".html")));
        v.put("genindexUri", h(relative(pagename, "genindex.html")));
        v.put("searchUri", h(relative(pagename, "search.html")));
        v.put("sidebar", nav.sidebar(pagename));
        v.put("pagename", h(pagename));
        v.put("prev", null);
        v.put("next", null);
        return v;
    }

    private void writePage(SourceDoc d, List<String> order) {
        HtmlTranslator.Context ctx = new HtmlTranslator.Context() {
            @Override
            public String toctree(RstNode toctree) {
                return nav.toctreeHtml(d, toctree);
            }

            @Override
            public String image(RstNode img) {
                return imageUri(d, img);
            }

            @Override
            public void report(SystemMessage m) {
                messages.add(m);
            }

            @Override
            public Highlighter.Result highlight(RstNode block) {
                return highlights.take(block);
            }
        };
        String body = HtmlTranslator.render(d.tree, ctx);
        Map<String, Object> v = baseVars(d.name, d.title);
        v.put("body", body);
        int i = order.indexOf(d.name);
        if (i > 0) {
            v.put("prev", navLink(d, docs.get(order.get(i - 1))));
        }
        if (i >= 0 && i + 1 < order.size()) {
            v.put("next", navLink(d, docs.get(order.get(i + 1))));
        }
        v.put("localtoc", nav.localToc(d));
        files.put(d.name + ".html", theme.render("page", v).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> navLink(SourceDoc from, SourceDoc to) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("href", h(relative(from.name, to.name + ".html")));
        m.put("title", h(to.title));
        return m;
    }

    private String imageUri(SourceDoc d, RstNode img) {
        String uri = img.attr("uri");
        if (uri == null || uri.isEmpty()) {
            return null;
        }
        if (uri.matches("(?i)^https?://.*")) {
            return HtmlWriter.safeUrl(uri) ? uri : null;
        }
        if (!HtmlWriter.safeUrl(uri)) {
            messages.add(SystemMessage.warning(img.location(), "image file not readable: " + uri));
            return null;
        }
        String rel = docRef(d.name, uri);
        Path file = opts.srcdir().resolve(rel).normalize();
        if (!file.toAbsolutePath().startsWith(opts.srcdir().toAbsolutePath().normalize()) || !Files.isRegularFile(file)) {
            messages.add(SystemMessage.warning(img.location(), "image file not readable: " + uri));
            return null;
        }
        String out = images.get(rel);
        if (out == null) {
            String base = rel.substring(rel.lastIndexOf('/') + 1);
            out = "_images/" + base;
            int k = 1;
            while (images.containsValue(out)) {
                out = "_images/" + (k++) + "-" + base;
            }
            images.put(rel, out);
            try {
                files.put(out, Files.readAllBytes(file));
            } catch (IOException e) {
                messages.add(SystemMessage.warning(img.location(), "image file not readable: " + uri));
                return null;
            }
        }
        return relative(d.name, out);
    }

    // ---- general index (§5.1) ----

    /** The general index and the QAPI index pages; reads the trees and the domain, writes nothing. */
    private Map<String, byte[]> indexPages() {
        Map<String, byte[]> out = new TreeMap<>();
        writeGenindex(out);
        writeQapiIndices(out);
        return out;
    }

    private void writeGenindex(Map<String, byte[]> out) {
        Map<String, Object> v = baseVars("genindex", "Index");
        v.put("body", GeneralIndex.html(indexEntries()));
        v.put("localtoc", "");
        out.put("genindex.html", theme.render("genindex", v).getBytes(StandardCharsets.UTF_8));
    }

    private List<GeneralIndex.Entry> indexEntries() {
        List<GeneralIndex.Entry> out = new ArrayList<>();
        for (SourceDoc d : docs.values()) {
            for (RstNode idx : d.tree.findAll(Type.INDEX)) {
                String target = idx.attr("target");
                String uri = d.name + ".html" + (target == null ? "" : "#" + target);
                for (int k = 0; idx.attr("entry" + k) != null; k++) {
                    String e = idx.attr("entry" + k);
                    int colon = e.indexOf(':');
                    out.add(new GeneralIndex.Entry(e.substring(0, colon), e.substring(colon + 1), uri));
                }
            }
        }
        return out;
    }

    // ---- QAPI index pages (§5.2) ----

    private void writeQapiIndices(Map<String, byte[]> out) {
        for (Domain.IndexPage page : domain.indexPages()) {
            Map<String, Object> v = baseVars(page.name(), page.title());
            v.put("body", QapiIndexHtml.html(page));
            v.put("localtoc", "");
            out.put(page.name() + ".html", theme.render("genindex", v).getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---- search (§5.4; our own format) ----

    private void writeSearch() {
        Map<String, Object> v = baseVars("search", "Search");
        v.put("body", "");
        v.put("localtoc", "");
        files.put("search.html", theme.render("search", v).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code searchindex.js}; reads the trees and the domain's objects, writes nothing. */
    private byte[] searchIndex() {
        SearchIndex idx = new SearchIndex();
        for (SourceDoc d : docs.values()) {
            List<String[]> sections = new ArrayList<>();
            for (RstNode s : d.tree.findAll(Type.SECTION)) {
                if (!s.ids().isEmpty()) {
                    sections.add(new String[] {s.ids().get(0), s.children().get(0).astext()});
                }
            }
            idx.add(d.name, d.title, searchableText(d.tree), sections);
        }
        for (dev.qapidoc.domain.ObjectEntry o : domain.objects()) {
            if (docs.containsKey(o.docname())) {
                idx.addObject(o.name(), o.fqn(), o.kind().objtype(), o.docname(), o.id());
            }
        }
        return idx.toJs().getBytes(StandardCharsets.UTF_8);
    }

    private static String searchableText(RstNode tree) {
        StringBuilder sb = new StringBuilder();
        for (RstNode n : tree.descendants()) {
            switch (n.type()) {
                case TEXT -> sb.append(n.text());
                case LITERAL_BLOCK -> sb.append(' ').append(n.text() == null ? "" : n.text()).append(' ');
                case TITLE, PARAGRAPH, TERM, ENTRY, LINE, RUBRIC, FIELD_NAME, LIST_ITEM -> sb.append(' ');
                default -> { }
            }
        }
        return sb.toString();
    }

    // ---- objects.inv (§5.3) ----

    private void writeInventory() {
        List<Inventory.Item> items = new ArrayList<>();
        for (SourceDoc d : docs.values()) {
            items.add(new Inventory.Item(d.name, "std", "doc", "-1", d.name + ".html", d.title));
        }
        for (Map.Entry<String, Label> e : labels.entrySet()) {
            Label l = e.getValue();
            if (l.title() == null) {
                continue;
            }
            items.add(new Inventory.Item(e.getKey(), "std", "label", "-1",
                    l.docname() + ".html" + (l.anchor() == null ? "" : "#" + l.anchor()), l.title()));
        }
        for (Map.Entry<String, PageLabel> e : stdLabels().entrySet()) {
            if (!labels.containsKey(e.getKey())) {
                items.add(new Inventory.Item(e.getKey(), "std", "label", "-1", e.getValue().page() + ".html",
                        e.getValue().title()));
            }
        }
        for (Map.Entry<String, String> e : domain.indexLabels().entrySet()) {
            if (!labels.containsKey(e.getKey()) && !stdLabels().containsKey(e.getKey())) {
                items.add(new Inventory.Item(e.getKey(), "std", "label", "-1", e.getKey() + ".html", e.getValue()));
            }
        }
        if (conf.bool("qapi_inventory", true)) {
            // §5.3 "complete inventory": every QAPI object under its FQN (on by default here, see README)
            for (dev.qapidoc.domain.ObjectEntry o : domain.objects()) {
                items.add(new Inventory.Item(o.fqn(), "qapi", o.kind().objtype(), "1", o.docname() + ".html#" + o.id(),
                        o.name()));
            }
        }
        files.put("objects.inv", Inventory.write(conf.project(), conf.version(), items));
    }
}
