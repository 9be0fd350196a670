package dev.qapidoc.introspect;

import dev.qapidoc.schema.EnumValue;
import dev.qapidoc.schema.Feature;
import dev.qapidoc.schema.IfCond;
import java.util.List;

/**
 * One element of the {@code query-qmp-schema} answer (schema-language.md §16.3). Type references
 * inside it are already the strings {@code use()} returned (§16.2): a built-in's name, a masked
 * number such as {@code "12"}, or {@code "[...]"} for arrays.
 *
 * <p>Every element keeps the condition of what it describes (§16.4), so a later consumer can
 * filter for a build configuration; the JSON rendering of this project includes every element and
 * drops the conditions (§16.5).
 */
public sealed interface SchemaInfo
        permits SchemaInfo.CommandInfo,
                SchemaInfo.EventInfo,
                SchemaInfo.BuiltinInfo,
                SchemaInfo.EnumInfo,
                SchemaInfo.ArrayInfo,
                SchemaInfo.ObjectInfo,
                SchemaInfo.AlternateInfo {

    /** The {@code name} key: masked for enum, object and alternate types unless unmasked. */
    String name();

    /** The real entity name ({@code q_obj_foo-arg}, {@code intList}), whatever the masking. */
    String entityName();

    /**
     * The {@code meta-type} key: {@code command}, {@code event}, {@code builtin}, {@code enum},
     * {@code array}, {@code object} or {@code alternate}.
     */
    String metaType();

    /** The condition of the described entity (arrays: the element's), or null. */
    IfCond ifCond();

    /** The entity's own features (the {@code features} key, omitted when empty). */
    default List<Feature> features() {
        return List.of();
    }

    /** A command: {@code arg-type}, {@code ret-type}, [{@code allow-oob}], name, meta-type. */
    record CommandInfo(
            String name, IfCond ifCond, List<Feature> features, String argType, String retType, boolean allowOob)
            implements SchemaInfo {
        public CommandInfo {
            features = List.copyOf(features);
        }

        @Override
        public String entityName() {
            return name;
        }

        @Override
        public String metaType() {
            return "command";
        }
    }

    /** An event: {@code arg-type}, name, meta-type. */
    record EventInfo(String name, IfCond ifCond, List<Feature> features, String argType) implements SchemaInfo {
        public EventInfo {
            features = List.copyOf(features);
        }

        @Override
        public String entityName() {
            return name;
        }

        @Override
        public String metaType() {
            return "event";
        }
    }

    /** A built-in type (never masked): {@code json-type}, name, meta-type. */
    record BuiltinInfo(String name, String jsonType) implements SchemaInfo {
        @Override
        public String entityName() {
            return name;
        }

        @Override
        public String metaType() {
            return "builtin";
        }

        @Override
        public IfCond ifCond() {
            return null;
        }
    }

    /**
     * An enum: {@code members} (value name and features), then the deprecated {@code values}
     * (value names only), name, meta-type.
     */
    record EnumInfo(String name, String entityName, IfCond ifCond, List<Feature> features, List<EnumValue> members)
            implements SchemaInfo {
        public EnumInfo {
            features = List.copyOf(features);
            members = List.copyOf(members);
        }

        @Override
        public String metaType() {
            return "enum";
        }
    }

    /** An array: {@code element-type}, and the name {@code [element-type]} (never masked). */
    record ArrayInfo(String entityName, IfCond ifCond, String elementType) implements SchemaInfo {
        @Override
        public String name() {
            return "[".concat(elementType).concat("]");
        }

        @Override
        public String metaType() {
            return "array";
        }
    }

    /**
     * A struct, union or implicit object type: all {@code members} (base members first), and for
     * unions {@code tag} and every {@code variants} entry (implicit branches included).
     *
     * @param tag the discriminator member name, or null for structs
     * @param variants the branches; empty for structs
     */
    record ObjectInfo(
            String name,
            String entityName,
            IfCond ifCond,
            List<Feature> features,
            List<MemberInfo> members,
            String tag,
            List<VariantInfo> variants)
            implements SchemaInfo {
        public ObjectInfo {
            features = List.copyOf(features);
            members = List.copyOf(members);
            variants = List.copyOf(variants);
        }

        @Override
        public String metaType() {
            return "object";
        }
    }

    /** An alternate: one {@code members} entry per branch, holding only its type. */
    record AlternateInfo(
            String name, String entityName, IfCond ifCond, List<Feature> features, List<AlternateMemberInfo> members)
            implements SchemaInfo {
        public AlternateInfo {
            features = List.copyOf(features);
            members = List.copyOf(members);
        }

        @Override
        public String metaType() {
            return "alternate";
        }
    }

    /**
     * An object member: {@code name}, {@code type}, {@code "default": null} when optional,
     * {@code features}.
     */
    record MemberInfo(String name, String type, boolean optional, IfCond ifCond, List<Feature> features) {
        public MemberInfo {
            features = List.copyOf(features);
        }
    }

    /** A union variant: {@code case} (the branch name) and {@code type}. */
    record VariantInfo(String caseName, String type, IfCond ifCond) {}

    /** An alternate member: only {@code type}; branch names and the tag are not shown. */
    record AlternateMemberInfo(String type, IfCond ifCond) {}
}
