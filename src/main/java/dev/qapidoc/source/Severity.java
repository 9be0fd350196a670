package dev.qapidoc.source;

/** How bad a finding is. QEMU knows only errors; warnings are lint's additions. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE;

    /** Lower-case word as compilers print it ({@code error}, {@code warning}, {@code note}). */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
