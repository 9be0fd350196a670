package dev.qapidoc.schema;

import java.util.List;

/**
 * The final pragma state of a schema (schema-language.md §7): one state for all files, each entry
 * replacing the previous value.
 */
public record Pragmas(
        boolean docRequired,
        List<String> commandNameExceptions,
        List<String> commandReturnsExceptions,
        List<String> documentationExceptions,
        List<String> memberNameExceptions) {
    public Pragmas {
        commandNameExceptions = List.copyOf(commandNameExceptions);
        commandReturnsExceptions = List.copyOf(commandReturnsExceptions);
        documentationExceptions = List.copyOf(documentationExceptions);
        memberNameExceptions = List.copyOf(memberNameExceptions);
    }

    /** The defaults: {@code false} and empty lists. */
    public static final Pragmas DEFAULT = new Pragmas(false, List.of(), List.of(), List.of(), List.of());
}
