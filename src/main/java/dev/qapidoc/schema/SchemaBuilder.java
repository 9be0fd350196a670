package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.schema.Definition.AlternateDef;
import dev.qapidoc.schema.Definition.BranchDef;
import dev.qapidoc.schema.Definition.CommandDef;
import dev.qapidoc.schema.Definition.EnumDef;
import dev.qapidoc.schema.Definition.EventDef;
import dev.qapidoc.schema.Definition.FeatureDef;
import dev.qapidoc.schema.Definition.IncludeDef;
import dev.qapidoc.schema.Definition.MemberDef;
import dev.qapidoc.schema.Definition.Members;
import dev.qapidoc.schema.Definition.SimpleUnionDef;
import dev.qapidoc.schema.Definition.StructDef;
import dev.qapidoc.schema.Definition.TypeRef;
import dev.qapidoc.schema.Definition.UnionDef;
import dev.qapidoc.schema.Definition.ValueDef;
import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.QapiException;
import dev.qapidoc.source.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phases P3–P7 (schema-language.md §10–§12, §5.6, §14.4): builds the entities from the checked
 * expressions, runs the semantic checks and doc binding, assigns modules, checks unlinked doc
 * sections and the feature limit.
 *
 * <p>QEMU stops at the first error. Here an entity that fails is marked failed and the next one
 * is checked; users of a failed entity fail silently, so every reported error is independent and
 * the first one is exactly QEMU's.
 */
final class SchemaBuilder {
    private static final String[][] BUILTINS = {
        {"str", "string"}, {"number", "number"}, {"int", "int"}, {"int8", "int"},
        {"int16", "int"}, {"int32", "int"}, {"int64", "int"}, {"uint8", "int"},
        {"uint16", "int"}, {"uint32", "int"}, {"uint64", "int"}, {"size", "int"},
        {"bool", "boolean"}, {"any", "value"}, {"null", "null"},
    };

    private final Contexts contexts;
    private final Pragmas pragmas;
    private final Set<String> failedNames;
    private final Path workDir;
    private final String rootFile;
    private final Tolerance tolerance;
    /** Wrapper types of simple unions (A.5) and the type each wraps; conditions filled in P4. */
    private final Map<String, String> wrappers = new LinkedHashMap<>();

    private final EntityTable table = new EntityTable();
    private final List<Entity> entities = table.entities;
    private final Map<String, SourceLocation> featureRegistry = new LinkedHashMap<>();

    SchemaBuilder(Contexts contexts, Pragmas pragmas, Set<String> failedNames, Path workDir, String rootFile) {
        this(contexts, pragmas, failedNames, workDir, rootFile, new Tolerance(LoadMode.STRICT));
    }

    SchemaBuilder(
            Contexts contexts,
            Pragmas pragmas,
            Set<String> failedNames,
            Path workDir,
            String rootFile,
            Tolerance tolerance) {
        this.tolerance = tolerance;
        this.contexts = contexts;
        this.pragmas = pragmas;
        this.failedNames = failedNames;
        this.workDir = workDir;
        this.rootFile = rootFile;
    }

    /** Runs P3–P7 and returns the (possibly partial) schema. */
    Schema build(List<Definition> defs, List<Doc> docs, boolean checks, Set<Doc> unbound) {
        definePredefined();
        if (checks) {
            for (Definition e : defs) {
                try {
                    defineExpr(e);
                } catch (QapiException ex) {
                    contexts.sink.add(ex.diagnostic());
                    if (e.doc() != null) {
                        unbound.add(e.doc());
                    }
                }
            }
            conditionWrappers();
            new SchemaChecker(contexts, pragmas, failedNames, tolerance, table).checkAll();
        }
        List<Module> modules = assignModules();
        if (checks) {
            // P6: docs left unbound (their definition is too broken to say what it declares, or
            // failed in P3) were never connected; checking them would only repeat that failure
            // as "does not exist" noise.
            for (Doc d : docs) {
                if (!unbound.contains(d)) {
                    d.checkUnlinked(contexts.sink);
                }
            }
            if (featureRegistry.size() > 64) {
                SourceLocation loc = new ArrayList<>(featureRegistry.values()).get(64);
                contexts.report(loc, "Maximum of 64 schema features is permitted");
            }
        }
        return new Schema(entities, modules, docs, pragmas);
    }

    // ---- P3: construction (§10) ----

    private void define(Entity ent) {
        Entity other = table.lookup(ent.name());
        if (other != null) {
            if (other.location() != null) {
                Diagnostic where = contexts.error(other.location(), "previous definition");
                throw new QapiException(
                        contexts.error(ent.location(), "'" + ent.name() + "' is already defined\n" + where.render()));
            }
            throw new QapiException(contexts.error(ent.location(), other.describe() + " is already defined"));
        }
        table.add(ent);
    }

    private void definePredefined() {
        featureRegistry.put("deprecated", null);
        featureRegistry.put("unstable", null);
        for (String[] b : BUILTINS) {
            define(new BuiltinType(b[0], b[1]));
            define(new ArrayType(b[0] + "List", null, b[0], null));
        }
        define(new ObjectType("q_empty", null, null, null, List.of(), null, List.of(), null));
        List<EnumValue> qtypes = new ArrayList<>();
        for (String v : List.of("none", "qnull", "qnum", "qstring", "qdict", "qlist", "qbool")) {
            qtypes.add(new EnumValue(v, null, List.of(), "QType", null));
        }
        define(new EnumType("QType", null, null, null, List.of(), qtypes, null));
    }

    private List<Feature> makeFeatures(List<FeatureDef> features, String definedIn, SourceLocation loc) {
        List<Feature> out = new ArrayList<>();
        for (FeatureDef f : features) {
            featureRegistry.putIfAbsent(f.name(), loc);
            out.add(new Feature(f.name(), f.ifCond(), definedIn, loc));
        }
        return out;
    }

    private String makeArray(String element, SourceLocation loc) {
        String name = element + "List";
        if (table.lookupType(name) == null) {
            define(new ArrayType(name, loc, element, null));
        }
        return name;
    }

    private String typeRef(TypeRef t, SourceLocation loc) {
        return t.array() ? makeArray(t.name(), loc) : t.name();
    }

    private List<Member> makeMembers(List<MemberDef> data, String owner, SourceLocation loc) {
        List<Member> out = new ArrayList<>();
        for (MemberDef m : data) {
            String type = typeRef(m.type(), loc);
            List<Feature> feats = makeFeatures(m.features(), m.name(), loc);
            out.add(new Member(m.name(), type, m.optional(), m.ifCond(), feats, owner, loc));
        }
        return out;
    }

    /** A named type, or the implicit object {@code q_obj_OWNER-ROLE} (null when empty). */
    private String typeOf(Members m, String owner, String role, IfCond cond, SourceLocation loc) {
        if (m == null || m.typeName() != null) {
            return m == null ? null : m.typeName();
        }
        String name = "q_obj_" + owner + "-" + role;
        List<Member> members = makeMembers(m.inline(), name, loc);
        if (members.isEmpty()) {
            return null;
        }
        if (table.lookup(name) == null) {
            define(new ObjectType(name, loc, null, cond, List.of(), null, members, null));
        }
        return name;
    }

    private void defineExpr(Definition def) {
        SourceLocation loc = def.location();
        if (def instanceof IncludeDef i) {
            entities.add(new Include(moduleName(i.file()), i.file(), loc));
        } else if (def instanceof EnumDef d) {
            List<Feature> feats = makeFeatures(d.features(), d.name(), loc);
            List<EnumValue> values = new ArrayList<>();
            for (ValueDef v : d.values()) {
                values.add(
                        new EnumValue(v.name(), v.ifCond(), makeFeatures(v.features(), v.name(), loc), d.name(), loc));
            }
            define(new EnumType(d.name(), loc, d.doc(), d.ifCond(), feats, values, d.prefix()));
        } else if (def instanceof StructDef d) {
            List<Feature> feats = makeFeatures(d.features(), d.name(), loc);
            List<Member> members = makeMembers(d.members(), d.name(), loc);
            define(new ObjectType(d.name(), loc, d.doc(), d.ifCond(), feats, d.base(), members, null));
        } else if (def instanceof SimpleUnionDef d) {
            defineSimpleUnion(d);
        } else if (def instanceof UnionDef d) {
            List<Feature> feats = makeFeatures(d.features(), d.name(), loc);
            String baseName = typeOf(d.base(), d.name(), "base", d.ifCond(), loc);
            List<Variant> variants = new ArrayList<>();
            for (BranchDef b : d.branches()) {
                variants.add(new Variant(b.name(), b.type().name(), b.ifCond(), d.name(), loc, false));
            }
            define(new ObjectType(
                    d.name(),
                    loc,
                    d.doc(),
                    d.ifCond(),
                    feats,
                    baseName,
                    List.of(),
                    new ObjectType.Branches(d.discriminator(), variants)));
        } else if (def instanceof AlternateDef d) {
            List<Feature> feats = makeFeatures(d.features(), d.name(), loc);
            List<Variant> variants = new ArrayList<>();
            for (BranchDef b : d.branches()) {
                variants.add(new Variant(b.name(), typeRef(b.type(), loc), b.ifCond(), d.name(), loc, false));
            }
            Member tag = new Member("type", "QType", false, null, List.of(), d.name(), loc);
            define(new AlternateType(d.name(), loc, d.doc(), d.ifCond(), feats, tag, variants));
        } else if (def instanceof CommandDef d) {
            List<Feature> feats = makeFeatures(d.features(), d.name(), loc);
            String arg = typeOf(d.data(), d.name(), "arg", d.ifCond(), loc);
            String rets = d.returns() == null ? null : typeRef(d.returns(), loc);
            define(new Command(d.name(), loc, d.doc(), d.ifCond(), feats, arg, rets, d.flags()));
        } else if (def instanceof EventDef d) {
            List<Feature> feats = makeFeatures(d.features(), d.name(), loc);
            String arg = typeOf(d.data(), d.name(), "arg", d.ifCond(), loc);
            define(new Event(d.name(), loc, d.doc(), d.ifCond(), feats, arg, d.boxed()));
        }
    }

    /**
     * Appendix A.5, in this order: a wrapper {@code q_obj_T-wrapper} (one member {@code data}
     * of type T) per distinct branch type unless it exists, the implicit enum {@code UKind} of
     * the branch names, then the union with tag {@code type} of that enum and one branch per
     * name. Everything downstream then sees an ordinary union, as QEMU up to 6.1 did.
     */
    private void defineSimpleUnion(SimpleUnionDef d) {
        String name = d.name();
        SourceLocation loc = d.location();
        List<Feature> feats = makeFeatures(d.features(), name, loc);
        List<Variant> variants = new ArrayList<>();
        List<EnumValue> values = new ArrayList<>();
        String kind = name + "Kind";
        for (BranchDef b : d.branches()) {
            String type = typeRef(b.type(), loc);
            String wrapper = "q_obj_" + type + "-wrapper";
            if (table.lookup(wrapper) == null) {
                Member data = new Member("data", type, false, null, List.of(), wrapper, loc);
                define(new ObjectType(wrapper, loc, null, null, List.of(), null, List.of(data), null));
                wrappers.put(wrapper, type);
            }
            values.add(new EnumValue(b.name(), b.ifCond(), List.of(), kind, loc));
            variants.add(new Variant(b.name(), wrapper, b.ifCond(), name, loc, false));
        }
        define(new EnumType(kind, loc, null, d.ifCond(), List.of(), values, null, true));
        Member tag = new Member("type", kind, false, null, List.of(), name, loc);
        define(new ObjectType(
                name, loc, d.doc(), d.ifCond(), feats, null, List.of(tag), new ObjectType.Branches("type", variants)));
    }

    /** A.5: a wrapper has the wrapped type's condition (an array: its element's). */
    private void conditionWrappers() {
        for (Map.Entry<String, String> w : wrappers.entrySet()) {
            Entity t = table.lookup(w.getValue());
            if (t instanceof ArrayType a) {
                t = table.lookup(a.elementType());
            }
            if (t != null && t.ifCond() != null && table.lookup(w.getKey()) instanceof ObjectType o) {
                table.replace(new ObjectType(
                        o.name(),
                        o.location(),
                        o.doc(),
                        t.ifCond(),
                        o.features(),
                        o.base(),
                        o.localMembers(),
                        o.branches()));
            }
        }
    }

    // ---- P5: modules (§12) ----

    private String schemaDir() {
        return SchemaReader.dirname(rootFile);
    }

    String moduleName(String fname) {
        if (fname.startsWith("./")) {
            return fname;
        }
        Path start = workDir.resolve(schemaDir().isEmpty() ? "." : schemaDir())
                .toAbsolutePath()
                .normalize();
        Path target = workDir.resolve(fname).toAbsolutePath().normalize();
        String rel = start.relativize(target).toString();
        return rel.isEmpty() ? "." : rel;
    }

    private List<Module> assignModules() {
        Map<String, List<Entity>> mods = new LinkedHashMap<>();
        mods.put(Module.BUILTIN, new ArrayList<>());
        mods.put(moduleName(rootFile), new ArrayList<>());
        for (Entity e : entities) {
            if (e instanceof Include i) {
                mods.putIfAbsent(i.name(), new ArrayList<>());
            }
        }
        Map<String, String> fileModule = new HashMap<>();
        for (Entity e : entities) {
            SourceLocation loc = e.location();
            if (e instanceof ArrayType a) {
                Entity el = table.lookup(a.elementType());
                loc = el != null ? el.location() : a.location();
            }
            String m = Module.BUILTIN;
            if (loc != null) {
                m = fileModule.get(loc.file());
                if (m == null) {
                    m = moduleName(loc.file());
                    fileModule.put(loc.file(), m);
                }
            }
            List<Entity> list = mods.get(m);
            if (list == null) {
                list = new ArrayList<>();
                mods.put(m, list);
            }
            list.add(e);
        }
        List<Module> out = new ArrayList<>();
        for (Map.Entry<String, List<Entity>> m : mods.entrySet()) {
            out.add(new Module(m.getKey(), m.getValue()));
        }
        return out;
    }
}
