package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * An enum type (schema-language.md §9.4, §10.1).
 *
 * @param prefix the {@code prefix} key's value, or null
 * @param implicit true for the {@code <Union>Kind} enum a simple union creates in tolerant mode
 *     (schema-language.md §10.2, Appendix A.5): it has a location but the user did not write it
 */
public record EnumType(
        String name,
        SourceLocation location,
        Doc doc,
        IfCond ifCond,
        List<Feature> features,
        List<EnumValue> values,
        String prefix,
        boolean implicit)
        implements Entity {
    public EnumType {
        features = List.copyOf(features);
        values = List.copyOf(values);
    }

    /** An enum the user wrote (or a predefined one, without location). */
    public EnumType(
            String name,
            SourceLocation location,
            Doc doc,
            IfCond ifCond,
            List<Feature> features,
            List<EnumValue> values,
            String prefix) {
        this(name, location, doc, ifCond, features, values, prefix, false);
    }

    /** Predefined enums (no location) and the implicit enums of simple unions. */
    @Override
    public boolean isImplicit() {
        return implicit || location == null;
    }

    @Override
    public String meta() {
        return "enum";
    }

    @Override
    public boolean isType() {
        return true;
    }

    @Override
    public <R> R accept(SchemaVisitor<R> v) {
        return v.enumType(this);
    }
}
