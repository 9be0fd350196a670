package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.QapiException;
import dev.qapidoc.source.RuleId;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phase P4 (schema-language.md §11): the semantic checks of the entities P3 built (name
 * resolution, clashes, bases, branches, alternates, arguments and returns) and the binding of
 * their docs (§11.9). Split from {@link SchemaBuilder}, which owns the entity table and shares
 * it with this class for the duration of one build.
 *
 * <p>QEMU stops at the first error. Here an entity that fails is marked failed and the next one
 * is checked; users of a failed entity fail silently, so every reported error is independent and
 * the first one is exactly QEMU's.
 */
final class SchemaChecker {
    /** Thrown to abandon a check whose cause was already reported elsewhere. */
    private static final class Silent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Silent() {
            super(null, null, false, false);
        }
    }

    private enum State {
        CHECKING,
        DONE,
        FAILED
    }

    private final Contexts contexts;
    private final Pragmas pragmas;
    private final Set<String> failedNames;
    private final Tolerance tolerance;
    private final EntityTable table;
    private final List<Entity> entities;
    private final Map<String, State> state = new HashMap<>();

    /**
     * How deep object checks may nest through {@code base} and union branches (QEMU's schemas
     * nest a few levels): deeper gets a diagnostic at the definition where the limit is exceeded.
     */
    static final int MAX_TYPE_NESTING = 100;

    private int objectNesting;

    /** {@code table} is the builder's table; checks replace entries. */
    SchemaChecker(Contexts contexts, Pragmas pragmas, Set<String> failedNames, Tolerance tolerance, EntityTable table) {
        this.contexts = contexts;
        this.pragmas = pragmas;
        this.failedNames = failedNames;
        this.tolerance = tolerance;
        this.table = table;
        this.entities = table.entities;
    }

    // ---- P4: checks (§11) ----

    private QapiException error(SourceLocation loc, String msg) {
        return new QapiException(contexts.error(loc, msg));
    }

    /**
     * Checks every entity in order (§11); a failing one is reported and marked failed (its users
     * then fail silently). Either way its doc is connected to the members it declares, so a
     * doc problem is reported whether or not the definition, or one it uses, failed.
     */
    void checkAll() {
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            if (e instanceof Include) {
                continue;
            }
            boolean ok;
            try {
                ok = check(e);
            } catch (QapiException ex) {
                contexts.sink.add(ex.diagnostic());
                ok = false;
            } catch (Silent s) {
                ok = false;
            }
            if (!ok) {
                state.put(e.name(), State.FAILED);
            }
            // Bound even when the check failed: the doc describes the members the definition
            // declares, which are known whatever went wrong with their types or bases.
            Entity now = entities.get(i);
            if (now.doc() != null) {
                connectDoc(now);
            }
        }
    }

    private boolean check(Entity e) {
        if (e instanceof ObjectType o) {
            checkObject(o);
        } else if (e instanceof EnumType t) {
            checkEnum(t);
        } else if (e instanceof ArrayType a) {
            checkArray(a);
        } else if (e instanceof AlternateType a) {
            checkAlternate(a);
        } else if (e instanceof Command c) {
            checkCommand(c);
        } else if (e instanceof Event ev) {
            checkEvent(ev);
        }
        return true;
    }

    /** §11.1; a name whose definition failed earlier aborts silently. */
    private Entity resolve(String name, SourceLocation loc, String what) {
        return resolve(name, loc, what, null, null, null);
    }

    /**
     * §11.1 for a member or branch: {@code what} is {@code describe(role, mname, definedIn)},
     * built only when the lookup fails (it is on the path of every member).
     */
    private Entity resolve(String name, SourceLocation loc, String what, String role, String mname, String definedIn) {
        Entity t = table.lookupType(name);
        if (t == null) {
            if (failedNames.contains(name)
                    || (name.endsWith("List") && failedNames.contains(name.substring(0, name.length() - 4)))) {
                throw new Silent();
            }
            if (what == null) {
                what = describe(role, mname, definedIn, loc);
            }
            throw error(loc, what + " uses unknown type '" + name + "'");
        }
        if (state.get(name) == State.FAILED) {
            throw new Silent();
        }
        return t;
    }

    /** §11.2 {@code describe(m, L)}. */
    private String describe(String role, String name, String definedIn, SourceLocation l) {
        String meta = "type";
        String owner = definedIn;
        if (owner.startsWith("q_obj_")) {
            owner = owner.substring(6);
            if (owner.endsWith("-arg")) {
                owner = owner.substring(0, owner.length() - 4);
                role = "parameter";
                meta = "command";
            } else if (owner.endsWith("-base")) {
                owner = owner.substring(0, owner.length() - 5);
                role = "base " + role;
            }
        }
        if (!owner.equals(contexts.name(l))) {
            return role + " '" + name + "' of " + meta + " '" + owner + "'";
        }
        return role + " '" + name + "'";
    }

    /** A clash-map entry: the role, name and owner of what was seen. */
    private record Seen(String role, String name, String definedIn) {}

    /** §11.3. */
    private void clash(String role, String name, String definedIn, Map<String, Seen> seen, SourceLocation l) {
        String key = Names.cName(name, true);
        Seen other = seen.get(key);
        if (other != null) {
            throw error(
                    l,
                    describe(role, name, definedIn, l) + " collides with "
                            + describe(other.role(), other.name(), other.definedIn(), l));
        }
        seen.put(key, new Seen(role, name, definedIn));
    }

    /** §11.4. */
    private void checkDefinitionFeatures(Entity e) {
        Map<String, Seen> seen = new HashMap<>();
        for (Feature f : e.features()) {
            clash("feature", f.name(), f.definedIn(), seen, e.location());
        }
        if (e.isType()) {
            for (Feature f : e.features()) {
                if (f.isSpecial()) {
                    throw error(e.location(), "feature '" + f.name() + "' is not supported for types");
                }
            }
        }
    }

    private void checkEnum(EnumType t) {
        checkDefinitionFeatures(t);
        Map<String, Seen> seen = new HashMap<>();
        for (EnumValue v : t.values()) {
            clash("value", v.name(), v.definedIn(), seen, t.location());
        }
    }

    private void checkArray(ArrayType a) {
        if (a.location() == null) {
            return;
        }
        Entity el = resolve(a.elementType(), a.location(), contexts.meta(a.location()));
        if (el instanceof ArrayType) {
            // QEMU asserts here (§2.5); report a diagnostic instead.
            throw error(
                    a.location(),
                    contexts.meta(a.location()) + " uses array type '" + el.name()
                            + "' as array element, which is not supported");
        }
        if (el.ifCond() != null) {
            table.replace(new ArrayType(a.name(), a.location(), a.elementType(), el.ifCond()));
        }
    }

    /** §11.5 object types; returns the checked (possibly updated) record. */
    private ObjectType checkObject(ObjectType t) {
        State st = state.get(t.name());
        if (st == State.DONE && table.lookup(t.name()) instanceof ObjectType done) {
            return done;
        }
        if (st == State.FAILED) {
            throw new Silent();
        }
        if (st == State.CHECKING) {
            throw error(t.location(), "object " + t.name() + " contains itself");
        }
        if (objectNesting >= MAX_TYPE_NESTING) {
            // each level is a check on the stack, and later stages walk the same chain
            throw error(t.location(), "'base' and branch types nest deeper than " + MAX_TYPE_NESTING + " levels");
        }
        state.put(t.name(), State.CHECKING);
        objectNesting++;
        try {
            checkDefinitionFeatures(t);
            Map<String, Seen> seen = new LinkedHashMap<>();
            List<Member> all = new ArrayList<>();
            if (t.base() != null) {
                Entity b = resolve(t.base(), t.location(), "'base'");
                if (!(b instanceof ObjectType ob) || ob.isUnion()) {
                    throw error(t.location(), "'base' requires a struct type, " + b.describe() + " isn't");
                }
                checkObject(ob);
                for (Member m : allMembersOf(ob)) {
                    clash("member", m.name(), m.definedIn(), seen, t.location());
                    all.add(m);
                }
            }
            for (Member m : t.localMembers()) {
                resolve(m.type(), m.location(), null, "member", m.name(), m.definedIn());
                Map<String, Seen> fseen = new HashMap<>();
                for (Feature f : m.features()) {
                    clash("feature", f.name(), f.definedIn(), fseen, m.location());
                }
                clash("member", m.name(), m.definedIn(), seen, t.location());
                all.add(m);
            }
            ObjectType result = t;
            if (t.isUnion()) {
                result = checkBranches(t, all, seen);
                table.replace(result);
            }
            state.put(t.name(), State.DONE);
            return result;
        } catch (RuntimeException ex) {
            state.put(t.name(), State.FAILED);
            throw ex;
        } finally {
            objectNesting--;
        }
    }

    private List<Member> allMembersOf(ObjectType t) {
        List<Member> all = new ArrayList<>();
        List<ObjectType> chain = new ArrayList<>();
        ObjectType cur = t;
        while (cur != null && chain.size() <= entities.size()) {
            chain.add(cur);
            cur = cur.base() == null ? null : table.lookup(cur.base()) instanceof ObjectType b ? b : null;
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            all.addAll(chain.get(i).localMembers());
        }
        return all;
    }

    /** §11.6. */
    private ObjectType checkBranches(ObjectType t, List<Member> all, Map<String, Seen> seen) {
        SourceLocation loc = t.location();
        String d = t.branches().tagName();
        Seen tagSeen = seen.get(Names.cName(d, true));
        if (tagSeen == null || !tagSeen.name().equals(d)) {
            throw error(loc, "discriminator '" + d + "' is not a member of 'base'");
        }
        Member tag = null;
        for (Member m : all) {
            if (m.name().equals(d)) {
                tag = m;
            }
        }
        String where = tag.definedIn().startsWith("q_") ? "'base'" : "base type '" + tag.definedIn() + "'";
        Entity tagType = table.lookupType(tag.type());
        if (!(tagType instanceof EnumType en)) {
            throw error(loc, "discriminator member '" + d + "' of " + where + " must be of enum type");
        }
        if (tag.optional()) {
            throw error(loc, "discriminator member '" + d + "' of " + where + " must not be optional");
        }
        if (tag.ifCond() != null) {
            throw error(loc, "discriminator member '" + d + "' of " + where + " must not be conditional");
        }
        List<Variant> variants = new ArrayList<>(t.branches().variants());
        Set<String> explicit = new HashSet<>();
        for (Variant v : variants) {
            explicit.add(v.name());
        }
        for (EnumValue v : en.values()) {
            if (!explicit.contains(v.name())) {
                variants.add(new Variant(v.name(), "q_empty", v.ifCond(), tag.definedIn(), loc, true));
            }
        }
        if (variants.isEmpty()) {
            throw error(loc, "union has no branches");
        }
        Set<String> values = new HashSet<>();
        for (EnumValue v : en.values()) {
            values.add(v.name());
        }
        List<ObjectType> branchTypes = new ArrayList<>();
        for (Variant b : variants) {
            Entity bt = resolve(b.type(), loc, null, "branch", b.name(), b.definedIn());
            if (!values.contains(b.name())) {
                throw error(loc, "branch '" + b.name() + "' is not a value of " + en.describe());
            }
            if (!(bt instanceof ObjectType bo)) {
                throw error(loc, "branch '" + b.name() + "' cannot use " + bt.describe());
            }
            branchTypes.add(checkObject(bo));
        }
        for (ObjectType bt : branchTypes) {
            clashBranch(bt, new LinkedHashMap<>(seen), loc, 0);
        }
        return new ObjectType(
                t.name(),
                t.location(),
                t.doc(),
                t.ifCond(),
                t.features(),
                t.base(),
                t.localMembers(),
                new ObjectType.Branches(d, variants));
    }

    private void clashBranch(ObjectType bt, Map<String, Seen> seen, SourceLocation loc, int depth) {
        for (Member m : allMembersOf(bt)) {
            clash("member", m.name(), m.definedIn(), seen, loc);
        }
        if (table.lookup(bt.name()) instanceof ObjectType cur && cur.isUnion() && depth < 100) {
            for (Variant v : cur.branches().variants()) {
                if (table.lookup(v.type()) instanceof ObjectType vo) {
                    clashBranch(vo, new LinkedHashMap<>(seen), loc, depth + 1);
                }
            }
        }
    }

    private enum JsonCat {
        NULL,
        STRING,
        NUMBER,
        BOOL,
        LIST,
        OBJECT
    }

    /** §11.7. */
    private void checkAlternate(AlternateType a) {
        checkDefinitionFeatures(a);
        SourceLocation loc = a.location();
        Member tag = a.tagMember();
        resolve(tag.type(), loc, null, "member", tag.name(), tag.definedIn());
        List<Entity> types = new ArrayList<>();
        for (Variant v : a.variants()) {
            types.add(resolve(v.type(), loc, null, "branch", v.name(), v.definedIn()));
        }
        Map<String, Seen> seen = new HashMap<>();
        Map<JsonCat, String> claimed = new HashMap<>();
        for (int i = 0; i < a.variants().size(); i++) {
            Variant v = a.variants().get(i);
            Entity t = types.get(i);
            clash("branch", v.name(), v.definedIn(), seen, loc);
            JsonCat cat = category(t);
            if (cat == null) {
                throw error(loc, "branch '" + v.name() + "' cannot use " + t.describe());
            }
            List<JsonCat> conflicting = new ArrayList<>();
            conflicting.add(cat);
            if (cat == JsonCat.STRING) {
                EnumSet<JsonCat> extra = EnumSet.noneOf(JsonCat.class);
                if (t instanceof EnumType en) {
                    for (EnumValue ev : en.values()) {
                        String n = ev.name();
                        if (n.equals("on") || n.equals("off")) {
                            extra.add(JsonCat.BOOL);
                        }
                        if (!n.isEmpty() && "-+.0123456789".indexOf(n.charAt(0)) >= 0) {
                            extra.add(JsonCat.NUMBER);
                        }
                    }
                } else {
                    extra.add(JsonCat.NUMBER);
                    extra.add(JsonCat.BOOL);
                }
                if (extra.contains(JsonCat.NUMBER)) {
                    conflicting.add(JsonCat.NUMBER);
                }
                if (extra.contains(JsonCat.BOOL)) {
                    conflicting.add(JsonCat.BOOL);
                }
            }
            for (JsonCat c : conflicting) {
                String earlier = claimed.get(c);
                if (earlier != null) {
                    throw error(loc, "branch '" + v.name() + "' can't be distinguished from '" + earlier + "'");
                }
                claimed.put(c, v.name());
            }
        }
    }

    private static JsonCat category(Entity t) {
        if (t instanceof BuiltinType b) {
            return switch (b.jsonType()) {
                case "null" -> JsonCat.NULL;
                case "string" -> JsonCat.STRING;
                case "number", "int" -> JsonCat.NUMBER;
                case "boolean" -> JsonCat.BOOL;
                default -> null;
            };
        }
        if (t instanceof EnumType) {
            return JsonCat.STRING;
        }
        if (t instanceof ArrayType) {
            return JsonCat.LIST;
        }
        if (t instanceof ObjectType) {
            return JsonCat.OBJECT;
        }
        return null;
    }

    /** §11.8 step 2 for commands and events. */
    private void checkArgs(String kind, String argType, boolean boxed, SourceLocation loc) {
        if (argType == null) {
            return;
        }
        Entity a = resolve(argType, loc, kind + "'s 'data'");
        if (boxed && a instanceof AlternateType && tolerance.on()) {
            // Appendix A R7: 2.10 allowed a boxed alternate
            contexts.sink.add(Tolerance.warning(
                    contexts.error(loc, kind + "'s 'data' cannot take " + a.describe()),
                    RuleId.LEGACY_BOXED_ALTERNATE));
            return;
        }
        if (!(a instanceof ObjectType ao)) {
            throw error(loc, kind + "'s 'data' cannot take " + a.describe());
        }
        if (ao.isUnion() && !boxed) {
            throw error(loc, kind + "'s 'data' can take " + a.describe() + " only with 'boxed': true");
        }
        ObjectType checked = checkObject(ao);
        if (!boxed) {
            for (Member m : allMembersOf(checked)) {
                if (m.ifCond() != null && tolerance.on()) {
                    // Appendix A R8: required only since QEMU 8.1
                    contexts.sink.add(Tolerance.warning(
                            contexts.error(loc, "conditional " + kind + " arguments require 'boxed': true"),
                            RuleId.LEGACY_CONDITIONAL_ARGS));
                    break;
                }
                if (m.ifCond() != null) {
                    throw error(loc, "conditional " + kind + " arguments require 'boxed': true");
                }
            }
        }
    }

    private void checkCommand(Command c) {
        checkDefinitionFeatures(c);
        checkArgs("command", c.argType(), c.boxed(), c.location());
        if (c.returnType() != null) {
            Entity r = resolve(c.returnType(), c.location(), "command's 'returns'");
            if (!pragmas.commandReturnsExceptions().contains(c.name())) {
                Entity el = r instanceof ArrayType at ? table.lookupType(at.elementType()) : r;
                if (el != null && !(el instanceof ObjectType)) {
                    throw error(c.location(), "command's 'returns' cannot take " + r.describe());
                }
            }
        }
    }

    private void checkEvent(Event e) {
        checkDefinitionFeatures(e);
        checkArgs("event", e.argType(), e.boxed(), e.location());
    }

    // ---- P4: doc binding (§11.9) ----

    private void connectDoc(Entity e) {
        Doc doc = e.doc();
        SourceLocation loc = e.location();
        String ctx = contexts.get(loc);
        boolean exempt =
                doc.symbol() != null && pragmas.documentationExceptions().contains(doc.symbol());
        for (Feature f : e.features()) {
            doc.connectFeature(f.name(), loc, ctx, contexts.sink);
        }
        if (e instanceof EnumType t) {
            for (EnumValue v : t.values()) {
                doc.connectMember(Doc.Role.VALUE, v.name(), exempt, loc, ctx, contexts.sink);
                for (Feature f : v.features()) {
                    doc.connectFeature(f.name(), loc, ctx, contexts.sink);
                }
            }
        } else if (e instanceof ObjectType o) {
            if (o.base() != null && o.base().startsWith("q_") && table.lookup(o.base()) instanceof ObjectType b) {
                connectMembers(doc, b.localMembers(), exempt, loc, ctx);
            }
            connectMembers(doc, o.localMembers(), exempt, loc, ctx);
        } else if (e instanceof AlternateType a) {
            for (Variant v : a.variants()) {
                doc.connectMember(Doc.Role.BRANCH, v.name(), exempt, loc, ctx, contexts.sink);
            }
        } else if (e instanceof Command c) {
            connectArgs(doc, c.argType(), exempt, loc, ctx);
            if (c.returnType() != null) {
                doc.addReturnsStub(loc);
            }
        } else if (e instanceof Event ev) {
            connectArgs(doc, ev.argType(), exempt, loc, ctx);
        }
    }

    private void connectArgs(Doc doc, String argType, boolean exempt, SourceLocation loc, String ctx) {
        if (argType != null && argType.startsWith("q_") && table.lookup(argType) instanceof ObjectType a) {
            connectMembers(doc, a.localMembers(), exempt, loc, ctx);
        }
    }

    private void connectMembers(Doc doc, List<Member> members, boolean exempt, SourceLocation loc, String ctx) {
        for (Member m : members) {
            doc.connectMember(Doc.Role.MEMBER, m.name(), exempt, loc, ctx, contexts.sink);
            for (Feature f : m.features()) {
                doc.connectFeature(f.name(), loc, ctx, contexts.sink);
            }
        }
    }
}
