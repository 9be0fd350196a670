package dev.qapidoc.emit;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.rst.QapiSyntax;
import dev.qapidoc.schema.AlternateType;
import dev.qapidoc.schema.ArrayType;
import dev.qapidoc.schema.BuiltinType;
import dev.qapidoc.schema.Command;
import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.EnumType;
import dev.qapidoc.schema.EnumValue;
import dev.qapidoc.schema.Event;
import dev.qapidoc.schema.IfCond;
import dev.qapidoc.schema.Member;
import dev.qapidoc.schema.ObjectType;
import dev.qapidoc.schema.Schema;
import dev.qapidoc.schema.Variant;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Schema look-ups and text rules that both dialects share (doc-comments-and-rest.md §2.6–§2.8). */
final class SchemaFacts {
    /** The internal empty object type of implicit union branches (schema-language.md §10.2). */
    static final String EMPTY_TYPE = "q_empty";

    /** §2.7: {@code @name} (Unicode {@code \w}) becomes a double-backquoted literal. */
    private static final Pattern REF = Pattern.compile("@([\\w-]+)", Pattern.UNICODE_CHARACTER_CLASS);

    /** Base chains are acyclic in a checked schema; this only bounds the walk. */
    private static final int MAX_BASE_DEPTH = 1000;

    final Schema schema;

    SchemaFacts(Schema schema) {
        this.schema = schema;
    }

    /**
     * §2.7, blind to context: also inside literal blocks and e-mail addresses. ASCII names are
     * rewritten by a plain scan (the regex costs start-up time on 17,000 lines); a name with a
     * non-ASCII character goes through the Unicode-aware pattern, which defines the rule.
     */
    static String rewriteRefs(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int copied = 0;
        while (at >= 0) {
            int end = at + 1;
            while (end < text.length() && isAsciiNameChar(text.charAt(end))) {
                end++;
            }
            if (end < text.length() && text.charAt(end) >= 0x80) {
                return rewriteRefsUnicode(text);
            }
            if (end > at + 1) {
                sb.append(text, copied, at)
                        .append("``")
                        .append(text, at + 1, end)
                        .append("``");
                copied = end;
            }
            at = text.indexOf('@', end);
        }
        return sb.append(text, copied, text.length()).toString();
    }

    private static boolean isAsciiNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static String rewriteRefsUnicode(String text) {
        Matcher m = REF.matcher(text);
        StringBuilder sb = new StringBuilder(text.length() + 8);
        while (m.find()) {
            m.appendReplacement(sb, "``$1``");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * §2.6 type formatting. {@code json}: built-ins print as their JSON type ({@code str} →
     * {@code string}), as QEMU does; otherwise as written in the schema (the extended dialect,
     * which, like the seed page, keeps {@code str}, {@code int64}, ...). Arrays print as
     * {@code [T]}.
     */
    String typeName(String name, boolean json) {
        Entity t = schema.type(name).orElse(null);
        if (t instanceof ArrayType a) {
            // element types are never arrays (schema-language.md §9.2), so this recursion is flat
            return "[" + typeName(a.elementType(), json) + "]";
        }
        if (json && t instanceof BuiltinType b) {
            return b.jsonType();
        }
        return name;
    }

    /** The type of a member as a field shows it: the type name plus {@code ?} when optional. */
    String memberType(Member m, boolean json) {
        return typeName(m.type(), json) + (m.optional() ? "?" : "");
    }

    /**
     * The types of the names a definition's Member sections can describe (§2.6 TYPE): object
     * members, command/event arguments, alternate branches; none for enums.
     */
    Map<String, String> describedTypes(Entity e, boolean json) {
        Map<String, String> types = new LinkedHashMap<>();
        if (e instanceof AlternateType a) {
            for (Variant v : a.variants()) {
                types.put(v.name(), typeName(v.type(), json));
            }
        } else if (!(e instanceof EnumType)) {
            for (Member m : members(e)) {
                // a simple union's tag: its implicit enum has no documentation to link to, so the
                // field shows what goes on the wire, a string (QEMU 5.0's manual: "One of ...")
                types.putIfAbsent(
                        m.name(), implicitEnum(m.type()) != null ? typeName("str", json) : memberType(m, json));
            }
        }
        return types;
    }

    /**
     * The implicit enum of a simple union (schema-language.md Appendix A: {@code TKind}, made
     * by the tolerant loader), or null for every other type. Such an enum has no doc block and
     * no entry in the manual, so it is never linked.
     */
    EnumType implicitEnum(String typeName) {
        return schema.entity(typeName).orElse(null) instanceof EnumType en && en.implicit() ? en : null;
    }

    /**
     * The text of an undocumented simple-union tag, as QEMU 5.0's manual wrote it:
     * {@code One of "a", "b"}; null when member {@code name} of {@code e} is no such tag.
     */
    String tagChoice(Entity e, String name) {
        for (Member m : members(e)) {
            if (m.name().equals(name)) {
                EnumType en = implicitEnum(m.type());
                if (en == null) {
                    return null;
                }
                StringBuilder sb = new StringBuilder("One of ");
                for (int i = 0; i < en.values().size(); i++) {
                    sb.append(i == 0 ? "" : ", ")
                            .append("``\"")
                            .append(en.values().get(i).name())
                            .append("\"``");
                }
                return sb.toString();
            }
        }
        return null;
    }

    /**
     * For a simple-union branch (type {@code q_obj_T-wrapper}, schema-language.md Appendix A):
     * the branch's {@code data} type as reST, a type link when it is a documented definition;
     * null for every other branch.
     */
    String wrappedBranch(Variant v) {
        String wrapped =
                schema.objectType(v.type()).flatMap(ObjectType::wrappedType).orElse(null);
        if (wrapped == null) {
            return null;
        }
        Entity t = schema.entity(wrapped).orElse(null);
        if (t != null && t.isType() && !t.isImplicit() && !(t instanceof BuiltinType) && !(t instanceof ArrayType)) {
            return QapiSyntax.role(QapiSyntax.ROLE_TYPE, wrapped);
        }
        return "``" + typeName(wrapped, true) + "``";
    }

    /**
     * §2.8 {@code :ifcond:} text: a name as is, {@code not X}, operands of all/any joined by
     * {@code and}/{@code or}, parenthesised when nested. (Same text as
     * {@code IfCond.docForm()}, written without {@code String.format}, whose locale machinery
     * costs tens of milliseconds at start-up.) Recursion depth is that of the condition, which the
     * schema reader bounds.
     */
    static String ifCond(IfCond c) {
        StringBuilder sb = new StringBuilder();
        appendIfCond(c, sb, true);
        return sb.toString();
    }

    private static void appendIfCond(IfCond c, StringBuilder sb, boolean top) {
        if (c instanceof IfCond.Name n) {
            sb.append(n.name());
        } else if (c instanceof IfCond.Not n) {
            sb.append("not ");
            appendIfCond(n.operand(), sb, false);
        } else {
            List<IfCond> ops = c instanceof IfCond.All a ? a.operands() : ((IfCond.Any) c).operands();
            String sep = c instanceof IfCond.All ? " and " : " or ";
            if (!top) {
                sb.append('(');
            }
            for (int i = 0; i < ops.size(); i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                appendIfCond(ops.get(i), sb, false);
            }
            if (!top) {
                sb.append(')');
            }
        }
    }

    /** All members of an object type, or of a command's / event's argument type. */
    List<Member> members(Entity e) {
        if (e instanceof ObjectType o) {
            return allMembers(o);
        }
        String arg = argType(e);
        ObjectType t = arg == null ? null : schema.objectType(arg).orElse(null);
        return t == null ? List.of() : allMembers(t);
    }

    /**
     * All members of {@code t}, base members first (schema-language.md §11.5). Same result as
     * {@link Schema#allMembers}, but walks the base chain by name with a depth limit instead of
     * comparing records, whose generated {@code equals} is deep and costs start-up time here.
     */
    List<Member> allMembers(ObjectType t) {
        List<ObjectType> chain = new ArrayList<>();
        for (ObjectType cur = t; cur != null && chain.size() < MAX_BASE_DEPTH; ) {
            chain.add(cur);
            cur = cur.base() == null ? null : schema.objectType(cur.base()).orElse(null);
        }
        if (chain.size() == 1) {
            return t.localMembers();
        }
        List<Member> all = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            all.addAll(chain.get(i).localMembers());
        }
        return all;
    }

    /** The {@code data} type of a command or event, or null. */
    static String argType(Entity e) {
        if (e instanceof Command c) {
            return c.argType();
        }
        return e instanceof Event ev ? ev.argType() : null;
    }

    /**
     * §2.5.4 step 1: the type whose members a pointer refers to: a command's or event's
     * {@code data}, a struct's or union's {@code base}; only when named (not implicit).
     */
    ObjectType pointerTarget(Entity e) {
        String target = e instanceof ObjectType o ? o.base() : argType(e);
        if (target == null) {
            return null;
        }
        ObjectType t = schema.objectType(target).orElse(null);
        return t == null || t.isImplicit() ? null : t;
    }

    /** The union branches that get a pointer or a branch block: all but implicit empty ones. */
    static List<Variant> shownBranches(ObjectType union) {
        List<Variant> shown = new ArrayList<>();
        for (Variant v : union.branches().variants()) {
            if (!v.type().equals(EMPTY_TYPE)) {
                shown.add(v);
            }
        }
        return shown;
    }

    /**
     * The doc that describes the members declared by {@code typeName}: its own, or for the
     * implicit {@code q_obj_NAME-arg} / {@code q_obj_NAME-base} types, NAME's (schema-language.md
     * §10.2).
     */
    Doc docDescribing(String typeName) {
        Entity t = schema.entity(typeName).orElse(null);
        if (t != null && t.doc() != null) {
            return t.doc();
        }
        String prefix = "q_obj_";
        if (typeName.startsWith(prefix)) {
            int dash = typeName.lastIndexOf('-');
            if (dash > prefix.length()) {
                Entity owner =
                        schema.entity(typeName.substring(prefix.length(), dash)).orElse(null);
                return owner == null ? null : owner.doc();
            }
        }
        return null;
    }

    /**
     * The error class names an Errors item may end with: the values of the enum
     * {@code QapiErrorClass} when the schema defines it (QEMU's does, in {@code error.json}), else
     * null, meaning any CamelCase word.
     */
    Set<String> errorClasses() {
        Entity e = schema.entity(ERROR_CLASS_ENUM).orElse(null);
        if (!(e instanceof EnumType t)) {
            return null;
        }
        Set<String> names = new HashSet<>();
        for (EnumValue v : t.values()) {
            names.add(v.name());
        }
        return names;
    }

    /** The enum of QMP error classes (QEMU's {@code qapi/error.json}). */
    static final String ERROR_CLASS_ENUM = "QapiErrorClass";

    /** The directive keyword QEMU uses for a kind (§2.5.1): structs and unions are objects. */
    static String qemuDirective(Entity e) {
        if (e instanceof EnumType) {
            return QapiSyntax.ENUM;
        } else if (e instanceof AlternateType) {
            return QapiSyntax.ALTERNATE;
        } else if (e instanceof Command) {
            return QapiSyntax.COMMAND;
        } else if (e instanceof Event) {
            return QapiSyntax.EVENT;
        }
        return QapiSyntax.OBJECT;
    }

    /** The member field name QEMU uses for a kind (§2.6). */
    static String qemuMemberField(Entity e) {
        if (e instanceof EnumType) {
            return QapiSyntax.FIELD_VALUE;
        } else if (e instanceof AlternateType) {
            return QapiSyntax.FIELD_ALT;
        } else if (e instanceof Command) {
            return QapiSyntax.FIELD_ARG;
        }
        return QapiSyntax.FIELD_MEMB;
    }

    /** §2.3: a module's name is its file's last path component without the last extension. */
    static String moduleStem(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        String base = file.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** The root file of the include chain {@code loc} belongs to. */
    static SourceLocation root(SourceLocation loc) {
        SourceLocation cur = loc;
        for (int guard = 0; cur.includedFrom() != null && guard < 10_000; guard++) {
            cur = cur.includedFrom();
        }
        return cur;
    }

    /**
     * Where the {@code qapi:namespace} line is credited: QEMU credits it to the {@code .rst} page
     * holding the directive, which we do not have, so we credit it to line 1 of the root schema
     * file (printed {@code 0000}, like a module directive).
     */
    SourceLocation namespaceOrigin() {
        for (Doc d : schema.docs()) {
            return SourceLocation.of(root(d.location()).file(), 1);
        }
        for (Entity e : schema.entities()) {
            if (e.location() != null) {
                return SourceLocation.of(root(e.location()).file(), 1);
            }
        }
        return SourceLocation.of("-", 1);
    }
}
