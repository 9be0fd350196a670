package dev.qapidoc.schema;

import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.RuleId;
import dev.qapidoc.source.Severity;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tolerant-mode state one load shares between its phases (schema-language.md Appendix A):
 * the mode, and what P2 learnt for P3 (which union expressions are simple unions, A.5).
 *
 * <p>Every relaxation is written as {@code if (tolerance.on()) warn(...) else error}, inside the
 * branch that strict mode takes to report the error: a schema that strict mode accepts never
 * reaches one, so both modes build the same model for it.
 */
final class Tolerance {
    private final LoadMode mode;
    /** Union expressions (their data maps) that P2 accepted as simple unions. */
    final Set<Map<String, Object>> simpleUnions =
            Collections.newSetFromMap(new IdentityHashMap<>());

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
