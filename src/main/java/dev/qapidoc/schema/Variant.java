package dev.qapidoc.schema;

import dev.qapidoc.source.SourceLocation;

/**
 * A branch of a union or alternate (schema-language.md §10.1).
 *
 * @param name the branch name (an enum value for unions)
 * @param type the branch type name ({@code q_empty} for implicit union branches)
 * @param ifCond condition, or null
 * @param definedIn the union/alternate, or for implicit union branches the type defining the tag
 * @param location the owning definition's expression location
 * @param implicit true for branches added for enum values without explicit branch (§11.6 step 6)
 */
public record Variant(
        String name, String type, IfCond ifCond, String definedIn, SourceLocation location, boolean implicit) {}
