package dev.qapidoc.lint;

import dev.qapidoc.source.Severity;
import java.util.Locale;

/** What a rule does with its findings: drop them, report them as warnings, or as errors. */
public enum Level {
    OFF,
    WARNING,
    ERROR;

    /** The severity findings get at this level; null for {@link #OFF}. */
    public Severity severity() {
        return switch (this) {
            case OFF -> null;
            case WARNING -> Severity.WARNING;
            case ERROR -> Severity.ERROR;
        };
    }

    /** Parses {@code off}, {@code warning} or {@code error} (as written on the command line). */
    public static Level parse(String word) {
        for (Level l : values()) {
            if (l.name().toLowerCase(Locale.ROOT).equals(word)) {
                return l;
            }
        }
        throw new IllegalArgumentException("level must be off, warning or error, not '" + word + "'");
    }

    /** {@code off}, {@code warning}, {@code error}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
