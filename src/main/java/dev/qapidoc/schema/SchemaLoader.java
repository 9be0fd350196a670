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
        return load(rootFile, workingDirectory,
                !"false".equals(System.getProperty("qapidoc.parallelDocs")));
    }

    /**
     * As {@link #load(String, Path)}; {@code parallelDocs} parses doc comments on a second
     * thread (the default; the outcome is identical, tests run both ways).
     */
    static LoadResult load(String rootFile, Path workingDirectory, boolean parallelDocs) {
        Diagnostics sink = new Diagnostics();
        Contexts contexts = new Contexts(sink);
        SchemaReader reader = new SchemaReader(workingDirectory, contexts, parallelDocs);
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
                checked = new ExprChecker(contexts.withSink(p2sink), pragmas)
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
            return load(rootFile, workingDirectory, false);
        }
        Schema schema = new SchemaBuilder(contexts, pragmas, failedNames, workingDirectory, rootFile)
                .build(exprs, reader.docs, parsed, unbound);
        return new LoadResult(schema, sink.all());
    }

    /** Loads {@code rootFile} relative to the process's current directory. */
    public static LoadResult load(String rootFile) {
        return load(rootFile, Path.of("").toAbsolutePath());
    }
}
