package dev.qapidoc.compat;

import dev.qapidoc.introspect.SchemaInfo;
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
import dev.qapidoc.schema.EnumValue;
import dev.qapidoc.schema.Feature;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies the wire-level differences between two schemas by the rules of QEMU's
 * "Compatibility considerations" (docs/devel/qapi-code-gen.rst).
 *
 * <p><b>Directions.</b> Command arguments, and every type reachable from them, are judged by the
 * send direction; command returns and event data by the receive direction. Types are compared in
 * pairs (old type, new type) as the walk from each command and event meets them, so renaming a
 * type or moving members into a base changes nothing; a pair met in both directions is judged by
 * both rules (direction {@code both}: breaking if either rule says so) and reported once, under
 * the first path that reached it.
 *
 * <p><b>Rules QEMU states.</b> Send: adding commands, optional arguments, enum values, union and
 * alternate branches, turning an argument type into an alternate of it and making mandatory
 * arguments optional are compatible; removing commands, arguments, enum values, branches, adding
 * mandatory arguments and making optional arguments mandatory are breaking. Receive: adding
 * events and return/event data members is compatible; removing return/event data members is
 * breaking. Removing enum values in the receive direction is compatible: QEMU says values that
 * can no longer be sent "make no difference to clients, except for introspection".
 *
 * <p><b>Choices where QEMU is silent</b> (each judged from what an existing client does):
 * <ul>
 *   <li>a new enum value or union branch in the receive direction is compatible: QEMU lists
 *       adding enum values and branches among its compatible changes and adds values to
 *       returned enums in every release, so clients are expected to tolerate values they do not
 *       know, as they ignore unknown members; removing a branch in the receive direction is
 *       compatible, like removing a value. A new <em>alternate</em> branch in the receive
 *       direction is breaking, because it is a new JSON type the client may not parse;</li>
 *   <li>removing an event is compatible: once it is gone from the schema QEMU cannot trigger it,
 *       which QEMU's text calls harmless "except for introspection"; removing an optional return
 *       member is breaking, because a schema cannot tell that it could no longer be sent;</li>
 *   <li>a return member turning optional is breaking (the client may rely on it), turning
 *       mandatory is compatible;</li>
 *   <li>a type becoming an alternate that includes it is breaking when received; an alternate
 *       narrowed to one of its branches is compatible when received;</li>
 *   <li>{@code str} becoming an enum, or a type becoming {@code any}, follow the same logic
 *       (narrower accepted input breaks senders, wider possible output breaks receivers); any
 *       other change of JSON type breaks both; built-in types with the same JSON type
 *       ({@code int} and {@code uint8}) are the same on the wire.</li>
 * </ul>
 * Special features are reported: gaining or losing {@code deprecated} or {@code unstable} is a
 * compatible finding, and a breaking removal of something that carried one says so.
 */
public final class CompatChecker {
    private static final int SEND = 1;
    private static final int RECEIVE = 2;

    private final WireModel a;
    private final WireModel b;
    private final History history;
    private final Map<String, Pair> pairs = new LinkedHashMap<>();
    private final Deque<Pair> work = new ArrayDeque<>();
    private final List<Finding> out = new ArrayList<>();
    private boolean emit;

    private CompatChecker(WireModel old, WireModel now, History history) {
        this.a = old;
        this.b = now;
        this.history = history;
    }

    /** A pair of types reached on the wire: the first path to it and every direction seen. */
    private static final class Pair {
        final String o;
        final String n;
        final String path;
        final String word;
        int dirs;

        Pair(String o, String n, String path, String word) {
            this.o = o;
            this.n = n;
            this.path = path;
            this.word = word;
        }
    }

    /**
     * Every difference from {@code old} to {@code now}, sorted by path (then message), so the
     * report is deterministic and groups each command's findings.
     */
    public static List<Finding> compare(WireModel old, WireModel now) {
        return compare(old, now, null);
    }

    /**
     * As {@link #compare(WireModel, WireModel)}, and a breaking removal of something deprecated
     * says since when ({@code (it was deprecated since 8.2.0)}), looked up in {@code history}
     * (the releases up to OLD's; null when unknown, then it says only {@code (it was
     * deprecated)}). Users of a removed thing want to know how long they were warned.
     */
    public static List<Finding> compare(WireModel old, WireModel now, History history) {
        CompatChecker c = new CompatChecker(old, now, history);
        c.roots();
        while (!c.work.isEmpty()) {
            c.visit(c.work.poll());
        }
        c.emit = true;
        for (Pair p : List.copyOf(c.pairs.values())) {
            c.visit(p);
        }
        c.out.sort(Comparator.comparing(Finding::path).thenComparing(Finding::message));
        return c.out;
    }

    private void roots() {
        for (CommandInfo c : a.commands().values()) {
            String path = "command " + c.name();
            CommandInfo n = b.commands().get(c.name());
            if (n == null) {
                root(
                        Finding.BREAKING,
                        "send",
                        path,
                        "command removed" + carried(c.features(), c.name(), null),
                        a.locate(c.name(), null),
                        null);
                continue;
            }
            features(path, c.features(), n.features(), "send", c.name(), null);
            link(c.argType(), n.argType(), path, "argument", SEND);
            link(c.retType(), n.retType(), path + ", returns", "member", RECEIVE);
        }
        for (CommandInfo n : b.commands().values()) {
            if (!a.commands().containsKey(n.name())) {
                root(
                        Finding.COMPATIBLE,
                        "send",
                        "command " + n.name(),
                        "command added",
                        null,
                        b.locate(n.name(), null));
            }
        }
        for (EventInfo e : a.events().values()) {
            String path = "event " + e.name();
            EventInfo n = b.events().get(e.name());
            if (n == null) {
                root(
                        Finding.COMPATIBLE,
                        "receive",
                        path,
                        "event removed" + carried(e.features(), e.name(), null) + "; QEMU no longer sends it",
                        a.locate(e.name(), null),
                        null);
                continue;
            }
            features(path, e.features(), n.features(), "receive", e.name(), null);
            link(e.argType(), n.argType(), path, "member", RECEIVE);
        }
        for (EventInfo n : b.events().values()) {
            if (!a.events().containsKey(n.name())) {
                root(Finding.COMPATIBLE, "receive", "event " + n.name(), "event added", null, b.locate(n.name(), null));
            }
        }
    }

    private void root(String sev, String dir, String path, String msg, WireModel.Where o, WireModel.Where n) {
        out.add(new Finding(sev, dir, path, msg, o, n));
    }

    /** Special features gained or lost by a command, event, member or value: compatible notes. */
    private void features(String path, List<Feature> of, List<Feature> nf, String dir, String entity, String member) {
        for (String f : List.of("deprecated", "unstable")) {
            boolean was = has(of, f);
            boolean is = has(nf, f);
            if (was != is) {
                root(
                        Finding.COMPATIBLE,
                        dir,
                        path,
                        (is ? "now carries" : "no longer carries") + " feature '" + f + "'",
                        null,
                        b.locate(entity, member));
            }
        }
    }

    private void featuresIn(Pair p, String seg, List<Feature> of, List<Feature> nf, String entity, String member) {
        if (emit) {
            features(p.path + ", " + seg, of, nf, dirName(p.dirs), entity, member);
        }
    }

    private void link(String o, String n, String path, String word, int dirs) {
        if (emit || o == null || n == null) {
            return;
        }
        String key = o + '\0' + n;
        Pair p = pairs.get(key);
        if (p == null) {
            p = new Pair(o, n, path, word);
            pairs.put(key, p);
        }
        if ((p.dirs | dirs) != p.dirs) {
            p.dirs |= dirs;
            work.add(p);
        }
    }

    private void visit(Pair p) {
        SchemaInfo o = a.type(p.o);
        SchemaInfo n = b.type(p.n);
        if (o == null || n == null) {
            return;
        }
        if (o instanceof ObjectInfo oo && n instanceof ObjectInfo no) {
            objects(p, oo, no);
        } else if (o instanceof EnumInfo oe && n instanceof EnumInfo ne) {
            enums(p, oe, ne);
        } else if (o instanceof ArrayInfo oa && n instanceof ArrayInfo na) {
            link(oa.elementType(), na.elementType(), p.path, p.word, p.dirs);
        } else if (o instanceof AlternateInfo oa && n instanceof AlternateInfo na) {
            alternates(p, oa, na);
        } else if (n instanceof AlternateInfo na) {
            String other = branchOfKind(na.members(), kind(o), b);
            if (other == null) {
                mismatch(p, o, n);
            } else {
                change(
                        p,
                        null,
                        "type became an alternate that also accepts " + otherKinds(na.members(), kind(o)),
                        false,
                        true,
                        "a client may receive the other branches",
                        null,
                        null);
                link(p.o, other, p.path, p.word, p.dirs);
            }
        } else if (o instanceof AlternateInfo oa) {
            String other = branchOfKind(oa.members(), kind(n), a);
            if (other == null) {
                mismatch(p, o, n);
            } else {
                change(
                        p,
                        null,
                        "alternate narrowed to its " + kind(n) + " branch",
                        true,
                        false,
                        "clients sending the other branches fail",
                        null,
                        null);
                link(other, p.n, p.path, p.word, p.dirs);
            }
        } else {
            scalars(p, o, n);
        }
    }

    private void objects(Pair p, ObjectInfo o, ObjectInfo n) {
        Map<String, MemberInfo> nm = new LinkedHashMap<>();
        n.members().forEach(m -> nm.put(m.name(), m));
        boolean sameTag = o.tag() != null && o.tag().equals(n.tag());
        for (MemberInfo om : o.members()) {
            String seg = p.word + " " + om.name();
            MemberInfo m = nm.get(om.name());
            WireModel.Where ow = a.locate(o.entityName(), om.name());
            if (m == null) {
                change(
                        p,
                        seg,
                        p.word + " removed" + carried(om.features(), o.entityName(), om.name()),
                        true,
                        true,
                        null,
                        ow,
                        null);
                continue;
            }
            WireModel.Where nw = b.locate(n.entityName(), m.name());
            if (!om.optional() && m.optional()) {
                change(p, seg, "made optional", false, true, "a client may rely on receiving it", ow, nw);
            } else if (om.optional() && !m.optional()) {
                change(p, seg, "made mandatory", true, false, "clients that omit it fail", ow, nw);
            }
            featuresIn(p, seg, om.features(), m.features(), n.entityName(), m.name());
            if (!(sameTag && om.name().equals(o.tag()))) {
                // A union's tag values are its branches, reported as such below.
                link(om.type(), m.type(), p.path + ", " + seg, "member", p.dirs);
            }
        }
        for (MemberInfo m : n.members()) {
            if (o.members().stream().noneMatch(x -> x.name().equals(m.name()))) {
                WireModel.Where nw = b.locate(n.entityName(), m.name());
                String seg = p.word + " " + m.name();
                if (m.optional()) {
                    change(p, seg, "optional " + p.word + " added", false, false, null, null, nw);
                } else {
                    change(
                            p,
                            seg,
                            "mandatory " + p.word + " added",
                            true,
                            false,
                            "clients that do not send it fail",
                            null,
                            nw);
                }
            }
        }
        variants(p, o, n);
    }

    private void variants(Pair p, ObjectInfo o, ObjectInfo n) {
        Map<String, String> nv = new LinkedHashMap<>();
        n.variants().forEach(v -> nv.put(v.caseName(), v.type()));
        for (VariantInfo v : o.variants()) {
            String t = nv.get(v.caseName());
            String seg = "branch " + v.caseName();
            if (t == null) {
                change(p, seg, "branch removed", true, false, null, a.locate(o.entityName(), null), null);
            } else {
                link(v.type(), t, p.path + ", " + seg, "member", p.dirs);
            }
        }
        for (VariantInfo v : n.variants()) {
            if (o.variants().stream().noneMatch(x -> x.caseName().equals(v.caseName()))) {
                change(
                        p,
                        "branch " + v.caseName(),
                        "branch added",
                        false,
                        false,
                        null,
                        null,
                        b.locate(n.entityName(), null));
            }
        }
    }

    private void enums(Pair p, EnumInfo o, EnumInfo n) {
        for (EnumValue v : o.members()) {
            EnumValue nv = n.members().stream()
                    .filter(x -> x.name().equals(v.name()))
                    .findFirst()
                    .orElse(null);
            String seg = "value " + v.name();
            if (nv == null) {
                change(
                        p,
                        seg,
                        "value removed" + carried(v.features(), o.entityName(), v.name()),
                        true,
                        false,
                        null,
                        a.locate(o.entityName(), v.name()),
                        null);
            } else {
                featuresIn(p, seg, v.features(), nv.features(), n.entityName(), v.name());
            }
        }
        for (EnumValue v : n.members()) {
            if (o.members().stream().noneMatch(x -> x.name().equals(v.name()))) {
                change(
                        p,
                        "value " + v.name(),
                        "value added",
                        false,
                        false,
                        null,
                        null,
                        b.locate(n.entityName(), v.name()));
            }
        }
    }

    private void alternates(Pair p, AlternateInfo o, AlternateInfo n) {
        for (AlternateMemberInfo m : o.members()) {
            String k = kind(a.type(m.type()));
            String t = branchOfKind(n.members(), k, b);
            if (t == null) {
                change(
                        p,
                        "branch " + k,
                        "alternate branch removed",
                        true,
                        false,
                        null,
                        a.locate(o.entityName(), null),
                        null);
            } else {
                link(m.type(), t, p.path, p.word, p.dirs);
            }
        }
        for (AlternateMemberInfo m : n.members()) {
            String k = kind(b.type(m.type()));
            if (branchOfKind(o.members(), k, a) == null) {
                change(
                        p,
                        "branch " + k,
                        "alternate branch added",
                        false,
                        true,
                        "a client may not expect it",
                        null,
                        b.locate(n.entityName(), null));
            }
        }
    }

    private void scalars(Pair p, SchemaInfo o, SchemaInfo n) {
        String ok = kind(o);
        String nk = kind(n);
        if (o instanceof BuiltinInfo && n instanceof BuiltinInfo && ok.equals(nk)) {
            return;
        }
        if (nk.equals("value")) {
            change(
                    p,
                    null,
                    "type widened from " + desc(o) + " to any",
                    false,
                    true,
                    "a client may receive other JSON types",
                    null,
                    null);
        } else if (ok.equals("value")) {
            change(
                    p,
                    null,
                    "type narrowed from any to " + desc(n),
                    true,
                    false,
                    "clients sending other JSON types fail",
                    null,
                    null);
        } else if (o instanceof BuiltinInfo && n instanceof EnumInfo && ok.equals(nk)) {
            change(
                    p,
                    null,
                    "type narrowed from str to an enum",
                    true,
                    false,
                    "clients sending other strings fail",
                    null,
                    null);
        } else if (o instanceof EnumInfo && n instanceof BuiltinInfo && ok.equals(nk)) {
            change(
                    p,
                    null,
                    "type widened from an enum to str",
                    false,
                    true,
                    "a client may receive other strings",
                    null,
                    null);
        } else {
            mismatch(p, o, n);
        }
    }

    private void mismatch(Pair p, SchemaInfo o, SchemaInfo n) {
        change(p, null, "type changed from " + desc(o) + " to " + desc(n), true, true, null, null, null);
    }

    /**
     * Records a change of a pair (in the emitting pass only): breaking when the rule of a
     * direction the pair is used in says so; {@code why} is added to breaking messages.
     */
    private void change(
            Pair p,
            String seg,
            String msg,
            boolean sendBreaks,
            boolean recvBreaks,
            String why,
            WireModel.Where ow,
            WireModel.Where nw) {
        if (!emit) {
            return;
        }
        boolean breaks = ((p.dirs & SEND) != 0 && sendBreaks) || ((p.dirs & RECEIVE) != 0 && recvBreaks);
        String text = breaks && why != null ? msg + "; " + why : msg;
        if (ow == null && nw == null) {
            ow = a.locate(a.type(p.o).entityName(), null);
            nw = b.locate(b.type(p.n).entityName(), null);
        }
        out.add(new Finding(
                breaks ? Finding.BREAKING : Finding.COMPATIBLE,
                dirName(p.dirs),
                seg == null ? p.path : p.path + ", " + seg,
                text,
                ow,
                nw));
    }

    private static String dirName(int dirs) {
        return dirs == (SEND | RECEIVE) ? "both" : dirs == SEND ? "send" : "receive";
    }

    /** The JSON kind of a type on the wire: what an alternate's branches are told apart by. */
    private static String kind(SchemaInfo t) {
        if (t instanceof BuiltinInfo bi) {
            return bi.jsonType();
        }
        if (t instanceof EnumInfo) {
            return "string";
        }
        if (t instanceof ArrayInfo) {
            return "array";
        }
        return t == null ? "?" : t instanceof AlternateInfo ? "alternate" : "object";
    }

    private static String branchOfKind(List<AlternateMemberInfo> ms, String k, WireModel m) {
        for (AlternateMemberInfo x : ms) {
            if (kind(m.type(x.type())).equals(k)) {
                return x.type();
            }
        }
        return null;
    }

    private String otherKinds(List<AlternateMemberInfo> ms, String except) {
        List<String> ks = new ArrayList<>();
        for (AlternateMemberInfo x : ms) {
            String k = kind(b.type(x.type()));
            if (!k.equals(except)) {
                ks.add(k);
            }
        }
        return String.join(", ", ks);
    }

    private static String desc(SchemaInfo t) {
        if (t instanceof BuiltinInfo bi) {
            return bi.jsonType().equals("value") ? "any" : bi.jsonType();
        }
        return t.metaType();
    }

    private static boolean has(List<Feature> fs, String name) {
        return fs.stream().anyMatch(f -> f.name().equals(name));
    }

    /**
     * " (it was deprecated)" and the like, for removals of something with special features;
     * with a history, " (it was deprecated since 8.2.0)". {@code entity} is the old side's
     * definition (an implicit argument type stands for its command, as history keys it),
     * {@code member} the member or value, null for the definition itself.
     */
    private String carried(List<Feature> fs, String entity, String member) {
        List<String> s = new ArrayList<>();
        for (String f : List.of("deprecated", "unstable")) {
            if (has(fs, f)) {
                String since = f.equals("deprecated") && history != null && entity != null
                        ? history.deprecatedSince(a.definedBy(entity), member)
                        : null;
                s.add(since == null ? f : f + " since " + since);
            }
        }
        return s.isEmpty() ? "" : " (it was " + String.join(" and ", s) + ")";
    }
}
