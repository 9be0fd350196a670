package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * An event (schema-language.md §9.9, §10.1).
 *
 * @param argType the argument type ({@code q_obj_NAME-arg} for inline {@code data}), or null
 * @param boxed the {@code boxed} flag
 */
public record Event(
        String name,
        SourceLocation location,
        Doc doc,
        IfCond ifCond,
        List<Feature> features,
        String argType,
        boolean boxed)
        implements Entity {
    public Event {
        features = List.copyOf(features);
    }

    @Override
    public String meta() {
        return "event";
    }

    @Override
    public <R> R accept(SchemaVisitor<R> v) {
        return v.event(this);
    }
}
