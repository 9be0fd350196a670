package dev.qapidoc.cli;

import dev.qapidoc.schema.LoadMode;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.Schema;
import dev.qapidoc.schema.SchemaLoader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loading the one schema file that {@code rst} and {@code introspect} work on, with the same
 * reporting for both: the first error stops the command, what a tolerant load let through is
 * summed up in one {@code note:} line (the same wording {@code build} and {@code html} use).
 */
final class SchemaInput {
    private SchemaInput() {}

    /**
     * Loads {@code file} (relative to {@code wd}). On an error prints its rendered diagnostic to
     * stderr and returns empty (the caller exits with findings); on a tolerant load with
     * relaxations prints the note and returns the schema.
     */
    static Optional<Schema> load(Console io, String file, Path wd, LoadMode mode) {
        LoadResult r = SchemaLoader.load(file, LoadOptions.of(wd, mode));
        if (!r.ok()) {
            io.err.print(r.first().get().render() + "\n");
            io.err.flush();
            return Optional.empty();
        }
        if (!r.warnings().isEmpty()) {
            io.err.println(tolerantNote(r.warnings().size(), file));
            io.err.flush();
        }
        return Optional.of(r.schema());
    }

    /** The one-line note for {@code count} relaxations applied in {@code where} (schema names). */
    static String tolerantNote(int count, String where) {
        return "note: tolerant mode accepted " + count + " construct(s) today's QEMU rejects in " + where
                + "; run 'qapidoc lint --tolerant SCHEMA' for details, or pass --strict";
    }
}
