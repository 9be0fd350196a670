package dev.qapidoc.cli;

import dev.qapidoc.schema.LoadMode;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.Schema;
import dev.qapidoc.schema.SchemaLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Loading the one schema file that {@code rst} and {@code introspect} work on, with the same
 * reporting for both: the first error stops the command, what a tolerant load let through is
 * summed up in one {@code note:} line (the same wording {@code build} and {@code html} use).
 */
final class SchemaInput {
    private SchemaInput() {}

    /**
     * What loading SCHEMA gave: the schema, or (when it is null) the exit status to fail with.
     *
     * @param schema the loaded schema, or null when the load failed
     * @param status {@link #failureStatus} of the failed load; {@link Main#EXIT_OK} otherwise
     */
    record Loaded(Schema schema, int status) {}

    /**
     * Loads {@code file} (relative to {@code wd}). On an error prints its rendered diagnostic to
     * stderr and returns no schema with {@link #failureStatus}; on a tolerant load with
     * relaxations prints the note and returns the schema.
     */
    static Loaded load(Console io, String file, Path wd, LoadMode mode) {
        LoadResult r = SchemaLoader.load(file, LoadOptions.of(wd, mode));
        if (!r.ok()) {
            io.err.print(r.first().get().render() + "\n");
            io.err.flush();
            return new Loaded(null, failureStatus(r));
        }
        if (!r.warnings().isEmpty()) {
            io.err.println(tolerantNote(r.warnings().size(), file, List.of(file)));
            io.err.flush();
        }
        return new Loaded(r.schema(), Main.EXIT_OK);
    }

    /**
     * The one rule for a schema that fails to load (README "Exit status"): 2 when the schema
     * file itself cannot be read (missing, a folder, no permission: the command never got an
     * input, as with a usage error), 1 when it was read and has errors (an unreadable include
     * is such an error, at the include's line). {@code dump} alone keeps QEMU's 1 for both.
     */
    static int failureStatus(LoadResult r) {
        return r.first().map(d -> d.where() == null).orElse(false) ? Main.EXIT_USAGE : Main.EXIT_FINDINGS;
    }

    /**
     * A site command's report of its schema {@code file} failing to load: the schema's first
     * error (its file, line and context, as {@code rst} prints it), then where to see every
     * error, and that {@code out} is untouched. Returns the exit status ({@link #failureStatus}).
     */
    static int reportFailure(Console io, String command, LoadResult failed, String file, boolean strict, String out) {
        io.err.print(failed.first().get().render() + "\n");
        boolean unreadable = failureStatus(failed) == Main.EXIT_USAGE;
        io.err.println(command + " failed: " + (unreadable ? "the schema file cannot be read" : "the schema has errors")
                + (unreadable ? "" : " (every one: qapidoc lint " + (strict ? "" : "--tolerant ") + file + ")")
                + "; " + out + " was left unchanged.");
        io.err.flush();
        return failureStatus(failed);
    }

    /**
     * The one-line note for {@code count} relaxations applied in {@code where} (schema names),
     * with the lint command that lists them for the schema files {@code paths}, as given.
     */
    static String tolerantNote(int count, String where, List<String> paths) {
        return "note: tolerant mode accepted " + count + " construct(s) today's QEMU rejects in " + where
                + "; run 'qapidoc lint --tolerant " + String.join(" ", paths) + "' for details, or pass --strict";
    }
}
