package dev.qapidoc.ext;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.RstReader;
import dev.qapidoc.source.SourceLocation;
import dev.qapidoc.source.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files QEMU's extensions read: each directive names a path relative to a source tree that
 * conf.py sets ({@code hxtool_srctree}, {@code dbusdoc_srctree}, themselves relative to the
 * source folder, as Sphinx resolves conf values against the configuration directory). Every file
 * read is recorded, in first-read order, because a rebuild (meson's dependency file, {@code
 * depfile}) must know that the page depends on it.
 */
final class SourceFiles {

    private final Path srcdir;
    private final String displayDir;
    private final SourceTree tree;
    private final Set<Path> read = Collections.synchronizedSet(new LinkedHashSet<>());

    /**
     * @param srcdir the source folder (conf.py's folder)
     * @param displayDir how that folder is shown in messages
     * @param tree the files that may be read: the one confinement rule of the build
     */
    SourceFiles(Path srcdir, String displayDir, SourceTree tree) {
        this.srcdir = srcdir;
        this.displayDir = displayDir;
        this.tree = tree;
    }

    /** A file found under a source tree: its path, how messages show it, and its text. */
    record Source(Path path, String shown, String text) {

        /** The lines, each located in the file and included from {@code from}. */
        List<ContentLine> lines(SourceLocation from) {
            List<ContentLine> out = new ArrayList<>();
            for (ContentLine l : ContentLine.of(shown, text)) {
                out.add(new ContentLine(
                        l.text(), new SourceLocation(shown, l.where().line(), 0, from)));
            }
            return out;
        }
    }

    /**
     * Reads {@code path} relative to {@code srctree}; empty when there is no such file (the
     * caller reports it where the directive stands).
     *
     * @throws RstReader.Refused for a file outside the source tree or not a regular file, with
     *     the message the directive reports
     */
    Optional<Source> read(String srctree, String path) {
        Path root = srcdir.resolve(srctree).normalize();
        Path file = root.resolve(path).normalize();
        try {
            String text = new String(tree.read(file), StandardCharsets.UTF_8);
            read.add(file.toAbsolutePath().normalize());
            return Optional.of(new Source(file, shown(srctree, path), text));
        } catch (SourceTree.Refused e) {
            throw new RstReader.Refused("File '" + shown(srctree, path) + "' is "
                    + (e.getMessage().equals(SourceTree.OUTSIDE)
                            ? "outside the source tree (the source folder and the srctrees conf.py names)"
                            : e.getMessage())
                    + ": not read");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The file as messages show it: the source folder as given, then the tree, normalised. */
    String shown(String srctree, String path) {
        String dir = displayDir.isEmpty() ? "." : displayDir;
        String s = Path.of(dir).resolve(srctree).resolve(path).normalize().toString();
        return s.isEmpty() ? path : s.replace('\\', '/');
    }

    /** Every file read so far, absolute, in first-read order. */
    List<Path> filesRead() {
        synchronized (read) {
            return List.copyOf(read);
        }
    }
}
