package dev.qapidoc.schema;

/**
 * Which schema language {@link SchemaLoader} accepts.
 *
 * <p>{@link #STRICT} is today's QEMU exactly (conformance: {@code dump}, {@code lint} by
 * default). {@link #TOLERANT} also accepts the schema language and doc conventions of every QEMU
 * release since 2.10 (schema-language.md Appendix A, doc-comments-and-rest.md Part 3): each
 * relaxation fires only where strict mode reports an error, and leaves a WARNING with a rule id
 * instead, so a schema that is valid today loads to the identical model in both modes.
 */
public enum LoadMode {
    STRICT,
    TOLERANT
}
