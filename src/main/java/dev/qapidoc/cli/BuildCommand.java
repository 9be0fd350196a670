package dev.qapidoc.cli;

import dev.qapidoc.emit.RstWriter;
import dev.qapidoc.html.ConfPy;
import dev.qapidoc.html.SiteBuilder;
import dev.qapidoc.html.SiteConfig;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.schema.LoadMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code qapidoc build [SRCDIR] [-o OUTDIR] [-W] [-D name=value]... [--allow-raw]}: builds a
 * Sphinx-style HTML site from a folder of reST pages. Messages go to stderr in Sphinx's form; the
 * site is written to a temporary folder next to OUTDIR and moved into place only when the build
 * succeeded, so a failed build never leaves a half-written site behind.
 */
final class BuildCommand implements Command {

    /** Marks a folder as qapidoc output, so that only such folders are ever replaced. */
    static final String MARKER = ".buildinfo";

    @Override
    public String name() {
        return "build";
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec(
                "build an HTML site from a folder of reST pages (default: sample-docs/ -> build/html/)",
                """
                Builds a standalone HTML site (pages, general index, search, objects.inv) from
                the .rst files in SRCDIR, the way Sphinx's html builder does, without Python.

                conf.py is read as literal assignments only (strings, numbers, booleans, lists,
                tuples, sets, dicts); other statements are skipped with a note. Known names:
                project, version, release, copyright, root_doc / master_doc, default_role,
                highlight_language, smartquotes, html_theme, html_title, language,
                exclude_patterns; the qapi_* names are kept for the qapi domain;
                qapidoc_srctree, qapidoc_dialect (qemu|extended) and qapidoc_strict configure
                '.. qapi-doc::'.

                Schemas are loaded tolerant by default: the schema language and doc conventions
                of every QEMU release since 2.10 are accepted, so a distribution can document
                the QEMU it ships. What tolerant mode accepted is summed up in one 'note:' line
                on stderr ('qapidoc lint --tolerant SCHEMA' lists it); these notes describe the
                schema's age, not the documentation, so they are not warnings and -W ignores
                them.

                Messages are printed as 'file:line: WARNING: ...' on stderr.
                """,
                List.of(new CommandSpec.Positional(
                        "SRCDIR",
                        "source folder",
                        false,
                        false,
                        "source folder with conf.py and the root document (default: sample-docs)")),
                List.of(
                        OptionSpec.value(
                                "OUTDIR", "output folder (default: build/html); replaced only on success", "-o"),
                        OptionSpec.flag("turn warnings into errors (exit 1 if there are any)", "-W"),
                        OptionSpec.flag(
                                "load the schemas of '.. qapi-doc::' with today's QEMU rules exactly"
                                        + " (same as qapidoc_strict = True in conf.py)",
                                "--strict"),
                        OptionSpec.value("name=value", "override a conf.py value (lists: comma-separated)", "-D")
                                .asRepeatable(),
                        OptionSpec.flag(
                                "honour '.. raw:: html' (off by default: raw HTML can carry scripts)", "--allow-raw")),
                "",
                List.of(
                        new CommandSpec.Exit(0, "success: the site was written"),
                        new CommandSpec.Exit(1, "errors (or warnings with -W); the pages are written all the same"),
                        new CommandSpec.Exit(2, "usage error, or OUTDIR exists and may not be replaced")));
    }

    @Override
    public int run(Args args, Console io) throws Exception {
        String src = args.positionals().isEmpty()
                ? "sample-docs"
                : args.positionals().get(0);
        String out = args.value("-o", "build/html");
        boolean warningsAreErrors = args.has("-W");
        boolean allowRaw = args.has("--allow-raw");
        boolean strict = args.has("--strict");
        List<String[]> overrides = new ArrayList<>();
        for (String d : args.values("-D")) {
            overrides.add(define(d));
        }
        Path srcdir = Path.of(src);
        if (!Files.isDirectory(srcdir)) {
            throw new UsageException("build: source folder '" + src + "' does not exist");
        }
        Path outdir = Path.of(out);
        String displayDir = src.endsWith("/") && src.length() > 1 ? src.substring(0, src.length() - 1) : src;

        SiteConfig config = SiteConfig.empty();
        Path confPy = srcdir.resolve("conf.py");
        if (Files.isRegularFile(confPy)) {
            ConfPy.Result r = ConfPy.parse(displayDir + "/conf.py", Files.readString(confPy, StandardCharsets.UTF_8));
            config = r.config();
            for (SystemMessage m : r.messages()) {
                io.err.println(m.render());
            }
        }
        for (String[] o : overrides) {
            config = config.with(o[0], o[1]);
        }
        if (strict) {
            config = config.with("qapidoc_strict", Boolean.TRUE);
        }
        List<Path> themeDirs = new ArrayList<>();
        themeDirs.add(Path.of("themes"));
        Path parent = srcdir.toAbsolutePath().normalize().getParent();
        if (parent != null) {
            themeDirs.add(parent.resolve("themes"));
        }
        SiteBuilder.Output result;
        SchemaRst schemas = expander(srcdir, config);
        try {
            result = SiteBuilder.build(
                    new SiteBuilder.Options(srcdir, displayDir, config, allowRaw, themeDirs, schemas));
        } catch (IOException e) {
            io.err.println("qapidoc: build: " + e.getMessage());
            return Main.EXIT_FINDINGS;
        }
        SiteFindings found = SiteFindings.print(io, schemas, result.messages());
        int errors = found.errors();
        int warnings = found.warnings();
        // Like sphinx-build, a build with problems still writes every page (a broken construct
        // shows as Sphinx shows it, with its message); the site is still assembled aside and moved
        // into place only when complete.
        install(result.files(), outdir);
        if (errors > 0 || (warningsAreErrors && warnings > 0)) {
            io.err.println("build finished with problems: " + errors + " error(s), " + warnings + " warning(s)"
                    + (warningsAreErrors && warnings > 0 ? " (warnings treated as errors)" : "")
                    + "; the pages are in " + out + ".");
            return Main.EXIT_FINDINGS;
        }
        io.out.println("build succeeded" + (warnings > 0 ? ", " + warnings + " warning(s)" : "") + ".");
        io.out.println();
        io.out.println("The HTML pages are in " + out + " (open " + outdir.resolve("index.html") + ").");
        return Main.EXIT_OK;
    }

    /**
     * The {@code qapi-doc} expander: schema paths relative to {@code qapidoc_srctree} (itself
     * relative to SRCDIR; default SRCDIR), reST in the dialect named by {@code qapidoc_dialect}
     * ({@code qemu}, the default, or {@code extended}), loaded tolerant unless
     * {@code qapidoc_strict} is true.
     */
    static SchemaRst expander(Path srcdir, SiteConfig config) throws UsageException {
        String tree = config.string("qapidoc_srctree", ".");
        String d = config.string("qapidoc_dialect", "qemu");
        RstWriter.Dialect dialect = RstWriter.Dialect.named(d)
                .orElseThrow(
                        () -> new UsageException("build: unknown qapidoc_dialect '" + d + "'; use qemu or extended"));
        LoadMode mode = config.bool("qapidoc_strict", false) ? LoadMode.STRICT : LoadMode.TOLERANT;
        return new SchemaRst(srcdir.resolve(tree), dialect, mode);
    }

    private static String[] define(String kv) throws UsageException {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("build: -D expects name=value, got '" + kv + "'");
        }
        return new String[] {kv.substring(0, eq), kv.substring(eq + 1)};
    }

    /** Writes the site next to OUTDIR, then swaps it in; refuses to replace a foreign folder. */
    static void install(Map<String, byte[]> files, Path outdir) throws IOException, UsageException {
        Path abs = outdir.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new UsageException("build: output '" + outdir + "' exists and is not a folder");
            }
            boolean empty;
            try (Stream<Path> s = Files.list(abs)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(abs.resolve(MARKER))) {
                throw new UsageException("build: refusing to replace '" + outdir
                        + "': it is not empty and was not written by qapidoc build");
            }
        }
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path f = tmp.resolve(e.getKey()).normalize();
                if (!f.startsWith(tmp)) {
                    throw new IOException("output path escapes the output folder: " + e.getKey());
                }
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
            Files.writeString(tmp.resolve(MARKER), "# qapidoc build output; this folder is replaced by each build.\n");
            Path old = null;
            if (Files.exists(abs)) {
                old = Files.createTempDirectory(parent, "." + abs.getFileName() + ".old-");
                Files.delete(old);
                move(abs, old);
            }
            move(tmp, abs);
            tmp = null;
            if (old != null) {
                deleteTree(old);
            }
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
