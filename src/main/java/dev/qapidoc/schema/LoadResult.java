package dev.qapidoc.schema;

import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.Severity;
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

    /**
     * True when there are no errors. A strict load has no warnings, so there this means no
     * diagnostics at all; a tolerant load may have warnings (the relaxations it applied).
     */
    public boolean ok() {
        return first().isEmpty();
    }

    /** The first error: the diagnostic QEMU would print. */
    public Optional<Diagnostic> first() {
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Severity.ERROR) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The errors, in QEMU's order. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    /**
     * The warnings: in a tolerant load, one per relaxation applied (each with a rule id such as
     * {@code legacy-simple-union} or {@code doc-line-length}); none in a strict load.
     */
    public List<Diagnostic> warnings() {
        return diagnostics.stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .toList();
    }
}
