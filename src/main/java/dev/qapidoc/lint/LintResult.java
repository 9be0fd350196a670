package dev.qapidoc.lint;

import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.Severity;
import java.util.List;

/**
 * What linting one schema found.
 *
 * @param findings diagnostics with rule id and effective severity, in source order
 *     (include-expanded: an included file's findings come where its {@code include} is)
 * @param unreadable true when the root schema file could not be read at all
 */
public record LintResult(List<Diagnostic> findings, boolean unreadable) {
    public LintResult {
        findings = List.copyOf(findings);
    }

    /** Number of findings with that severity. */
    public long count(Severity s) {
        return findings.stream().filter(d -> d.severity() == s).count();
    }
}
