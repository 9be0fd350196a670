package dev.qapidoc.lint;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.lint.ExampleJson.Arr;
import dev.qapidoc.lint.ExampleJson.Bool;
import dev.qapidoc.lint.ExampleJson.Elided;
import dev.qapidoc.lint.ExampleJson.Null;
import dev.qapidoc.lint.ExampleJson.Num;
import dev.qapidoc.lint.ExampleJson.Obj;
import dev.qapidoc.lint.ExampleJson.Str;
import dev.qapidoc.lint.ExampleJson.Value;
import dev.qapidoc.schema.AlternateType;
import dev.qapidoc.schema.ArrayType;
import dev.qapidoc.schema.BuiltinType;
import dev.qapidoc.schema.Command;
import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.EnumType;
import dev.qapidoc.schema.EnumValue;
import dev.qapidoc.schema.Event;
import dev.qapidoc.schema.Member;
import dev.qapidoc.schema.ObjectType;
import dev.qapidoc.schema.Variant;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks QMP examples against the schema: every {@code ->} / {@code <-} message in doc text
 * (inside {@code .. qmp-example::} blocks, doc-comments-and-rest.md §2.9, or anywhere else when
 * the message starts with <code>{</code>). A command message is checked against the command's
 * arguments, a {@code return} reply against the return type of the command executed last in the
 * same doc block, an event against the event's data. Objects or arrays containing {@code ...}
 * are partial, so missing members are not reported for them.
 */
final class ExampleRule {
    private static final int MAX_DEPTH = 64;

    private final LintContext ctx;
    /** Findings of the current message: collected first so alternates can try each branch. */
    private List<Pending> pending = new ArrayList<>();

    private Message msg;

    private record Pending(Rule rule, int pos, String message) {}

    /** One message: its text, and for each offset range the doc line it came from. */
    @SuppressWarnings("ArrayRecordComponent") // a private holder, never compared or hashed
    private record Message(String text, List<Doc.TextLine> lines, int[] starts, int[] columns) {}

    ExampleRule(LintContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        for (Doc doc : ctx.schema.docs()) {
            if (!doc.isFreeForm() && (ctx.documented(doc) == null || ctx.failed(ctx.documented(doc)))) {
                continue; // the definition failed: no cascades
            }
            Command last = null;
            for (Doc.Section s : doc.allSections()) {
                if (s.isStub()) {
                    continue;
                }
                last = section(s.lines(), last);
            }
        }
    }

    /** Scans one section; returns the command executed last (replies refer to it). */
    private Command section(List<Doc.TextLine> lines, Command last) {
        int exampleIndent = -1;
        for (int k = 0; k < lines.size(); k++) {
            String t = lines.get(k).text();
            String st = t.stripLeading();
            int indent = t.length() - st.length();
            if (exampleIndent >= 0 && !st.isEmpty() && indent <= exampleIndent) {
                exampleIndent = -1;
            }
            if (st.startsWith(".. qmp-example::")) {
                exampleIndent = indent;
                continue;
            }
            if (!st.startsWith("->") && !st.startsWith("<-")) {
                continue;
            }
            boolean request = st.startsWith("->");
            String rest = st.substring(2);
            String restTrim = rest.strip();
            if ((exampleIndent < 0 && !restTrim.startsWith("{"))
                    || restTrim.startsWith("...")
                    || restTrim.startsWith("\u2026")) {
                continue; // prose, or a message elided as a whole ("-> ... text sent ...")
            }
            // gather the message: this line's rest, then further lines until brackets balance,
            // then any further lines indented deeper than the marker (a message that closed too
            // early, as in '-> {"execute": "x"}' followed by '"arguments": ...', is then caught)
            StringBuilder buf = new StringBuilder(rest);
            List<Doc.TextLine> used = new ArrayList<>(List.of(lines.get(k)));
            List<Integer> starts = new ArrayList<>(List.of(0));
            List<Integer> cols = new ArrayList<>(List.of(indent + 2));
            ExampleJson.Balance balance = new ExampleJson.Balance();
            balance.feed(rest);
            int j = k;
            while (j + 1 < lines.size()) {
                String next = lines.get(j + 1).text();
                String ns = next.stripLeading();
                if (ns.startsWith("->") || ns.startsWith("<-")) {
                    break;
                }
                if (balance.complete() && (ns.isEmpty() || next.length() - ns.length() <= indent)) {
                    break;
                }
                j++;
                buf.append('\n');
                starts.add(buf.length());
                cols.add(0);
                used.add(lines.get(j));
                buf.append(next);
                balance.feed("\n");
                balance.feed(next);
            }
            String text = buf.toString();
            k = j;
            int[] startArr = new int[starts.size()];
            int[] colArr = new int[cols.size()];
            for (int n = 0; n < startArr.length; n++) {
                startArr[n] = starts.get(n);
                colArr[n] = cols.get(n);
            }
            msg = new Message(text, used, startArr, colArr);
            pending = new ArrayList<>();
            Value v;
            try {
                v = ExampleJson.parse(text);
            } catch (ExampleJson.ParseError e) {
                report(Rules.EXAMPLE_JSON, e.pos, "QMP example is not valid JSON: " + e.getMessage());
                flush();
                continue;
            }
            last = request ? request(v) : reply(v, last);
            flush();
        }
        return last;
    }

    private Command request(Value v) {
        if (!(v instanceof Obj o)) {
            report(Rules.EXAMPLE_JSON, v.pos(), "QMP command message is not a JSON object");
            return null;
        }
        Value name = o.get("execute");
        if (name == null) {
            name = o.get("exec-oob");
        }
        if (!(name instanceof Str s)) {
            return null;
        }
        Entity e = ctx.schema.entity(s.value()).orElse(null);
        if (!(e instanceof Command cmd)) {
            if (!ctx.partial) {
                report(Rules.EXAMPLE_COMMAND, s.pos(), "command '" + s.value() + "' does not exist");
            }
            return null;
        }
        Value args = o.get("arguments");
        String what = "command '" + cmd.name() + "'";
        if (args == null) {
            if (cmd.argType() != null) {
                checkObject(new Obj(List.of(), false, name.pos()), cmd.argType(), what, true, 0);
            }
        } else if (cmd.argType() == null) {
            if (args instanceof Obj ao && !ao.members().isEmpty()) {
                report(Rules.EXAMPLE_MEMBER, ao.members().get(0).keyPos(), what + " takes no arguments");
            }
        } else if (cmd.flags().gen()) {
            check(args, cmd.argType(), what, true, 0);
        }
        // 'gen': false commands (device_add, ...) take arguments the schema does not list
        return cmd;
    }

    private Command reply(Value v, Command last) {
        if (!(v instanceof Obj o)) {
            report(Rules.EXAMPLE_JSON, v.pos(), "QMP reply or event message is not a JSON object");
            return last;
        }
        Value ret = o.get("return");
        if (ret != null && last != null) {
            String what = "reply of command '" + last.name() + "'";
            if (last.returnType() == null) {
                if (ret instanceof Obj ro && !ro.members().isEmpty()) {
                    report(
                            Rules.EXAMPLE_MEMBER,
                            ro.members().get(0).keyPos(),
                            "command '" + last.name() + "' returns nothing, so its reply is {}");
                }
            } else {
                check(ret, last.returnType(), what, false, 0);
            }
            return last;
        }
        if (o.get("event") instanceof Str s) {
            Entity e = ctx.schema.entity(s.value()).orElse(null);
            if (!(e instanceof Event ev)) {
                if (!ctx.partial) {
                    report(Rules.EXAMPLE_EVENT, s.pos(), "event '" + s.value() + "' does not exist");
                }
                return last;
            }
            Value data = o.get("data");
            String what = "event '" + ev.name() + "'";
            if (ev.argType() == null) {
                if (data instanceof Obj d && !d.members().isEmpty()) {
                    report(Rules.EXAMPLE_MEMBER, d.members().get(0).keyPos(), what + " has no data");
                }
            } else if (data == null) {
                checkObject(new Obj(List.of(), false, s.pos()), ev.argType(), what, true, 0);
            } else {
                check(data, ev.argType(), what, true, 0);
            }
        }
        return last;
    }

    /** Checks {@code v} against type {@code typeName}; {@code what} names the context. */
    private void check(Value v, String typeName, String what, boolean required, int depth) {
        if (v instanceof Elided || depth > MAX_DEPTH) {
            return;
        }
        Entity t = ctx.schema.type(typeName).orElse(null);
        if (t == null) {
            return;
        }
        if (t instanceof BuiltinType b) {
            boolean ok =
                    switch (b.jsonType()) {
                        case "string" -> v instanceof Str;
                        case "int" -> v instanceof Num n && n.integral();
                        case "number" -> v instanceof Num;
                        case "boolean" -> v instanceof Bool;
                        case "null" -> v instanceof Null;
                        default -> true;
                    };
            if (!ok) {
                typeError(v, b.name(), what);
            }
        } else if (t instanceof EnumType e) {
            if (!(v instanceof Str s)) {
                typeError(v, e.name(), what);
            } else if (!hasValue(e, s.value())) {
                report(
                        Rules.EXAMPLE_ENUM,
                        v.pos(),
                        "'" + s.value() + "' is not a value of enum '" + e.name() + "'" + in(what));
            }
        } else if (t instanceof ArrayType a) {
            if (!(v instanceof Arr arr)) {
                typeError(v, a.name(), what);
            } else {
                for (Value item : arr.items()) {
                    check(item, a.elementType(), what, required, depth + 1);
                }
            }
        } else if (t instanceof ObjectType) {
            if (!(v instanceof Obj o)) {
                typeError(v, t.name(), what);
            } else {
                checkObject(o, t.name(), what, required, depth);
            }
        } else if (t instanceof AlternateType alt) {
            alternate(v, alt, what, required, depth);
        }
    }

    private void alternate(Value v, AlternateType alt, String what, boolean required, int depth) {
        List<Pending> saved = pending;
        List<Pending> firstFailure = null;
        for (Variant var : alt.variants()) {
            if (!kindMatches(v, var.type())) {
                continue;
            }
            pending = new ArrayList<>();
            check(v, var.type(), what, required, depth + 1);
            List<Pending> got = pending;
            pending = saved;
            if (got.isEmpty()) {
                return;
            }
            if (firstFailure == null) {
                firstFailure = got;
            }
        }
        pending = saved;
        if (firstFailure == null) {
            typeError(v, alt.name(), what);
        } else {
            pending.addAll(firstFailure);
        }
    }

    /** True when the JSON kind of {@code v} is one type {@code typeName} accepts at all. */
    private boolean kindMatches(Value v, String typeName) {
        Entity t = ctx.schema.type(typeName).orElse(null);
        if (t instanceof BuiltinType b) {
            return switch (b.jsonType()) {
                case "string" -> v instanceof Str;
                case "int", "number" -> v instanceof Num;
                case "boolean" -> v instanceof Bool;
                case "null" -> v instanceof Null;
                default -> true;
            };
        }
        if (t instanceof EnumType) {
            return v instanceof Str;
        }
        if (t instanceof ArrayType) {
            return v instanceof Arr;
        }
        if (t instanceof ObjectType) {
            return v instanceof Obj;
        }
        return t == null || t instanceof AlternateType;
    }

    private void checkObject(Obj o, String typeName, String what, boolean required, int depth) {
        if (!(ctx.schema.type(typeName).orElse(null) instanceof ObjectType t)) {
            return;
        }
        Map<String, Member> members = new LinkedHashMap<>();
        Map<String, Member> anyBranch = new LinkedHashMap<>();
        if (!collect(o, t, members, anyBranch, 0)) {
            required = false;
        }
        boolean isArgs = typeName.startsWith("q_obj_") && typeName.endsWith("-arg");
        for (ExampleJson.Member jm : o.members()) {
            Member m = members.get(jm.key());
            if (m == null) {
                m = anyBranch.get(jm.key());
            }
            if (m == null) {
                String msg = isArgs
                        ? (what.startsWith("event") ? what + " has no data member '" : what + " has no argument '")
                                + jm.key() + "'"
                        : "'" + jm.key() + "' is not a member of '" + typeName + "'" + in(what);
                report(Rules.EXAMPLE_MEMBER, jm.keyPos(), msg);
                continue;
            }
            check(jm.value(), m.type(), what, required, depth + 1);
        }
        if (required && !o.elided()) {
            for (Member m : members.values()) {
                if (!m.optional() && o.get(m.name()) == null) {
                    String msg = isArgs
                            ? what + (what.startsWith("event") ? ": data member '" : ": argument '") + m.name()
                                    + "' is required but missing"
                            : "member '" + m.name() + "' of '" + typeName + "' is required but missing" + in(what);
                    report(Rules.EXAMPLE_MISSING, o.pos(), msg);
                }
            }
        }
    }

    /**
     * Collects the members a JSON object of type {@code t} may have: all members, and for a
     * union those of the branch its discriminator selects, recursively (a branch may be a union
     * itself, flattened into the same object). Returns false when a branch could not be chosen;
     * then every branch's members go into {@code anyBranch} and nothing counts as required.
     */
    private boolean collect(
            Obj o, ObjectType t, Map<String, Member> members, Map<String, Member> anyBranch, int depth) {
        for (Member m : ctx.schema.allMembers(t)) {
            members.putIfAbsent(m.name(), m);
        }
        if (!t.isUnion() || depth > MAX_DEPTH) {
            return true;
        }
        Value tag = o.get(t.branches().tagName());
        for (Variant var : t.branches().variants()) {
            if (tag instanceof Str s && s.value().equals(var.name())) {
                return !(ctx.schema.type(var.type()).orElse(null) instanceof ObjectType vt)
                        || collect(o, vt, members, anyBranch, depth + 1);
            }
        }
        for (Variant var : t.branches().variants()) {
            if (ctx.schema.type(var.type()).orElse(null) instanceof ObjectType vt) {
                Map<String, Member> sub = new LinkedHashMap<>();
                collect(o, vt, sub, sub, depth + 1);
                for (Member m : sub.values()) {
                    anyBranch.putIfAbsent(m.name(), m);
                }
            }
        }
        return false;
    }

    private static boolean hasValue(EnumType e, String v) {
        for (EnumValue ev : e.values()) {
            if (ev.name().equals(v)) {
                return true;
            }
        }
        return false;
    }

    private void typeError(Value v, String typeName, String what) {
        report(
                Rules.EXAMPLE_TYPE,
                v.pos(),
                "expected " + jsonKind(typeName) + " (type '" + typeName + "'), found " + describe(v) + in(what));
    }

    private String jsonKind(String typeName) {
        Entity t = ctx.schema.type(typeName).orElse(null);
        if (t instanceof BuiltinType b) {
            return switch (b.jsonType()) {
                case "string" -> "a string";
                case "int" -> "an integer";
                case "number" -> "a number";
                case "boolean" -> "a boolean";
                case "null" -> "null";
                default -> "a value";
            };
        }
        if (t instanceof EnumType) {
            return "a string";
        }
        if (t instanceof ArrayType) {
            return "an array";
        }
        if (t instanceof ObjectType) {
            return "an object";
        }
        return "a value";
    }

    private static String describe(Value v) {
        if (v instanceof Str) {
            return "a string";
        }
        if (v instanceof Num n) {
            return n.integral() ? "an integer" : "a number";
        }
        if (v instanceof Bool) {
            return "a boolean";
        }
        if (v instanceof Null) {
            return "null";
        }
        if (v instanceof Arr) {
            return "an array";
        }
        return "an object";
    }

    private static String in(String what) {
        return " in " + what;
    }

    private void report(Rule rule, int pos, String message) {
        pending.add(new Pending(rule, pos, message));
    }

    private void flush() {
        for (Pending p : pending) {
            ctx.report(p.rule(), locate(p.pos()), null, p.message());
        }
        pending = new ArrayList<>();
    }

    /** The source location of offset {@code pos} of the current message. */
    private SourceLocation locate(int pos) {
        int[] starts = msg.starts();
        int n = 0;
        while (n + 1 < starts.length && starts[n + 1] <= pos) {
            n++;
        }
        Doc.TextLine line = msg.lines().get(n);
        int index = Math.max(0, pos - starts[n] + msg.columns()[n]);
        return ctx.at(line, Math.min(index, Math.max(0, line.text().length() - 1)));
    }
}
