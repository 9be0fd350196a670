package dev.qapidoc.schema;

import dev.qapidoc.source.SourceLocation;

/**
 * An array type {@code EList}, created on first reference as {@code ['E']} (§10.3).
 *
 * @param location the location of the first reference, or null for predefined built-in arrays
 * @param elementType the element type's name
 * @param ifCond the element type's condition (§13.3), filled in once the element is resolved
 */
public record ArrayType(String name, SourceLocation location, String elementType, IfCond ifCond) implements Entity {

    @Override
    public String meta() {
        return "array";
    }

    @Override
    public boolean isImplicit() {
        return true;
    }

    @Override
    public boolean isType() {
        return true;
    }

    /** {@code array type ['E']} (§10.4). */
    @Override
    public String describe() {
        return "array type ['" + elementType + "']";
    }

    @Override
    public <R> R accept(SchemaVisitor<R> v) {
        return v.arrayType(this);
    }
}
