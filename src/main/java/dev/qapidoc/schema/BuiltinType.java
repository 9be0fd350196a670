package dev.qapidoc.schema;

import dev.qapidoc.source.SourceLocation;

/**
 * A built-in type such as {@code int} or {@code str} (schema-language.md §10.2).
 *
 * @param name the type name
 * @param jsonType {@code string}, {@code number}, {@code int}, {@code boolean}, {@code null} or
 *     {@code value}
 */
public record BuiltinType(String name, String jsonType) implements Entity {
    @Override
    public SourceLocation location() {
        return null;
    }

    @Override
    public String meta() {
        return "built-in";
    }

    @Override
    public boolean isType() {
        return true;
    }

    @Override
    public <R> R accept(SchemaVisitor<R> v) {
        return v.builtin(this);
    }
}
