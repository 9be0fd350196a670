package dev.qapidoc.cli;

import dev.qapidoc.emit.RstWriter;
import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.schema.LoadMode;
import dev.qapidoc.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code qapidoc rst}: the reST that QEMU's {@code qapi-doc} Sphinx directive generates for a
 * schema (doc-comments-and-rest.md Part 2), or the extended dialect; optionally with QEMU's
 * {@code .ir} source-map prefix on every line.
 */
final class RstCommand implements Command {

    @Override
    public String name() {
        return "rst";
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec(
                "write the reST documentation of a schema (QEMU's dialect or the extended one)",
                """
                Reads and checks the QAPI schema file SCHEMA like 'qapidoc dump' and writes
                reST with 'qapi:' directives for every documented definition and every
                free-form documentation comment, in documentation order.

                Run it from the directory the schema paths should be relative to, e.g.
                  cd qemu && qapidoc rst --namespace QMP qapi/qapi-schema.json

                When the schema has an error, nothing is written; the first error is printed on
                stderr (with --strict exactly as 'qapidoc dump' prints it), and the exit status
                is 1.
                """,
                List.of(new CommandSpec.Positional("SCHEMA", "schema file", true, false, "the QAPI schema file")),
                List.of(
                        OptionSpec.value(
                                "NS",
                                "start with '.. qapi:namespace:: NS', as QEMU's ':namespace:'"
                                        + " option of the qapi-doc directive does",
                                "--namespace"),
                        OptionSpec.flag(
                                "prefix every line with the schema line it comes from, exactly like the"
                                        + " .ir dump of QEMU's extension: 'FILE:NNNN |' right-aligned, NNNN zero-based, FILE"
                                        + " relative to the working directory; the namespace line is credited to line 0 of"
                                        + " SCHEMA",
                                "--source-map"),
                        OptionSpec.value(
                                "qemu|extended",
                                "qemu (default): exactly what QEMU's Sphinx extension"
                                        + " generates, line for line, for real Sphinx builds with QEMU's domain\n"
                                        + "extended: the richer dialect of qapidoc's own domain: qapi:struct / qapi:union,"
                                        + " qapi:branch blocks for union branches, inherited and boxed members written out,"
                                        + " :choice: for alternates, typed ':error Name:' fields, module options (see README.md,"
                                        + " \"reST dialects\")",
                                "--dialect"),
                        OptionSpec.flag(
                                "load SCHEMA with today's QEMU rules exactly; by default it is loaded"
                                        + " tolerant (the schema language and doc conventions of every QEMU release since 2.10),"
                                        + " and what tolerant mode accepted is summed up in one 'note:' line on stderr (details:"
                                        + " 'qapidoc lint --tolerant SCHEMA')",
                                "--strict"),
                        OptionSpec.value("FILE", "write to FILE instead of standard output", "-o", "--output")),
                "",
                List.of(
                        new CommandSpec.Exit(0, "the reST was written"),
                        new CommandSpec.Exit(1, "the schema has an error, or FILE cannot be written"),
                        new CommandSpec.Exit(2, "usage error, or the schema file cannot be read")));
    }

    @Override
    public int run(Args args, Console io) throws UsageException {
        String namespace = args.value("--namespace", null);
        String output = args.value("-o", null);
        String schemaFile = args.positionals().get(0);
        boolean sourceMap = args.has("--source-map");
        LoadMode mode = args.has("--strict") ? LoadMode.STRICT : LoadMode.TOLERANT;
        String d = args.value("--dialect", "qemu");
        RstWriter.Dialect dialect = RstWriter.Dialect.named(d)
                .orElseThrow(() -> new UsageException("unknown dialect '" + d + "'; use qemu or extended"));
        if (namespace != null && namespace.isBlank()) {
            throw new UsageException("--namespace needs a non-empty name");
        }
        Path wd = Path.of("").toAbsolutePath();
        SchemaInput.Loaded loaded = SchemaInput.load(io, schemaFile, wd, mode);
        if (loaded.schema() == null) {
            return loaded.status();
        }
        Schema schema = loaded.schema();
        List<ContentLine> lines = RstWriter.write(schema, new RstWriter.Options(namespace, dialect));
        String text = RstWriter.render(lines, sourceMap, wd);
        if (output == null) {
            io.out.print(text);
            io.out.flush();
            return Main.EXIT_OK;
        }
        try {
            Files.writeString(Path.of(output), text, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            io.err.println("qapidoc: cannot write " + output + ": " + e.getMessage());
            return Main.EXIT_FINDINGS;
        }
        return Main.EXIT_OK;
    }
}
