package dev.qapidoc.cli;

import dev.qapidoc.emit.RstWriter;
import dev.qapidoc.html.ConfTypes;
import dev.qapidoc.html.SiteBuilder;
import dev.qapidoc.html.SiteConfig;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.schema.LoadMode;
import dev.qapidoc.source.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code qapidoc build [options] [SRCDIR [OUTDIR]]}: builds a Sphinx-style HTML site from a
 * folder of reST pages, with sphinx-build's options and exit statuses, so that QEMU's meson rules
 * can call it where they call sphinx-build. Messages go to stderr in Sphinx's form. A build with
 * problems still writes every page and exits 0 (sphinx-build counts docutils errors as warnings);
 * {@code -W} makes any warning or error exit 1, the pages written all the same; a fatal problem
 * (unreadable source folder, a conf.py that raises, no root document, an OUTDIR that may not be
 * replaced) exits 2 without touching OUTDIR. The site is assembled in a temporary folder next to
 * OUTDIR and moved into place only when complete, so a crash never leaves a half-written site.
 */
final class BuildCommand implements Command {

    /** Where {@code -Q} sends what it does not show. */
    private static final java.io.PrintStream DISCARD =
            new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);

    @Override
    public String name() {
        return "build";
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec(
                "build an HTML site from a folder of reST pages (default: sample-docs/ -> build/html/)",
                """
                Builds a standalone HTML site (pages, general index, search, objects.inv)
                from the .rst files in SRCDIR, the way sphinx-build -b html does, without
                Sphinx; its options and exit statuses are sphinx-build's, so OUTDIR may also
                be the second argument.

                conf.py is run in a child python3 when it computes its values (with stand-ins
                for Sphinx's modules and a 'tags' object); without python3, or for a conf.py
                of plain literal assignments, only literal assignments (strings, numbers,
                booleans, lists, tuples, sets, dicts) are read and the rest is skipped with a
                note. Known names: project, version, release, today, today_fmt, copyright,
                root_doc / master_doc, default_role, highlight_language, smartquotes,
                html_theme, html_title, html_logo, html_favicon, html_static_path,
                html_css_files, html_js_files, language, exclude_patterns, rst_prolog,
                rst_epilog; the qapi_* names are kept for the qapi domain; qapidoc_srctree,
                qapidoc_dialect (qemu|extended) and qapidoc_strict configure '.. qapi-doc::'.
                A Sphinx theme (sphinx_rtd_theme, alabaster, ...) stands for the built-in one.

                Schemas are loaded tolerant by default: the schema language and doc conventions
                of every QEMU release since 2.10 are accepted, so a distribution can document
                the QEMU it ships. What tolerant mode accepted is summed up in one 'note:' line
                on stderr ('qapidoc lint --tolerant SCHEMA' lists it); these notes describe the
                schema's age, not the documentation, so they are not warnings and -W ignores
                them.

                Messages are printed as 'file:line: WARNING: ...' on stderr; ERROR messages
                count as warnings, as in sphinx-build. -D depfile=PATH -D depfile_stamp=STAMP
                writes a Make dependency file naming every file the build read and touches
                STAMP (QEMU's depfile extension).

                Builds are incremental: OUTDIR/.qapidoc-cache records what the site was built
                from (a hash of every file read, the names of the files in SRCDIR, the
                configuration, tags and options, qapidoc's own jar). When none of it changed,
                build writes nothing and repeats the last build's messages; otherwise it
                builds the whole site again. Either way OUTDIR ends up byte for byte what a
                clean build writes. -E or -a always build afresh.
                """,
                List.of(
                        new CommandSpec.Positional(
                                "SRCDIR",
                                "source folder",
                                false,
                                false,
                                "source folder with conf.py and the root document (default: sample-docs)"),
                        new CommandSpec.Positional(
                                "OUTDIR",
                                "output folder",
                                false,
                                false,
                                "output folder, as sphinx-build takes it (or -o)")),
                List.of(
                        OptionSpec.value(
                                "OUTDIR", "output folder (default: build/html); replaced only on success", "-o"),
                        OptionSpec.value("BUILDER", "the builder; only html is available", "-b"),
                        OptionSpec.flag("turn warnings into errors (exit 1 if there are any)", "-W"),
                        OptionSpec.flag(
                                "with -W, report every warning before failing (always so here)", "--keep-going"),
                        OptionSpec.flag("no progress or summary on stdout; warnings still on stderr", "-q"),
                        OptionSpec.flag("nothing on stdout, and only errors on stderr", "-Q"),
                        OptionSpec.value("name=value", "override a conf.py value (lists: comma-separated)", "-D")
                                .asRepeatable(),
                        OptionSpec.value("TAG", "set a tag for '.. only::' and conf.py's tags", "-t")
                                .asRepeatable(),
                        OptionSpec.flag(
                                "ignore the build cache in OUTDIR: read every file afresh (a full build)", "-E"),
                        OptionSpec.flag(
                                "write every file, even when nothing changed (a full build; the cache is renewed)",
                                "-a"),
                        OptionSpec.value("N", "parallel jobs, a number or 'auto' (accepted)", "-j"),
                        OptionSpec.flag("nitpicky mode (accepted)", "-n"),
                        OptionSpec.flag(
                                "load the schemas of '.. qapi-doc::' with today's QEMU rules exactly"
                                        + " (same as qapidoc_strict = True in conf.py)",
                                "--strict"),
                        OptionSpec.flag(
                                "honour '.. raw:: html' (off by default: raw HTML can carry scripts)", "--allow-raw"),
                        OptionSpec.flag(
                                "write into a Sphinx output folder, replacing the files Sphinx writes there",
                                "--force")),
                "",
                List.of(
                        new CommandSpec.Exit(
                                0, "the site was written (warnings and errors allowed, as in sphinx-build)"),
                        new CommandSpec.Exit(
                                1, "-W and there were warnings or errors; the pages are written all the same"),
                        new CommandSpec.Exit(
                                2,
                                "usage error, or a fatal problem (unreadable source folder, conf.py raised, no root"
                                        + " document, OUTDIR may not be replaced); OUTDIR is untouched")));
    }

    /** What the command line asks for. */
    record Request(
            Path srcdir,
            String displayDir,
            String out,
            boolean warningsAreErrors,
            boolean quiet,
            boolean silent,
            List<String> tags,
            List<String[]> overrides,
            boolean fresh) {}

    static Request request(Args args) throws UsageException {
        String builder = args.value("-b", "html");
        if (!builder.equals("html")) {
            throw new UsageException("build: builder '" + builder + "' is not available; qapidoc builds html only"
                    + "; see 'qapidoc build --help'");
        }
        String jobs = args.value("-j", "auto");
        if (!jobs.equals("auto") && !jobs.matches("[1-9][0-9]{0,4}")) {
            throw new UsageException("build: -j expects a number or 'auto', got '" + jobs + "'");
        }
        List<String> pos = args.positionals();
        if (pos.size() > 1 && args.has("-o")) {
            throw new UsageException("build: OUTDIR given twice (-o and the second argument)");
        }
        String src = pos.isEmpty() ? "sample-docs" : pos.get(0);
        String out = pos.size() > 1 ? pos.get(1) : args.value("-o", "build/html");
        List<String[]> overrides = new ArrayList<>();
        for (String d : args.values("-D")) {
            overrides.add(define(d));
        }
        String displayDir = src.endsWith("/") && src.length() > 1 ? src.substring(0, src.length() - 1) : src;
        boolean silent = args.has("-Q");
        return new Request(
                Path.of(src),
                displayDir,
                out,
                args.has("-W"),
                silent || args.has("-q"),
                silent,
                args.values("-t"),
                overrides,
                args.has("-E") || args.has("-a"));
    }

    @Override
    public int run(Args args, Console io) throws Exception {
        Request rq = request(args);
        Path srcdir = rq.srcdir();
        if (Files.isRegularFile(srcdir)) {
            // 'build sample-docs/index.rst': the user named the root page, not its folder
            Path parent = srcdir.getParent();
            throw new UsageException("build: '" + srcdir + "' is a file; SRCDIR is the folder that holds conf.py"
                    + " and the root page: qapidoc build " + (parent == null ? "." : parent) + " [OUTDIR]");
        }
        if (!Files.isDirectory(srcdir) || !Files.isReadable(srcdir)) {
            throw new UsageException("build: source folder '" + srcdir + "' does not exist or cannot be read");
        }
        Path outdir = Path.of(rq.out());
        OutputFolder folder = OutputFolder.claim("build", outdir, srcdir, args.has("--force"));
        Prepared pr;
        try {
            pr = prepare(rq, args, note -> {
                if (!rq.quiet()) {
                    io.err.println(note);
                }
            });
        } catch (BuildConf.Failure e) {
            io.err.println(e.getMessage());
            io.err.println("qapidoc: build: configuration error: conf.py failed; nothing was written");
            return Main.EXIT_USAGE;
        }
        BuildConf bc = pr.bc();
        SiteConfig config = pr.opts().config();
        SchemaRst schemas = pr.schemas();
        SiteBuilder.Options opts = pr.opts();
        List<Path> themeDirs = pr.themeDirs();
        String key = cacheKey(opts, themeDirs);
        String listing = BuildCache.listing(listedRoots(srcdir, config), outdir);
        Optional<BuildCache.State> cached = rq.fresh() ? Optional.empty() : BuildCache.read(outdir);
        SiteFindings found;
        if (cached.isPresent() && cached.get().upToDate(key, listing, outdir)) {
            // nothing the site depends on changed: OUTDIR is what a clean build would write
            BuildCache.State st = cached.get();
            found = report(io, rq, st.tolerant(), st.messages());
            writeDepFile(config, st.deps().stream().map(Path::of).toList());
        } else {
            try (OutputFolder.Staged staged = folder.stage()) {
                SiteBuilder.Output result;
                try {
                    result = SiteBuilder.build(opts, staged);
                } catch (IOException e) {
                    io.err.println("qapidoc: build: " + e.getMessage() + "; " + rq.out() + " was left unchanged");
                    return Main.EXIT_USAGE;
                }
                // Sphinx checks conf.py's value types before anything else; -D values are strings by nature
                List<SystemMessage> messages = new ArrayList<>(ConfTypes.check(bc.config()));
                messages.addAll(result.messages());
                found = report(io, rq, schemas.tolerantSummary(), messages);
                if (result.written().isEmpty()) {
                    // nothing to write (no root document): fatal, like sphinx-build's missing root file
                    io.err.println("qapidoc: build: nothing was built; " + rq.out() + " was left unchanged");
                    return Main.EXIT_USAGE;
                }
                Set<Path> read = new LinkedHashSet<>(bc.read());
                read.addAll(result.dependencies());
                read.addAll(schemas.files());
                BuildCache.State st = new BuildCache.State(
                        key,
                        listing,
                        BuildCache.hashes(read),
                        new TreeMap<>(staged.sizes()),
                        read.stream().map(Path::toString).toList(),
                        schemas.tolerantSummary(),
                        messages);
                try {
                    staged.put(BuildCache.FILE, st.bytes());
                    staged.commit();
                } catch (IOException e) {
                    io.err.println("qapidoc: build: " + e.getMessage() + "; " + rq.out() + " was left unchanged");
                    return Main.EXIT_USAGE;
                }
                writeDepFile(config, read);
            }
        }
        int problems = found.errors() + found.warnings();
        if (rq.warningsAreErrors() && problems > 0) {
            io.err.println("build finished with problems: " + found.errors() + " error(s), " + found.warnings()
                    + " warning(s) (warnings treated as errors); the pages are in " + rq.out() + ".");
            return Main.EXIT_FINDINGS;
        }
        if (!rq.quiet()) {
            io.out.println("build succeeded"
                    + (found.errors() > 0 ? ", " + found.errors() + " error(s)" : "")
                    + (problems > 0 ? (found.errors() > 0 ? " and " : ", ") + found.warnings() + " warning(s)" : "")
                    + ".");
            io.out.println();
            io.out.println("The HTML pages are in " + rq.out() + " (open " + outdir.resolve("index.html") + ").");
        }
        return Main.EXIT_OK;
    }

    /**
     * What a build of {@code rq} reads before its pages: conf.py (run again each time, so that
     * {@code serve} sees an edited one), the values after -D and --strict, the theme folders and
     * the {@code qapi-doc} expander.
     */
    record Prepared(BuildConf bc, SiteBuilder.Options opts, SchemaRst schemas, List<Path> themeDirs) {}

    /** See {@link Prepared}; conf.py's notes go to {@code notes}. */
    static Prepared prepare(Request rq, Args args, java.util.function.Consumer<String> notes)
            throws IOException, BuildConf.Failure, UsageException {
        Path srcdir = rq.srcdir();
        BuildConf bc = BuildConf.load(srcdir, rq.displayDir(), rq.tags(), notes);
        SiteConfig config = bc.config();
        for (String[] o : rq.overrides()) {
            config = config.with(o[0], o[1]);
        }
        if (args.has("--strict")) {
            config = config.with("qapidoc_strict", Boolean.TRUE);
        }
        // no theme folders: only the built-in themes
        List<Path> themeDirs = List.of();
        SchemaRst schemas = expander(srcdir, config);
        SiteBuilder.Options opts = new SiteBuilder.Options(
                        srcdir, rq.displayDir(), config, args.has("--allow-raw"), themeDirs)
                .withExpander(schemas)
                .withTags(bc.tags());
        return new Prepared(bc, opts, schemas, themeDirs);
    }

    /**
     * Prints the build's messages: build-wide notes (INFO without a location, such as a Sphinx
     * theme standing for the built-in one) unless quiet, then what {@link SiteFindings} prints;
     * with {@code -Q} only errors.
     */
    private static SiteFindings report(Console io, Request rq, String tolerant, List<SystemMessage> messages) {
        List<SystemMessage> shown = new ArrayList<>();
        for (SystemMessage m : messages) {
            if (m.level() == SystemMessage.Level.INFO && m.where() == null && !rq.quiet()) {
                io.err.println(m.render());
            }
            if (!rq.silent() || m.level().compareTo(SystemMessage.Level.ERROR) >= 0) {
                shown.add(m);
            }
        }
        SiteFindings found = SiteFindings.print(rq.silent() ? new Console(DISCARD, DISCARD) : io, tolerant, messages);
        if (rq.silent()) {
            for (SystemMessage m : shown) {
                io.err.println(m.render());
            }
        }
        return found;
    }

    /** {@code -D depfile=PATH -D depfile_stamp=STAMP}: see {@link DepFile}. */
    private static void writeDepFile(SiteConfig config, java.util.Collection<Path> files) throws IOException {
        String depfile = config.string("depfile", "");
        if (depfile.isEmpty()) {
            return;
        }
        String stamp = config.string("depfile_stamp", depfile + ".stamp");
        DepFile.write(Path.of(depfile), Path.of(stamp), files);
    }

    /**
     * What the site depends on besides the files it reads (see {@link BuildCache}): the source
     * folder as given and as a path, every configuration value after -D, the tags, the options,
     * the date and {@code SOURCE_DATE_EPOCH} ({@code |today|}), and the files of the theme
     * folders that exist.
     */
    private static String cacheKey(SiteBuilder.Options opts, List<Path> themeDirs) throws IOException {
        List<Object> parts = new ArrayList<>();
        parts.add(opts.srcdir().toAbsolutePath().normalize().toString());
        parts.add(opts.displayDir());
        parts.add(opts.config().values());
        parts.add(opts.tags());
        parts.add("allowRaw=" + opts.allowRaw());
        parts.add("SOURCE_DATE_EPOCH=" + System.getenv("SOURCE_DATE_EPOCH"));
        parts.add("today=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        for (Path t : themeDirs) {
            if (Files.isDirectory(t)) {
                List<Path> files;
                try (java.util.stream.Stream<Path> w = Files.walk(t)) {
                    files = w.filter(Files::isRegularFile).sorted().toList();
                }
                parts.add(BuildCache.hashes(files));
            } else {
                parts.add("no " + t.toAbsolutePath().normalize());
            }
        }
        return BuildCache.fingerprint(parts);
    }

    /** The folders whose file names the cache compares: SRCDIR and html_static_path's. */
    private static List<Path> listedRoots(Path srcdir, SiteConfig config) {
        List<Path> roots = new ArrayList<>(List.of(srcdir));
        for (String s : config.strings("html_static_path")) {
            roots.add(srcdir.toAbsolutePath().normalize().resolve(s).normalize());
        }
        return roots;
    }

    /**
     * The {@code qapi-doc} expander: schema paths relative to {@code qapidoc_srctree} (itself
     * relative to SRCDIR; default SRCDIR), reST in the dialect named by {@code qapidoc_dialect}
     * ({@code qemu}, the default, or {@code extended}), loaded tolerant unless
     * {@code qapidoc_strict} is true.
     */
    /**
     * The {@code qapi-doc} schema side of a site build of {@code srcdir}, reading only files of
     * its source tree ({@link SiteConfig#sourceTree}).
     */
    static SchemaRst expander(Path srcdir, SiteConfig config) throws UsageException {
        return expander(srcdir, config, config.sourceTree(srcdir));
    }

    /**
     * The same, reading schemas only where {@code tree} allows, or (null) anywhere: {@code html}
     * documents the schema its command line names.
     */
    static SchemaRst expander(Path srcdir, SiteConfig config, SourceTree confinement) throws UsageException {
        // a computed conf.py (QEMU's) gives an absolute path; Path.resolve keeps it as it is
        String tree = config.string("qapidoc_srctree", ".");
        String d = config.string("qapidoc_dialect", "qemu");
        RstWriter.Dialect dialect = RstWriter.Dialect.named(d)
                .orElseThrow(
                        () -> new UsageException("build: unknown qapidoc_dialect '" + d + "'; use qemu or extended"));
        LoadMode mode = config.bool("qapidoc_strict", false) ? LoadMode.STRICT : LoadMode.TOLERANT;
        return new SchemaRst(srcdir.resolve(tree), dialect, mode, confinement);
    }

    private static String[] define(String kv) throws UsageException {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("build: -D expects name=value, got '" + kv + "'");
        }
        return new String[] {kv.substring(0, eq), kv.substring(eq + 1)};
    }
}
