package dev.qapidoc.cli;

import dev.qapidoc.emit.RstWriter;
import dev.qapidoc.html.SiteBuilder;
import dev.qapidoc.html.SiteConfig;
import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.SystemMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code qapidoc serve [build options] [--port N] [--host H] [SRCDIR]} and {@code qapidoc serve
 * --schema SCHEMA [--namespace NS]}: builds the site {@code build} (or {@code html}) would write,
 * serves it over HTTP from memory ({@link LiveReload}), watches every file the build read
 * ({@link SourceWatcher}) and rebuilds when one changes, in this process, so that the second and
 * later builds run on a warm JVM; open pages reload by themselves. A build that fails (conf.py
 * raised, no root document, a schema with errors for {@code --schema}) shows as a page with its
 * messages until the next good edit. Ctrl-C or SIGTERM stops the server and the watcher.
 */
final class ServeCommand implements Command {

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec(
                "build a site, serve it over HTTP and rebuild it when a source changes",
                """
                Builds SRCDIR as 'qapidoc build' does (or, with --schema, the one-manual site
                'qapidoc html' makes of SCHEMA), serves it at http://HOST:PORT/ from memory,
                and watches every file the build read: pages, includes, schemas, .hx files,
                conf.py, and new files in SRCDIR. When one changes it builds again, in the
                same process, and every open page reloads itself (a small script, added to
                the pages as they are served, listens to the server's event stream; nothing
                is loaded from the network). Nothing is written to disk.

                A build that fails shows as a page with its messages, and the next good edit
                recovers. Messages of each build go to stderr as in 'qapidoc build'. It binds
                to 127.0.0.1 unless --host says otherwise; Ctrl-C or SIGTERM stops it.
                  qapidoc serve docs
                  cd qemu && qapidoc serve --schema qapi/qapi-schema.json --namespace QMP
                """,
                List.of(new CommandSpec.Positional(
                        "SRCDIR",
                        "source folder",
                        false,
                        false,
                        "source folder with conf.py and the root document (default: sample-docs)")),
                List.of(
                        OptionSpec.value("N", "the port (default 8000; 0: any free port, printed)", "--port"),
                        OptionSpec.value(
                                "HOST", "the address to bind (default 127.0.0.1; other addresses expose it)", "--host"),
                        OptionSpec.value(
                                "SCHEMA",
                                "serve the manual of a bare schema, as 'qapidoc html' builds it (no SRCDIR)",
                                "--schema"),
                        OptionSpec.value("NS", "with --schema: the QAPI namespace (QMP, QGA, QSD, ...)", "--namespace"),
                        OptionSpec.value("T", "with --schema: the manual's title", "--title"),
                        OptionSpec.value("qemu|extended", "with --schema: the reST dialect", "--dialect"),
                        OptionSpec.flag("no build summaries on stdout; warnings still on stderr", "-q"),
                        OptionSpec.value("name=value", "override a conf.py value (lists: comma-separated)", "-D")
                                .asRepeatable(),
                        OptionSpec.value("TAG", "set a tag for '.. only::' and conf.py's tags", "-t")
                                .asRepeatable(),
                        OptionSpec.flag("load schemas with today's QEMU rules exactly", "--strict"),
                        OptionSpec.flag(
                                "honour '.. raw:: html' (off by default: raw HTML can carry scripts)", "--allow-raw")),
                "",
                List.of(
                        new CommandSpec.Exit(
                                0,
                                "stopped; Ctrl-C and SIGTERM stop the server and the watcher first, and the"
                                        + " process then ends with the shell's status for that signal (130, 143)"),
                        new CommandSpec.Exit(2, "usage error, or the address cannot be bound")));
    }

    /** One build for the server: the site, or why there is none; and what to watch. */
    record Built(Map<String, byte[]> files, String error, Set<Path> watched, List<Path> trees) {}

    /** Builds the site afresh each time it is called. */
    interface Site {
        Built build(Console io);

        /** What the first line says is being served. */
        String what();
    }

    @Override
    public int run(Args args, Console io) throws Exception {
        String host = args.value("--host", "127.0.0.1");
        String p = args.value("--port", "8000");
        if (!p.matches("[0-9]{1,5}") || Integer.parseInt(p) > 65535) {
            throw new UsageException("serve: --port expects a number from 0 to 65535, got '" + p + "'");
        }
        Site site = args.has("--schema") ? schemaSite(args) : treeSite(args);
        LiveReload server;
        try {
            server = LiveReload.start(host, Integer.parseInt(p));
        } catch (IOException e) {
            io.err.println("qapidoc: serve: cannot listen on " + host + ":" + p + ": " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread loop = Thread.currentThread();
        Thread hook = new Thread(
                () -> {
                    loop.interrupt();
                    try {
                        stopped.await(3, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "qapidoc-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (server;
                SourceWatcher watcher = new SourceWatcher()) {
            Built b = publish(site, server, io, false);
            io.out.println("Serving " + site.what() + " at " + server.url() + " (Ctrl-C to stop)");
            io.out.flush();
            while (!Thread.currentThread().isInterrupted()) {
                watcher.watch(b.watched(), b.trees());
                Set<Path> changed = watcher.await();
                if (changed.isEmpty()) {
                    break;
                }
                b = publish(site, server, io, args.has("-q"));
            }
        } catch (InterruptedException e) {
            // Ctrl-C, SIGTERM or the caller: stop
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already stopping: the hook is running
            }
        }
        io.out.println("qapidoc serve stopped.");
        return Main.EXIT_OK;
    }

    /** Builds and publishes (or publishes the failure); says how long it took unless quiet. */
    private static Built publish(Site site, LiveReload server, Console io, boolean quiet) {
        long t0 = System.nanoTime();
        Built b = site.build(io);
        if (b.error() != null) {
            server.publishError(b.error());
            io.err.println("serve: the build failed; the pages show its messages until the next good edit");
        } else {
            server.publish(b.files());
        }
        if (!quiet) {
            io.out.println("serve: built in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
        io.out.flush();
        return b;
    }

    /** A docs tree, as {@code build} builds it. */
    private static Site treeSite(Args args) throws UsageException {
        if (args.has("--namespace") || args.has("--title") || args.has("--dialect")) {
            throw new UsageException("serve: --namespace, --title and --dialect go with --schema");
        }
        BuildCommand.Request rq = BuildCommand.request(args);
        Path srcdir = rq.srcdir();
        if (!Files.isDirectory(srcdir) || !Files.isReadable(srcdir)) {
            throw new UsageException("serve: source folder '" + srcdir + "' does not exist or cannot be read");
        }
        return new Site() {
            @Override
            public Built build(Console io) {
                BuildCommand.Prepared pr;
                try {
                    pr = BuildCommand.prepare(rq, args, note -> {
                        if (!rq.quiet()) {
                            io.err.println(note);
                        }
                    });
                } catch (BuildConf.Failure e) {
                    io.err.println(e.getMessage());
                    return failed(e.getMessage(), Set.of(srcdir.resolve("conf.py")), List.of(srcdir));
                } catch (IOException | UsageException e) {
                    io.err.println("qapidoc: serve: " + e.getMessage());
                    return failed(e.getMessage(), Set.of(srcdir.resolve("conf.py")), List.of(srcdir));
                }
                Set<Path> watched = new LinkedHashSet<>(pr.bc().read());
                SiteBuilder.Output out;
                try {
                    out = SiteBuilder.build(pr.opts());
                } catch (IOException e) {
                    io.err.println("qapidoc: serve: " + e.getMessage());
                    return failed(e.getMessage(), watched, List.of(srcdir));
                }
                watched.addAll(out.dependencies());
                watched.addAll(pr.schemas().files());
                SiteFindings.print(io, pr.schemas(), out.messages());
                if (out.files().isEmpty()) {
                    return failed(render(out.messages()), watched, List.of(srcdir));
                }
                return new Built(out.files(), null, watched, List.of(srcdir));
            }

            @Override
            public String what() {
                return rq.displayDir();
            }
        };
    }

    /** A bare schema, as {@code html} builds it; a schema with errors is a failed build. */
    private static Site schemaSite(Args args) throws UsageException {
        if (!args.positionals().isEmpty()) {
            throw new UsageException("serve: --schema takes the place of SRCDIR; give one or the other");
        }
        String schema = args.value("--schema", null);
        String ns = args.value("--namespace", null);
        String dialect = args.value("--dialect", "qemu");
        if (ns != null && !ns.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new UsageException("--namespace needs a name made of letters, digits, '-' and '_'");
        }
        if (RstWriter.Dialect.named(dialect).isEmpty()) {
            throw new UsageException("unknown dialect '" + dialect + "'; use qemu or extended");
        }
        String t = args.value("--title", null);
        String title = (t == null || t.isBlank() ? (ns == null ? "QAPI" : ns) + " Reference Manual" : t)
                .replaceAll("\\s+", " ")
                .strip();
        Path cwd = Path.of("").toAbsolutePath();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("project", title);
        values.put("default_role", "any");
        values.put("qapi_allowed_fields", List.of("see also"));
        values.put("qapi_namespaces", ns == null ? List.of() : List.of(ns));
        values.put("qapidoc_srctree", cwd.toString());
        values.put("qapidoc_dialect", dialect);
        values.put("qapidoc_strict", args.has("--strict"));
        SiteConfig config = new SiteConfig(values);
        // the site 'html' builds: one root page from memory holding the schema's manual
        SiteBuilder.Options base = new SiteBuilder.Options(cwd, "", config, false, List.of())
                .withPages(Map.of("index", ContentLine.of("index.rst", HtmlCommand.rootPage(title, schema, ns))));
        Path file = Path.of(schema).toAbsolutePath().normalize();
        return new Site() {
            @Override
            public Built build(Console io) {
                SiteBuilder.Output out;
                SchemaRst schemas;
                try {
                    // the schema is the one the command line names, wherever it is (as for html)
                    schemas = BuildCommand.expander(cwd, config, null);
                    out = SiteBuilder.build(base.withExpander(schemas));
                } catch (IOException | UsageException e) {
                    io.err.println("qapidoc: serve: " + e.getMessage());
                    return failed(e.getMessage(), Set.of(file), List.of());
                }
                Set<Path> watched = new LinkedHashSet<>(List.of(file));
                watched.addAll(out.dependencies());
                watched.addAll(schemas.files());
                SiteFindings found = SiteFindings.print(io, schemas, out.messages());
                if (found.errors() > 0) {
                    return failed(render(out.messages()), watched, List.of());
                }
                return new Built(out.files(), null, watched, List.of());
            }

            @Override
            public String what() {
                return schema;
            }
        };
    }

    private static Built failed(String why, Set<Path> watched, List<Path> trees) {
        return new Built(Map.of(), why.isBlank() ? "the build failed" : why, watched, trees);
    }

    private static String render(List<SystemMessage> messages) {
        List<String> lines = new ArrayList<>();
        for (SystemMessage m : messages) {
            if (m.level() != SystemMessage.Level.INFO) {
                lines.add(m.render());
            }
        }
        return String.join("\n", lines);
    }
}
