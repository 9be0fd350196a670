package dev.qapidoc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * QEMU's own schemas (QMP, QGA, QSD) are valid: lint finds no error in them. The warnings per rule
 * are printed for the record (they are findings about QEMU's docs, see the README).
 */
class LintQemuSchemasTest {
    static final Path QEMU = Path.of("../shared/corpus/qemu-master");
    static final List<String> SCHEMAS =
            List.of("qapi/qapi-schema.json", "qga/qapi-schema.json", "storage-daemon/qapi/qapi-schema.json");

    @Test
    void qemuSchemasHaveNoErrors() {
        Assumptions.assumeTrue(Files.isDirectory(QEMU), QEMU + " absent (../shared): skipped");
        List<LintResult> results = Linter.lint(SCHEMAS, QEMU.toAbsolutePath(), LintOptions.DEFAULTS);
        for (int i = 0; i < SCHEMAS.size(); i++) {
            LintResult r = results.get(i);
            assertFalse(r.unreadable());
            Map<String, Integer> perRule = new TreeMap<>();
            StringBuilder errors = new StringBuilder();
            for (Diagnostic d : r.findings()) {
                perRule.merge(d.rule(), 1, Integer::sum);
                if (d.severity() == Severity.ERROR) {
                    errors.append(d.render()).append('\n');
                }
            }
            assertEquals("", errors.toString(), SCHEMAS.get(i));
            System.out.println("lint " + SCHEMAS.get(i) + ": " + perRule);
        }
    }

    @Test
    void everyRuleOnStillGivesNoErrorsAndCrossManualReferencesResolve() {
        Assumptions.assumeTrue(Files.isDirectory(QEMU), QEMU + " absent (../shared): skipped");
        LintOptions all =
                new LintOptions(Map.of(Rules.DOC_XREF.id(), Level.WARNING, Rules.DOC_MISSING.id(), Level.WARNING));
        List<LintResult> results = Linter.lint(SCHEMAS, QEMU.toAbsolutePath(), all);
        for (LintResult r : results) {
            assertEquals(0, r.count(Severity.ERROR));
            // linted together, `name` references across the three manuals all resolve
            assertEquals(
                    0,
                    r.findings().stream()
                            .filter(d -> d.rule().equals("doc-xref"))
                            .count(),
                    () -> r.findings().toString());
        }
    }
}
