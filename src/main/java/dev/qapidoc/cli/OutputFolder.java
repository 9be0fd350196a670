package dev.qapidoc.cli;

import dev.qapidoc.html.SiteBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The folder a command writes a site into ({@code build}, {@code html}, {@code html --history}),
 * and the only code that replaces or deletes anything there.
 *
 * <p>Why a class of its own: deciding whether a folder may be written is a safety question that
 * must be answered before any work (so a refusal costs nothing) and again just before writing,
 * and the answer must not depend on a file <em>name</em> another tool also uses. Sphinx writes a
 * {@code .buildinfo} too, so the marker says it is ours by its content: a first line naming
 * qapidoc ({@link #HEADER}) and then every file the build wrote, one per line, so that a later
 * build removes exactly those and keeps anything else (a {@code .git} of a published site, say).
 *
 * <p>What may be written ({@link #claim}): a missing or empty folder; a folder whose marker is
 * ours (files it does not list are kept; one in the way of a new file is refused); a Sphinx
 * output folder (its {@code .buildinfo} starts with {@link #SPHINX_HEADER}) only with
 * {@code --force}, and then only the entries Sphinx writes go ({@link #isSphinxEntry}); never a
 * folder equal to, inside or containing the folder the sources are read from. Anything else is
 * refused.
 *
 * <p>How it is written ({@link #replace}): the whole site goes into a hidden {@code .OUT.tmp-NNN}
 * next to OUTDIR, marker first; then OUTDIR is moved aside to {@code .OUT.old-NNN} and the new
 * folder moved into its place (when files are kept, entry by entry instead), and the old one is
 * deleted. A failed write leaves OUTDIR as it was; SIGINT or SIGTERM (a shutdown hook) removes the
 * temporary folders and, if the swap had begun, puts the old folder back; leftovers of our own
 * from a killed run are removed by the next {@link #claim}.
 */
final class OutputFolder {

    /** The marker's file name (the one Sphinx uses, so that tools looking for it find one). */
    static final String MARKER = ".buildinfo";

    /** The marker's first line: what makes a folder ours. */
    static final String HEADER = "# qapidoc build output, version 1";

    /** What qapidoc wrote before the file list (replaced whole, as then). */
    static final String LEGACY_HEADER = "# qapidoc build output; this folder is replaced by each build.";

    /** The first line of Sphinx's {@code .buildinfo}. */
    static final String SPHINX_HEADER = "# Sphinx build info version 1";

    /** Top-level names a Sphinx HTML build writes (besides {@code *.html} pages). */
    static final Set<String> SPHINX_NAMES = Set.of(
            ".buildinfo",
            ".buildinfo.bak",
            ".doctrees",
            ".nojekyll",
            "_downloads",
            "_images",
            "_modules",
            "_sources",
            "_static",
            "objects.inv",
            "searchindex.js");

    /** Who wrote the folder found at claim time. */
    enum Owner {
        /** Missing or empty. */
        NONE,
        /** A qapidoc build (marker with the file list). */
        QAPIDOC,
        /** An older qapidoc build (marker without the file list): everything in it is ours. */
        QAPIDOC_LEGACY,
        /** A Sphinx build, claimed with {@code --force}. */
        SPHINX
    }

    private final String command;
    private final Path shown;
    private final Path dir;
    private final Owner owner;
    private Set<String> written;

    private OutputFolder(String command, Path shown, Path dir, Owner owner, Set<String> written) {
        this.command = command;
        this.shown = shown;
        this.dir = dir;
        this.owner = owner;
        this.written = written;
    }

    /**
     * Checks that {@code command} (the command typed, for messages) may write {@code outdir}, and
     * removes leftovers of earlier interrupted runs of our own next to it. Call it before any
     * work; {@link #replace} checks again.
     *
     * @param sources the folder the command reads its sources from, or null when there is none;
     *     OUTDIR may not be it, contain it or be inside it
     * @param force whether a Sphinx output folder may be overwritten
     */
    static OutputFolder claim(String command, Path outdir, Path sources, boolean force)
            throws UsageException, IOException {
        return claim(command, outdir, sources, false, force);
    }

    /**
     * As {@link #claim(String, Path, Path, boolean)}, with {@code insideAllowed}: whether OUTDIR
     * may lie inside {@code sources} (for {@code html}, whose "sources" is the schema's folder:
     * a site under it cannot be read back as schema, and deleting it deletes no schema).
     */
    static OutputFolder claim(String command, Path outdir, Path sources, boolean insideAllowed, boolean force)
            throws UsageException, IOException {
        return claim(command, outdir, sources, insideAllowed, force, true);
    }

    /**
     * As above; {@code clean} says whether leftovers are removed (not while a replacement of
     * this run is being written next to OUTDIR: its temporary folder looks like one).
     */
    private static OutputFolder claim(
            String command, Path outdir, Path sources, boolean insideAllowed, boolean force, boolean clean)
            throws UsageException, IOException {
        Path dir = outdir.toAbsolutePath().normalize();
        if (dir.getParent() == null) {
            throw refuse(command, outdir, "it is the root folder");
        }
        if (sources != null) {
            Path out = realish(dir);
            Path src = realish(sources.toAbsolutePath().normalize());
            if (out.equals(src)) {
                throw refuse(command, outdir, "it is the source folder");
            }
            if (out.startsWith(src) && !insideAllowed) {
                throw refuse(command, outdir, "it is inside the source folder '" + sources + "'");
            }
            if (src.startsWith(out)) {
                throw refuse(command, outdir, "it contains the source folder '" + sources + "'");
            }
        }
        if (clean) {
            removeLeftovers(dir);
        }
        Owner owner = Owner.NONE;
        Set<String> written = Set.of();
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new UsageException(command + ": output '" + outdir + "' exists and is not a folder");
            }
            if (!isEmpty(dir)) {
                List<String> marker = markerLines(dir);
                String first = marker.isEmpty() ? "" : marker.get(0);
                if (first.equals(HEADER)) {
                    owner = Owner.QAPIDOC;
                    written = listed(marker);
                } else if (first.equals(LEGACY_HEADER)) {
                    owner = Owner.QAPIDOC_LEGACY;
                } else if (first.equals(SPHINX_HEADER)) {
                    if (!force) {
                        throw refuse(
                                command,
                                outdir,
                                "it is the output of a Sphinx build; pass --force to replace the files"
                                        + " Sphinx writes there (other files are kept)");
                    }
                    owner = Owner.SPHINX;
                } else {
                    throw refuse(
                            command,
                            outdir,
                            "it is not empty and was not written by qapidoc; remove it or choose another folder");
                }
            }
        }
        return new OutputFolder(command, outdir, dir, owner, written);
    }

    /** Who wrote the folder when it was claimed. */
    Owner owner() {
        return owner;
    }

    /** The folder, absolute. */
    Path path() {
        return dir;
    }

    /** The files (paths relative to the folder, '/'-separated) the last qapidoc build wrote there. */
    Set<String> written() {
        return written;
    }

    /**
     * Makes the folder hold {@code files} (relative path to content) and the marker, keeping
     * the entries that are not ours; OUTDIR is untouched if anything fails.
     *
     * @throws IOException naming the file that could not be written, as the user would see it
     * @throws UsageException if the folder changed since {@link #claim} so that it may no longer
     *     be written, or a kept entry is in the way of a new one
     */
    void replace(Map<String, byte[]> files) throws IOException, UsageException {
        try (Staged staged = stage()) {
            for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
                staged.put(e.getKey(), e.getValue());
            }
            staged.commit();
        }
    }

    /**
     * Starts a replacement written file by file, as a build finishes them ({@link
     * SiteBuilder.FileSink}), so that a site much larger than its sources (every sidebar listing
     * thousands of pages) is never held in memory; {@link Staged#commit} puts it in place, and
     * closing it uncommitted leaves OUTDIR as it was. The same checks as {@link #replace}.
     */
    Staged stage() throws IOException, UsageException {
        OutputFolder now = claim(command, shown, null, true, owner == Owner.SPHINX);
        if (now.owner != owner && owner != Owner.NONE) {
            throw refuse(command, shown, "it changed while the site was being built");
        }
        Files.createDirectories(dir.getParent());
        Swap swap = new Swap(dir);
        try {
            swap.begin();
            swap.writeMarker(Set.of(), shown);
        } catch (IOException e) {
            swap.close();
            throw e;
        }
        return new Staged(swap);
    }

    /** A replacement being written (see {@link #stage}). */
    final class Staged implements SiteBuilder.FileSink, AutoCloseable {
        private final Swap swap;
        private final Map<String, Long> sizes = new TreeMap<>();

        private Staged(Swap swap) {
            this.swap = swap;
        }

        @Override
        public void put(String rel, byte[] bytes) throws IOException {
            if (rel.isEmpty() || rel.equals(MARKER) || rel.contains("\\")) {
                throw new IOException("output path is not allowed: " + rel);
            }
            swap.writeFile(rel, bytes, shown);
            sizes.put(rel, (long) bytes.length);
        }

        /** The files written so far and their sizes. */
        Map<String, Long> sizes() {
            return java.util.Collections.unmodifiableMap(sizes);
        }

        /** Writes the marker listing every file and puts the folder in place of OUTDIR. */
        void commit() throws IOException, UsageException {
            OutputFolder now = claim(command, shown, null, true, owner == Owner.SPHINX, false);
            if (now.owner != owner && owner != Owner.NONE) {
                throw refuse(command, shown, "it changed while the site was being built");
            }
            List<Path> kept = now.kept();
            Set<String> tops = new TreeSet<>();
            for (String rel : sizes.keySet()) {
                tops.add(rel.split("/", 2)[0]);
            }
            for (Path k : kept) {
                String name = k.getFileName().toString();
                if (tops.contains(name)) {
                    throw refuse(command, shown, "'" + name + "' there was not written by qapidoc and is in the way");
                }
            }
            swap.writeMarker(sizes.keySet(), shown);
            swap.install(kept);
        }

        @Override
        public void close() throws IOException {
            swap.close();
        }
    }

    /**
     * Writes only {@code changed} and deletes {@code removed} (files the marker lists), for an
     * incremental build where rewriting the whole folder would cost more than the change. Each
     * file is written next to itself and renamed over the old one, so a reader never sees half a
     * file; the marker is rewritten first listing old and new files (a file we wrote is never
     * unlisted, even if the update is cut short) and again at the end without the removed ones.
     * Unlike {@link #replace}, the site as a whole is not swapped at once.
     *
     * @throws UsageException if the folder is not ours (a full {@link #replace} is needed first),
     *     or a changed file is in the way of one qapidoc did not write
     * @throws IOException naming the file that could not be written or removed
     */
    void update(Map<String, byte[]> changed, Set<String> removed) throws IOException, UsageException {
        if (owner == Owner.NONE) {
            if (!removed.isEmpty()) {
                throw new IOException("nothing to remove: " + shown + " holds no site yet");
            }
            replace(changed);
            written = new TreeSet<>(changed.keySet());
            return;
        }
        if (owner != Owner.QAPIDOC) {
            throw refuse(command, shown, "its files are not listed; build it whole first");
        }
        Map<String, byte[]> sorted = new TreeMap<>(changed);
        for (String rel : sorted.keySet()) {
            Path f = target(rel);
            if (Files.exists(f, LinkOption.NOFOLLOW_LINKS) && !written.contains(rel)) {
                throw refuse(command, shown, "'" + rel + "' there was not written by qapidoc and is in the way");
            }
        }
        for (String rel : removed) {
            target(rel);
            if (!written.contains(rel)) {
                throw new IOException("cannot remove " + shown.resolve(rel) + ": qapidoc did not write it");
            }
        }
        Set<String> all = new TreeSet<>(written);
        all.addAll(sorted.keySet());
        writeAtomically(MARKER, marker(all).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
            writeAtomically(e.getKey(), e.getValue());
        }
        for (String rel : new TreeSet<>(removed)) {
            if (!sorted.containsKey(rel)) {
                try {
                    Files.deleteIfExists(target(rel));
                } catch (IOException e) {
                    throw new IOException("cannot remove " + shown.resolve(rel) + ": " + e.getMessage(), e);
                }
                all.remove(rel);
            }
        }
        writeAtomically(MARKER, marker(all).getBytes(StandardCharsets.UTF_8));
        written = all;
    }

    /** The file {@code rel} names in the folder; a path leaving it is refused. */
    private Path target(String rel) throws IOException {
        Path f = dir.resolve(rel).normalize();
        if (rel.isEmpty() || rel.contains("\\") || !f.startsWith(dir) || f.equals(dir)) {
            throw new IOException("output path is not allowed: " + rel);
        }
        return f;
    }

    private void writeAtomically(String rel, byte[] content) throws IOException {
        Path f = rel.equals(MARKER) ? dir.resolve(MARKER) : target(rel);
        Path tmp = null;
        try {
            Files.createDirectories(f.getParent());
            tmp = Files.createTempFile(f.getParent(), "." + f.getFileName() + ".tmp-", "");
            Files.write(tmp, content);
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (FileSystemException e) {
            throw new IOException("cannot write " + shown.resolve(rel) + ": " + Swap.reason(e), e);
        } catch (IOException e) {
            throw new IOException("cannot write " + shown.resolve(rel) + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Entries of the folder that the new site does not replace (and keeps). */
    private List<Path> kept() throws IOException {
        List<Path> kept = new ArrayList<>();
        if (owner == Owner.NONE || owner == Owner.QAPIDOC_LEGACY) {
            return kept;
        }
        for (Path e : entries(dir)) {
            boolean ours = owner == Owner.QAPIDOC ? isListed(e) : isSphinxEntry(e);
            if (!ours) {
                kept.add(e);
            }
        }
        return kept;
    }

    /** Whether every file under a top-level entry is in the marker's list (the marker itself is). */
    private boolean isListed(Path entry) throws IOException {
        if (entry.getFileName().toString().equals(MARKER)) {
            return true;
        }
        if (Files.isSymbolicLink(entry) || !Files.isDirectory(entry)) {
            return written.contains(relative(entry));
        }
        try (Stream<Path> walk = Files.walk(entry)) {
            return walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .allMatch(p -> written.contains(relative(p)));
        }
    }

    /**
     * Whether a top-level entry is one Sphinx's HTML builder writes: a name of
     * {@link #SPHINX_NAMES}, a page ({@code *.html}), or a folder of pages only.
     */
    static boolean isSphinxEntry(Path entry) throws IOException {
        String name = entry.getFileName().toString();
        if (SPHINX_NAMES.contains(name)) {
            return true;
        }
        if (Files.isSymbolicLink(entry) || !Files.isDirectory(entry)) {
            return name.endsWith(".html") && !Files.isSymbolicLink(entry);
        }
        try (Stream<Path> walk = Files.walk(entry)) {
            return walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .allMatch(p -> p.getFileName().toString().endsWith(".html") && !Files.isSymbolicLink(p));
        }
    }

    private String relative(Path p) {
        return dir.relativize(p).toString().replace('\\', '/');
    }

    /** The marker for a set of files: the header, then one (escaped) path per line, sorted. */
    static String marker(Set<String> files) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        sb.append("# The files below were written by qapidoc; the next build replaces them and keeps the rest.\n");
        for (String f : new TreeSet<>(files)) {
            sb.append(f.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D"))
                    .append('\n');
        }
        return sb.toString();
    }

    private static Set<String> listed(List<String> marker) {
        Set<String> s = new TreeSet<>();
        for (String line : marker.subList(1, marker.size())) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                s.add(line.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%"));
            }
        }
        return s;
    }

    private static List<String> markerLines(Path dir) throws IOException {
        Path m = dir.resolve(MARKER);
        if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        String text = new String(Files.readAllBytes(m), StandardCharsets.UTF_8);
        return List.of(text.split("\n", -1));
    }

    private static boolean isOurs(Path dir) throws IOException {
        List<String> m = markerLines(dir);
        return !m.isEmpty() && (m.get(0).equals(HEADER) || m.get(0).equals(LEGACY_HEADER));
    }

    /**
     * Removes the {@code .OUT.tmp-NNN} and {@code .OUT.old-NNN} folders next to OUTDIR that a
     * killed run of ours left: those holding our marker, or nothing at all.
     */
    private static void removeLeftovers(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (!Files.isDirectory(parent)) {
            return;
        }
        String base = "." + dir.getFileName();
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, base + ".{tmp,old}-*")) {
            for (Path p : ds) {
                String rest = p.getFileName().toString().substring(base.length() + 5);
                if (rest.matches("[0-9]+")
                        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && (isEmpty(p) || isOurs(p))) {
                    stale.add(p);
                }
            }
        } catch (IOException e) {
            return; // an unreadable parent is reported when the site is written
        }
        for (Path p : stale) {
            deleteTree(p, () -> {});
        }
    }

    private static UsageException refuse(String command, Path outdir, String why) {
        return new UsageException(command + ": refusing to write into '" + outdir + "': " + why);
    }

    /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended. */
    private static Path realish(Path p) throws IOException {
        Path existing = p;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        Path real = existing.toRealPath();
        return rest == null ? real : real.resolve(rest);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a tree deepest first (a marker at the top goes last, so a half-deleted tree is still ours). */
    private static void deleteTree(Path root, Runnable step) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path p : all) {
            step.run();
            Files.deleteIfExists(p);
        }
    }

    /**
     * One replacement in progress. Every step runs under its lock, and a shutdown hook (SIGINT,
     * SIGTERM) takes the lock, stops further steps and undoes what was done: the temporary folder
     * goes; if OUTDIR had been moved aside and the new one is not in place, it is put back; if the
     * new one is in place, the old one is deleted.
     */
    private static final class Swap implements AutoCloseable {
        private final Path dir;
        private final Path parent;
        private final Thread hook = new Thread(this::interrupted, "qapidoc-output-cleanup");
        private Path tmp;
        private Path old;
        private final List<Path> movedOut = new ArrayList<>();
        private final List<Path> movedIn = new ArrayList<>();
        private byte[] oldMarker;
        private boolean installed;
        private boolean cancelled;

        Swap(Path dir) {
            this.dir = dir;
            this.parent = dir.getParent();
        }

        synchronized void begin() throws IOException {
            Runtime.getRuntime().addShutdownHook(hook);
            tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".tmp-");
        }

        /**
         * Writes the marker for {@code files} into the temporary folder: first with no files
         * (so that a leftover is known as ours), at the end with all of them.
         */
        void writeMarker(Set<String> files, Path shown) throws IOException {
            String markerText = marker(files);
            step(() -> Files.writeString(tmp.resolve(MARKER), markerText), shown.resolve(MARKER));
        }

        /** Writes one file into the temporary folder. */
        void writeFile(String rel, byte[] bytes, Path shown) throws IOException {
            Path f = tmp.resolve(rel).normalize();
            if (!f.startsWith(tmp) || f.equals(tmp)) {
                throw new IOException("output path escapes the output folder: " + rel);
            }
            step(
                    () -> {
                        Files.createDirectories(f.getParent());
                        Files.write(f, bytes);
                    },
                    shown.resolve(rel));
        }

        /** Puts the new folder in place: whole when nothing is kept, else entry by entry. */
        void install(List<Path> kept) throws IOException {
            synchronized (this) {
                check();
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    old = Files.createTempDirectory(parent, "." + dir.getFileName() + ".old-");
                    if (kept.isEmpty()) {
                        Files.delete(old);
                        move(dir, old);
                    } else {
                        // the marker goes first, so that an interrupted run's old folder is known as ours
                        Files.writeString(old.resolve(MARKER), HEADER + "\n# moved aside by a build\n");
                        oldMarker = Files.readAllBytes(dir.resolve(MARKER));
                        for (Path e : entries(dir)) {
                            if (!kept.contains(e) && !e.getFileName().toString().equals(MARKER)) {
                                move(e, old.resolve(e.getFileName()));
                                movedOut.add(e.getFileName());
                            }
                        }
                    }
                }
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    for (Path e : entries(tmp)) {
                        Path to = dir.resolve(e.getFileName());
                        if (e.getFileName().toString().equals(MARKER)) {
                            Files.move(e, to, StandardCopyOption.REPLACE_EXISTING);
                        } else {
                            move(e, to);
                            movedIn.add(e.getFileName());
                        }
                    }
                    Files.delete(tmp);
                } else {
                    move(tmp, dir);
                }
                tmp = null;
                installed = true;
            }
            if (old != null) {
                deleteTree(old, this::checkUnchecked);
                old = null;
            }
        }

        private interface Io {
            void run() throws IOException;
        }

        private synchronized void step(Io io, Path shown) throws IOException {
            check();
            try {
                io.run();
            } catch (FileSystemException e) {
                throw new IOException("cannot write " + shown + ": " + reason(e), e);
            } catch (IOException e) {
                throw new IOException("cannot write " + shown + ": " + e.getMessage(), e);
            }
        }

        private static String reason(FileSystemException e) {
            return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        }

        private synchronized void check() throws IOException {
            if (cancelled) {
                throw new IOException("interrupted");
            }
        }

        private void checkUnchecked() {
            synchronized (this) {
                if (cancelled) {
                    throw new UncheckedIOException(new IOException("interrupted"));
                }
            }
        }

        /** The shutdown hook: undo or finish, whichever leaves a whole folder. */
        private synchronized void interrupted() {
            cancelled = true;
            try {
                undo();
            } catch (IOException | RuntimeException e) {
                // nothing more can be done while the JVM exits; the next build removes what is left
            }
        }

        private void undo() throws IOException {
            if (tmp != null) {
                deleteTree(tmp, () -> {});
                tmp = null;
            }
            if (old != null) {
                if (!installed) {
                    if (movedOut.isEmpty() && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                        move(old, dir);
                        old = null;
                    } else {
                        for (Path name : movedIn) {
                            deleteTree(dir.resolve(name), () -> {});
                        }
                        if (oldMarker != null) {
                            Files.write(dir.resolve(MARKER), oldMarker);
                        }
                        for (Path name : movedOut) {
                            if (!Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                                move(old.resolve(name), dir.resolve(name));
                            }
                        }
                    }
                }
                if (old != null) {
                    deleteTree(old, () -> {});
                    old = null;
                }
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    return; // the JVM is exiting: the hook does the rest
                }
            }
            // a failure before the swap: OUTDIR is as it was; the temporary folder goes
            undo();
        }
    }
}
