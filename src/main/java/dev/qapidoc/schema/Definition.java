package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * One checked top-level expression (schema-language.md §9), as phase P2 hands it to P3: typed,
 * so that {@link SchemaBuilder} builds entities without looking into JSON-like maps. Only P2
 * ({@link ExprChecker}, {@link Definitions}) reads the parsed maps, and only after checking them.
 */
sealed interface Definition
        permits Definition.IncludeDef,
                Definition.EnumDef,
                Definition.StructDef,
                Definition.UnionDef,
                Definition.SimpleUnionDef,
                Definition.AlternateDef,
                Definition.CommandDef,
                Definition.EventDef {

    SourceLocation location();

    /** The attached doc, or null. */
    Doc doc();

    /** A type reference: a type name, or an array of one ({@code ['T']}, §9.12). */
    record TypeRef(String name, boolean array) {}

    /** A feature (§14.2). */
    record FeatureDef(String name, IfCond ifCond) {}

    /** An object or argument member; {@code optional} for a {@code *name} key (§9.6). */
    record MemberDef(String name, boolean optional, TypeRef type, IfCond ifCond, List<FeatureDef> features) {}

    /** An enum value (§9.4). */
    record ValueDef(String name, IfCond ifCond, List<FeatureDef> features) {}

    /** A union or alternate branch (§9.5, §9.7). */
    record BranchDef(String name, TypeRef type, IfCond ifCond) {}

    /**
     * A union's {@code base} or a command's/event's {@code data}: either a type name or inline
     * members (which become an implicit object type).
     */
    record Members(String typeName, List<MemberDef> inline) {}

    /** {@code {'include': FILE}} as P1 rewrote it (§6 step 5). */
    record IncludeDef(String file, SourceLocation location) implements Definition {
        @Override
        public Doc doc() {
            return null;
        }
    }

    record EnumDef(
            String name,
            SourceLocation location,
            Doc doc,
            IfCond ifCond,
            List<FeatureDef> features,
            List<ValueDef> values,
            String prefix)
            implements Definition {}

    record StructDef(
            String name,
            SourceLocation location,
            Doc doc,
            IfCond ifCond,
            List<FeatureDef> features,
            String base,
            List<MemberDef> members)
            implements Definition {}

    /** A flat union; {@code base} is never null (§9.5). */
    record UnionDef(
            String name,
            SourceLocation location,
            Doc doc,
            IfCond ifCond,
            List<FeatureDef> features,
            Members base,
            String discriminator,
            List<BranchDef> branches)
            implements Definition {}

    /** Tolerant mode: a simple union (Appendix A R4), desugared by P3 (A.5). */
    record SimpleUnionDef(
            String name,
            SourceLocation location,
            Doc doc,
            IfCond ifCond,
            List<FeatureDef> features,
            List<BranchDef> branches)
            implements Definition {}

    record AlternateDef(
            String name,
            SourceLocation location,
            Doc doc,
            IfCond ifCond,
            List<FeatureDef> features,
            List<BranchDef> branches)
            implements Definition {}

    /** {@code data} and {@code returns} may be null. */
    record CommandDef(
            String name,
            SourceLocation location,
            Doc doc,
            IfCond ifCond,
            List<FeatureDef> features,
            Members data,
            TypeRef returns,
            CommandFlags flags)
            implements Definition {}

    /** {@code data} may be null. */
    record EventDef(
            String name,
            SourceLocation location,
            Doc doc,
            IfCond ifCond,
            List<FeatureDef> features,
            Members data,
            boolean boxed)
            implements Definition {}
}
