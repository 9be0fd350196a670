package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * A command (schema-language.md §9.8, §10.1). {@code argType} and {@code returnType} are names;
 * {@link Schema#type(String)} resolves them, so records stay acyclic.
 *
 * @param argType the argument type ({@code q_obj_NAME-arg} for inline {@code data}), or null
 * @param returnType the return type (arrays as {@code EList}), or null
 */
public record Command(
        String name,
        SourceLocation location,
        Doc doc,
        IfCond ifCond,
        List<Feature> features,
        String argType,
        String returnType,
        CommandFlags flags)
        implements Entity {
    public Command {
        features = List.copyOf(features);
    }

    /** Shorthand for {@code flags().boxed()}. */
    public boolean boxed() {
        return flags.boxed();
    }

    @Override
    public String meta() {
        return "command";
    }

    @Override
    public <R> R accept(SchemaVisitor<R> v) {
        return v.command(this);
    }
}
