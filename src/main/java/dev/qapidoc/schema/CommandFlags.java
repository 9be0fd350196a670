package dev.qapidoc.schema;

/**
 * The flags of a command (schema-language.md §9.10), with QEMU's defaults in {@link #DEFAULT}.
 */
public record CommandFlags(
        boolean gen,
        boolean successResponse,
        boolean boxed,
        boolean allowOob,
        boolean allowPreconfig,
        boolean coroutine) {
    /** {@code gen} and {@code success-response} true, everything else false. */
    public static final CommandFlags DEFAULT = new CommandFlags(true, true, false, false, false, false);
}
