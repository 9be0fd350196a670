package dev.qapidoc.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entities of a load in definition order with their index by name: P3 (SchemaBuilder) adds
 * to it and P4 (SchemaChecker) looks up and replaces entries in the same table.
 */
final class EntityTable {
    final List<Entity> entities = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    /** Appends {@code e} and indexes it by name (a later entity of the same name wins the index). */
    void add(Entity e) {
        index.put(e.name(), entities.size());
        entities.add(e);
    }

    Entity lookup(String name) {
        Integer i = index.get(name);
        return i == null ? null : entities.get(i);
    }

    Entity lookupType(String name) {
        Entity e = lookup(name);
        return e != null && e.isType() ? e : null;
    }

    /** Replaces the entity of {@code e}'s name by {@code e}. */
    void replace(Entity e) {
        entities.set(index.get(e.name()), e);
    }
}
