package dev.qapidoc.cli;

import dev.qapidoc.domain.SchemaExpander;
import dev.qapidoc.emit.RstWriter;
import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.schema.LoadMode;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.Module;
import dev.qapidoc.schema.SchemaLoader;
import dev.qapidoc.source.Background;
import dev.qapidoc.source.SourceLocation;
import dev.qapidoc.source.SourceTree;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code qapi-doc} directive's schema side: runs the frontend and the reST emitter for the
 * domain, which may not import the schema package (EXAMPLES.md §5 import rule). Schema paths are
 * resolved against {@code srctree} ({@code qapidoc_srctree} in conf.py, as in QEMU), and the
 * generated lines keep their schema origins, so warnings in generated text point into the schema
 * the way Sphinx's source map does.
 *
 * <p>Schemas load tolerant unless {@code strict} (README "Strict and tolerant mode"). The
 * warnings of a tolerant load describe the schema's age, not the documentation, so they are not
 * Sphinx messages (they neither flood the build output nor fail it under {@code -W}); they are
 * counted here and the command prints one summary line, pointing at {@code lint --tolerant}.
 */
final class SchemaRst implements SchemaExpander {
    private final Path srctree;
    private final RstWriter.Dialect dialect;
    private final LoadMode mode;
    private final Map<String, Integer> tolerantWarnings = new LinkedHashMap<>();
    /** The loads that failed, by path as the directive gave it. */
    private final Map<String, LoadResult> failures = new LinkedHashMap<>();
    /** Every schema file the expansions read (main files and their includes), absolute. */
    private final Set<Path> files = new LinkedHashSet<>();

    /** The files schemas may be read from, or null for anywhere. */
    private final SourceTree confinement;

    SchemaRst(Path srctree, RstWriter.Dialect dialect, LoadMode mode, SourceTree confinement) {
        this.confinement = confinement;
        this.srctree = srctree;
        this.dialect = dialect;
        this.mode = mode;
    }

    /**
     * One line summing up the relaxations tolerant loads applied, or null when there were none:
     * the schemas and their warning counts, and where to read them.
     */
    String tolerantSummary() {
        if (tolerantWarnings.isEmpty()) {
            return null;
        }
        int total = 0;
        StringBuilder which = new StringBuilder();
        for (Map.Entry<String, Integer> e : tolerantWarnings.entrySet()) {
            total += e.getValue();
            which.append(which.length() == 0 ? "" : ", ").append(e.getKey());
            if (tolerantWarnings.size() > 1) {
                which.append(" (").append(e.getValue()).append(')');
            }
        }
        List<String> paths = new ArrayList<>();
        for (String path : tolerantWarnings.keySet()) {
            paths.add(lintPath(path));
        }
        return SchemaInput.tolerantNote(total, which.toString(), paths);
    }

    /**
     * {@code path} (relative to the srctree) as a {@code lint} run from the current folder
     * needs it: as written when the srctree is the current folder ({@code html}), else
     * relative to the current folder.
     */
    private String lintPath(String path) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path tree = srctree.toAbsolutePath().normalize();
        if (tree.equals(cwd) || Path.of(path).isAbsolute()) {
            return path;
        }
        return cwd.relativize(tree.resolve(path).normalize()).toString();
    }

    /**
     * The failed load of {@code path} (as a directive gave it), or null when it loaded or was
     * not expanded: {@code html} reports it as the user's schema error, not as a directive's.
     */
    LoadResult failure(String path) {
        return failures.get(path);
    }

    /** A schema loaded and emitted ahead of its directive (see {@link #prefetch}). */
    private record Loaded(LoadResult result, List<ContentLine> lines) {}

    private String prefetchKey;
    private Background.Task<Loaded> prefetched;

    /**
     * Starts loading and emitting {@code path} for {@code namespace} on another thread, for a
     * caller that knows which {@code qapi-doc} directive is coming ({@code qapidoc html}): the
     * schema's load and reST emission (about a third of an html run on QEMU's QMP schema) then
     * overlap the start of the build (theme, class loading, the root page) instead of following
     * it. The first matching {@link #expand} takes the result; nothing else changes.
     */
    void prefetch(String path, String namespace) {
        prefetchKey = path + "\0" + namespace;
        prefetched = Background.start("qapidoc-schema", () -> load(path, namespace));
    }

    private Loaded load(String path, String namespace) {
        LoadOptions options = LoadOptions.of(srctree.toAbsolutePath().normalize(), mode);
        LoadResult r = SchemaLoader.load(path, confinement == null ? options : options.confinedTo(confinement));
        return new Loaded(r, r.ok() ? RstWriter.write(r.schema(), new RstWriter.Options(namespace, dialect)) : null);
    }

    private Loaded take(String path, String namespace) {
        Background.Task<Loaded> task = prefetched;
        if (task == null || !prefetchKey.equals(path + "\0" + namespace)) {
            return load(path, namespace);
        }
        prefetched = null;
        try {
            // the work's RuntimeException or Error comes out of await as if it ran here
            return task.await();
        } catch (InterruptedIOException e) {
            // interrupted while waiting (the flag stays set): do the work here instead
            return load(path, namespace);
        } catch (IOException e) {
            // load throws no checked exception, so this cannot happen
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The schema files read so far: each {@code qapi-doc} schema and the files it includes
     * (module names are relative to the main schema's folder), absolute, in reading order; for
     * the build's dependency file.
     */
    Set<Path> files() {
        return Collections.unmodifiableSet(files);
    }

    private void record(String path, LoadResult r) {
        Path main = srctree.toAbsolutePath().resolve(path).normalize();
        files.add(main);
        Path dir = main.getParent();
        for (Module m : r.schema().modules()) {
            if (!m.isBuiltin() && dir != null) {
                Path f = dir.resolve(m.name()).normalize();
                if (Files.isRegularFile(f)) {
                    files.add(f);
                }
            }
        }
    }

    @Override
    public Expansion expand(String path, String namespace, SourceLocation where) {
        Loaded loaded = take(path, namespace);
        LoadResult r = loaded.result();
        record(path, r);
        if (!r.ok()) {
            failures.put(path, r);
            // the first ERROR: in a tolerant load diagnostics() may start with warnings
            return Expansion.failed("qapi-doc: schema '" + path + "' has errors:\n"
                    + r.first().get().render());
        }
        if (!r.warnings().isEmpty()) {
            tolerantWarnings.merge(path, r.warnings().size(), Integer::sum);
        }
        List<ContentLine> lines = loaded.lines();
        List<ContentLine> out = new ArrayList<>(lines.size());
        boolean first = true;
        for (ContentLine l : lines) {
            // the namespace line belongs to the directive, as in QEMU's generated text (§8.3)
            SourceLocation origin = first && namespace != null ? where : l.where();
            out.add(new ContentLine(ContentLine.expandTabs(l.text()), origin == null ? where : origin));
            first = false;
        }
        return Expansion.of(out);
    }
}
