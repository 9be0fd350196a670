package dev.qapidoc.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule for which files a build may read: a source tree is SRCDIR plus the srctrees its
 * conf.py names ({@code qapidoc_srctree}, {@code kerneldoc_srctree}, ...), and a file is read only
 * if its real path (every symbolic link resolved) lies under one of them and it is a regular
 * file. {@code include}, {@code literalinclude}, {@code csv-table :file:}, images, pages,
 * kernel-doc, hxtool, dbus-doc and {@code qapi-doc} schemas with their includes all ask here, so
 * a symlink {@code leak.txt -> /etc/passwd} or {@code linkdir -> /etc} in a hostile tree cannot
 * pull a file into the site, and a FIFO cannot block the build (issue 13).
 *
 * <p>A srctree is conf.py's explicit choice (QEMU's is {@code docs/..}; a test documents a schema
 * tree elsewhere) and is honoured, unless it is too wide to mean anything but "everything": the
 * filesystem root, the home folder or a folder above it, or a folder above SRCDIR's parent. So
 * {@code qapidoc_srctree = '/'} cannot make every file of the machine readable. A srctree
 * outside the rule is ignored, and {@link #problems()} says so.
 */
public final class SourceTree {

    /** A file that exists but may not be read: outside the tree, or not a regular file. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    /** The reason text of a file outside the tree, as every reader reports it. */
    public static final String OUTSIDE = "outside the source tree";

    /** The reason text of a FIFO, device, socket or folder named as a file. */
    public static final String NOT_REGULAR = "not a regular file";

    private final List<Path> roots;
    private final List<String> problems;
    /** Where srctrees may lie, and conf.py's own files (logo, static folders): the project. */
    private final Path project;

    private SourceTree(List<Path> roots, List<String> problems, Path project) {
        this.roots = List.copyOf(roots);
        this.problems = List.copyOf(problems);
        this.project = project;
    }

    /**
     * The tree of {@code srcdir} and the configured srctrees ({@code conf name → value}, each
     * absolute or relative to srcdir; empty or null values are skipped).
     */
    public static SourceTree of(Path srcdir, Map<String, String> srctrees) {
        List<Path> roots = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Path base = srcdir.toAbsolutePath().normalize();
        Path realBase;
        try {
            realBase = base.toRealPath();
        } catch (IOException e) {
            return new SourceTree(List.of(), List.of(), null);
        }
        roots.add(realBase);
        Path project = realBase.getParent();
        Path home = homeFolder();
        if (project == null || project.getParent() == null || project.equals(home)) {
            project = realBase;
        }
        Path grand = realBase.getParent() == null ? null : realBase.getParent().getParent();
        for (Map.Entry<String, String> e : new LinkedHashMap<>(srctrees).entrySet()) {
            String v = e.getValue();
            if (v == null || v.isEmpty()) {
                continue;
            }
            Path real;
            try {
                real = base.resolve(v).normalize().toRealPath();
            } catch (IOException | java.nio.file.InvalidPathException ex) {
                continue; // a srctree that does not exist holds no file to read
            }
            boolean tooWide = real.getParent() == null
                    || (home != null && home.startsWith(real))
                    || (grand != null && grand.startsWith(real));
            if (real.startsWith(realBase) || !tooWide) {
                if (!roots.contains(real)) {
                    roots.add(real);
                }
            } else {
                problems.add(e.getKey() + " '" + v + "' (" + real + ") is ignored: a srctree may not be the"
                        + " filesystem root, the home folder or a folder above SRCDIR's parent, which would make"
                        + " every file below it readable");
            }
        }
        return new SourceTree(roots, problems, project);
    }

    /** A tree of SRCDIR alone. */
    public static SourceTree of(Path srcdir) {
        return of(srcdir, Map.of());
    }

    private static Path homeFolder() {
        String h = System.getProperty("user.home");
        if (h == null || h.isEmpty()) {
            return null;
        }
        try {
            return Path.of(h).toRealPath();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** The roots, real paths: SRCDIR first, then the honoured srctrees. */
    public List<Path> roots() {
        return roots;
    }

    /** One line per configured srctree that was ignored, saying why. */
    public List<String> problems() {
        return problems;
    }

    /**
     * The real path of {@code file}, which must exist, lie under a root once symbolic links are
     * resolved, and be a regular file.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws Refused when it is outside the tree ({@link #OUTSIDE}) or not a regular file
     *     ({@link #NOT_REGULAR}); the message is the reason alone, for the caller to put after
     *     the path it shows
     */
    public Path check(Path file) throws IOException {
        return check(file, roots);
    }

    /**
     * {@link #check} for a file conf.py names itself ({@code html_logo}, {@code html_favicon},
     * {@code html_static_path} files): anywhere a srctree could be, that is in the project
     * folder, since conf.py could name that folder as a srctree anyway.
     */
    public Path checkConfigured(Path file) throws IOException {
        List<Path> allowed = new ArrayList<>(roots);
        if (project != null) {
            allowed.add(project);
        }
        return check(file, allowed);
    }

    /**
     * Whether conf.py may name {@code path}, a folder or a file ({@link #checkConfigured}); a
     * folder's files are checked one by one too.
     */
    public boolean allowsConfigured(Path path) {
        try {
            if (Files.isDirectory(path)) {
                Path real = path.toRealPath();
                return roots.stream().anyMatch(real::startsWith) || (project != null && real.startsWith(project));
            }
            checkConfigured(path);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path check(Path file, List<Path> allowed) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new NoSuchFileException(file.toString());
        }
        Path real = abs.toRealPath();
        if (allowed.stream().noneMatch(real::startsWith)) {
            throw new Refused(OUTSIDE);
        }
        BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            throw new Refused(NOT_REGULAR);
        }
        return real;
    }

    /** Whether {@link #check} accepts {@code file}. */
    public boolean allows(Path file) {
        try {
            check(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The bytes of {@code file} after {@link #check}; at most {@code limit} bytes are read. */
    public byte[] read(Path file, int limit) throws IOException {
        Path real = check(file);
        try (InputStream in = Files.newInputStream(real)) {
            return in.readNBytes(limit);
        }
    }

    /** The bytes of {@code file} after {@link #check}. */
    public byte[] read(Path file) throws IOException {
        return Files.readAllBytes(check(file));
    }

    /**
     * Refuses anything but a regular file, with no confinement: for files a user names on the
     * command line, which may lie anywhere but must not be a FIFO that blocks the read forever.
     */
    public static void requireRegular(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (!Files.exists(abs)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(abs) && !Files.isDirectory(abs)) {
            throw new Refused(NOT_REGULAR);
        }
    }
}
