package dev.qapidoc.schema;

import java.util.List;

/**
 * A module: {@code ./builtin}, or a schema file named relative to the schema directory
 * (schema-language.md §12).
 *
 * @param name the module name as the dump prints it
 * @param entities its entities in assignment order (§12.3)
 */
public record Module(String name, List<Entity> entities) {
    public Module {
        entities = List.copyOf(entities);
    }

    /** The name of the built-in module. */
    public static final String BUILTIN = "./builtin";

    public boolean isBuiltin() {
        return name.equals(BUILTIN);
    }
}
