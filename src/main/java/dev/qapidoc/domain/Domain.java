package dev.qapidoc.domain;

import dev.qapidoc.rst.Directive;
import dev.qapidoc.rst.DirectiveRegistry;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.RstReader;
import dev.qapidoc.rst.SystemMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@code qapi} Sphinx domain in the union dialect of qapi-domain-and-html.md §0.2: QEMU
 * master's domain exactly where master accepts the input, the seed's richer dialect where master
 * rejects it.
 *
 * <p>One instance serves one build, in Sphinx's phases (§0.6): {@link #read} runs on every
 * document in name order and replaces the generic directive nodes the reader left behind with
 * object descriptions, index entries and anchors, registering every object; {@link #resolve} and
 * {@link #anyCandidates} then resolve references against the complete registry, so a reference may
 * point into a later document; finally {@link #objects()} and {@link #indexPages()} feed {@code
 * objects.inv} and the QAPI index pages.
 *
 * <pre>{@code
 * Domain domain = new Domain(DomainConfig.defaults(), SchemaExpander.NONE);
 * domain.read("index", tree, reader, messages::add);       // every document first
 * domain.resolve("index", pendingXref, messages::add);    // then every qapi:* reference
 * }</pre>
 *
 * <p>The domain never sees a schema: generated pages ({@code qapi-doc}) and hand-written ones go
 * through the same reST, so both render alike.
 */
public final class Domain {

    /** The role prefix of every domain role ({@code qapi:cmd}). */
    static final String PREFIX = "qapi:";

    /** Type names M exempts from "reference target not found" plus the raw schema built-ins (§4.4). */
    private static final Set<String> BUILTINS = Set.of(
            "string", "number", "int", "boolean", "null", "value", "q_empty", "str", "bool", "any", "size", "QType",
            "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64");

    private final DomainConfig config;
    private final SchemaExpander expander;
    /** FQN → entry, in insertion (document reading) order; a duplicate keeps its first position. */
    private final Map<String, ObjectEntry> registry = new LinkedHashMap<>();
    /**
     * Every key under each of its suffixes that starts after a {@code :} or {@code .} (and under
     * itself), in registry order: every fuzzy pattern of §4.3 ends in such a suffix, so a scan
     * only needs the keys filed under the target name instead of the whole registry.
     */
    private final Map<String, List<String>> bySuffix = new java.util.HashMap<>();

    public Domain(DomainConfig config, SchemaExpander expander) {
        this.config = config;
        this.expander = expander;
    }

    public DomainConfig config() {
        return config;
    }

    SchemaExpander expander() {
        return expander;
    }

    /**
     * Phase 1 for one document: runs every {@code qapi:*}, {@code qmp-example} and {@code qapi-doc}
     * directive of {@code document} in document order (namespace and module context start empty
     * for each document, §1.2), and records the context on every reference for phase 2.
     */
    public void read(String docname, RstNode document, RstReader reader, Consumer<SystemMessage> report) {
        new DocumentPass(this, docname, reader, report).run(document);
    }

    /** True when {@code directive} (any case) is one this domain handles. */
    public static boolean handlesDirective(String directive) {
        return DocumentPass.handles(directive);
    }

    /**
     * Registers the domain's directives ({@code qapi:*}, {@code qmp-example}, {@code qapi-doc}) as
     * {@linkplain Directive#deferred() deferred}: the reader leaves them as pending nodes with
     * their content unparsed, and {@link #read} expands them once the namespace and module
     * context is known.
     *
     * @return {@code b}, for chaining
     */
    public static DirectiveRegistry.Builder register(DirectiveRegistry.Builder b) {
        for (String name : DocumentPass.directiveNames()) {
            b.register(name, Directive.deferred());
        }
        return b;
    }

    /** True when {@code role} (as written, e.g. {@code qapi:cmd}) is a role of this domain. */
    public static boolean handlesRole(String role) {
        return role != null
                && role.startsWith(PREFIX)
                && Kind.forRole(role.substring(PREFIX.length())).isPresent();
    }

    // ---- registry (§1.4) ----

    /** Registers an object; returns the docname of a replaced duplicate, or null. */
    String register(ObjectEntry e) {
        ObjectEntry old = registry.put(e.fqn(), e);
        if (old == null) {
            String k = e.fqn();
            bySuffix.computeIfAbsent(k, x -> new ArrayList<>()).add(k);
            for (int i = 0; i < k.length(); i++) {
                char c = k.charAt(i);
                if (c == ':' || c == '.') {
                    bySuffix.computeIfAbsent(k.substring(i + 1), x -> new ArrayList<>())
                            .add(k);
                }
            }
        }
        return old == null ? null : old.docname();
    }

    /** Every registered object in registry order. */
    public List<ObjectEntry> objects() {
        return List.copyOf(registry.values());
    }

    /**
     * Splits an FQN or target into namespace, module and name (§1.3). With REF splitting (the
     * default) the module stays part of the name.
     */
    String[] split(String s) {
        String ns = "";
        String rest = s;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            ns = s.substring(0, colon);
            rest = s.substring(colon + 1);
        }
        String mod = "";
        if (config.splitModule()) {
            int dot = rest.indexOf('.');
            if (dot >= 0) {
                mod = rest.substring(0, dot);
                rest = rest.substring(dot + 1);
            }
        }
        return new String[] {ns, mod, rest};
    }

    /**
     * The resolution algorithm of §4.3: exact key, then the implicit FQN from the context, then
     * the first fuzzy pattern that matches anything. Returns the matches in registry order.
     */
    List<ObjectEntry> find(String cns, String cmod, String t, Set<Kind> kinds) {
        if (t.isEmpty()) {
            return List.of();
        }
        String[] p = split(t);
        String ns = p[0];
        String mod = p[1];
        String name = p[2];
        boolean explicitNs = !ns.isEmpty();
        boolean explicitMod = !mod.isEmpty();
        if (!explicitNs && !cns.isEmpty()) {
            ns = cns;
        }
        if (!explicitMod && !cmod.isEmpty()) {
            mod = cmod;
        }
        ObjectEntry exact = registry.get(t);
        if (exact != null && kinds.contains(exact.kind())) {
            return List.of(exact);
        }
        if (!ns.isEmpty() && !mod.isEmpty() && !name.isEmpty()) {
            ObjectEntry implicit = registry.get(ns + ":" + mod + "." + name);
            if (implicit != null && kinds.contains(implicit.kind())) {
                return List.of(implicit);
            }
        }
        List<ObjectEntry> out;
        if (explicitNs && !explicitMod) {
            return scan(kinds, 'n', ns, name);
        }
        if (explicitMod && !explicitNs) {
            return scan(kinds, 'm', mod, name);
        }
        if (explicitNs) {
            return List.of();
        }
        if (!cns.isEmpty() && !(out = scan(kinds, 'n', ns, name)).isEmpty()) {
            return out;
        }
        if (!cmod.isEmpty() && !(out = scan(kinds, 'm', mod, name)).isEmpty()) {
            return out;
        }
        return scan(kinds, 'e', null, name);
    }

    /**
     * One fuzzy pattern of §4.3 step 6 over every key, written as string tests instead of regular
     * expressions: 'n' is {@code ^NS:([^.]+\.)?NAME$}, 'm' is {@code (^|:)MOD\.NAME$}, 'e' is
     * {@code (^|:|\.)NAME$}.
     */
    private List<ObjectEntry> scan(Set<Kind> kinds, char pattern, String part, String name) {
        List<ObjectEntry> out = new ArrayList<>();
        for (String key : bySuffix.getOrDefault(name, List.of())) {
            ObjectEntry e = registry.get(key);
            if (!kinds.contains(e.kind())) {
                continue;
            }
            String k = e.fqn();
            boolean hit;
            if (pattern == 'n') {
                String pre = part + ":";
                if (!k.startsWith(pre)) {
                    continue;
                }
                String rest = k.substring(pre.length());
                if (rest.equals(name)) {
                    hit = true;
                } else if (rest.endsWith("." + name)) {
                    String mod = rest.substring(0, rest.length() - name.length() - 1);
                    hit = !mod.isEmpty() && mod.indexOf('.') < 0;
                } else {
                    hit = false;
                }
            } else if (pattern == 'm') {
                String suffix = part + "." + name;
                hit = k.endsWith(suffix)
                        && (k.length() == suffix.length() || k.charAt(k.length() - suffix.length() - 1) == ':');
            } else {
                hit = k.endsWith(name)
                        && (k.length() == name.length() || ":.".indexOf(k.charAt(k.length() - name.length() - 1)) >= 0);
            }
            if (hit) {
                out.add(e);
            }
        }
        return out;
    }

    // ---- phase 2: references (§4) ----

    /**
     * Replaces a pending {@code qapi:*} reference by its rendering (§4.2, §4.4): a link to the
     * object, or the literal text plus Sphinx's warning when nothing matches.
     */
    public void resolve(String docname, RstNode x, Consumer<SystemMessage> report) {
        String role = x.attr("role").substring(PREFIX.length());
        Set<Kind> kinds = Kind.forRole(role).orElse(null);
        if (kinds == null || x.parent() == null) {
            return;
        }
        String cls = "xref qapi qapi-" + role;
        Xref ref = Xref.parse(x.attr("text"));
        List<RstNode> out = new ArrayList<>();
        if (ref.suppressed()) {
            out.add(literal(x, cls, ref.display()));
            x.replaceWith(out);
            return;
        }
        List<ObjectEntry> matches = find(nz(x.attr("qapi-ns")), nz(x.attr("qapi-mod")), ref.target(), kinds);
        if (matches.isEmpty() && role.equals("obj")) {
            // U: the seed's qapi:obj matched every kind (§4.1)
            matches = find(nz(x.attr("qapi-ns")), nz(x.attr("qapi-mod")), ref.target(), Kind.ALL);
        }
        if (matches.size() > 1) {
            List<String> fqns = new ArrayList<>();
            matches.forEach(m -> fqns.add(m.fqn()));
            report.accept(SystemMessage.warning(
                    where(x),
                    "more than one target found for cross-reference " + repr(ref.target()) + ": "
                            + String.join(", ", fqns)));
        }
        if (ref.array()) {
            out.add(literal(x, null, "["));
        }
        RstNode lit = literal(x, cls, ref.display());
        if (matches.isEmpty()) {
            if (!BUILTINS.contains(ref.target())) {
                report.accept(SystemMessage.warning(
                        where(x), "qapi:" + role + " reference target not found: " + repr(ref.target())));
            }
            out.add(lit);
        } else {
            out.add(link(x, docname, matches.get(0), lit));
        }
        if (ref.array()) {
            out.add(literal(x, null, "]"));
        }
        if (ref.optional()) {
            out.add(RstNode.text(", ", x.location()));
            RstNode em = new RstNode(Type.EMPHASIS, x.location());
            em.add(RstNode.text("optional", x.location()));
            out.add(em);
        }
        x.replaceWith(out);
    }

    /** One way an {@code any} reference could resolve into this domain. */
    public record Candidate(String description, RstNode node) {}

    /**
     * The candidates of an {@code any} reference in this domain (§4.5): every match of §4.3 with
     * no kind restriction, rendered with classes {@code xref any qapi qapi-«first role»}.
     *
     * @param target the whitespace-normalised target
     * @param title the explicit title, or null
     */
    public List<Candidate> anyCandidates(String docname, RstNode x, String target, String title) {
        List<Candidate> out = new ArrayList<>();
        for (ObjectEntry e : find(nz(x.attr("qapi-ns")), nz(x.attr("qapi-mod")), target, Kind.ALL)) {
            RstNode lit = literal(x, "xref any qapi qapi-" + e.kind().firstRole(), title != null ? title : target);
            out.add(new Candidate(":qapi:" + e.kind().firstRole() + ":`" + e.fqn() + "`", link(x, docname, e, lit)));
        }
        return out;
    }

    private static RstNode literal(RstNode at, String classes, String text) {
        RstNode lit = new RstNode(Type.LITERAL, at.location());
        if (classes != null) {
            Collections.addAll(lit.classes(), classes.split(" "));
        }
        lit.add(RstNode.text(text, at.location()));
        return lit;
    }

    private static RstNode link(RstNode at, String fromDoc, ObjectEntry e, RstNode content) {
        RstNode ref = new RstNode(Type.REFERENCE, at.location())
                .attr("internal", "true")
                .attr("reftitle", e.fqn());
        if (e.docname().equals(fromDoc)) {
            ref.attr("refid", e.id());
        } else {
            ref.attr("refuri", relative(fromDoc, e.docname() + ".html") + "#" + e.id());
        }
        ref.add(content);
        return ref;
    }

    /** URI of {@code target} (a path from the output root) as seen from the page of {@code fromDoc}. */
    static String relative(String fromDoc, String target) {
        return dev.qapidoc.rst.Hrefs.relative(fromDoc, target);
    }

    /** Sphinx reports a reference at the line of the paragraph that holds it. */
    static dev.qapidoc.source.SourceLocation where(RstNode x) {
        RstNode p = x.ancestor(Type.PARAGRAPH);
        return p != null ? p.location() : x.location();
    }

    /** Python's {@code repr} of a string, as Sphinx quotes targets in messages. */
    static String repr(String s) {
        String q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? "\"" : "'";
        StringBuilder sb = new StringBuilder(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                sb.append("\\\\");
            } else if (String.valueOf(c).equals(q)) {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else {
                sb.append(c);
            }
        }
        return sb.append(q).toString();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---- QAPI index pages (§5.2) ----

    /** One row of a QAPI index page: in {@code group}, a link to {@code docname#id}. */
    public record IndexRow(String display, String docname, String id, String extra) {}

    /** One group (category or letter) of a QAPI index page. */
    public record IndexGroup(String name, List<IndexRow> rows) {}

    /**
     * A QAPI index page: {@code qapi-index} (objects without namespace) or {@code qapi-«ns»-index}.
     *
     * @param name page name and standard label
     * @param title page title and label title
     * @param groups categories first, then letters (§5.2.2)
     */
    public record IndexPage(String name, String title, List<IndexGroup> groups) {}

    /** Every index label with its title, whether or not the page has entries (§5.2.1). */
    public Map<String, String> indexLabels() {
        Map<String, String> out = new TreeMap<>();
        out.put("qapi-index", "QAPI Index");
        for (String ns : config.namespaces()) {
            out.put(indexName(ns), ns + " Index");
        }
        return out;
    }

    private static String indexName(String ns) {
        return "qapi-" + ns.toLowerCase(Locale.ROOT) + "-index";
    }

    /** The QAPI index pages that have at least one entry, in label order. */
    public List<IndexPage> indexPages() {
        List<IndexPage> out = new ArrayList<>();
        for (Map.Entry<String, String> label : indexLabels().entrySet()) {
            String ns = null;
            if (!label.getKey().equals("qapi-index")) {
                for (String n : config.namespaces()) {
                    if (indexName(n).equals(label.getKey())) {
                        ns = n;
                    }
                }
            }
            Map<String, List<IndexRow>> groups = new TreeMap<>((a, b) -> {
                boolean ca = a.length() > 1;
                boolean cb = b.length() > 1;
                return ca != cb ? (ca ? -1 : 1) : a.compareTo(b);
            });
            for (ObjectEntry e : registry.values()) {
                String[] p = split(e.fqn());
                if (!p[0].equals(ns == null ? "" : ns) || p[2].isEmpty()) {
                    continue;
                }
                String display = p[2];
                String letter =
                        display.substring(0, display.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
                groups.computeIfAbsent(letter, k -> new ArrayList<>())
                        .add(new IndexRow(display, e.docname(), e.id(), e.kind().objtype()));
                groups.computeIfAbsent(e.kind().category(), k -> new ArrayList<>())
                        .add(new IndexRow(display, e.docname(), e.id(), ""));
            }
            if (groups.isEmpty()) {
                continue;
            }
            List<IndexGroup> gs = new ArrayList<>();
            for (Map.Entry<String, List<IndexRow>> g : groups.entrySet()) {
                List<IndexRow> rows = new ArrayList<>(g.getValue());
                rows.sort((a, b) -> {
                    int c = a.display().compareTo(b.display());
                    if (c == 0) {
                        c = a.docname().compareTo(b.docname());
                    }
                    return c != 0 ? c : a.id().compareTo(b.id());
                });
                gs.add(new IndexGroup(g.getKey(), List.copyOf(rows)));
            }
            out.add(new IndexPage(label.getKey(), label.getValue(), List.copyOf(gs)));
        }
        return out;
    }
}
