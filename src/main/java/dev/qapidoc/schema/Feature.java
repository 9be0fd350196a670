package dev.qapidoc.schema;

import dev.qapidoc.source.SourceLocation;

/**
 * A feature of a definition, object member or enum value (schema-language.md §14).
 *
 * @param name the feature name
 * @param ifCond its condition, or null
 * @param definedIn the owning definition's name, or the member/value name for member features
 *     (§10.1; this is what clash messages print)
 * @param location the owning definition's expression location
 */
public record Feature(String name, IfCond ifCond, String definedIn, SourceLocation location) {
    /** True for {@code deprecated} and {@code unstable}, which QEMU treats specially (§14.3). */
    public boolean isSpecial() {
        return name.equals("deprecated") || name.equals("unstable");
    }
}
