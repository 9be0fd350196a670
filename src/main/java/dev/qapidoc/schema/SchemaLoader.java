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
 * LoadResult r = SchemaLoader.load("qapi/qapi-schema.json", LoadOptions.strict(Path.of(".")));
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
     * diagnostics and determines module names), resolved against
     * {@link LoadOptions#workingDirectory()}; the one entry point of the frontend.
     *
     * <p>STRICT is today's QEMU exactly. TOLERANT accepts every QEMU release since 2.10
     * (schema-language.md Appendix A): the relaxations become WARNING diagnostics with rule ids
     * ({@link LoadResult#warnings()}), and {@link LoadResult#ok()} means "no errors". Doc
     * comments are read with today's rules (style checks as warnings); if some block breaks
     * today's section rules, the whole schema is read again with the rules of QEMU 2.10–9.0 and
     * its markup converted to reST (doc-comments-and-rest.md Part 3).
     */
    public static LoadResult load(String rootFile, LoadOptions options) {
        DocBlocks.DocMode docMode =
                options.mode() == LoadMode.STRICT ? DocBlocks.DocMode.STRICT : DocBlocks.DocMode.LENIENT;
        return load(rootFile, options, docMode);
    }

    private static LoadResult load(String rootFile, LoadOptions options, DocBlocks.DocMode docMode) {
        Path workingDirectory = options.workingDirectory();
        Tolerance tolerance = new Tolerance(options.mode());
        Diagnostics sink = new Diagnostics();
        Contexts contexts = new Contexts(sink);
        SchemaReader reader = new SchemaReader(workingDirectory, contexts, tolerance, docMode);
        reader.keepGoing = options.keepGoing();
        reader.sourceTree = options.sourceTree();
        boolean parsed = reader.readRoot(rootFile);
        Pragmas pragmas = reader.pragmas.freeze();
        Set<Doc> unbound = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Definition> defs = List.of();
        Set<String> failedNames = new HashSet<>();
        if (parsed) {
            defs = new ExprChecker(contexts, pragmas, tolerance).check(reader.exprs, failedNames);
            Set<Doc> passed = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Definition d : defs) {
                if (d.doc() != null) {
                    passed.add(d.doc());
                }
            }
            for (Expr e : reader.exprs) {
                // A failed definition's doc is still checked against what it declares, unless
                // the expression is too broken to say (then its problems are consequences).
                if (e.doc() != null && !passed.contains(e.doc()) && !DeclaredDocs.connect(e, pragmas, contexts)) {
                    unbound.add(e.doc());
                }
            }
        }
        if (docMode == DocBlocks.DocMode.LENIENT && reader.docBlockFailed) {
            // Some block breaks today's section rules: read the schema as QEMU 2.10-9.0 did.
            return load(rootFile, options, DocBlocks.DocMode.LEGACY);
        }
        Schema schema = new SchemaBuilder(contexts, pragmas, failedNames, workingDirectory, rootFile, tolerance)
                .build(defs, reader.docs, parsed, unbound);
        if (docMode == DocBlocks.DocMode.LENIENT && parsed && !sink.all().isEmpty() && reader.uses2017Markup()) {
            // An old schema (something was relaxed) whose docs use the 2017 markup: read them
            // with the legacy rules so the markup is converted. A schema without a single
            // relaxation is valid today and keeps today's reading, whatever its text looks like.
            return load(rootFile, options, DocBlocks.DocMode.LEGACY);
        }
        LoadResult result = new LoadResult(schema, sink.all());
        return result.warnings().isEmpty() ? result : new LoadResult(schema.asLegacy(), result.diagnostics());
    }
}
