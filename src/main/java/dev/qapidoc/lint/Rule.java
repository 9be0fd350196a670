package dev.qapidoc.lint;

/**
 * A lint rule: a stable id (used in output and in {@code --rule ID=LEVEL}), the level it has
 * unless configured, and the one-line explanation {@code qapidoc lint --help} prints.
 *
 * @param id stable identifier, lower-case words joined by {@code -}
 * @param defaultLevel level when not configured
 * @param explanation one line, no trailing period
 * @param qemu true for QEMU's own checks (the frontend's diagnostics), false for lint's additions
 */
public record Rule(String id, Level defaultLevel, String explanation, boolean qemu) {}
