package dev.qapidoc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collection;

/**
 * The dependency file of QEMU's {@code depfile} extension, for meson/ninja: {@code -D
 * depfile=PATH -D depfile_stamp=STAMP} writes {@code STAMP: FILE...} (one rule, continued over
 * lines with a backslash) naming every file the build read, and touches STAMP, so the build
 * system re-runs the documentation build when a page, an include, conf.py or a schema changes.
 *
 * <p>Names are written as Make reads them: a space or {@code #} is backslash-escaped, {@code $}
 * is doubled; a backslash before one of them (or at the end) is doubled too.
 */
final class DepFile {
    private DepFile() {}

    /** The rule's text. */
    static String render(String stamp, Collection<Path> files) {
        StringBuilder b = new StringBuilder(escape(stamp)).append(':');
        for (Path f : files) {
            b.append(" \\\n  ").append(escape(f.toString()));
        }
        return b.append('\n').toString();
    }

    /** Writes {@code depfile} and touches {@code stamp} (created when missing). */
    static void write(Path depfile, Path stamp, Collection<Path> files) throws IOException {
        Path parent = depfile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(depfile, render(stamp.toString(), files), StandardCharsets.UTF_8);
        if (Files.exists(stamp)) {
            Files.setLastModifiedTime(stamp, FileTime.from(Instant.now()));
        } else {
            Path sp = stamp.toAbsolutePath().getParent();
            if (sp != null) {
                Files.createDirectories(sp);
            }
            Files.createFile(stamp);
        }
    }

    static String escape(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case ' ', '#' -> {
                    // backslashes right before the escaped character are doubled as well
                    for (int k = i - 1; k >= 0 && name.charAt(k) == '\\'; k--) {
                        b.append('\\');
                    }
                    b.append('\\').append(c);
                }
                case '$' -> b.append("$$");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
