package dev.qapidoc.lint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration of one lint run: per-rule level overrides ({@code --rule ID=LEVEL}).
 *
 * @param levels overrides by rule id; rules not listed keep their default level
 */
public record LintOptions(Map<String, Level> levels) {
    public LintOptions {
        levels = Map.copyOf(new LinkedHashMap<>(levels));
    }

    /** Every rule at its default level. */
    public static final LintOptions DEFAULTS = new LintOptions(Map.of());

    /** The effective level of {@code rule}. */
    public Level levelOf(Rule rule) {
        return levels.getOrDefault(rule.id(), rule.defaultLevel());
    }
}
