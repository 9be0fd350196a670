package dev.qapidoc.schema;

import dev.qapidoc.source.SourceLocation;

/**
 * An {@code include} directive kept as an entity (schema-language.md §6 step 5, §10.3): it prints
 * as {@code include MODULE} in the dump. Includes are not in the entity name space.
 *
 * @param name the included file's module name (§12.1)
 * @param fileName the included file name as opened (directory of the includer joined with the
 *     directive's string, unnormalised)
 * @param location the directive's location
 */
public record Include(String name, String fileName, SourceLocation location) implements Entity {
    @Override
    public String meta() {
        return "include";
    }

    @Override
    public boolean isImplicit() {
        return false;
    }

    @Override
    public <R> R accept(SchemaVisitor<R> v) {
        return v.include(this);
    }
}
