package dev.qapidoc.html;

import dev.qapidoc.domain.Domain;
import dev.qapidoc.domain.DomainConfig;
import dev.qapidoc.domain.SchemaExpander;
import dev.qapidoc.ext.KernelDocDirective;
import dev.qapidoc.ext.QemuExtensions;
import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.DirectiveRegistry;
import dev.qapidoc.rst.Directives;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.RstReader;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.rst.Transforms;
import dev.qapidoc.source.Background;
import dev.qapidoc.source.SourceLocation;
import dev.qapidoc.source.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a standalone HTML site from a folder of {@code .rst} pages, in Sphinx's three phases
 * (qapi-domain-and-html.md §0.6): read every document (sorted by name), resolve cross-references
 * against everything read, write the pages, the general index, the search page and index, and
 * {@code objects.inv}.
 *
 * <p>This class keeps the build itself (discover, read, resolve, write); what a reference means
 * is up to the domain of its role ({@link XrefDomain}: {@link StdDomain} for labels and the
 * standard roles, {@link QapiXrefDomain} for {@code qapi:*}), and the HTML of the pages, indices
 * and search comes from {@link SitePages}. Work that only reads finished trees runs on the spare
 * core ({@link Background}); the trees are frozen before it starts.
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
     * @param themeDirs folders searched for {@code NAME/theme.properties} before the built-in themes,
     *     after conf.py's {@code html_theme_path}; no other folder is searched
     * @param passes tree passes run on each document right after reading, before the standard
     *     transforms (where the {@code qapi} domain turns its generic directives into nodes)
     * @param domains extra domains whose roles resolve after the standard and {@code qapi} ones
     *     (see {@link XrefDomain})
     * @param expander what {@code qapi-doc} directives expand to
     * @param pages documents held in memory, by document name, each as its lines with their
     *     origins (the file name they show in messages, as if displayDir/NAME.rst): when not
     *     empty these are the site's documents and srcdir is not searched for {@code .rst} files,
     *     but it is still where {@code include} and {@code image} paths are looked up
     * @param tags the tags {@code only} directives test: the builder's ({@link
     *     Transforms#builderTags()}) plus {@code -t}'s and those conf.py added
     */
    public record Options(
            Path srcdir,
            String displayDir,
            SiteConfig config,
            boolean allowRaw,
            List<Path> themeDirs,
            List<Pass> passes,
            List<XrefDomain> domains,
            SchemaExpander expander,
            Map<String, List<ContentLine>> pages,
            Set<String> tags) {
        public Options {
            // sorted, so that anything reported per page comes in name order, as for files
            pages = java.util.Collections.unmodifiableMap(new TreeMap<>(pages));
            tags = Set.copyOf(tags);
        }

        /**
         * The options of a plain build: no extra passes or domains, no {@code qapi-doc}
         * expander, the pages found in {@code srcdir}, the builder's tags. The {@code with...}
         * methods change one thing each, so that no caller counts positional arguments.
         */
        public Options(Path srcdir, String displayDir, SiteConfig config, boolean allowRaw, List<Path> themeDirs) {
            this(
                    srcdir,
                    displayDir,
                    config,
                    allowRaw,
                    themeDirs,
                    List.of(),
                    List.of(),
                    SchemaExpander.NONE,
                    Map.of(),
                    Transforms.builderTags());
        }

        /** The same options with {@code passes} run over each document (see {@link Pass}). */
        public Options withPasses(List<Pass> passes) {
            return new Options(srcdir, displayDir, config, allowRaw, themeDirs, passes, domains, expander, pages, tags);
        }

        /** The same options with {@code domains} resolving roles after the built-in ones. */
        public Options withDomains(List<XrefDomain> domains) {
            return new Options(srcdir, displayDir, config, allowRaw, themeDirs, passes, domains, expander, pages, tags);
        }

        /** The same options with {@code qapi-doc} directives going through {@code expander}. */
        public Options withExpander(SchemaExpander expander) {
            return new Options(srcdir, displayDir, config, allowRaw, themeDirs, passes, domains, expander, pages, tags);
        }

        /** The same options with {@code pages} as the documents (see {@link #pages()}). */
        public Options withPages(Map<String, List<ContentLine>> pages) {
            return new Options(srcdir, displayDir, config, allowRaw, themeDirs, passes, domains, expander, pages, tags);
        }

        /** The same options with {@code tags} for {@code only} (see {@link #tags()}). */
        public Options withTags(Set<String> tags) {
            return new Options(srcdir, displayDir, config, allowRaw, themeDirs, passes, domains, expander, pages, tags);
        }
    }

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

    /**
     * The built site: output files in path order, every message in report order, and every file
     * the build read (absolute, in the order first read), for a dependency file.
     */
    public record Output(
            Map<String, byte[]> files, List<SystemMessage> messages, Set<Path> dependencies, Set<String> written) {
        public Output(Map<String, byte[]> files, List<SystemMessage> messages) {
            this(files, messages, Set.of(), files.keySet());
        }

        public boolean hasErrors() {
            return messages.stream()
                    .anyMatch(m -> m.level() == SystemMessage.Level.ERROR || m.level() == SystemMessage.Level.SEVERE);
        }
    }

    /**
     * Where a build puts its output files as they are finished, instead of holding them until the
     * end: a site whose every page lists thousands of others (a sidebar of 5,000 entries) is far
     * larger than its input, and only what is written at once keeps memory proportional to the
     * input (issue 13 item 8). Paths are relative to the output folder, with {@code /}.
     */
    public interface FileSink {
        void put(String path, byte[] bytes) throws IOException;
    }

    /**
     * The reader's directives and roles: the standard ones, the qapi domain's, and QEMU's extensions'
     * ({@code kernel-doc} with the {@code c} domain's, {@code hxtool-doc}, {@code dbus-doc}) (per build: it reads from {@code kerneldoc_srctree}).
     */
    private final DirectiveRegistry registry;

    /** Names of generated pages, which documents cannot use. */
    private static final Set<String> RESERVED = Set.of("genindex", "search", "searchindex", "objects");

    private final Options opts;
    /** Where finished files go, or null to keep them in {@link #files} (the in-memory build). */
    private final FileSink sink;
    /** Every output path, in the order written. */
    private final Set<String> written = new java.util.LinkedHashSet<>();

    private final SiteConfig conf;
    private final List<SystemMessage> messages = new ArrayList<>();
    private final Map<String, SourceDoc> docs = new TreeMap<>();
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Highlights highlights = new Highlights();
    /** Every file read, absolute; written to from the reading thread only. */
    private final Set<Path> dependencies = new java.util.LinkedHashSet<>();

    private final DefaultSubstitutions defaults;
    private final SiteAssets assets;
    private Theme theme;
    private final Domain domain;
    /** QEMU's file-reading extensions ({@code hxtool-doc}, {@code dbus-doc}). */
    private final QemuExtensions qemu;
    /** The standard domain: labels and the std roles. */
    private final StdDomain std;
    /** Options and environment variables (std domain objects). */
    private final StdObjectDomain stdObjects;
    /** Every registered domain: std, qapi, then those of the options. */
    private final List<XrefDomain> domains = new ArrayList<>();
    /** Role name → the domain that resolves it. */
    private final Map<String, XrefDomain> byRole = new HashMap<>();

    private final Citations citations = new Citations();

    private SiteBuilder(Options opts, FileSink sink) {
        this.opts = opts;
        this.sink = sink;
        this.conf = opts.config();
        this.domain = new Domain(domainConfig(conf), opts.expander());
        this.defaults = DefaultSubstitutions.of(conf);
        this.tree = conf.sourceTree(opts.srcdir());
        this.assets = new SiteAssets(opts.srcdir(), tree, conf, messages::add, this::recordDependency);
        for (String p : tree.problems()) {
            messages.add(SystemMessage.warning(null, p));
        }
        this.qemu = new QemuExtensions(new QemuExtensions.Config(
                opts.srcdir(),
                opts.displayDir(),
                tree,
                conf.string("hxtool_srctree", "."),
                conf.string("dbusdoc_srctree", ".")));
        List<XrefDomain> others = new ArrayList<>();
        others.add(new QapiXrefDomain(domain, conf.bool("qapi_inventory", true)));
        others.add(new DbusXrefDomain(qemu.dbus(), conf.strings("dbus_index_common_prefix")));
        this.stdObjects = new StdObjectDomain(conf.stringSet("suppress_warnings"));
        others.add(stdObjects);
        others.add(new CXrefDomain(docs));
        this.registry = QemuExtensions.register(
                        Domain.register(KernelDocDirective.register(Directives.standard(), this::kernelDocSource)))
                .build();
        others.addAll(opts.domains());
        this.std = new StdDomain(docs, others);
        domains.add(std);
        domains.addAll(others);
        for (XrefDomain d : domains) {
            for (String role : d.roles()) {
                if (byRole.putIfAbsent(role, d) != null) {
                    throw new IllegalArgumentException("two domains resolve the role '" + role + "'");
                }
            }
        }
    }

    /** The {@code qapi_*} and TOC values of conf.py for the domain (spec §0.5). */
    static DomainConfig domainConfig(SiteConfig conf) {
        return new DomainConfig(
                conf.stringSet("qapi_allowed_fields"),
                conf.stringSet("qapi_namespaces"),
                conf.bool("qapi_split_module", false),
                "pair".equals(conf.string("qapi_module_index_style", "single")),
                conf.string("toc_object_entries_show_parents", "domain"),
                conf.bool("toc_object_entries", true));
    }

    /**
     * Runs a whole build. Fails (IOException) only when the source folder or the theme cannot be
     * read at all; problems in documents are messages.
     */
    public static Output build(Options opts) throws IOException {
        return build(opts, null);
    }

    /**
     * Runs a whole build whose files go to {@code sink} as they are finished (the output's
     * {@link Output#files()} is then empty, and {@link Output#written()} names them); a failing
     * sink ends the build with its IOException.
     */
    public static Output build(Options opts, FileSink sink) throws IOException {
        SiteBuilder b = new SiteBuilder(opts, sink);
        try {
            b.run();
            b.flush();
        } finally {
            b.highlights.close();
        }
        // the .hx and D-Bus XML files QEMU's extensions read belong in the depfile too
        b.qemu.filesRead().forEach(b::recordDependency);
        return new Output(
                b.files,
                List.copyOf(b.messages),
                java.util.Collections.unmodifiableSet(b.dependencies),
                java.util.Collections.unmodifiableSet(b.written));
    }

    /** A finished page: to the sink at once, or kept for the caller. */
    private void emit(String path, byte[] bytes) throws IOException {
        if (sink != null) {
            written.add(path);
            sink.put(path, bytes);
        } else {
            files.put(path, bytes);
        }
    }

    /** The small files gathered in {@link #files} (assets, images, indices) go to the sink last. */
    private void flush() throws IOException {
        if (sink == null) {
            written.addAll(files.keySet());
            return;
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            emit(e.getKey(), e.getValue());
        }
        files.clear();
    }

    private void run() throws IOException {
        // starting Velocity costs about a tenth of a second; it is needed only for writing, so it
        // starts on the other core while the documents are read
        Background.Task<SiteAssets.ThemeLoad> themeTask =
                Background.start("qapidoc-theme", () -> SiteAssets.loadTheme(opts.srcdir(), conf, opts.themeDirs()));
        discover();
        if (!docs.containsKey(conf.rootDoc())) {
            awaitTheme(themeTask);
            messages.add(SystemMessage.error(
                    null, "root document '" + conf.rootDoc() + "' not found: " + display(conf.rootDoc() + ".rst")));
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
        assets.write(theme, files);
        Navigation nav = new Navigation(docs, conf.rootDoc());
        List<String> order = nav.readingOrder();
        // the trees are final now; frozen, so that nothing changes them under the readers below
        for (SourceDoc d : docs.values()) {
            d.tree.freeze();
        }
        // the search index only reads the finished trees: it is built on the other core while
        // the pages are written
        SitePages pages = new SitePages(conf, theme, nav, docs, domain, assets);
        Background.Task<byte[]> searchTask = Background.start("qapidoc-search", pages::searchIndex);
        // so are the general index and the QAPI index pages (the page writer only reads them too)
        List<Domain.IndexPage> domainIndices = new ArrayList<>();
        domains.forEach(x -> domainIndices.addAll(x.indexPages()));
        Background.Task<Map<String, byte[]>> indexTask =
                Background.start("qapidoc-indices", () -> pages.indexPages(domainIndices));
        Images images = new Images(opts.srcdir(), tree, files, messages::add, this::recordDependency);
        for (SourceDoc d : docs.values()) {
            emit(d.name + ".html", pages.page(d, order, images, highlights, messages::add));
        }
        files.putAll(indexTask.await());
        files.put("search.html", pages.searchPage());
        files.put("searchindex.js", searchTask.await());
        writeInventory();
    }

    /** Joins the theme loader; its message comes first, where a synchronous load reported it. */
    private void awaitTheme(Background.Task<SiteAssets.ThemeLoad> task) throws IOException {
        SiteAssets.ThemeLoad t = task.await();
        theme = t.theme();
        if (t.message() != null) {
            messages.add(0, t.message());
        }
    }

    /**
     * Records that the build read {@code file}: the hook for the dependency file ({@code
     * depfile}); directives reach it through {@code DirectiveContext.recordDependency}.
     */
    private void recordDependency(Path file) {
        dependencies.add(file.toAbsolutePath().normalize());
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
        if (!opts.pages().isEmpty()) {
            for (String name : opts.pages().keySet()) {
                if (!reserved(name, name + ".rst")) {
                    docs.put(name, new SourceDoc(name, display(name + ".rst")));
                }
            }
            return;
        }
        List<Glob> excludes = new ArrayList<>();
        for (String p : conf.strings("exclude_patterns")) {
            excludes.add(Glob.compile(p));
        }
        try (Stream<Path> walk = Files.walk(opts.srcdir())) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = opts.srcdir().relativize(p);
                String r = rel.toString().replace('\\', '/');
                if (!Files.isRegularFile(p) || !r.endsWith(".rst")) {
                    continue;
                }
                SiteSources.requireDecodableName(opts.srcdir(), r, display(r));
                boolean hidden = false;
                for (Path part : rel) {
                    String s = part.toString();
                    if (s.startsWith(".") || s.startsWith("_")) {
                        hidden = true;
                    }
                }
                if (hidden || excluded(excludes, r)) {
                    continue;
                }
                String name = r.substring(0, r.length() - 4);
                if (!reserved(name, r)) {
                    docs.put(name, new SourceDoc(name, display(r)));
                }
            }
        }
    }

    /**
     * Whether {@code exclude_patterns} exclude the file {@code rel} (a path from SRCDIR with
     * {@code /}): a pattern matching the file or one of its folders, as Sphinx prunes folders.
     */
    private static boolean excluded(List<Glob> excludes, String rel) {
        for (int slash = rel.indexOf('/'); ; slash = rel.indexOf('/', slash + 1)) {
            String part = slash < 0 ? rel : rel.substring(0, slash);
            for (Glob g : excludes) {
                if (g.matches(part)) {
                    return true;
                }
            }
            if (slash < 0) {
                return false;
            }
        }
    }

    /** True (with a warning) for the name of a generated page, which a document would overwrite. */
    private boolean reserved(String name, String file) {
        if (RESERVED.contains(name)) {
            messages.add(SystemMessage.warning(
                    SourceLocation.of(display(file), 0),
                    "document name '" + name + "' is reserved for a generated page; skipped"));
            return true;
        }
        return false;
    }

    /** The lines of a document: from memory, or its file in srcdir (null, reported, if unreadable). */
    private List<ContentLine> source(SourceDoc d) {
        List<ContentLine> held = opts.pages().get(d.name);
        if (held != null) {
            return held;
        }
        try {
            Path file = opts.srcdir().resolve(d.name + ".rst");
            // a page may be a symbolic link: it is read only if it points inside the tree
            byte[] bytes = tree.read(file);
            recordDependency(file);
            return ContentLine.of(d.file, SiteSources.decode(bytes));
        } catch (IOException e) {
            messages.add(SystemMessage.error(SourceLocation.of(d.file, 0), "cannot read document: " + e.getMessage()));
            return null;
        }
    }

    private void read(SourceDoc d) {
        List<ContentLine> source = source(d);
        if (source == null) {
            d.tree = new RstNode(Type.DOCUMENT, SourceLocation.of(d.file, 1));
            return;
        }
        RstReader reader = new RstReader(new RstReader.Options(
                conf.defaultRole(),
                opts.allowRaw(),
                conf.highlightLanguage(),
                conf.smartquotes(),
                new RstReader.Includer() {
                    @Override
                    public Optional<List<ContentLine>> read(String path, SourceLocation from) {
                        return include(path, from);
                    }

                    @Override
                    public void recordDependency(Path file) {
                        SiteBuilder.this.recordDependency(file);
                    }
                },
                registry));
        List<ContentLine> lines = new ArrayList<>();
        lines.addAll(SiteSources.snippet("<rst_prolog>", conf.string("rst_prolog", "")));
        lines.addAll(source);
        lines.addAll(SiteSources.snippet("<rst_epilog>", conf.string("rst_epilog", "")));
        lines.addAll(defaults.lines(lines));
        RstReader.Result r = reader.read(lines);
        d.tree = r.document();
        DefaultSubstitutions.strip(d.tree);
        SiteSources.metadata(d);
        messages.addAll(r.messages());
        // the qapi domain and other passes run here, before the standard transforms, so that
        // the sections and ids they create take part in id assignment and target propagation
        domain.read(d.name, d.tree, reader, messages::add);
        qemu.apply(d.name, d.tree, reader, messages::add);
        for (Pass p : opts.passes()) {
            p.apply(d.name, d.tree, reader, messages::add);
        }
        // code blocks are final now: they are highlighted on the other core while this one goes on
        highlights.prepare(d.tree.findAll(Type.LITERAL_BLOCK));
        Transforms.apply(d.tree, messages::add, opts.tags());
        for (RstNode n : d.tree.select(java.util.EnumSet.of(Type.DIRECTIVE, Type.PENDING_XREF), false, false)) {
            if (n.type() == Type.DIRECTIVE) {
                messages.add(SystemMessage.error(
                        n.location(),
                        "Unknown directive type \"" + n.directive().name() + "\".\n\n"
                                + n.directive().sourceText()));
            } else if (n.type() == Type.PENDING_XREF
                    && !byRole.containsKey(n.attr("role"))
                    && n.attr("domain") == null) {
                messages.add(
                        SystemMessage.error(n.location(), "Unknown interpreted text role \"" + n.attr("role") + "\"."));
            }
        }
    }

    /**
     * A {@code kernel-doc} source: relative to {@code kerneldoc_srctree} (itself relative to
     * SRCDIR), read only inside the source tree ({@link SourceTree}).
     */
    private Optional<KernelDocDirective.SourceFile> kernelDocSource(String path) {
        Path base = opts.srcdir().toAbsolutePath().normalize();
        Path target = base.resolve(conf.string("kerneldoc_srctree", "."))
                .resolve(path)
                .normalize();
        try {
            byte[] bytes = tree.read(target);
            recordDependency(target);
            return Optional.of(new KernelDocDirective.SourceFile(path, SiteSources.decode(bytes)));
        } catch (SourceTree.Refused e) {
            throw new RstReader.Refused(refusal(path, e));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The files this build may read (SRCDIR and the configured srctrees). */
    private final SourceTree tree;

    /** The message of a file {@link SourceTree} refused, as every directive reports it. */
    static String refusal(String path, SourceTree.Refused e) {
        return e.getMessage().equals(SourceTree.OUTSIDE)
                ? "File '" + path + "' is outside the source tree (the source folder and the srctrees conf.py"
                        + " names): not read"
                : "File '" + path + "' is " + e.getMessage() + ": not read";
    }

    /**
     * {@code include}: relative to the including file, {@code /x} from the source folder; never
     * outside the source tree ({@link SourceTree}, symbolic links resolved): such a file is
     * {@link RstReader.Refused}.
     */
    private Optional<List<ContentLine>> include(String path, SourceLocation from) {
        Path base = opts.srcdir().toAbsolutePath().normalize();
        String dirPrefix = opts.displayDir().isEmpty() || opts.displayDir().equals(".") ? "" : opts.displayDir() + "/";
        Path fromDir = includingDir(base, dirPrefix, from);
        while (!fromDir.startsWith(base) && from.includedFrom() != null) {
            // reST that an extension took from a file outside the source folder (a .hx file's
            // sections) includes relative to the document holding the directive, as in Sphinx
            from = from.includedFrom();
            fromDir = includingDir(base, dirPrefix, from);
        }
        Path target = path.startsWith("/") ? base.resolve(path.substring(1)) : fromDir.resolve(path);
        target = target.normalize();
        try {
            byte[] bytes = tree.read(target);
            recordDependency(target);
            String text = SiteSources.decode(bytes);
            String shown = display(base.relativize(target).toString().replace('\\', '/'));
            List<ContentLine> out = new ArrayList<>();
            for (ContentLine l : ContentLine.of(shown, text)) {
                out.add(new ContentLine(
                        l.text(), new SourceLocation(shown, l.where().line(), 0, from)));
            }
            return Optional.of(out);
        } catch (SourceTree.Refused e) {
            throw new RstReader.Refused(refusal(path, e));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path includingDir(Path base, String dirPrefix, SourceLocation from) {
        String fromRel = from.file();
        if (fromRel.startsWith(dirPrefix)) {
            fromRel = fromRel.substring(dirPrefix.length());
        } else if (!dirPrefix.isEmpty()) {
            return base.resolveSibling(fromRel).normalize().getParent();
        }
        return base.resolve(fromRel).normalize().getParent();
    }

    /** Titles, labels (for the standard domain) and toctree children of a document. */
    private void collect(SourceDoc d) {
        for (RstNode c : d.tree.children()) {
            if (c.type() == Type.SECTION) {
                d.titleNode = c.children().get(0);
                d.title = d.titleNode.astext();
                break;
            }
        }
        std.collect(d, messages::add);
        stdObjects.collect(d);
        citations.collect(d.name, d.tree, messages::add);
        for (RstNode tt : d.tree.findAll(Type.TOCTREE)) {
            if (tt.attr("glob") != null) {
                expandGlobs(d, tt);
            }
            for (RstNode e : List.copyOf(tt.children())) {
                String target = DocPaths.docRef(d.name, e.attr("docname"));
                if (target.equals(d.name)) {
                    // Sphinx's words; "self" is the way to list the page itself
                    messages.add(SystemMessage.warning(e.location(), "self referenced toctree found. Ignored."));
                    e.replaceWith(List.of());
                } else if (docs.containsKey(target)) {
                    if (!d.children.contains(target)) {
                        d.children.add(target);
                        d.childAt.put(target, e.location());
                    }
                } else if (!e.attr("docname").equals("self")
                        && !e.attr("docname").matches("https?://.*")) {
                    // neither "self" (this page) nor a URL: a document that does not exist
                    messages.add(SystemMessage.warning(
                            e.location(),
                            "toctree contains reference to nonexisting document '" + e.attr("docname") + "'"));
                }
            }
        }
    }

    /** {@code :glob:} toctrees: entries with {@code * ? [} match document names, sorted. */
    private void expandGlobs(SourceDoc d, RstNode tt) {
        for (RstNode e : List.copyOf(tt.children())) {
            String pattern = e.attr("docname");
            if (e.attr("title") != null || !Glob.isPattern(pattern)) {
                continue;
            }
            Glob m = Glob.compile(DocPaths.docRef(d.name, pattern));
            List<RstNode> matches = new ArrayList<>();
            for (String name : docs.keySet()) {
                if (!name.equals(d.name) && m.matches(name)) {
                    RstNode entry = new RstNode(Type.TOCTREE_ENTRY, e.location());
                    entry.attr("docname", "/" + name);
                    matches.add(entry);
                }
            }
            if (matches.isEmpty()) {
                messages.add(SystemMessage.warning(
                        e.location(), "toctree glob pattern '" + pattern + "' didn't match any documents"));
            }
            e.replaceWith(matches);
        }
    }

    private final Set<String> included = new HashSet<>();

    private void toctreeRelations() {
        included.addAll(ToctreeCycles.walk(conf.rootDoc(), docs, messages::add));
        for (SourceDoc d : docs.values()) {
            if (!included.contains(d.name) && !isOrphan(d)) {
                messages.add(
                        SystemMessage.warning(SourceLocation.of(d.file, 0), "document isn't included in any toctree"));
            }
        }
    }

    private static boolean isOrphan(SourceDoc d) {
        return d.tree.attr("meta:orphan") != null;
    }

    // ---- phase 2: resolve ----

    /** Hands every pending reference of {@code d} to the domain of its role (unknown roles stay). */
    private void resolve(SourceDoc d) {
        citations.resolve(d.name, d.tree, messages::add);
        for (RstNode x : d.tree.findAll(Type.PENDING_XREF)) {
            XrefDomain owner = byRole.get(x.attr("role"));
            if (owner != null && x.parent() != null) {
                owner.resolve(d.name, x, messages::add);
            }
        }
    }

    // ---- objects.inv (§5.3) ----

    /** {@code objects.inv}: the objects of every domain. */
    private void writeInventory() {
        List<Inventory.Item> items = new ArrayList<>();
        for (XrefDomain d : domains) {
            items.addAll(d.inventory());
        }
        files.put("objects.inv", Inventory.write(conf.project(), conf.version(), items));
    }
}
