package dev.qapidoc.cli;

import dev.qapidoc.emit.RstWriter;
import dev.qapidoc.html.SiteBuilder;
import dev.qapidoc.html.SiteConfig;
import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.schema.LoadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code qapidoc html [--namespace NS] [--title T] [-o OUTDIR] SCHEMA}: a one-manual site from a
 * bare schema. It is the site {@code qapidoc build} makes from a root page holding only a title,
 * a local contents list and {@code .. qapi-doc:: SCHEMA} (the shape of QEMU's reference manuals,
 * qapi-domain-and-html.md §8.3), so the manual is {@code index.html} and the general index, the
 * QAPI index of the namespace, search and {@code objects.inv} come with it.
 */
final class HtmlCommand implements Command {

    @Override
    public String name() {
        return "html";
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec(
                "write a one-page HTML manual (with indices and search) for a schema",
                """
                Reads and checks the QAPI schema file SCHEMA and writes a standalone HTML site
                whose index.html is the reference manual of every documented definition, with
                the general index, the QAPI index of the namespace, search and objects.inv.
                Schema paths in messages are relative to the current directory, e.g.
                  cd qemu && qapidoc html --namespace QMP -o /tmp/qmp qapi/qapi-schema.json
                Several schemas make one site with a manual each, linked to one another:
                  cd qemu && qapidoc html -o /tmp/qapi qapi/qapi-schema.json \\
                      qga/qapi-schema.json storage-daemon/qapi/qapi-schema.json
                """,
                List.of(new CommandSpec.Positional(
                        "SCHEMA",
                        "schema file",
                        true,
                        true,
                        "the QAPI schema file; several: one site with a manual per schema (NS.html, e.g."
                                + " qmp.html, qga.html, qsd.html; index.html lists them), one index and search, links"
                                + " between the manuals resolved; each schema's namespace from its path"
                                + " (.../qga/qapi-schema.json QGA, .../storage-daemon/qapi/qapi-schema.json QSD, any"
                                + " other QMP; two schemas may not share one); with --history: REV... SCHEMA, the"
                                + " revisions (default: every tag vX.Y.0 in version order, then HEAD) and the schema's"
                                + " path in the repository")),
                List.of(
                        OptionSpec.value(
                                "NS",
                                "put the definitions in QAPI namespace NS (QMP, QGA, QSD, ...); one SCHEMA only",
                                "--namespace"),
                        OptionSpec.value(
                                "T",
                                "the manual's title (default: \"NS Reference Manual\"; with several schemas the"
                                        + " site's, default \"QAPI Reference Manuals\")",
                                "--title"),
                        OptionSpec.value(
                                "qemu|extended",
                                "qemu (default): the reST QEMU generates; extended: the"
                                        + " richer dialect (struct/union kinds, branches)",
                                "--dialect"),
                        OptionSpec.value(
                                "OUTDIR",
                                "output folder (default: build/html); replaced only on success",
                                "-o",
                                "--output"),
                        OptionSpec.flag("turn warnings into errors", "-W"),
                        OptionSpec.flag(
                                "write into a Sphinx output folder, replacing the files Sphinx writes there",
                                "--force"),
                        OptionSpec.flag(
                                "one site with a manual per release (REL/index.html) of the git repository --git:"
                                        + " a version switcher on every page, each definition's history (added,"
                                        + " deprecated, removed in), a changes page per release (REL/changes.html,"
                                        + " with the breaking changes 'compat' finds) and a page of everything removed",
                                "--history"),
                        OptionSpec.value("DIR", "the repository for --history (default: .)", "--git"),
                        OptionSpec.flag(
                                "load SCHEMA with today's QEMU rules exactly; by default it is loaded"
                                        + " tolerant, accepting the schema language and doc conventions of every QEMU release"
                                        + " since 2.10, so the manual of an older QEMU can be built. What tolerant mode accepted"
                                        + " is summed up in one 'note:' line on stderr (details: 'qapidoc lint --tolerant"
                                        + " SCHEMA'); it is about the schema's age, not the manual, so -W does not count it",
                                "--strict")),
                "",
                List.of(
                        new CommandSpec.Exit(0, "success: the site was written"),
                        new CommandSpec.Exit(1, "schema errors (or warnings with -W); OUTDIR was left unchanged"),
                        new CommandSpec.Exit(2, "usage error, or the schema file cannot be read")));
    }

    @Override
    public int run(Args args, Console io) throws Exception {
        String ns = args.value("--namespace", null);
        String title = args.value("--title", null);
        String out = args.value("-o", "build/html");
        List<String> positionals = args.positionals();
        // several schemas: one site with a manual each (ManualSet), namespaces from their paths
        List<ManualSet.Manual> manuals = null;
        if (!args.has("--history") && positionals.size() > 1) {
            if (ns != null) {
                throw new UsageException("html: --namespace names the namespace of one schema; with several, each"
                        + " schema's namespace comes from its path; see 'qapidoc html --help'");
            }
            manuals = ManualSet.of(positionals);
        }
        String schema = positionals.get(positionals.size() - 1);
        String dialect = args.value("--dialect", "qemu");
        boolean strict = args.has("-W");
        boolean strictSchema = args.has("--strict");
        if (ns != null && !ns.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new UsageException("--namespace needs a name made of letters, digits, '-' and '_'");
        }
        if (RstWriter.Dialect.named(dialect).isEmpty()) {
            throw new UsageException("unknown dialect '" + dialect + "'; use qemu or extended");
        }
        if (title == null || title.isBlank()) {
            title = manuals != null ? "QAPI Reference Manuals" : (ns == null ? "QAPI" : ns) + " Reference Manual";
        }
        title = title.replaceAll("\\s+", " ").strip();
        // refused before any work, and again (if it changed) before writing
        Path schemaDir = Path.of(schema).toAbsolutePath().getParent();
        OutputFolder folder = OutputFolder.claim(
                "html", Path.of(out), args.has("--history") ? null : schemaDir, true, args.has("--force"));
        if (args.has("--history")) {
            return history(args, io, ns, args.value("--title", null), dialect, strict, out, folder);
        }
        Path cwd = Path.of("").toAbsolutePath();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("project", title);
        values.put("default_role", "any");
        values.put("qapi_allowed_fields", List.of("see also"));
        values.put(
                "qapi_namespaces",
                manuals != null ? ManualSet.namespaces(manuals) : ns == null ? List.of() : List.of(ns));
        values.put("qapidoc_srctree", cwd.toString());
        values.put("qapidoc_dialect", dialect);
        values.put("qapidoc_strict", strictSchema);
        SiteConfig config = new SiteConfig(values);
        // the schema is the one the command line names, wherever it is
        SchemaRst schemas = BuildCommand.expander(cwd, config, null);
        // the root page's only directive is known: its schema loads while the build starts up
        if (manuals == null) {
            schemas.prefetch(schema, ns);
        } else {
            for (ManualSet.Manual m : manuals) {
                schemas.prefetch(m.schema(), m.namespace());
            }
        }
        // the pages are built from memory; the working folder is where the schema is found
        // and where relative include and image paths would point
        Map<String, List<ContentLine>> pages = manuals != null
                ? ManualSet.pages(title, manuals)
                : Map.of("index", ContentLine.of("index.rst", rootPage(title, schema, ns)));
        SiteBuilder.Output result = SiteBuilder.build(new SiteBuilder.Options(cwd, "", config, false, List.of())
                .withExpander(schemas)
                .withPages(pages));
        LoadResult failed = schemas.failure(schema);
        if (failed != null) {
            // the user wrote a schema, not the generated root page: say what is wrong with it
            return SchemaInput.reportFailure(io, "html", failed, schema, strictSchema, out);
        }
        SiteFindings found = SiteFindings.print(io, schemas, result.messages());
        int errors = found.errors();
        int warnings = found.warnings();
        if (errors > 0 || (strict && warnings > 0)) {
            io.err.println("html failed: " + errors + " error(s), " + warnings + " warning(s); " + out
                    + " was left unchanged.");
            return Main.EXIT_FINDINGS;
        }
        try {
            folder.replace(result.files());
        } catch (IOException e) {
            io.err.println("qapidoc: html: " + e.getMessage() + "; " + out + " was left unchanged");
            return Main.EXIT_FINDINGS;
        }
        io.out.println("html succeeded" + (warnings > 0 ? ", " + warnings + " warning(s)" : "") + ": open "
                + Path.of(out).resolve("index.html"));
        return Main.EXIT_OK;
    }

    /** {@code --history}: the versioned site of {@link VersionedSite}. */
    private static int history(
            Args args,
            Console io,
            String ns,
            String title,
            String dialect,
            boolean strict,
            String out,
            OutputFolder folder)
            throws IOException, UsageException {
        if (args.has("--strict")) {
            throw new UsageException("html: --history reads old releases tolerant; it does not take --strict");
        }
        List<String> positionals = args.positionals();
        String schema = positionals.get(positionals.size() - 1);
        List<String> revs = new java.util.ArrayList<>(positionals.subList(0, positionals.size() - 1));
        String namespace = ns != null ? ns : dev.qapidoc.compat.HistoryLoader.namespaceOf(schema);
        String t = title == null || title.isBlank()
                ? namespace + " Reference Manual"
                : title.replaceAll("\\s+", " ").strip();
        VersionedSite.Result result;
        try (dev.qapidoc.compat.GitRepo repo =
                dev.qapidoc.compat.GitRepo.open(Path.of("").toAbsolutePath().resolve(args.value("--git", ".")))) {
            if (revs.isEmpty()) {
                revs = dev.qapidoc.compat.HistoryLoader.defaultRevisions(repo);
            }
            result = VersionedSite.build(repo, revs, schema, namespace, t, dialect, io);
        } catch (IOException e) {
            io.err.println("qapidoc: html: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        for (String n : result.notes()) {
            io.err.println(n);
        }
        if (result.errors() > 0 || (strict && result.warnings() > 0)) {
            io.err.println("html failed: " + result.errors() + " error(s), " + result.warnings() + " warning(s); " + out
                    + " was left unchanged.");
            return Main.EXIT_FINDINGS;
        }
        try {
            folder.replace(result.files());
        } catch (IOException e) {
            io.err.println("qapidoc: html: " + e.getMessage() + "; " + out + " was left unchanged");
            return Main.EXIT_FINDINGS;
        }
        io.out.println("html succeeded" + (result.warnings() > 0 ? ", " + result.warnings() + " warning(s)" : "")
                + ": open " + Path.of(out).resolve("index.html"));
        return Main.EXIT_OK;
    }

    /** The root page: title, local contents, the schema (§8.3's wrapper without the label). */
    static String rootPage(String title, String schema, String ns) {
        String t = title.replace("\\", "\\\\");
        StringBuilder sb = new StringBuilder();
        sb.append(t).append('\n').append("=".repeat(Math.max(4, t.length()))).append("\n\n");
        sb.append(".. contents::\n   :local:\n\n");
        sb.append(".. qapi-doc:: ").append(schema).append('\n');
        if (ns != null) {
            sb.append("   :namespace: ").append(ns).append('\n');
        }
        return sb.toString();
    }
}
