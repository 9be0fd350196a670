package dev.qapidoc.schema;

import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * A value of an enum type (schema-language.md §10.1).
 *
 * @param name the value
 * @param ifCond condition, or null
 * @param features the value's features
 * @param definedIn the enum's name
 * @param location the enum's expression location
 */
public record EnumValue(String name, IfCond ifCond, List<Feature> features, String definedIn, SourceLocation location) {
    public EnumValue {
        features = List.copyOf(features);
    }
}
