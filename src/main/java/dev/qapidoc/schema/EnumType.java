package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * An enum type (schema-language.md §9.4, §10.1).
 *
 * @param prefix the {@code prefix} key's value, or null
 */
public record EnumType(String name, SourceLocation location, Doc doc, IfCond ifCond,
        List<Feature> features, List<EnumValue> values, String prefix) implements Entity {
    public EnumType {
        features = List.copyOf(features);
        values = List.copyOf(values);
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
