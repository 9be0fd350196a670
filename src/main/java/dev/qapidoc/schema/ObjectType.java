package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * A struct, a union, or an implicit object type ({@code q_empty}, {@code q_obj_NAME-arg},
 * {@code q_obj_NAME-base}) (schema-language.md §10.1).
 *
 * <p>{@link #localMembers()} are the members written in this definition; inherited ones come
 * from {@link #base()}; {@link Schema#allMembers(ObjectType)} gives the flattened list in QEMU's
 * order (base members first).
 *
 * @param base the base type's name, or null
 * @param localMembers members declared here, in order
 * @param branches the union part (discriminator and branches, implicit ones last), or null for
 *     structs
 */
public record ObjectType(
        String name,
        SourceLocation location,
        Doc doc,
        IfCond ifCond,
        List<Feature> features,
        String base,
        List<Member> localMembers,
        Branches branches)
        implements Entity {
    public ObjectType {
        features = List.copyOf(features);
        localMembers = List.copyOf(localMembers);
    }

    /**
     * The union part of an object type.
     *
     * @param tagName the discriminator member's name
     * @param variants every branch: explicit ones in source order, then implicit {@code q_empty}
     *     ones in enum order (after the schema check)
     */
    public record Branches(String tagName, List<Variant> variants) {
        public Branches {
            variants = List.copyOf(variants);
        }
    }

    /**
     * For the wrapper type {@code q_obj_T-wrapper} of a simple union's branch (tolerant mode,
     * schema-language.md Appendix A.5): T, the type of its one member {@code data}. A reST
     * writer shows such a branch as "When type is b: data: T" rather than pointing at the
     * implicit wrapper.
     */
    public java.util.Optional<String> wrappedType() {
        if (name.startsWith("q_obj_")
                && name.endsWith("-wrapper")
                && localMembers.size() == 1
                && localMembers.get(0).name().equals("data")
                && base == null
                && branches == null) {
            return java.util.Optional.of(localMembers.get(0).type());
        }
        return java.util.Optional.empty();
    }

    /** True for unions. */
    public boolean isUnion() {
        return branches != null;
    }

    @Override
    public String meta() {
        return branches != null ? "union" : "struct";
    }

    /** Object types are implicit iff named {@code q_*} (§10.2). */
    @Override
    public boolean isImplicit() {
        return name.startsWith("q_");
    }

    @Override
    public boolean isType() {
        return true;
    }

    @Override
    public <R> R accept(SchemaVisitor<R> v) {
        return v.objectType(this);
    }
}
