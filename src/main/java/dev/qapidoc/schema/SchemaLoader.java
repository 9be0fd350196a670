package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.Diagnostics;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Loads a QAPI schema: the whole frontend, phases P1–P7 of schema-language.md §0.
 *
 * <pre>{@code
 * LoadResult r = SchemaLoader.load("qapi/qapi-schema.json", Path.of("."));
 * if (!r.ok()) System.err.println(r.first().get().render());
 * }</pre>
 *
 * <p>The first diagnostic is always the one QEMU prints. After an error the loader goes on where
 * that is cheap and safe (the next expression in P2, the next entity in P4), leaving out what
 * failed, so the remaining diagnostics are independent problems; a syntax error ends P1 and then
 * no semantic phase runs.
 */
public final class SchemaLoader {
    private SchemaLoader() {}

    /**
     * Loads {@code rootFile}, a path as the user gave it (it is printed unnormalised in
     * diagnostics and determines module names), resolved against {@code workingDirectory}.
     */
    public static LoadResult load(String rootFile, Path workingDirectory) {
        return load(rootFile, workingDirectory, Boolean.getBoolean("qapidoc.parallelDocs"));
    }

    /**
     * As {@link #load(String, Path)}; {@code parallelDocs} parses doc comments on a second
     * thread while lexing and P2 go on (the outcome is identical; tests run both ways). Off by
     * default: measured on the 2-core reference machine, a cold QMP {@code dump} was no faster
     * (0.34–0.42 s either way), because the JIT compiler threads already use the second core.
     * {@code -Dqapidoc.parallelDocs=true} turns it on where cores are to spare.
     */
    static LoadResult load(String rootFile, Path workingDirectory, boolean parallelDocs) {
        return load(rootFile, workingDirectory, parallelDocs, false);
    }

    /**
     * For lint: as {@link #load(String, Path)}, but reading goes on after errors that leave the
     * token stream intact (doc blocks, pragma and include directives, doc placement), so that
     * every independent problem is reported; the first diagnostic is still QEMU's. Doc blocks
     * are parsed in line (the order of the recorded errors depends on it).
     */
    public static LoadResult loadAll(String rootFile, Path workingDirectory) {
        return load(rootFile, workingDirectory, false, true);
    }

    /**
     * Loads a schema in the given mode; this is the one entry point for commands that document
     * schemas ({@code html}, {@code rst}, {@code build}): they pass {@link LoadMode#TOLERANT}
     * unless the user asked for {@code --strict}.
     *
     * <p>TOLERANT accepts every QEMU release since 2.10 (schema-language.md Appendix A): the
     * relaxations become WARNING diagnostics with rule ids ({@link LoadResult#warnings()}), and
     * {@link LoadResult#ok()} means "no errors". Doc comments are read with today's rules (style
     * checks as warnings); if some block breaks today's section rules, the whole schema is read
     * again with the rules of QEMU 2.10–9.0 and its markup converted to reST
     * (doc-comments-and-rest.md Part 3). STRICT is {@link #load(String, Path)}.
     */
    public static LoadResult load(String rootFile, Path workingDirectory, LoadMode mode) {
        if (mode == LoadMode.STRICT) {
            return load(rootFile, workingDirectory);
        }
        return load(rootFile, workingDirectory, false, false, new Tolerance(mode),
                DocBlocks.DocMode.LENIENT);
    }

    private static LoadResult load(String rootFile, Path workingDirectory, boolean parallelDocs,
            boolean keepGoing) {
        return load(rootFile, workingDirectory, parallelDocs, keepGoing,
                new Tolerance(LoadMode.STRICT), DocBlocks.DocMode.STRICT);
    }

    private static LoadResult load(String rootFile, Path workingDirectory, boolean parallelDocs,
            boolean keepGoing, Tolerance tolerance, DocBlocks.DocMode docMode) {
        Diagnostics sink = new Diagnostics();
        Contexts contexts = new Contexts(sink);
        SchemaReader reader = new SchemaReader(workingDirectory, contexts, parallelDocs,
                tolerance, docMode);
        reader.keepGoing = keepGoing;
        boolean parsed = reader.readRoot(rootFile);
        Pragmas pragmas = reader.pragmas.freeze();
        Set<Doc> unbound = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Expr> exprs = List.of();
        Set<String> failedNames = new HashSet<>();
        if (parsed) {
            // P2 runs while doc blocks may still be parsing in the background; its findings are
            // held back until every block is known to be fine (a failing block is a P1 error).
            Diagnostics p2sink = new Diagnostics();
            List<Expr> checked = null;
            try {
                checked = new ExprChecker(contexts.withSink(p2sink), pragmas, tolerance)
                        .check(reader.exprs, failedNames);
            } catch (DocBlocks.Failed f) {
                checked = null;
            }
            SchemaReader.Outcome o = reader.settleDocs();
            if (o == SchemaReader.Outcome.OK && checked != null) {
                for (var d : p2sink.all()) {
                    sink.add(d);
                }
                exprs = checked;
                Set<Expr> passed = Collections.newSetFromMap(new IdentityHashMap<>());
                passed.addAll(exprs);
                for (Expr e : reader.exprs) {
                    if (!passed.contains(e) && e.doc() != null) {
                        unbound.add(e.doc());
                    }
                }
            } else {
                parsed = false;
            }
        }
        if (reader.rerun) {
            return load(rootFile, workingDirectory, false, keepGoing, new Tolerance(tolerance.mode()),
                    docMode);
        }
        if (docMode == DocBlocks.DocMode.LENIENT && reader.docBlockFailed) {
            // Some block breaks today's section rules: read the schema as QEMU 2.10-9.0 did.
            return load(rootFile, workingDirectory, false, keepGoing, new Tolerance(tolerance.mode()),
                    DocBlocks.DocMode.LEGACY);
        }
        Schema schema = new SchemaBuilder(contexts, pragmas, failedNames, workingDirectory, rootFile,
                tolerance).build(exprs, reader.docs, parsed, unbound);
        if (docMode == DocBlocks.DocMode.LENIENT && parsed && !sink.all().isEmpty()
                && reader.uses2017Markup()) {
            // An old schema (something was relaxed) whose docs use the 2017 markup: read them
            // with the legacy rules so the markup is converted. A schema without a single
            // relaxation is valid today and keeps today's reading, whatever its text looks like.
            return load(rootFile, workingDirectory, false, keepGoing, new Tolerance(tolerance.mode()),
                    DocBlocks.DocMode.LEGACY);
        }
        return new LoadResult(schema, sink.all());
    }

    /** Loads {@code rootFile} relative to the process's current directory. */
    public static LoadResult load(String rootFile) {
        return load(rootFile, Path.of("").toAbsolutePath());
    }
}
