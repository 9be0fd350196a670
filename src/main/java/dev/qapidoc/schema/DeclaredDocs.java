package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds the doc comment of a definition that failed phase P2 to the names its expression
 * declares, so that the comment's own problems ("member 'b' lacks documentation", "documented
 * member 'x' does not exist") are still reported next to the definition's error instead of
 * being hidden by it. QEMU stops at the first error, so this adds nothing to what it prints;
 * it only lets a lint report the rest.
 *
 * <p>The expression failed, so it is read defensively: the names are taken only when the shape
 * the binding needs is intact (one meta key, a string name, {@code data} of the right JSON type,
 * every name a valid one, and a doc comment written for this definition). Anything else leaves
 * the doc unbound: its problems would then be consequences of the failure, not independent.
 */
final class DeclaredDocs {
    private DeclaredDocs() {}

    /** One declared name and how the doc comment describes it. */
    private record Declared(Doc.Role role, String name, List<String> features) {}

    private static final List<String> METAS = List.of("enum", "struct", "union", "alternate", "command", "event");

    /**
     * Connects {@code e}'s doc to what {@code e} declares, as P4 does for a definition that
     * passed; returns false (nothing connected) when the expression is too broken to say.
     */
    static boolean connect(Expr e, Pragmas pragmas, Contexts contexts) {
        Doc doc = e.doc();
        if (doc == null) {
            return false;
        }
        String meta = null;
        for (String m : METAS) {
            if (e.data().containsKey(m)) {
                if (meta != null) {
                    return false;
                }
                meta = m;
            }
        }
        if (meta == null || !(e.data().get(meta) instanceof String name) || !name.equals(doc.symbol())) {
            return false;
        }
        List<Declared> declared = declared(e.data(), meta);
        List<String> features = names(e.data().get("features"));
        if (declared == null || features == null) {
            return false;
        }
        String ctx = contexts.get(e.location());
        boolean exempt = pragmas.documentationExceptions().contains(name);
        for (String f : features) {
            doc.connectFeature(f, e.location(), ctx, contexts.sink);
        }
        for (Declared d : declared) {
            doc.connectMember(d.role(), d.name(), exempt, e.location(), ctx, contexts.sink);
            for (String f : d.features()) {
                doc.connectFeature(f, e.location(), ctx, contexts.sink);
            }
        }
        return true;
    }

    /** The names {@code meta}'s doc describes, in declaration order; null when unreadable. */
    private static List<Declared> declared(Map<String, Object> expr, String meta) {
        Object data = expr.get("data");
        return switch (meta) {
            case "enum" -> values(data);
            case "struct" -> members(data, Doc.Role.MEMBER);
            case "alternate" -> members(data, Doc.Role.BRANCH);
            // A union's doc describes the members of its inline base, not its branches; a union
            // without one (a simple union of old releases) is desugared later: leave it alone.
            case "union" ->
                expr.get("base") instanceof String
                        ? List.of()
                        : expr.containsKey("base") ? members(expr.get("base"), Doc.Role.MEMBER) : null;
            // Commands and events: inline arguments are documented; a named type documents itself.
            default -> data == null || data instanceof String ? List.of() : members(data, Doc.Role.MEMBER);
        };
    }

    private static List<Declared> values(Object data) {
        if (!(data instanceof List<?> list)) {
            return null;
        }
        List<Declared> out = new ArrayList<>();
        for (Object v : list) {
            Object raw = v instanceof Map<?, ?> m ? m.get("name") : v;
            List<String> features = v instanceof Map<?, ?> m ? names(m.get("features")) : List.of();
            // values may start with a digit (QEMU validates them with a letter put in front)
            if (!(raw instanceof String name)
                    || name.isEmpty()
                    || Names.stem(Character.isDigit(name.charAt(0)) ? "d" + name : name) == null
                    || features == null) {
                return null;
            }
            out.add(new Declared(Doc.Role.VALUE, name, features));
        }
        return out;
    }

    private static List<Declared> members(Object data, Doc.Role role) {
        if (!(data instanceof Map<?, ?> map)) {
            return null;
        }
        List<Declared> out = new ArrayList<>();
        for (Map.Entry<?, ?> m : map.entrySet()) {
            String key = (String) m.getKey();
            String name = key.startsWith("*") ? key.substring(1) : key;
            if (Names.stem(name) == null) {
                return null;
            }
            List<String> features = m.getValue() instanceof Map<?, ?> value ? names(value.get("features")) : List.of();
            if (features == null) {
                return null;
            }
            out.add(new Declared(role, name, features));
        }
        return out;
    }

    /** A {@code features} list (strings or {@code {'name': ...}}); empty when absent, else null. */
    private static List<String> names(Object features) {
        if (features == null) {
            return List.of();
        }
        if (!(features instanceof List<?> list)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object f : list) {
            String name = f instanceof String s ? s : f instanceof Map<?, ?> m ? nameOf(m) : null;
            if (name == null) {
                return null;
            }
            out.add(name);
        }
        return out;
    }

    private static String nameOf(Map<?, ?> m) {
        return m.get("name") instanceof String s && Names.stem(s) != null ? s : null;
    }
}
