package dev.qapidoc.schema;

import dev.qapidoc.source.SourceTree;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link SchemaLoader#load(String, LoadOptions)} reads a schema. One record instead of
 * positional booleans, so a call site says what it wants ({@code LoadOptions.strict(wd)}).
 *
 * @param workingDirectory the directory the root file (and every include) is resolved against;
 *     the root file itself is printed as given, so it determines module names
 * @param mode today's QEMU exactly, or also every older release's language (see {@link LoadMode})
 * @param keepGoing for lint: reading goes on after errors that leave the token stream intact
 *     (doc blocks, pragma and include directives, doc placement), so every independent problem is
 *     reported; the first diagnostic is still QEMU's
 * @param sourceTree when not null, the only files that may be read (the root file and every
 *     include): a {@code qapi-doc} schema of a site build is confined like every other file
 *     the build reads; null for a schema named on the command line, which may be anywhere.
 *     Either way a file that is not a regular file (a FIFO would block forever) is refused.
 */
public record LoadOptions(Path workingDirectory, LoadMode mode, boolean keepGoing, SourceTree sourceTree) {
    public LoadOptions {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(mode, "mode");
    }

    public LoadOptions(Path workingDirectory, LoadMode mode, boolean keepGoing) {
        this(workingDirectory, mode, keepGoing, null);
    }

    /** The same options, reading only files {@code tree} allows. */
    public LoadOptions confinedTo(SourceTree tree) {
        return new LoadOptions(workingDirectory, mode, keepGoing, tree);
    }

    /** Today's QEMU exactly; the first error stops the load (what {@code dump} needs). */
    public static LoadOptions strict(Path workingDirectory) {
        return new LoadOptions(workingDirectory, LoadMode.STRICT, false);
    }

    /** Also every QEMU release since 2.10; relaxations become warnings. */
    public static LoadOptions tolerant(Path workingDirectory) {
        return new LoadOptions(workingDirectory, LoadMode.TOLERANT, false);
    }

    /** The given mode, stopping at the first error. */
    public static LoadOptions of(Path workingDirectory, LoadMode mode) {
        return new LoadOptions(workingDirectory, mode, false);
    }

    /** The same options, reading on after errors (lint). */
    public LoadOptions keepingGoing() {
        return new LoadOptions(workingDirectory, mode, true, sourceTree);
    }
}
