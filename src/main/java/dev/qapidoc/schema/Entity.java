package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * A schema entity (schema-language.md §10.1). Entities refer to each other by name; resolve a
 * name with {@link Schema#entity(String)} or {@link Schema#type(String)}, so records stay acyclic.
 */
public sealed interface Entity
        permits BuiltinType, EnumType, ArrayType, ObjectType, AlternateType, Command, Event, Include {

    /**
     * The entity name. Includes are not in the name space; their "name" is the included
     * module's name.
     */
    String name();

    /** The location of the defining expression; null for predefined entities. */
    SourceLocation location();

    /** The attached doc comment, or null. */
    default Doc doc() {
        return null;
    }

    /** The condition, or null when unconditional. */
    default IfCond ifCond() {
        return null;
    }

    /** The definition's own features. */
    default List<Feature> features() {
        return List.of();
    }

    /**
     * The word QEMU uses for this kind in messages: {@code enum}, {@code struct}, {@code union},
     * {@code alternate}, {@code command}, {@code event}, {@code built-in}, {@code array},
     * {@code include}.
     */
    String meta();

    /**
     * True for entities the user did not write: predefined ones (no location), arrays, and object
     * types named {@code q_*} (§10.2).
     */
    default boolean isImplicit() {
        return location() == null;
    }

    /** True for types (built-in, enum, array, object, alternate). */
    default boolean isType() {
        return false;
    }

    /** Exhaustive dispatch: adding a kind breaks every visitor. */
    <R> R accept(SchemaVisitor<R> v);

    /**
     * QEMU's {@code describe()} for messages (§10.4): {@code struct type 'S'},
     * {@code array type ['int']}, {@code command 'foo'}.
     */
    default String describe() {
        return isType() ? meta() + " type '" + name() + "'" : meta() + " '" + name() + "'";
    }
}
