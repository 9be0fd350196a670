package dev.qapidoc.ext;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.source.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    private final Set<Path> read = Collections.synchronizedSet(new LinkedHashSet<>());

    /**
     * @param srcdir the source folder (conf.py's folder)
     * @param displayDir how that folder is shown in messages
     */
    SourceFiles(Path srcdir, String displayDir) {
        this.srcdir = srcdir;
        this.displayDir = displayDir;
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
     * Reads {@code path} relative to {@code srctree}; empty when it is not a readable file (the
     * caller reports it where the directive stands).
     */
    Optional<Source> read(String srctree, String path) {
        Path root = srcdir.resolve(srctree).normalize();
        Path file = root.resolve(path).normalize();
        if (!Files.isRegularFile(file) || !(inside(file, root) || inside(file, srcdir))) {
            return Optional.empty();
        }
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            read.add(file.toAbsolutePath().normalize());
            return Optional.of(new Source(file, shown(srctree, path), text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code file}, symlinks resolved, lies under {@code root}: the extensions read only
     * from the source folder and the trees conf.py names, like {@code include} does.
     */
    static boolean inside(Path file, Path root) {
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
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
