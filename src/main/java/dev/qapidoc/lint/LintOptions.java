package dev.qapidoc.lint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration of one lint run: per-rule level overrides ({@code --rule ID=LEVEL}) and the
 * schema language ({@code --tolerant}).
 *
 * @param levels overrides by rule id; rules not listed keep their default level
 * @param tolerant load in tolerant mode (schemas of QEMU 2.10 onwards): what strict mode
 *     rejects but older QEMU accepted is reported under the {@code legacy-*} and style rules
 */
public record LintOptions(Map<String, Level> levels, boolean tolerant) {
    public LintOptions {
        levels = Map.copyOf(new LinkedHashMap<>(levels));
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
