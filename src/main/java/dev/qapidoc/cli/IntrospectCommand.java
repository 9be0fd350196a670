package dev.qapidoc.cli;

import dev.qapidoc.introspect.Introspector;
import dev.qapidoc.introspect.SchemaInfo;
import dev.qapidoc.schema.LoadMode;
import dev.qapidoc.schema.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code qapidoc introspect [--unmask] SCHEMA}: the data QMP's {@code query-qmp-schema} returns,
 * as JSON on stdout, every {@code if} taken as true (schema-language.md §16). An invalid schema is
 * reported like {@code dump} does: QEMU's first diagnostic on stderr, nothing on stdout, exit 1.
 */
final class IntrospectCommand implements Command {

    @Override
    public String name() {
        return "introspect";
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec(
                "print the query-qmp-schema data of a schema as JSON",
                """
                Reads the QAPI schema file SCHEMA (and every file it includes), checks it as
                QEMU's QAPI frontend does, and prints on stdout, as JSON, the SchemaInfo list
                that QMP's query-qmp-schema command returns -- without building QEMU:
                every command and event (in schema order), then every type they use, in the
                order QEMU first uses it. Types not reachable from a command or event are left
                out, as QEMU does.

                Conditions ('if') are all taken as true: the output contains every conditional
                command, member, value, branch and feature, and no condition is shown. A QEMU
                binary built without some configuration option answers with a subset of this.

                The JSON is laid out like Python's json.dumps(value, indent=1) (one space per
                level, ASCII only), so it compares byte for byte with the same data dumped
                from QEMU's Python QAPI generator.

                SCHEMA is printed as given in diagnostics, so run it the way you would run
                QEMU's generator, e.g.
                  cd qemu && qapidoc introspect qapi/qapi-schema.json

                When the schema has an error, nothing is printed on stdout; the first error is
                printed on stderr (with --strict byte for byte as QEMU and 'qapidoc dump' print
                it), and the exit status is 1.
                """,
                List.of(new CommandSpec.Positional("SCHEMA", "schema file", true, false, "the QAPI schema file")),
                List.of(
                        OptionSpec.flag(
                                "name types by their real names (QEMU's 'qapi-gen -u'); by default, as in"
                                        + " QEMU, enum, object and alternate types are named by numbers (\"0\", \"1\", ...) in"
                                        + " first-use order, because type names are not a stable interface",
                                "--unmask",
                                "-u"),
                        OptionSpec.flag(
                                "check SCHEMA with today's QEMU rules exactly. By default it is read"
                                        + " tolerant: the schema language of every QEMU release since 2.10 is accepted (simple"
                                        + " unions, old pragma names, ...), so a management application can get the data of the"
                                        + " QEMU release it talks to. A schema valid today gives the same output in both modes;"
                                        + " what tolerant mode accepted is summed up in one 'note:' line on stderr (details:"
                                        + " 'qapidoc lint --tolerant SCHEMA')",
                                "--strict")),
                "",
                List.of(
                        new CommandSpec.Exit(0, "the schema is valid; the JSON was printed"),
                        new CommandSpec.Exit(1, "the schema has an error"),
                        new CommandSpec.Exit(2, "usage error, or the schema file cannot be read")));
    }

    @Override
    public int run(Args args, Console io) throws IOException {
        boolean unmask = args.has("--unmask");
        LoadMode mode = args.has("--strict") ? LoadMode.STRICT : LoadMode.TOLERANT;
        String schemaFile = args.positionals().get(0);
        SchemaInput.Loaded loaded = SchemaInput.load(io, schemaFile, Path.of("").toAbsolutePath(), mode);
        if (loaded.schema() == null) {
            return loaded.status();
        }
        Schema schema = loaded.schema();
        List<SchemaInfo> infos = Introspector.introspect(schema, unmask);
        Introspector.writeJson(infos, io.out);
        return Main.EXIT_OK;
    }
}
