package dev.qapidoc.introspect;

import dev.qapidoc.introspect.SchemaInfo.AlternateInfo;
import dev.qapidoc.introspect.SchemaInfo.AlternateMemberInfo;
import dev.qapidoc.introspect.SchemaInfo.ArrayInfo;
import dev.qapidoc.introspect.SchemaInfo.BuiltinInfo;
import dev.qapidoc.introspect.SchemaInfo.CommandInfo;
import dev.qapidoc.introspect.SchemaInfo.EnumInfo;
import dev.qapidoc.introspect.SchemaInfo.EventInfo;
import dev.qapidoc.introspect.SchemaInfo.MemberInfo;
import dev.qapidoc.introspect.SchemaInfo.ObjectInfo;
import dev.qapidoc.introspect.SchemaInfo.VariantInfo;
import dev.qapidoc.schema.AlternateType;
import dev.qapidoc.schema.ArrayType;
import dev.qapidoc.schema.BuiltinType;
import dev.qapidoc.schema.Command;
import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.EnumType;
import dev.qapidoc.schema.Event;
import dev.qapidoc.schema.Include;
import dev.qapidoc.schema.Member;
import dev.qapidoc.schema.Module;
import dev.qapidoc.schema.ObjectType;
import dev.qapidoc.schema.Schema;
import dev.qapidoc.schema.SchemaVisitor;
import dev.qapidoc.schema.Variant;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the data QMP's {@code query-qmp-schema} returns for a schema (schema-language.md §16),
 * every {@code if} taken as true, and writes it as JSON.
 *
 * <pre>{@code
 * List<SchemaInfo> infos = Introspector.introspect(loadResult.schema(), false);
 * Introspector.writeJson(infos, System.out);
 * }</pre>
 *
 * <p>The order is QEMU's: commands and events in dump order, then every type in the order it was
 * first used, a work list that grows while it is walked (§16.1). Masking numbers names in that
 * same first-use order, so the order of {@code use()} calls within one element is part of the
 * interface (§16.2, §16.3) and the code below follows the key order exactly.
 */
public final class Introspector {
    /** The canonical empty object, used for absent arguments and return types (§10.2, §16.2). */
    private static final String EMPTY = "q_empty";

    private final Schema schema;
    private final boolean unmask;
    /** The type work list in first-use order; it grows while {@link #run} walks it. */
    private final List<Entity> work = new ArrayList<>();

    private final Set<String> queued = new HashSet<>();
    private final Map<String, String> masks = new HashMap<>();

    private Introspector(Schema schema, boolean unmask) {
        this.schema = schema;
        this.unmask = unmask;
    }

    /**
     * The SchemaInfo list of a successfully loaded schema.
     *
     * @param unmask true to name types by their real names (QEMU's {@code qapi-gen -u}) instead
     *     of numbers
     * @throws IllegalArgumentException if a type reference does not resolve, which only happens
     *     for a schema that failed to load
     */
    public static List<SchemaInfo> introspect(Schema schema, boolean unmask) {
        return new Introspector(schema, unmask).run();
    }

    /**
     * Writes {@code infos} as Python's {@code json.dumps(value, indent=1)} would, plus a final
     * newline (§16.5), in UTF-8 (pure ASCII in practice). Conditions are dropped. Does not close
     * {@code out}.
     */
    public static void writeJson(List<SchemaInfo> infos, OutputStream out) throws IOException {
        JsonOutput.write(infos, out);
    }

    private List<SchemaInfo> run() {
        List<SchemaInfo> out = new ArrayList<>();
        // §16.1 (1): commands and events in dump order: modules in registry order.
        for (Module m : schema.modules()) {
            for (Entity e : m.entities()) {
                if (e instanceof Command c) {
                    out.add(command(c));
                } else if (e instanceof Event ev) {
                    out.add(event(ev));
                }
            }
        }
        // §16.1 (2): used types; visiting one may append more, so index rather than iterate.
        for (int i = 0; i < work.size(); i++) {
            out.add(type(work.get(i)));
        }
        return out;
    }

    private CommandInfo command(Command c) {
        String arg = use(c.argType() != null ? c.argType() : EMPTY);
        String ret = use(c.returnType() != null ? c.returnType() : EMPTY);
        return new CommandInfo(
                c.name(), c.ifCond(), c.features(), arg, ret, c.flags().allowOob());
    }

    private EventInfo event(Event e) {
        return new EventInfo(e.name(), e.ifCond(), e.features(), use(e.argType() != null ? e.argType() : EMPTY));
    }

    /**
     * The SchemaInfo of a used type. A visitor rather than an instanceof chain, so that a new
     * entity kind fails to compile here instead of falling through.
     */
    private SchemaInfo type(Entity t) {
        return t.accept(new SchemaVisitor<SchemaInfo>() {
            @Override
            public SchemaInfo builtin(BuiltinType b) {
                return new BuiltinInfo(b.name(), b.jsonType());
            }

            @Override
            public SchemaInfo enumType(EnumType en) {
                return new EnumInfo(mask(en.name()), en.name(), en.ifCond(), en.features(), en.values());
            }

            @Override
            public SchemaInfo arrayType(ArrayType a) {
                return new ArrayInfo(a.name(), a.ifCond(), use(a.elementType()));
            }

            @Override
            public SchemaInfo objectType(ObjectType o) {
                return object(o);
            }

            @Override
            public SchemaInfo alternateType(AlternateType alt) {
                List<AlternateMemberInfo> members = new ArrayList<>();
                for (Variant v : alt.variants()) {
                    members.add(new AlternateMemberInfo(use(v.type()), v.ifCond()));
                }
                return new AlternateInfo(mask(alt.name()), alt.name(), alt.ifCond(), alt.features(), members);
            }

            @Override
            public SchemaInfo command(Command c) {
                throw notAType(c);
            }

            @Override
            public SchemaInfo event(Event e) {
                throw notAType(e);
            }

            @Override
            public SchemaInfo include(Include i) {
                throw notAType(i);
            }
        });
    }

    /** Only types reach the work list ({@link #resolve} returns types only). */
    private static IllegalArgumentException notAType(Entity e) {
        return new IllegalArgumentException("not a type: " + e.describe());
    }

    private ObjectInfo object(ObjectType o) {
        // Key order is use() order (§16.3): all members (base first), then the variants.
        List<MemberInfo> members = new ArrayList<>();
        for (Member m : allMembers(o)) {
            members.add(new MemberInfo(m.name(), use(m.type()), m.optional(), m.ifCond(), m.features()));
        }
        String tag = null;
        List<VariantInfo> variants = new ArrayList<>();
        if (o.branches() != null) {
            tag = o.branches().tagName();
            for (Variant v : o.branches().variants()) {
                variants.add(new VariantInfo(v.name(), use(v.type()), v.ifCond()));
            }
        }
        // The name is masked after the members' types: masks are numbered at first use, and a
        // type queued on the work list was already masked when it was used.
        return new ObjectInfo(mask(o.name()), o.name(), o.ifCond(), o.features(), members, tag, variants);
    }

    /**
     * All members, base members first (§16.3). Same result as {@link Schema#allMembers}, which
     * detects base cycles with record {@code equals}: that compares whole records deeply and, on
     * its first call, bootstraps the record equality methods, ~80 ms of a ~0.5 s run. A checked
     * schema has no cycles; the name set only keeps this loop finite regardless.
     */
    private List<Member> allMembers(ObjectType t) {
        if (t.base() == null) {
            return t.localMembers();
        }
        List<ObjectType> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ObjectType cur = t;
                cur != null && seen.add(cur.name());
                cur = cur.base() == null ? null : schema.objectType(cur.base()).orElse(null)) {
            chain.add(cur);
        }
        List<Member> all = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            all.addAll(chain.get(i).localMembers());
        }
        return all;
    }

    /**
     * {@code use(T)} of §16.2: queues the type and returns the string naming it. Written as a loop
     * over the element chain (an array is queued before its element) so that a long chain of
     * arrays of arrays cannot exhaust the stack.
     */
    private String use(String typeName) {
        int depth = 0;
        Entity t = resolve(typeName);
        String base;
        while (true) {
            t = widenInt(t);
            if (queued.add(t.name())) {
                work.add(t);
            }
            if (t instanceof ArrayType a) {
                depth++;
                t = resolve(a.elementType());
            } else {
                base = t instanceof BuiltinType ? t.name() : mask(t.name());
                break;
            }
        }
        if (depth == 0) {
            return base;
        }
        StringBuilder sb = new StringBuilder(base.length() + 2 * depth);
        sb.append("[".repeat(depth)).append(base).append("]".repeat(depth));
        return sb.toString();
    }

    /** Integer built-ins all introspect as {@code int}, their arrays as {@code intList} (§16.2). */
    private Entity widenInt(Entity t) {
        if (isInt(t)) {
            return resolve("int");
        }
        if (t instanceof ArrayType a && isInt(resolve(a.elementType()))) {
            return resolve("intList");
        }
        return t;
    }

    private static boolean isInt(Entity t) {
        return t instanceof BuiltinType b && b.jsonType().equals("int");
    }

    private Entity resolve(String name) {
        Optional<Entity> t = schema.type(name);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("unknown type '" + name + "'");
        }
        return t.get();
    }

    /** {@code mask(n)} of §16.2: the name itself, or its first-use number. */
    private String mask(String name) {
        if (unmask) {
            return name;
        }
        String m = masks.get(name);
        if (m == null) {
            m = Integer.toString(masks.size());
            masks.put(name, m);
        }
        return m;
    }
}
