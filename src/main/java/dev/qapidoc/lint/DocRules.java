package dev.qapidoc.lint;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.schema.AlternateType;
import dev.qapidoc.schema.ArrayType;
import dev.qapidoc.schema.Command;
import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.EnumType;
import dev.qapidoc.schema.EnumValue;
import dev.qapidoc.schema.Event;
import dev.qapidoc.schema.Feature;
import dev.qapidoc.schema.Member;
import dev.qapidoc.schema.ObjectType;
import dev.qapidoc.schema.Variant;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lint's rules about doc comments: {@code doc-missing}, {@code doc-reference},
 * {@code since-missing}, {@code since-member} and {@code feature-explained}.
 */
final class DocRules {

    private final LintContext ctx;
    /** Definition names: what a {@code `name`} reference may name (this run's schemas). */
    private final Set<String> entityNames = new HashSet<>();
    /**
     * What an {@code @name} may name: any definition, member, value, branch or feature of the
     * schema. QEMU renders {@code @name} as literal text, not a link, and docs legitimately
     * mention members of related definitions ("jobs that have @auto-dismiss"), so only names
     * that exist nowhere are reported.
     */
    private final Set<String> allNames = new HashSet<>();

    DocRules(LintContext ctx, Set<String> otherSchemasNames) {
        this.ctx = ctx;
        entityNames.addAll(otherSchemasNames);
        for (Entity e : ctx.schema.entities()) {
            entityNames.add(e.name());
            allNames.add(e.name());
            for (Feature f : e.features()) {
                allNames.add(f.name());
            }
            if (e instanceof EnumType en) {
                for (EnumValue v : en.values()) {
                    allNames.add(v.name());
                    addFeatures(v.features());
                }
            } else if (e instanceof ObjectType o) {
                for (Member m : o.localMembers()) {
                    allNames.add(m.name());
                    addFeatures(m.features());
                }
                if (o.isUnion()) {
                    for (Variant v : o.branches().variants()) {
                        allNames.add(v.name());
                    }
                }
            } else if (e instanceof AlternateType a) {
                for (Variant v : a.variants()) {
                    allNames.add(v.name());
                }
            }
        }
    }

    private void addFeatures(List<Feature> features) {
        for (Feature f : features) {
            allNames.add(f.name());
        }
    }

    void run() {
        boolean pragma = ctx.schema.pragmas().docRequired();
        for (Entity e : ctx.definitions()) {
            if (ctx.failed(e)) {
                continue;
            }
            Doc doc = e.doc();
            if (doc == null) {
                if (!pragma) {
                    ctx.report(
                            Rules.DOC_MISSING,
                            e.location().withoutColumn(),
                            LintContext.contextOf(e),
                            "documentation comment missing");
                }
                undocumentedFeatures(e);
                continue;
            }
            since(e, doc);
            sinceMembers(e, doc);
            featuresExplained(e, doc);
        }
        if (ctx.enabled(Rules.DOC_REFERENCE) || ctx.enabled(Rules.DOC_XREF)) {
            for (Doc doc : ctx.schema.docs()) {
                references(doc);
            }
        }
    }

    // ---- doc-reference ----

    private void references(Doc doc) {
        Entity e = ctx.documented(doc);
        if ((!doc.isFreeForm() && e == null) || ctx.failed(e)) {
            return; // the definition failed: no cascades
        }
        for (Doc.Section s : doc.allSections()) {
            if (s.isStub() || s.kind() == Doc.Kind.SINCE || s.kind() == Doc.Kind.TODO) {
                continue;
            }
            int literalIndent = -1;
            boolean literalNext = false;
            for (Doc.TextLine line : s.lines()) {
                String t = line.text();
                String st = t.stripLeading();
                int indent = t.length() - st.length();
                if (literalIndent >= 0) {
                    if (st.isEmpty() || indent > literalIndent) {
                        continue;
                    }
                    literalIndent = -1;
                }
                if (literalNext && !st.isEmpty()) {
                    literalNext = false;
                }
                if (st.startsWith(".. qmp-example::")
                        || st.startsWith(".. code-block::")
                        || st.startsWith(".. code::")) {
                    literalIndent = indent;
                    continue;
                }
                if (st.endsWith("::") && !st.startsWith("..")) {
                    literalIndent = indent;
                }
                atReferences(line);
                backquoteReferences(line);
            }
        }
    }

    private void atReferences(Doc.TextLine line) {
        String t = line.text();
        for (int at = t.indexOf('@'); at >= 0; at = t.indexOf('@', at + 1)) {
            int end = nameEnd(t, at + 1);
            if (end == at + 1 || (at > 0 && Character.isLetterOrDigit(t.charAt(at - 1)))) {
                continue; // no name, or an e-mail address rather than a reference
            }
            String name = t.substring(at + 1, end);
            while (name.endsWith("-")) {
                name = name.substring(0, name.length() - 1);
            }
            if (!allNames.contains(name)) {
                ctx.report(
                        Rules.DOC_REFERENCE, ctx.at(line, at), null, "'@" + name + "' refers to nothing in the schema");
            }
        }
    }

    private void backquoteReferences(Doc.TextLine line) {
        String t = line.text();
        int i = 0;
        while (i < t.length()) {
            int open = t.indexOf('`', i);
            if (open < 0) {
                return;
            }
            if (t.startsWith("``", open)) {
                int close = t.indexOf("``", open + 2);
                if (close < 0) {
                    return;
                }
                i = close + 2;
                continue;
            }
            int close = t.indexOf('`', open + 1);
            if (close < 0) {
                return;
            }
            i = close + 1;
            boolean role = open > 0 && t.charAt(open - 1) == ':';
            boolean link = close + 1 < t.length() && t.charAt(close + 1) == '_';
            String name = t.substring(open + 1, close);
            if (role || link || name.isEmpty() || nameEnd(name, 0) != name.length()) {
                continue;
            }
            // Sphinx labels of the generated indexes ("qapi-qmp-index") are not definitions
            if (!entityNames.contains(name) && !name.endsWith("-index")) {
                ctx.report(
                        Rules.DOC_XREF,
                        ctx.at(line, open),
                        null,
                        "'`" + name + "`' refers to no definition in the schema");
            }
        }
    }

    /**
     * End of the name starting at {@code from}: QEMU's {@code [\\w-]+} of §2.7 (Unicode word
     * characters and '-'), scanned by hand because regexes cost start-up time.
     */
    static int nameEnd(String t, int from) {
        int i = from;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '_' || c == '-' || Character.isLetterOrDigit(c)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** True when {@code text} contains the word "since" in any case (a "(since X.Y)" note). */
    static boolean hasSinceNote(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (int i = t.indexOf("since"); i >= 0; i = t.indexOf("since", i + 1)) {
            boolean before = i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1));
            boolean after = i + 5 >= t.length() || !Character.isLetterOrDigit(t.charAt(i + 5));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    // ---- since-missing ----

    private void since(Entity e, Doc doc) {
        if (doc.since().isPresent()) {
            return;
        }
        // Sufficient too, as in QEMU's own schemas: members with "(since X.Y)" notes (old
        // enums such as RunState, whose values record when they were added).
        List<Doc.Section> described = new ArrayList<>();
        for (Doc.Section s : doc.args()) {
            if (!s.isStub()) {
                described.add(s);
            }
        }
        for (Doc.Section s : described) {
            if (hasSinceNote(s.text())) {
                return;
            }
        }
        // A paragraph "Since 10.1" (no colon) is plain text to QEMU: say so, it is the fix.
        for (Doc.Section s : doc.allSections()) {
            if (s.kind() != Doc.Kind.PLAIN) {
                continue;
            }
            for (Doc.TextLine line : s.lines()) {
                String t = line.text().strip();
                if (t.startsWith("Since ") && version(t) != null && t.length() < 20) {
                    ctx.report(
                            Rules.SINCE_MISSING,
                            line.location().withoutColumn(),
                            null,
                            "'" + t + "' is plain text; write 'Since: "
                                    + t.substring(6).strip() + "' to make it the 'Since:' section");
                    return;
                }
            }
        }
        ctx.report(
                Rules.SINCE_MISSING,
                e.location().withoutColumn(),
                LintContext.contextOf(e),
                "doc comment of " + e.describe() + " has no 'Since:' section");
    }

    // ---- since-member ----

    private void sinceMembers(Entity e, Doc doc) {
        int[] defVersion = doc.since().isPresent() ? version(doc.since().get().text()) : null;
        if (defVersion == null) {
            return;
        }
        for (Member m : documentedMembers(e)) {
            Doc.Section s = section(doc.args(), m.name());
            if (s == null || s.isStub() || hasSinceNote(s.text())) {
                continue;
            }
            // Only optional members of object type: members added later are optional
            // (compatibility), while required members, enums and alternates are mostly older
            // members whose 'str', 'bool' or inline type was turned into a named type later.
            String typeName = elementType(m.type());
            Entity t = ctx.schema.type(typeName).orElse(null);
            if (!m.optional()
                    || !(t instanceof ObjectType)
                    || t.doc() == null
                    || t.doc().since().isEmpty()) {
                continue;
            }
            int[] typeVersion = version(t.doc().since().get().text());
            if (typeVersion != null && compare(typeVersion, defVersion) > 0) {
                ctx.report(
                        Rules.SINCE_MEMBER,
                        s.location().withoutColumn(),
                        null,
                        "member '" + m.name() + "' has type '" + typeName + "' (since "
                                + show(typeVersion) + "), newer than " + e.describe() + " (since "
                                + show(defVersion) + "), but no '(since X.Y)' note");
            }
        }
    }

    private String elementType(String typeName) {
        Entity t = ctx.schema.type(typeName).orElse(null);
        return t instanceof ArrayType a ? a.elementType() : typeName;
    }

    /** The members a definition's doc describes (§1.9): local, inline base, inline arguments. */
    private List<Member> documentedMembers(Entity e) {
        List<Member> out = new ArrayList<>();
        if (e instanceof ObjectType o) {
            if (o.base() != null && o.base().startsWith("q_obj_")) {
                addLocal(out, o.base());
            }
            out.addAll(o.localMembers());
        } else if (e instanceof Command c && c.argType() != null && c.argType().startsWith("q_obj_")) {
            addLocal(out, c.argType());
        } else if (e instanceof Event ev && ev.argType() != null && ev.argType().startsWith("q_obj_")) {
            addLocal(out, ev.argType());
        }
        return out;
    }

    private void addLocal(List<Member> out, String implicitType) {
        if (ctx.schema.entity(implicitType).orElse(null) instanceof ObjectType o) {
            out.addAll(o.localMembers());
        }
    }

    private static Doc.Section section(List<Doc.Section> sections, String name) {
        for (Doc.Section s : sections) {
            if (name.equals(s.name())) {
                return s;
            }
        }
        return null;
    }

    /** The first version number "X.Y" or "X.Y.Z" in {@code text}, or null. */
    static int[] version(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i)) || (i > 0 && Character.isDigit(text.charAt(i - 1)))) {
                continue;
            }
            int[] v = new int[3];
            int p = i;
            int parts = 0;
            while (parts < 3) {
                int start = p;
                while (p < text.length() && text.charAt(p) >= '0' && text.charAt(p) <= '9') {
                    p++;
                }
                if (p == start || p - start > 6) {
                    break;
                }
                v[parts++] = Integer.parseInt(text.substring(start, p));
                if (p + 1 < text.length() && text.charAt(p) == '.' && Character.isDigit(text.charAt(p + 1))) {
                    p++;
                } else {
                    break;
                }
            }
            if (parts >= 2) {
                return v;
            }
        }
        return null;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    private static String show(int[] v) {
        return v[0] + "." + v[1] + (v[2] == 0 ? "" : "." + v[2]);
    }

    // ---- feature-explained ----

    /** A special feature on a definition without any doc comment explains nothing. */
    private void undocumentedFeatures(Entity e) {
        String context = LintContext.contextOf(e);
        for (Feature f : e.features()) {
            if (f.isSpecial()) {
                ctx.report(
                        Rules.FEATURE_EXPLAINED,
                        e.location().withoutColumn(),
                        context,
                        e.describe() + " has feature '" + f.name() + "' but no doc comment explains it");
            }
        }
        for (Map.Entry<String, List<Feature>> m : memberFeatures(e).entrySet()) {
            for (Feature f : m.getValue()) {
                if (f.isSpecial()) {
                    ctx.report(
                            Rules.FEATURE_EXPLAINED,
                            e.location().withoutColumn(),
                            context,
                            "'" + m.getKey() + "' has feature '" + f.name() + "' but no doc comment explains it");
                }
            }
        }
    }

    private void featuresExplained(Entity e, Doc doc) {
        for (Map.Entry<String, List<Feature>> m : memberFeatures(e).entrySet()) {
            for (Feature f : m.getValue()) {
                if (!f.isSpecial()) {
                    continue;
                }
                Doc.Section fs = section(doc.features(), f.name());
                Doc.Section ms = section(doc.args(), m.getKey());
                if (mentions(fs, m.getKey()) || describesFeature(ms, f.name())) {
                    continue;
                }
                SourceLocation where = fs != null ? fs.location() : doc.location();
                ctx.report(
                        Rules.FEATURE_EXPLAINED,
                        where.withoutColumn(),
                        null,
                        "'" + m.getKey() + "' has feature '" + f.name() + "', but neither the" + " '@" + f.name()
                                + ":' description nor its own mentions it");
            }
        }
    }

    /** Members or values of {@code e} (those its doc describes) with their features. */
    private Map<String, List<Feature>> memberFeatures(Entity e) {
        Map<String, List<Feature>> out = new LinkedHashMap<>();
        if (e instanceof EnumType en) {
            for (EnumValue v : en.values()) {
                out.put(v.name(), v.features());
            }
        } else {
            for (Member m : documentedMembers(e)) {
                out.put(m.name(), m.features());
            }
        }
        return out;
    }

    private static boolean mentions(Doc.Section s, String name) {
        if (s == null) {
            return false;
        }
        String t = s.text();
        for (int at = t.indexOf('@'); at >= 0; at = t.indexOf('@', at + 1)) {
            if (t.substring(at + 1, nameEnd(t, at + 1)).equals(name)) {
                return true;
            }
        }
        // bare words too ("Member x-foo is meant for debugging"), and prefix patterns such as
        // "All members starting with x- are ..." or "x-*"
        int i = 0;
        while (i < t.length()) {
            int end = nameEnd(t, i);
            if (end == i) {
                i++;
                continue;
            }
            String word = t.substring(i, end);
            if (word.equals(name)
                    || (word.length() >= 2
                            && word.endsWith("-")
                            && name.startsWith(word)
                            && (end == t.length() || t.charAt(end) != '@'))) {
                return true;
            }
            i = end;
        }
        return false;
    }

    private static boolean describesFeature(Doc.Section s, String feature) {
        if (s == null) {
            return false;
        }
        String t = s.text().toLowerCase(Locale.ROOT);
        return feature.equals("deprecated")
                ? t.contains("deprecated")
                : t.contains("unstable") || t.contains("experimental");
    }
}
