package dev.qapidoc.schema;

import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.RuleId;
import dev.qapidoc.source.Severity;

/**
 * The tolerant-mode setting one load shares between its phases (schema-language.md Appendix A).
 * What P2 learns for P3 (which unions are simple, A.5) travels in the {@link Definition}s.
 *
 * <p>Every relaxation is written as {@code if (tolerance.on()) warn(...) else error}, inside the
 * branch that strict mode takes to report the error: a schema that strict mode accepts never
 * reaches one, so both modes build the same model for it.
 */
final class Tolerance {
    private final LoadMode mode;

    Tolerance(LoadMode mode) {
        this.mode = mode;
    }

    /** True in tolerant mode. */
    boolean on() {
        return mode == LoadMode.TOLERANT;
    }

    LoadMode mode() {
        return mode;
    }

    /** The strict-mode error {@code d} as a tolerant-mode WARNING with {@code rule}. */
    static Diagnostic warning(Diagnostic d, RuleId rule) {
        return d.withSeverity(Severity.WARNING).withRule(rule);
    }
}
