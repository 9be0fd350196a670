package dev.qapidoc.cli;

import dev.qapidoc.html.SiteBuilder;
import dev.qapidoc.html.SiteConfig;
import dev.qapidoc.emit.RstWriter;
import dev.qapidoc.rst.ContentLine;
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
    public String summary() {
        return "write a one-page HTML manual (with indices and search) for a schema";
    }

    @Override
    public String help() {
        return """
                usage: qapidoc html [--namespace NS] [--title T] [--dialect qemu|extended]
                                    [-o OUTDIR] [-W] [--strict] SCHEMA

                Reads and checks the QAPI schema file SCHEMA and writes a standalone HTML site
                whose index.html is the reference manual of every documented definition, with
                the general index, the QAPI index of the namespace, search and objects.inv.
                Schema paths in messages are relative to the current directory, e.g.
                  cd qemu && qapidoc html --namespace QMP -o /tmp/qmp qapi/qapi-schema.json

                options:
                  --namespace NS   put the definitions in QAPI namespace NS (QMP, QGA, QSD, ...)
                  --title T        the manual's title (default: "NS Reference Manual")
                  --dialect D      qemu (default): the reST QEMU generates; extended: the
                                   richer dialect (struct/union kinds, branches)
                  -o OUTDIR        output folder (default: build/html); replaced only on success
                  -W               turn warnings into errors
                  --strict         load SCHEMA with today's QEMU rules exactly; by default it is
                                   loaded tolerant, accepting the schema language and doc
                                   conventions of every QEMU release since 2.10, so the manual of
                                   an older QEMU can be built. What tolerant mode accepted is
                                   summed up in one 'note:' line on stderr (details: 'qapidoc lint
                                   --tolerant SCHEMA'); it is about the schema's age, not the
                                   manual, so -W does not count it

                exit status: 0 on success, 1 on schema errors (or warnings with -W), 2 on bad usage.
                """;
    }

    @Override
    public int run(List<String> args, Console io) throws Exception {
        String ns = null;
        String title = null;
        String out = "build/html";
        String schema = null;
        String dialect = "qemu";
        boolean strict = false;
        boolean strictSchema = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--namespace" -> ns = value(args, ++i, a);
                case "--title" -> title = value(args, ++i, a);
                case "--dialect" -> dialect = value(args, ++i, a);
                case "-o", "--output" -> out = value(args, ++i, a);
                case "-W" -> strict = true;
                case "--strict" -> strictSchema = true;
                default -> {
                    if (a.startsWith("-") && !a.equals("-")) {
                        throw new UsageException("html: unknown option '" + a + "'; see 'qapidoc html --help'");
                    }
                    if (schema != null) {
                        throw new UsageException("html takes exactly one schema file; see 'qapidoc html --help'");
                    }
                    schema = a;
                }
            }
        }
        if (schema == null) {
            throw new UsageException("html needs a schema file; see 'qapidoc html --help'");
        }
        if (ns != null && !ns.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new UsageException("--namespace needs a name made of letters, digits, '-' and '_'");
        }
        if (RstWriter.Dialect.named(dialect).isEmpty()) {
            throw new UsageException("unknown dialect '" + dialect + "'; use qemu or extended");
        }
        if (title == null || title.isBlank()) {
            title = (ns == null ? "QAPI" : ns) + " Reference Manual";
        }
        title = title.replaceAll("\\s+", " ").strip();
        Path cwd = Path.of("").toAbsolutePath();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("project", title);
        values.put("default_role", "any");
        values.put("qapi_allowed_fields", List.of("see also"));
        values.put("qapi_namespaces", ns == null ? List.of() : List.of(ns));
        values.put("qapidoc_srctree", cwd.toString());
        values.put("qapidoc_dialect", dialect);
        values.put("qapidoc_strict", strictSchema);
        SiteConfig config = new SiteConfig(values);
        SchemaRst schemas = BuildCommand.expander(cwd, config);
        // the root page's only directive is known: its schema loads while the build starts up
        schemas.prefetch(schema, ns);
        // the root page is built from memory; the working folder is where the schema is found
        // and where relative include and image paths would point
        Map<String, List<ContentLine>> pages = Map.of("index", ContentLine.of("index.rst", rootPage(title, schema, ns)));
        SiteBuilder.Output result = SiteBuilder.build(new SiteBuilder.Options(cwd, "", config, false, List.of(Path.of("themes")), schemas)
                .withPages(pages));
        SiteFindings found = SiteFindings.print(io, schemas, result.messages());
        int errors = found.errors();
        int warnings = found.warnings();
        if (errors > 0 || (strict && warnings > 0)) {
            io.err.println("html failed: " + errors + " error(s), " + warnings + " warning(s); " + out
                    + " was left unchanged.");
            return Main.EXIT_FINDINGS;
        }
        try {
            BuildCommand.install(result.files(), Path.of(out));
        } catch (IOException e) {
            io.err.println("qapidoc: html: cannot write " + out + ": " + e.getMessage());
            return Main.EXIT_FINDINGS;
        }
        io.out.println("html succeeded" + (warnings > 0 ? ", " + warnings + " warning(s)" : "") + ": open "
                + Path.of(out).resolve("index.html"));
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

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value; see 'qapidoc html --help'");
        }
        return args.get(i);
    }
}
