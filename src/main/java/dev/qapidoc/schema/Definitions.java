package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.schema.Definition.BranchDef;
import dev.qapidoc.schema.Definition.FeatureDef;
import dev.qapidoc.schema.Definition.MemberDef;
import dev.qapidoc.schema.Definition.Members;
import dev.qapidoc.schema.Definition.TypeRef;
import dev.qapidoc.schema.Definition.ValueDef;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The end of phase P2: turns an expression that {@link ExprChecker} accepted (and normalised:
 * member shorthand, enum values and features are objects) into its typed {@link Definition}.
 * The casts here are safe because the checks passed; this is the one place after P2's checks
 * that reads the parsed maps.
 */
final class Definitions {
    private Definitions() {}

    /** The definition of a checked expression; {@code simpleUnion} as P2 decided (A R4). */
    static Definition of(Expr e, boolean simpleUnion) {
        Map<String, Object> x = e.data();
        SourceLocation loc = e.location();
        Doc doc = e.doc();
        if (e.isInclude()) {
            return new Definition.IncludeDef((String) x.get("include"), loc);
        }
        IfCond cond = ifCond(x.get("if"));
        if (x.get("enum") instanceof String name) {
            List<ValueDef> values = new ArrayList<>();
            for (Map<String, Object> v : maps(x.get("data"))) {
                values.add(new ValueDef((String) v.get("name"), ifCond(v.get("if")), features(v.get("features"))));
            }
            return new Definition.EnumDef(
                    name, loc, doc, cond, features(x.get("features")), values, (String) x.get("prefix"));
        }
        if (x.get("struct") instanceof String name) {
            return new Definition.StructDef(
                    name, loc, doc, cond, features(x.get("features")), (String) x.get("base"), members(x.get("data")));
        }
        if (x.get("union") instanceof String name) {
            if (simpleUnion) {
                return new Definition.SimpleUnionDef(
                        name, loc, doc, cond, features(x.get("features")), branches(x.get("data")));
            }
            return new Definition.UnionDef(
                    name,
                    loc,
                    doc,
                    cond,
                    features(x.get("features")),
                    membersOrName(x.get("base")),
                    (String) x.get("discriminator"),
                    branches(x.get("data")));
        }
        if (x.get("alternate") instanceof String name) {
            return new Definition.AlternateDef(
                    name, loc, doc, cond, features(x.get("features")), branches(x.get("data")));
        }
        if (x.get("command") instanceof String name) {
            Object ret = x.get("returns");
            CommandFlags flags = new CommandFlags(
                    !x.containsKey("gen"),
                    !x.containsKey("success-response"),
                    Boolean.TRUE.equals(x.get("boxed")),
                    Boolean.TRUE.equals(x.get("allow-oob")),
                    Boolean.TRUE.equals(x.get("allow-preconfig")),
                    Boolean.TRUE.equals(x.get("coroutine")));
            return new Definition.CommandDef(
                    name,
                    loc,
                    doc,
                    cond,
                    features(x.get("features")),
                    membersOrName(x.get("data")),
                    ret == null ? null : typeRef(ret),
                    flags);
        }
        return new Definition.EventDef(
                (String) x.get("event"),
                loc,
                doc,
                cond,
                features(x.get("features")),
                membersOrName(x.get("data")),
                Boolean.TRUE.equals(x.get("boxed")));
    }

    /** A checked {@code if} (§13.2); C expressions only reach here in tolerant mode (A R5). */
    static IfCond ifCond(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof String s) {
            return Names.isIfIdentifier(s) ? new IfCond.Name(s) : CExprCondition.parse(s);
        }
        if (o instanceof List) {
            return CExprCondition.parseLegacy(o);
        }
        Map<String, Object> m = map(o);
        if (m.containsKey("not")) {
            return new IfCond.Not(ifCond(m.get("not")));
        }
        boolean all = m.containsKey("all");
        List<IfCond> ops = new ArrayList<>();
        for (Object op : (List<?>) m.get(all ? "all" : "any")) {
            ops.add(ifCond(op));
        }
        return all ? new IfCond.All(ops) : new IfCond.Any(ops);
    }

    private static List<FeatureDef> features(Object features) {
        if (features == null) {
            return List.of();
        }
        List<FeatureDef> out = new ArrayList<>();
        for (Map<String, Object> f : maps(features)) {
            out.add(new FeatureDef((String) f.get("name"), ifCond(f.get("if"))));
        }
        return out;
    }

    private static TypeRef typeRef(Object t) {
        if (t instanceof List<?> l) {
            return new TypeRef((String) l.get(0), true);
        }
        return new TypeRef((String) t, false);
    }

    private static Members membersOrName(Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof String s) {
            return new Members(s, null);
        }
        return new Members(null, members(data));
    }

    private static List<MemberDef> members(Object data) {
        List<MemberDef> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : map(data).entrySet()) {
            String key = e.getKey();
            boolean optional = key.startsWith("*");
            Map<String, Object> arg = map(e.getValue());
            out.add(new MemberDef(
                    optional ? key.substring(1) : key,
                    optional,
                    typeRef(arg.get("type")),
                    ifCond(arg.get("if")),
                    features(arg.get("features"))));
        }
        return out;
    }

    private static List<BranchDef> branches(Object data) {
        List<BranchDef> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : map(data).entrySet()) {
            Map<String, Object> v = map(e.getValue());
            out.add(new BranchDef(e.getKey(), typeRef(v.get("type")), ifCond(v.get("if"))));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
