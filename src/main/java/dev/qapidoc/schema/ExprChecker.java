package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.QapiException;
import dev.qapidoc.source.RuleId;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Phase P2 (schema-language.md §8, §9, §13.2, §14.2): checks each expression on its own and
 * normalises it in place (member shorthand, enum values and features become objects).
 *
 * <p>Each expression fails on its first error, as in QEMU; the checker then goes on with the next
 * expression so that a lint sees independent errors too. Failed expressions are returned so later
 * phases can leave them out.
 */
final class ExprChecker {
    private static final List<String> METAS = List.of("enum", "struct", "union", "alternate", "command", "event");

    private final Contexts contexts;
    private final Pragmas pragmas;
    private final Tolerance tolerance;
    private SourceLocation info;

    ExprChecker(Contexts contexts, Pragmas pragmas) {
        this(contexts, pragmas, new Tolerance(LoadMode.STRICT));
    }

    ExprChecker(Contexts contexts, Pragmas pragmas, Tolerance tolerance) {
        this.contexts = contexts;
        this.pragmas = pragmas;
        this.tolerance = tolerance;
    }

    /** Errors so far (tolerant mode adds warnings to the same sink). */
    private int errorCount() {
        int n = 0;
        for (var d : contexts.sink.all()) {
            if (d.severity() == dev.qapidoc.source.Severity.ERROR) {
                n++;
            }
        }
        return n;
    }

    /**
     * Tolerant mode: records the strict-mode error {@code msg} as a warning with {@code rule};
     * strict mode: throws it.
     */
    private void relax(String msg, RuleId rule) {
        relax(RuleId.QAPI_SCHEMA, msg, rule);
    }

    /** As {@link #relax(String, RuleId)} for an error of family {@code strictRule}. */
    private void relax(RuleId strictRule, String msg, RuleId rule) {
        if (!tolerance.on()) {
            throw new QapiException(contexts.error(strictRule, info, msg));
        }
        contexts.sink.add(Tolerance.warning(contexts.error(strictRule, info, msg), rule));
    }

    /**
     * The member-name-exceptions test; tolerant mode also takes the implicit type names old
     * whitelists used, {@code q_obj_OWNER-arg} and {@code q_obj_OWNER-base} (Appendix A R6).
     */
    private boolean memberNameException(String owner) {
        if (owner == null) {
            return false;
        }
        List<String> l = pragmas.memberNameExceptions();
        return l.contains(owner)
                || (tolerance.on()
                        && (l.contains("q_obj_" + owner + "-arg") || l.contains("q_obj_" + owner + "-base")));
    }

    /**
     * Checks every definition in order; returns the definitions that passed, typed (includes
     * are kept), and adds the names of failed definitions to {@code failedNames}.
     */
    List<Definition> check(List<Expr> exprs, Set<String> failedNames) {
        List<Definition> ok = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            if (e.isInclude()) {
                ok.add(Definitions.of(e, false));
                continue;
            }
            int before = errorCount();
            try {
                checkExpr(e);
                if (errorCount() == before) {
                    ok.add(Definitions.of(e, isSimpleUnion(e.data())));
                    continue;
                }
            } catch (QapiException ex) {
                contexts.sink.add(ex.diagnostic());
            }
            for (String m : METAS) {
                if (e.data().get(m) instanceof String s) {
                    failedNames.add(s);
                }
            }
        }
        return ok;
    }

    /** Appendix A R4: tolerant mode reads a union without base and discriminator as simple. */
    private boolean isSimpleUnion(Map<String, Object> expr) {
        return tolerance.on()
                && expr.containsKey("union")
                && !expr.containsKey("base")
                && !expr.containsKey("discriminator");
    }

    private QapiException error(String msg) {
        return new QapiException(contexts.error(info, msg));
    }

    private void checkExpr(Expr e) {
        Map<String, Object> expr = e.data();
        info = e.location();
        String meta = null;
        int count = 0;
        for (String m : METAS) {
            if (expr.containsKey(m)) {
                meta = m;
                count++;
            }
        }
        if (count != 1) {
            throw error("expression must have exactly one key 'enum', 'struct', 'union',"
                    + " 'alternate', 'command', 'event'");
        }
        Object nameObj = expr.get(meta);
        checkNameIsStr(nameObj, "'" + meta + "'");
        String name = (String) nameObj;
        contexts.set(info, meta, name);
        checkDefnName(name, meta);
        Doc doc = e.doc();
        if (doc != null) {
            int before = errorCount();
            doc.checkDefinition(meta, name, expr.containsKey("returns"), info, contexts.get(info), contexts.sink);
            if (errorCount() != before) {
                return;
            }
        } else if (pragmas.docRequired() && !contexts.docFailed.contains(e.location())) {
            relax(RuleId.DOC_REQUIRED, "documentation comment required", RuleId.DOC_UNDOCUMENTED);
        }
        checkByMeta(expr, meta, name);
        checkIf(expr, meta);
        checkFeatures(expr.get("features"));
        checkFlags(expr);
    }

    /** The checks of one kind of definition: its keys, then what that kind requires (§9). */
    private void checkByMeta(Map<String, Object> expr, String meta, String name) {
        switch (meta) {
            case "enum" -> {
                checkKeys(expr, meta, List.of("enum", "data"), List.of("if", "features", "prefix"));
                checkEnum(expr, name);
            }
            case "union" -> {
                if (isSimpleUnion(expr)) {
                    // Appendix A R4: a simple union, desugared in P3 (A.5)
                    relax("union misses keys 'base', 'discriminator'", RuleId.LEGACY_SIMPLE_UNION);
                    checkKeys(expr, meta, List.of("union", "data"), List.of("if", "features"));
                    normalizeMembers(expr.get("data"));
                    checkSimpleUnion(expr, name);
                    break;
                }
                checkKeys(expr, meta, List.of("union", "base", "discriminator", "data"), List.of("if", "features"));
                normalizeMembers(expr.get("base"));
                normalizeMembers(expr.get("data"));
                checkUnion(expr, name);
            }
            case "alternate" -> {
                checkKeys(expr, meta, List.of("alternate", "data"), List.of("if", "features"));
                normalizeMembers(expr.get("data"));
                checkAlternate(expr);
            }
            case "struct" -> {
                checkKeys(expr, meta, List.of("struct", "data"), List.of("base", "if", "features"));
                normalizeMembers(expr.get("data"));
                checkTypeImplicit(expr.get("data"), "'data'", name);
                checkTypeName(expr.get("base"), "'base'");
            }
            case "command" -> {
                checkKeys(
                        expr,
                        meta,
                        List.of("command"),
                        List.of(
                                "data",
                                "returns",
                                "boxed",
                                "if",
                                "features",
                                "gen",
                                "success-response",
                                "allow-oob",
                                "allow-preconfig",
                                "coroutine"));
                normalizeMembers(expr.get("data"));
                checkArgs(expr, name);
                checkTypeNameOrArray(expr.get("returns"), "'returns'");
            }
            default -> {
                checkKeys(expr, meta, List.of("event"), List.of("data", "boxed", "if", "features"));
                normalizeMembers(expr.get("data"));
                checkArgs(expr, name);
            }
        }
    }

    // ---- names (§8) ----

    private void checkNameIsStr(Object name, String source) {
        if (!(name instanceof String)) {
            throw error(source + " requires a string name");
        }
    }

    private String checkNameStr(String name, String source) {
        String stem = Names.stem(name);
        if (stem == null) {
            throw error(source + " has an invalid name");
        }
        return stem;
    }

    private void checkNameLower(String name, String source, boolean permitUpper, boolean permitUnderscore) {
        String stem = checkNameStr(name, source);
        boolean upper = !permitUpper && Names.hasUpper(stem);
        if (upper || (!permitUnderscore && stem.indexOf('_') >= 0)) {
            if (upper) {
                throw error("name of " + source + " must not use uppercase or '_'");
            }
            // Appendix A R3: '_' was allowed in member names before QEMU 6.0
            relax("name of " + source + " must not use uppercase or '_'", RuleId.LEGACY_NAME_CASE);
        }
    }

    private void checkDefnName(String name, String meta) {
        // Appendix A R3: no case conventions for definition names before QEMU 6.0
        if (meta.equals("event")) {
            String stem = checkNameStr(name, meta);
            if (Names.hasLowerOrDash(stem)) {
                relax("name of " + meta + " must not use lowercase or '-'", RuleId.LEGACY_NAME_CASE);
            }
        } else if (meta.equals("command")) {
            String stem = checkNameStr(name, meta);
            boolean permit = pragmas.commandNameExceptions().contains(name);
            if (Names.hasUpper(stem) || (!permit && stem.indexOf('_') >= 0)) {
                relax("name of " + meta + " must not use uppercase or '_'", RuleId.LEGACY_NAME_CASE);
            }
        } else {
            String stem = checkNameStr(name, meta);
            if (!Names.isCamel(stem)) {
                relax("name of " + meta + " must use CamelCase", RuleId.LEGACY_NAME_CASE);
            }
            if (name.endsWith("List")) {
                throw error(meta + " name should not end in 'List'");
            }
        }
    }

    // ---- keys (§9.2) ----

    private void checkKeys(Object value, String source, List<String> required, List<String> optional) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        // Fast path (the common case): everything required is there and nothing else.
        boolean fine = true;
        for (int i = 0; i < required.size() && fine; i++) {
            fine = map.containsKey(required.get(i));
        }
        if (fine) {
            for (String k : map.keySet()) {
                if (!required.contains(k) && !optional.contains(k)) {
                    fine = false;
                    break;
                }
            }
        }
        if (fine) {
            return;
        }
        TreeSet<String> missing = new TreeSet<>(required);
        missing.removeAll(map.keySet());
        if (!missing.isEmpty()) {
            throw error(source + " misses key" + (missing.size() > 1 ? "s " : " ") + pprint(missing));
        }
        TreeSet<String> allowed = new TreeSet<>(required);
        allowed.addAll(optional);
        TreeSet<String> unknown = new TreeSet<>(map.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw error(source + " has unknown key" + (unknown.size() > 1 ? "s " : " ") + pprint(unknown)
                    + "\nValid keys are " + pprint(allowed) + ".");
        }
    }

    private static String pprint(Set<String> elems) {
        StringBuilder sb = new StringBuilder();
        for (String e : elems) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(e).append('\'');
        }
        return sb.toString();
    }

    // ---- normalisation ----

    @SuppressWarnings("unchecked")
    private static void normalizeMembers(Object members) {
        if (members instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (!(e.getValue() instanceof Map)) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("type", e.getValue());
                    e.setValue(t);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void normalizeNamed(List<Object> list) {
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map)) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", list.get(i));
                list.set(i, t);
            }
        }
    }

    private static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        return !((Map<?, ?>) v).isEmpty();
    }

    // ---- kinds (§9.4–§9.9) ----

    @SuppressWarnings("unchecked")
    private void checkEnum(Map<String, Object> expr, String name) {
        Object members = expr.get("data");
        Object prefix = expr.get("prefix");
        if (!(members instanceof List)) {
            throw error("'data' must be an array");
        }
        if (prefix != null && !(prefix instanceof String)) {
            throw error("'prefix' must be a string");
        }
        boolean permissive = memberNameException(name);
        List<Object> list = (List<Object>) members;
        normalizeNamed(list);
        for (Object o : list) {
            Map<String, Object> member = (Map<String, Object>) o;
            String source = "'data' member";
            checkKeys(member, source, List.of("name"), List.of("if", "features"));
            Object mn = member.get("name");
            checkNameIsStr(mn, source);
            String memberName = (String) mn;
            source = source + " '" + memberName + "'";
            if (memberName.isEmpty()) {
                // QEMU crashes here (§2.5); report the suggested diagnostic.
                throw error(source + " has an invalid name");
            }
            if (memberName.charAt(0) >= '0' && memberName.charAt(0) <= '9') {
                memberName = "d" + memberName;
            }
            checkNameLower(memberName, source, permissive, permissive);
            checkIf(member, source);
            checkFeatures(member.get("features"));
        }
    }

    @SuppressWarnings("unchecked")
    private void checkUnion(Map<String, Object> expr, String name) {
        Object base = expr.get("base");
        if (!(base instanceof String)) {
            checkTypeImplicit(base, "'base'", name);
        }
        checkNameIsStr(expr.get("discriminator"), "'discriminator'");
        if (!(expr.get("data") instanceof Map)) {
            throw error("'data' must be an object");
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) expr.get("data")).entrySet()) {
            String source = "'data' member '" + e.getKey() + "'";
            checkKeys(e.getValue(), source, List.of("type"), List.of("if"));
            Map<String, Object> v = (Map<String, Object>) e.getValue();
            checkIf(v, source);
            checkTypeName(v.get("type"), source);
        }
    }

    /** Appendix A.2: branches named like members, each a type name or a one-element array. */
    @SuppressWarnings("unchecked")
    private void checkSimpleUnion(Map<String, Object> expr, String name) {
        if (!(expr.get("data") instanceof Map)) {
            throw error("'data' must be an object");
        }
        boolean permissive = memberNameException(name);
        for (Map.Entry<String, Object> e : ((Map<String, Object>) expr.get("data")).entrySet()) {
            String source = "'data' member '" + e.getKey() + "'";
            checkNameLower(e.getKey(), source, permissive, permissive);
            checkKeys(e.getValue(), source, List.of("type"), List.of("if"));
            Map<String, Object> v = (Map<String, Object>) e.getValue();
            checkIf(v, source);
            checkTypeNameOrArray(v.get("type"), source);
        }
    }

    @SuppressWarnings("unchecked")
    private void checkAlternate(Map<String, Object> expr) {
        Object members = expr.get("data");
        if (!truthy(members)) {
            throw error("'data' must not be empty");
        }
        if (!(members instanceof Map)) {
            throw error("'data' must be an object");
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) members).entrySet()) {
            String source = "'data' member '" + e.getKey() + "'";
            checkNameLower(e.getKey(), source, false, false);
            checkKeys(e.getValue(), source, List.of("type"), List.of("if"));
            Map<String, Object> v = (Map<String, Object>) e.getValue();
            checkIf(v, source);
            checkTypeNameOrArray(v.get("type"), source);
        }
    }

    /** §9.8 step 1 / §9.9. */
    private void checkArgs(Map<String, Object> expr, String name) {
        Object args = expr.get("data");
        if (truthy(expr.get("boxed"))) {
            if (args == null) {
                throw error("'boxed': true requires 'data'");
            }
            checkTypeName(args, "'data'");
        } else if (args != null && !(args instanceof String)) {
            // strict: no exceptions for arguments; tolerant: q_obj_NAME-arg may be listed (R6)
            checkTypeImplicit(args, "'data'", tolerance.on() ? name : null);
        }
    }

    // ---- types (§9.11, §9.12) ----

    private void checkTypeName(Object value, String source) {
        if (value != null && !(value instanceof String)) {
            throw error(source + " should be a type name");
        }
    }

    private void checkTypeNameOrArray(Object value, String source) {
        if (value == null || value instanceof String) {
            return;
        }
        if (!(value instanceof List<?> l)) {
            throw error(source + " should be a type name or array");
        }
        if (l.size() != 1 || !(l.get(0) instanceof String)) {
            throw error(source + ": array type must contain single type name");
        }
    }

    @SuppressWarnings("unchecked")
    private void checkTypeImplicit(Object value, String source, String parentName) {
        if (!(value instanceof Map)) {
            throw error(source + " should be an object or type name");
        }
        boolean permissive = memberNameException(parentName);
        for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
            String key = e.getKey();
            String keySource = source + " member '" + key + "'";
            if (key.startsWith("*")) {
                key = key.substring(1);
            }
            checkNameLower(key, keySource, permissive, permissive);
            String c = Names.cName(key, false);
            if (c.equals("u") || c.startsWith("has_")) {
                throw error(keySource + " uses reserved name");
            }
            checkKeys(e.getValue(), keySource, List.of("type"), List.of("if", "features"));
            Map<String, Object> arg = (Map<String, Object>) e.getValue();
            checkIf(arg, keySource);
            checkFeatures(arg.get("features"));
            checkTypeNameOrArray(arg.get("type"), keySource);
        }
    }

    // ---- if (§13.2) ----

    private void checkIf(Map<String, Object> expr, String source) {
        Object cond = expr.get("if");
        if (cond != null) {
            checkIfCond(cond, source);
        }
    }

    private void checkIfCond(Object cond, String source) {
        if (cond instanceof String s) {
            if (!Names.isIfIdentifier(s)) {
                String msg = "'if' condition '" + s + "' of " + source + " is not a valid identifier";
                if (tolerance.on() && CExprCondition.parse(s) != null) {
                    relax(msg, RuleId.LEGACY_IF_EXPRESSION); // Appendix A R5
                    return;
                }
                throw error(msg);
            }
            return;
        }
        if (cond instanceof List<?> && tolerance.on() && CExprCondition.parseLegacy(cond) != null) {
            relax(
                    "'if' condition of " + source + " must be a string or an object",
                    RuleId.LEGACY_IF_EXPRESSION); // Appendix A R5: a list meant "all of"
            return;
        }
        if (!(cond instanceof Map<?, ?> m)) {
            throw error("'if' condition of " + source + " must be a string or an object");
        }
        checkKeys(m, "'if' condition of " + source, List.of(), List.of("all", "any", "not"));
        if (m.size() != 1) {
            throw error("'if' condition of " + source + " has conflicting keys");
        }
        if (m.containsKey("not")) {
            checkIfCond(m.get("not"), source);
            return;
        }
        String op = m.containsKey("all") ? "all" : "any";
        if (!(m.get(op) instanceof List<?> operands)) {
            throw error("'" + op + "' condition of " + source + " must be an array");
        }
        if (operands.isEmpty()) {
            throw error("'if' condition [] of " + source + " is useless");
        }
        for (Object o : operands) {
            checkIfCond(o, source);
        }
    }

    // ---- features (§14.2) ----

    @SuppressWarnings("unchecked")
    private void checkFeatures(Object features) {
        if (features == null) {
            return;
        }
        if (!(features instanceof List)) {
            throw error("'features' must be an array");
        }
        List<Object> list = (List<Object>) features;
        normalizeNamed(list);
        for (Object o : list) {
            Map<String, Object> feat = (Map<String, Object>) o;
            String source = "'features' member";
            checkKeys(feat, source, List.of("name"), List.of("if"));
            checkNameIsStr(feat.get("name"), source);
            source = source + " '" + feat.get("name") + "'";
            checkNameLower((String) feat.get("name"), source, false, false);
            checkIf(feat, source);
        }
    }

    // ---- flags (§9.10) ----

    private void checkFlags(Map<String, Object> expr) {
        for (String key : List.of("gen", "success-response")) {
            if (expr.containsKey(key) && !Boolean.FALSE.equals(expr.get(key))) {
                throw error("flag '" + key + "' may only use false value");
            }
        }
        for (String key : List.of("boxed", "allow-oob", "allow-preconfig", "coroutine")) {
            if (expr.containsKey(key) && !Boolean.TRUE.equals(expr.get(key))) {
                throw error("flag '" + key + "' may only use true value");
            }
        }
        if (expr.containsKey("allow-oob") && expr.containsKey("coroutine")) {
            throw error("flags 'allow-oob' and 'coroutine' are incompatible");
        }
    }
}
