package dev.qapidoc.schema;

import dev.qapidoc.source.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What loading a schema produced: the model (partial when there were errors) and every
 * diagnostic in QEMU's order. QEMU stops at the first error, so {@link #first()} is exactly what
 * QEMU prints; the rest are what a lint can report in the same run.
 *
 * @param schema the model; never null, but possibly partial when {@link #ok()} is false
 * @param diagnostics all diagnostics in QEMU's order
 */
public record LoadResult(Schema schema, List<Diagnostic> diagnostics) {
    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when there are no diagnostics at all. */
    public boolean ok() {
        return diagnostics.isEmpty();
    }

    /** The diagnostic QEMU would print. */
    public Optional<Diagnostic> first() {
        return diagnostics.isEmpty() ? Optional.empty() : Optional.of(diagnostics.get(0));
    }
}
