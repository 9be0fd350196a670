package dev.qapidoc.lint;

import dev.qapidoc.compat.History;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration of one lint run: per-rule level overrides ({@code --rule ID=LEVEL}) and the
 * schema language ({@code --tolerant}).
 *
 * @param levels overrides by rule id; rules not listed keep their default level
 * @param tolerant load in tolerant mode (schemas of QEMU 2.10 onwards): what strict mode
 *     rejects but older QEMU accepted is reported under the {@code legacy-*} and style rules
 * @param history the schema's history over a repository's releases ({@code lint --git}), which
 *     turns on the {@code since-history} rule; null without
 */
public record LintOptions(Map<String, Level> levels, boolean tolerant, History history) {
    public LintOptions {
        levels = Map.copyOf(new LinkedHashMap<>(levels));
    }

    /** Without history: {@code since-history} does not run. */
    public LintOptions(Map<String, Level> levels, boolean tolerant) {
        this(levels, tolerant, null);
    }

    /** Strict mode with these overrides. */
    public LintOptions(Map<String, Level> levels) {
        this(levels, false);
    }

    /** Every rule at its default level. */
    public static final LintOptions DEFAULTS = new LintOptions(Map.of());

    /** The effective level of {@code rule}. */
    public Level levelOf(Rule rule) {
        return levels.getOrDefault(rule.id(), rule.defaultLevel());
    }
}
