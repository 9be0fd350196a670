package dev.qapidoc.cli;

import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaDump;
import dev.qapidoc.schema.SchemaLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code qapidoc dump SCHEMA}: QEMU's test dump (the {@code .out} format of
 * {@code tests/qapi-schema}) on stdout; on an invalid schema, QEMU's first diagnostic on stderr,
 * byte for byte, nothing on stdout, exit 1.
 */
final class DumpCommand implements Command {

    @Override
    public String name() {
        return "dump";
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec(
                "check a schema as QEMU does and print QEMU's test dump of it",
                """
                Reads the QAPI schema file SCHEMA (and every file it includes), checks it
                exactly as QEMU's QAPI frontend does, and prints the test dump that QEMU's
                tests/qapi-schema harness prints (the .out format): every module with its
                entities, then every documentation comment. The schema is always checked
                with today's QEMU rules exactly (strict mode): this is the conformance output.

                SCHEMA is printed as given in diagnostics, and module names are relative to
                its directory, so run it the way you would run QEMU's generator, e.g.
                  cd qemu && qapidoc dump qapi/qapi-schema.json

                When the schema has an error, nothing is printed on stdout; QEMU's first
                diagnostic is printed on stderr, byte for byte (include chain, "In struct 'X':"
                context, file:line[:column]: message), and the exit status is 1.
                """,
                List.of(new CommandSpec.Positional("SCHEMA", "schema file", true, false, "the QAPI schema file")),
                List.of(),
                "",
                List.of(
                        new CommandSpec.Exit(0, "the schema is valid; the dump was printed"),
                        new CommandSpec.Exit(1, "the schema has an error (or cannot be read)"),
                        new CommandSpec.Exit(2, "usage error")));
    }

    @Override
    public int run(Args args, Console io) {
        String schema = args.positionals().get(0);
        LoadResult r = SchemaLoader.load(schema, LoadOptions.strict(Path.of("").toAbsolutePath()));
        if (!r.ok()) {
            io.err.print(r.first().get().render() + "\n");
            io.err.flush();
            return Main.EXIT_FINDINGS;
        }
        // One write of the encoded dump (about 800 kB for QMP) instead of PrintStream's 8 kB chunks.
        byte[] bytes = SchemaDump.dump(r.schema()).getBytes(StandardCharsets.UTF_8);
        io.out.write(bytes, 0, bytes.length);
        io.out.flush();
        return Main.EXIT_OK;
    }
}
