package dev.qapidoc.lint;

import dev.qapidoc.source.RuleId;

/**
 * A lint rule: a stable id (used in output and in {@code --rule ID=LEVEL}), the level it has
 * unless configured, and the one-line explanation {@code qapidoc lint --help} prints.
 *
 * @param ruleId the id, as the frontend and the rules attach it to their findings
 * @param defaultLevel level when not configured
 * @param explanation one line, no trailing period
 * @param qemu true for QEMU's own checks (the frontend's diagnostics), false for lint's additions
 */
public record Rule(RuleId ruleId, Level defaultLevel, String explanation, boolean qemu) {
    /** The printed id, lower-case words joined by {@code -}. */
    public String id() {
        return ruleId.id();
    }
}
