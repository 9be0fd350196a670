package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked QAPI schema (schema-language.md §10): every entity in creation order and by name,
 * the modules in registry order, the doc comments in doc order and the final pragmas.
 *
 * <p>Immutable. After a load with errors it may be partial (see {@link LoadResult}).
 */
public final class Schema {
    private final List<Entity> entities;
    private final Map<String, Entity> byName;
    private final List<Module> modules;
    /** Keyed by identity: entities are records, whose equals and hashCode would walk them deeply. */
    private final IdentityHashMap<Entity, String> moduleOf;

    private final List<Doc> docs;
    private final Pragmas pragmas;
    private final boolean legacy;

    Schema(List<Entity> entities, List<Module> modules, List<Doc> docs, Pragmas pragmas) {
        this(entities, modules, docs, pragmas, false);
    }

    private Schema(List<Entity> entities, List<Module> modules, List<Doc> docs, Pragmas pragmas, boolean legacy) {
        this.legacy = legacy;
        this.entities = List.copyOf(entities);
        this.modules = List.copyOf(modules);
        this.docs = List.copyOf(docs);
        this.pragmas = pragmas;
        Map<String, Entity> m = new LinkedHashMap<>();
        for (Entity e : this.entities) {
            if (!(e instanceof Include)) {
                m.putIfAbsent(e.name(), e);
            }
        }
        this.byName = m;
        IdentityHashMap<Entity, String> mo = new IdentityHashMap<>();
        for (Module mod : this.modules) {
            for (Entity e : mod.entities()) {
                mo.put(e, mod.name());
            }
        }
        this.moduleOf = mo;
    }

    /** The same schema, marked as one that only tolerant mode accepts (see {@link #legacy()}). */
    Schema asLegacy() {
        return new Schema(entities, modules, docs, pragmas, true);
    }

    /**
     * True when the load had to relax today's rules (tolerant mode, schema-language.md Appendix
     * A): today's QEMU rejects this schema, so its {@code qapi-doc} directive has no output for
     * it to match, and the reST writer may follow the model where QEMU's output does not (a
     * definition's module, see {@code RstWriter}). False for every schema today's QEMU accepts.
     */
    public boolean legacy() {
        return legacy;
    }

    /** All entities (includes too) in creation order (§10.2, §10.3). */
    public List<Entity> entities() {
        return entities;
    }

    /** Modules in registry order (§12.2), each with its entities in module order. */
    public List<Module> modules() {
        return modules;
    }

    /** Doc comments in global doc order (§5.3). */
    public List<Doc> docs() {
        return docs;
    }

    public Pragmas pragmas() {
        return pragmas;
    }

    /** The entity called {@code name} (types, commands, events share one name space). */
    public Optional<Entity> entity(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The entity called {@code name} if it is a type, else empty. */
    public Optional<Entity> type(String name) {
        Entity e = byName.get(name);
        return e != null && e.isType() ? Optional.of(e) : Optional.empty();
    }

    /** The object type called {@code name}, if it is one. */
    public Optional<ObjectType> objectType(String name) {
        return byName.get(name) instanceof ObjectType o ? Optional.of(o) : Optional.empty();
    }

    /** The module an entity was assigned to (§12.3), e.g. {@code ./builtin} or {@code block.json}. */
    public String moduleOf(Entity e) {
        String m = moduleOf.get(e);
        if (m == null && e != null && !(e instanceof Include)) {
            Entity same = byName.get(e.name());
            m = same == null ? null : moduleOf.get(same);
        }
        return m;
    }

    /**
     * All members of an object type, base members first (recursively), then local ones (§11.5
     * step 6). Cycles (which only exist in a failed load) are cut.
     */
    public List<Member> allMembers(ObjectType t) {
        List<ObjectType> chain = new ArrayList<>();
        ObjectType cur = t;
        // Identity, not contains(): records compare deeply, and a base cycle is the same object.
        while (cur != null && !containsSame(chain, cur) && chain.size() < 1000) {
            chain.add(cur);
            cur = cur.base() == null ? null : objectType(cur.base()).orElse(null);
        }
        List<Member> all = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            all.addAll(chain.get(i).localMembers());
        }
        return all;
    }

    @SuppressWarnings("ReferenceEquality") // cycle detection: a base cycle revisits the same object
    private static boolean containsSame(List<ObjectType> chain, ObjectType t) {
        for (ObjectType c : chain) {
            if (c == t) {
                return true;
            }
        }
        return false;
    }

    /** Members inherited from the base chain only (not the local ones). */
    public List<Member> inheritedMembers(ObjectType t) {
        List<Member> all = allMembers(t);
        return all.subList(0, all.size() - t.localMembers().size());
    }

    /** The type a member, branch or argument refers to, if it resolves. */
    public Optional<Entity> typeOf(Member m) {
        return type(m.type());
    }

    /** The discriminator member of a union (searched among all members), if any. */
    public Optional<Member> tagMember(ObjectType union) {
        if (union.branches() == null) {
            return Optional.empty();
        }
        String tag = union.branches().tagName();
        return allMembers(union).stream().filter(m -> m.name().equals(tag)).findFirst();
    }

    /** The module called {@code name} ({@code ./builtin}, {@code block-core.json}, ...). */
    public Optional<Module> module(String name) {
        for (Module m : modules) {
            if (m.name().equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The argument type of a command or event, if it has one and it is an object type (it is,
     * after a successful load). Implicit ({@code q_obj_NAME-arg}) when {@code data} was inline.
     */
    public Optional<ObjectType> argType(Entity commandOrEvent) {
        String name = commandOrEvent instanceof Command c
                ? c.argType()
                : commandOrEvent instanceof Event e ? e.argType() : null;
        return name == null ? Optional.empty() : objectType(name);
    }

    /** All argument members of a command or event (base members first); empty without data. */
    public List<Member> arguments(Entity commandOrEvent) {
        return argType(commandOrEvent).map(this::allMembers).orElse(List.of());
    }

    /** Convenience: entities of one kind, in creation order. */
    public <T extends Entity> List<T> entitiesOf(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (Entity e : entities) {
            if (kind.isInstance(e)) {
                out.add(kind.cast(e));
            }
        }
        return out;
    }
}
