package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * An alternate type (schema-language.md §9.7, §10.1).
 *
 * @param tagMember the implicit tag member {@code type} of type {@code QType}
 * @param variants the branches in source order
 */
public record AlternateType(
        String name,
        SourceLocation location,
        Doc doc,
        IfCond ifCond,
        List<Feature> features,
        Member tagMember,
        List<Variant> variants)
        implements Entity {
    public AlternateType {
        features = List.copyOf(features);
        variants = List.copyOf(variants);
    }

    @Override
    public String meta() {
        return "alternate";
    }

    @Override
    public boolean isType() {
        return true;
    }

    @Override
    public <R> R accept(SchemaVisitor<R> v) {
        return v.alternateType(this);
    }
}
