package dev.qapidoc.schema;

import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * An object member: struct data, union base member, command/event argument, or an alternate's
 * implicit tag (schema-language.md §10.1).
 *
 * @param name the name without the optional-marking {@code *}
 * @param type the member's type name (arrays as {@code EList}); resolve it with {@link Schema#type}
 * @param optional true when written with a leading {@code *}
 * @param ifCond condition, or null
 * @param features the member's features
 * @param definedIn the name of the object type that declares it (e.g. {@code q_obj_cmd-arg})
 * @param location the owning definition's expression location
 */
public record Member(
        String name,
        String type,
        boolean optional,
        IfCond ifCond,
        List<Feature> features,
        String definedIn,
        SourceLocation location) {
    public Member {
        features = List.copyOf(features);
    }
}
