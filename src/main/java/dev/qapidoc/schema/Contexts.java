package dev.qapidoc.schema;

import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.Diagnostics;
import dev.qapidoc.source.RuleId;
import dev.qapidoc.source.SourceLocation;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The definition context of each per-line location object (schema-language.md §1.2). QEMU keeps
 * {@code defn_meta}/{@code defn_name} on the line object shared by every token of that line, so
 * two definitions starting on one line share a context and the last one set wins. We keep the
 * {@link SourceLocation} records immutable and store the context here, keyed by identity: the
 * lexer creates exactly one location object per physical line.
 */
final class Contexts {
    private final Map<SourceLocation, String[]> map;
    final Diagnostics sink;
    /** Definitions right after a doc block that failed: their missing doc is no new problem. */
    final java.util.Set<SourceLocation> docFailed;

    Contexts(Diagnostics sink) {
        this(sink, new IdentityHashMap<>(), java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private Contexts(Diagnostics sink, Map<SourceLocation, String[]> map, java.util.Set<SourceLocation> docFailed) {
        this.sink = sink;
        this.map = map;
        this.docFailed = docFailed;
    }

    /** The same contexts, reporting into another sink (P2 holds its findings back). */
    Contexts withSink(Diagnostics other) {
        return new Contexts(other, map, docFailed);
    }

    /** §9.1 step 3; an empty name prints no context line (§2.2). */
    void set(SourceLocation loc, String meta, String name) {
        map.put(loc, new String[] {meta, name});
    }

    /** The context currently set on that line object ({@code struct 'Foo'}), or null. */
    String get(SourceLocation loc) {
        String[] c = loc == null ? null : map.get(loc);
        return c == null || c[1].isEmpty() ? null : c[0] + " '" + c[1] + "'";
    }

    /** {@code defn_name} of that line object, or null. */
    String name(SourceLocation loc) {
        String[] c = loc == null ? null : map.get(loc);
        return c == null ? null : c[1];
    }

    /** {@code defn_meta} of that line object, or null. */
    String meta(SourceLocation loc) {
        String[] c = loc == null ? null : map.get(loc);
        return c == null ? null : c[0];
    }

    /**
     * A schema-rule error at {@code loc} carrying the context as it is now (the quirk of §1.2).
     */
    Diagnostic error(SourceLocation loc, String message) {
        return error(RuleId.QAPI_SCHEMA, loc, message);
    }

    /** As {@link #error(SourceLocation, String)}, of another family (doc comment rules). */
    Diagnostic error(RuleId rule, SourceLocation loc, String message) {
        return Diagnostic.error(rule, loc, get(loc), message);
    }

    void report(SourceLocation loc, String message) {
        sink.add(error(loc, message));
    }
}
