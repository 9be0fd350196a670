package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The per-document transforms docutils and Sphinx run after parsing, in their order: {@code only}
 * evaluation, index targets, section and label ids (qapi-domain-and-html.md §3.2), target
 * propagation (§3.4), automatic {@code id«N»} ids (§3.3) for captioned tables and blocks and for
 * the back-links of {@code contents} topics (§6.4), then named hyperlink references.
 */
public final class Transforms {

    private static final Set<Type> INVISIBLE =
            Set.of(Type.TARGET, Type.INDEX, Type.COMMENT, Type.SUBSTITUTION_DEFINITION, Type.SYSTEM_MESSAGE);

    /** Tags for {@code only}: this builder is html. */
    private static final Set<String> TAGS = Set.of("html", "format_html", "builder_html");

    private final RstNode doc;
    private final Consumer<SystemMessage> report;
    private final Set<String> tags;
    private final Set<String> used = new HashSet<>();
    private int autoId = 0;

    private Transforms(RstNode doc, Consumer<SystemMessage> report, Set<String> tags) {
        this.doc = doc;
        this.report = report;
        this.tags = tags;
    }

    public static void apply(RstNode doc, Consumer<SystemMessage> report) {
        apply(doc, report, TAGS);
    }

    /** The transforms, with {@code tags} (the builder's, {@code -t}'s and conf.py's) for {@code only}. */
    public static void apply(RstNode doc, Consumer<SystemMessage> report, Set<String> tags) {
        new Transforms(doc, report, Set.copyOf(tags)).run();
    }

    /** The tags every html build has: {@code html}, {@code format_html}, {@code builder_html}. */
    public static Set<String> builderTags() {
        return TAGS;
    }

    private void run() {
        Substitutions.resolve(doc, report);
        only();
        // from here until contents() the passes change ids, names and attributes but hardly the
        // tree's shape (StdObjects inserts index nodes none of the later passes acts on). Each
        // pass acts on a few kinds of node only: they share one walk that picks those out (the
        // nodes with ids, the named ones, and the types below), in document order, without
        // visiting the paragraphs in between. On QEMU's QMP manual (66,000 nodes) the passes
        // took 130-150 ms of CPU when each went through every node.
        List<RstNode> sel = doc.select(ID_PASS_TYPES, true, true);
        List<RstNode> targets = ofType(sel, Type.TARGET);
        for (RstNode n : sel) {
            used.addAll(n.ids());
        }
        // (the node before each index target, in document order, as it is before StdObjects
        // inserts its index nodes)
        Map<RstNode, RstNode> before = new java.util.IdentityHashMap<>();
        for (RstNode t : targets) {
            if ("true".equals(t.attr("index"))) {
                before.put(t, preceding(t));
            }
        }
        // Sphinx gives these ids while reading, before docutils' transforms
        StdObjects.apply(sel, used);
        indexTargets(targets, before);
        List<RstNode> duplicates = sectionIds(ofType(sel, Type.SECTION));
        // docutils numbers sections without an id of their own while parsing, in document order
        // with the targets and footnotes, before the contents transform numbers its entries
        Set<RstNode> numbered = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        numbered.addAll(duplicates);
        labels(sel, numbered);
        Footnotes.resolve(doc.select(Footnotes.TYPES, true, false), report);
        propagate(targets);
        captions(doc.select(CAPTION_TYPES, true, false));
        contents();
        namedReferences();
    }

    private String nextAutoId() {
        String id;
        do {
            id = "id" + ++autoId;
        } while (used.contains(id));
        used.add(id);
        return id;
    }

    private void only() {
        for (RstNode n : doc.findAll(Type.ONLY)) {
            if (n.parent() == null) {
                continue;
            }
            boolean keep;
            try {
                keep = new Expr(n.attr("expr"), tags).parse();
            } catch (IllegalArgumentException e) {
                report.accept(SystemMessage.warning(
                        n.location(), "exception while evaluating only directive expression: " + e.getMessage()));
                keep = true;
            }
            if (keep) {
                for (RstNode c : n.children()) {
                    if (c.type() == Type.SECTION) {
                        fromOnly.add(c);
                    }
                }
            }
            n.replaceWith(keep ? new ArrayList<>(n.children()) : List.of());
        }
    }

    /**
     * Sections that stood directly in a kept {@code only} node. Sphinx removes {@code only} nodes
     * after docutils' transforms ran, and the {@code contents} transform lists only the sections
     * that are children of its scope: these were children of the {@code only} node then, so no
     * table of contents lists them (QEMU's dbus-display page has its {@code .. contents::} dropped
     * as empty, its sections being inside {@code .. only:: sphinx4}). Identity, not equality.
     */
    private final Set<RstNode> fromOnly = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** A tiny boolean expression evaluator over tags: and, or, not, parentheses. */
    private static final class Expr {
        final String[] toks;
        int i;

        final Set<String> tags;

        Expr(String s, Set<String> tags) {
            this.tags = tags;
            toks = s.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+");
        }

        boolean parse() {
            boolean v = or(0);
            if (i != toks.length) {
                throw new IllegalArgumentException("chunk after expression");
            }
            return v;
        }

        boolean or(int d) {
            boolean v = and(d);
            while (i < toks.length && toks[i].equals("or")) {
                i++;
                v = and(d) || v; // the operand is parsed first, whatever v is
            }
            return v;
        }

        boolean and(int d) {
            boolean v = not(d);
            while (i < toks.length && toks[i].equals("and")) {
                i++;
                v = not(d) && v; // the operand is parsed first, whatever v is
            }
            return v;
        }

        boolean not(int d) {
            if (d > 50) {
                throw new IllegalArgumentException("expression too deep");
            }
            if (i >= toks.length || toks[i].isEmpty()) {
                throw new IllegalArgumentException("unexpected end of expression");
            }
            String t = toks[i++];
            if (t.equals("not")) {
                return !not(d + 1);
            }
            if (t.equals("(")) {
                boolean v = or(d + 1);
                if (i >= toks.length || !toks[i++].equals(")")) {
                    throw new IllegalArgumentException("')' expected");
                }
                return v;
            }
            if (!t.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("unexpected token '" + t + "'");
            }
            return tags.contains(t);
        }
    }

    /** The nodes of type {@code t} in {@code nodes}, in their order (a findAll without a walk). */
    private static List<RstNode> ofType(List<RstNode> nodes, Type t) {
        List<RstNode> out = new ArrayList<>();
        for (RstNode n : nodes) {
            if (n.type() == t) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * What the id passes act on: {@link StdObjects}' index markers, descriptions, option
     * references and glossary terms; index and label targets; sections; footnotes and citations
     * (the nodes with names or ids come with them).
     */
    private static final Set<Type> ID_PASS_TYPES = java.util.EnumSet.of(
            Type.INDEX,
            Type.DESC,
            Type.PENDING_XREF,
            Type.TERM,
            Type.TARGET,
            Type.SECTION,
            Type.FOOTNOTE,
            Type.CITATION,
            Type.FOOTNOTE_REFERENCE,
            Type.CITATION_REFERENCE);

    /** What {@link #captions} acts on besides the named nodes. */
    private static final Set<Type> CAPTION_TYPES = java.util.EnumSet.of(Type.TABLE, Type.LITERAL_BLOCK);

    /** What {@link #namedReferences} acts on besides the named nodes. */
    private static final Set<Type> REFERENCE_TYPES = java.util.EnumSet.of(Type.TARGET, Type.REFERENCE);

    /**
     * The node before {@code n} in document order (the last node of the previous sibling's
     * subtree, else the parent), or null at the start of the document: the predecessor in {@link
     * RstNode#descendants()} of the document, which does not list the document itself.
     */
    private RstNode preceding(RstNode n) {
        RstNode p = n.parent();
        int i = n.indexInParent();
        if (i <= 0) {
            return p == doc ? null : p;
        }
        RstNode cur = p.children().get(i - 1);
        while (!cur.children().isEmpty()) {
            cur = cur.children().get(cur.children().size() - 1);
        }
        return cur;
    }

    /**
     * Index targets ({@code index} directive and role) get ids {@code index-N} in document order;
     * an index node just before one (in {@code before}) links to it.
     */
    private void indexTargets(List<RstNode> targets, Map<RstNode, RstNode> before) {
        int n = 0;
        for (RstNode t : targets) {
            if ("true".equals(t.attr("index"))) {
                String id = "index-" + n++;
                t.ids().add(id);
                used.add(id);
                RstNode prev = before.get(t);
                if (prev != null && prev.type() == Type.INDEX && prev.attr("target") == null) {
                    prev.attr("target", id);
                }
            }
        }
    }

    /** Section ids from titles; returns sections whose id is taken (they get idN later). */
    private List<RstNode> sectionIds(List<RstNode> sections) {
        List<RstNode> dups = new ArrayList<>();
        for (RstNode s : sections) {
            if (!s.ids().isEmpty()) {
                continue;
            }
            // docutils makes the id from the section's name, taken from the title as written:
            // smart quotes come later, so "QEMU's" gives "qemu-s", not the id of "QEMU’s"
            String title = !s.names().isEmpty()
                    ? s.names().get(0)
                    : s.children().isEmpty() ? "" : s.children().get(0).astext();
            String id = Ids.docutils(title);
            if (id.isEmpty() || used.contains(id)) {
                if (!id.isEmpty()) {
                    report.accept(new SystemMessage(
                            SystemMessage.Level.INFO,
                            s.location(),
                            "Duplicate implicit target name: \"" + Ids.normalizeName(title) + "\"."));
                }
                dups.add(s);
                continue;
            }
            s.ids().add(id);
            used.add(id);
        }
        return dups;
    }

    /** Ids of labels, footnotes and citations, in document order (as docutils gives them). */
    private void labels(List<RstNode> all, Set<RstNode> numberedSections) {
        for (RstNode t : all) {
            if (t.type() == Type.SECTION && numberedSections.contains(t)) {
                t.ids().add(0, nextAutoId());
                continue;
            }
            if (Footnotes.TYPES.contains(t.type())) {
                Footnotes.assignId(t, used, this::nextAutoId);
                continue;
            }
            if (t.type() != Type.TARGET
                    || t.attr("refuri") != null
                    || t.attr("refname") != null
                    || t.names().isEmpty()
                    || !t.ids().isEmpty()) {
                continue;
            }
            String id = Ids.docutils(t.names().get(0));
            if (id.isEmpty() || used.contains(id)) {
                id = nextAutoId();
            }
            t.ids().add(id);
            used.add(id);
        }
    }

    /** §3.4: a standalone target's ids move to the next visible node. */
    private void propagate(List<RstNode> targets) {
        for (int k = targets.size() - 1; k >= 0; k--) {
            RstNode t = targets.get(k);
            if (t.ids().isEmpty() || "true".equals(t.attr("inline")) || t.attr("refuri") != null) {
                continue;
            }
            RstNode next = nextNode(t);
            if (next == null || INVISIBLE.contains(next.type()) || next.type() == Type.TEXT) {
                continue;
            }
            next.ids().addAll(t.ids());
            next.names().addAll(t.names());
            t.attr("propagated", next.type() == Type.SECTION ? "section" : "other");
            t.attr("refid", t.ids().get(0));
            t.ids().clear();
        }
    }

    private static RstNode nextNode(RstNode n) {
        for (RstNode cur = n; cur.parent() != null; cur = cur.parent()) {
            RstNode p = cur.parent();
            int i = cur.indexInParent();
            if (i + 1 < p.children().size()) {
                return p.children().get(i + 1);
            }
        }
        return null;
    }

    private void captions(List<RstNode> all) {
        for (RstNode n : all) {
            boolean table = n.type() == Type.TABLE
                    && !n.children().isEmpty()
                    && n.children().get(0).type() == Type.TITLE;
            boolean block = n.type() == Type.LITERAL_BLOCK && n.attr("caption") != null;
            if ((table || block) && n.ids().isEmpty()) {
                if (!n.names().isEmpty()
                        && !used.contains(Ids.docutils(n.names().get(0)))
                        && !Ids.docutils(n.names().get(0)).isEmpty()) {
                    String id = Ids.docutils(n.names().get(0));
                    n.ids().add(id);
                    used.add(id);
                } else {
                    n.ids().add(nextAutoId());
                }
            } else if (!n.names().isEmpty()
                    && n.ids().isEmpty()
                    && n.type() != Type.SECTION
                    && n.type() != Type.TARGET
                    && n.type() != Type.SUBSTITUTION_DEFINITION
                    && n.type() != Type.TOPIC) {
                String id = Ids.docutils(n.names().get(0));
                if (!id.isEmpty() && !used.contains(id)) {
                    n.ids().add(id);
                    used.add(id);
                }
            }
        }
    }

    /** §6.4: fills {@code contents} topics with a linked list of the sections below them. */
    private void contents() {
        for (RstNode topic : doc.findAll(Type.TOPIC)) {
            if (!"true".equals(topic.attr("contents"))) {
                continue;
            }
            if (topic.ids().isEmpty()) {
                String id = Ids.docutils(
                        topic.names().isEmpty() ? "contents" : topic.names().get(0));
                if (used.contains(id) || id.isEmpty()) {
                    id = nextAutoId();
                }
                topic.ids().add(id);
                used.add(id);
            }
            RstNode scope = topic.parent();
            boolean local = "true".equals(topic.attr("local"));
            while (!local && scope.parent() != null) {
                scope = scope.parent();
            }
            int depth = 100;
            try {
                if (topic.attr("depth") != null) {
                    depth = Integer.parseInt(topic.attr("depth").strip());
                }
            } catch (NumberFormatException e) {
                report.accept(SystemMessage.error(
                        topic.location(),
                        "Error in \"contents\" directive:\ninvalid option value: (option: \"depth\"; value: '"
                                + topic.attr("depth") + "')"));
            }
            RstNode list = contentsList(scope, depth, topic.location(), 0);
            if (list != null) {
                topic.add(list);
            } else {
                topic.replaceWith(List.of());
            }
        }
    }

    private RstNode contentsList(RstNode scope, int depth, dev.qapidoc.source.SourceLocation where, int level) {
        if (depth <= 0 || level > 50) {
            return null;
        }
        RstNode list = new RstNode(Type.BULLET_LIST, where);
        for (RstNode s : scope.children()) {
            if (s.type() != Type.SECTION || (s.ids().isEmpty() && s.children().isEmpty()) || fromOnly.contains(s)) {
                continue;
            }
            RstNode title = s.children().get(0);
            String backref = nextAutoId();
            RstNode item = new RstNode(Type.LIST_ITEM, where);
            RstNode p = new RstNode(Type.PARAGRAPH, where);
            RstNode ref = new RstNode(Type.REFERENCE, where);
            ref.attr("pendingSection", "true");
            ref.attr("internal", "true");
            ref.ids().add(backref);
            // refid is set once the section has its final id (duplicates get theirs later)
            ref.attr("sectionRef", String.valueOf(System.identityHashCode(s)));
            sectionRefs.put(ref, s);
            for (RstNode c : title.children()) {
                ref.add(copyInline(c));
            }
            p.add(ref);
            item.add(p);
            if (title.attr("refid") == null) {
                title.attr("refid", backref);
            }
            RstNode sub = contentsList(s, depth - 1, where, level + 1);
            if (sub != null) {
                item.add(sub);
            }
            list.add(item);
        }
        return list.children().isEmpty() ? null : list;
    }

    private final Map<RstNode, RstNode> sectionRefs = new LinkedHashMap<>();

    /** Copies inline markup without links or targets (TOC entries show text only). */
    public static RstNode copyInline(RstNode n) {
        if (n.type() == Type.REFERENCE || n.type() == Type.TARGET || n.type() == Type.PENDING_XREF) {
            RstNode span = new RstNode(Type.INLINE, n.location());
            for (RstNode c : n.children()) {
                span.add(copyInline(c));
            }
            if (n.children().isEmpty() && n.attr("text") != null) {
                span.add(RstNode.text(n.attr("text"), n.location()));
            }
            return span;
        }
        RstNode c = new RstNode(n.type(), n.location());
        c.setText(n.text());
        n.attributes().forEach(c::attr);
        c.classes().addAll(n.classes());
        for (RstNode ch : n.children()) {
            c.add(copyInline(ch));
        }
        return c;
    }

    /**
     * Anonymous references ({@code `text`__}, {@code word__}) and anonymous targets ({@code .. __:
     * uri}, {@code __ uri}) pair up in document order, as the reST specification describes; an
     * unequal count is docutils' "Anonymous hyperlink mismatch" error.
     */
    private void anonymous(List<RstNode> all) {
        List<RstNode> refs = new ArrayList<>();
        List<RstNode> targets = new ArrayList<>();
        for (RstNode n : all) {
            if ("true".equals(n.attr("anonymous"))) {
                (n.type() == Type.REFERENCE ? refs : targets).add(n);
            }
        }
        if (refs.size() != targets.size()) {
            RstNode at = refs.isEmpty() ? targets.get(0) : refs.get(0);
            report.accept(SystemMessage.error(
                    at.location(),
                    "Anonymous hyperlink mismatch: " + refs.size() + " references but " + targets.size()
                            + " targets.\nSee \"backrefs\" attribute for IDs."));
            return;
        }
        for (int k = 0; k < refs.size(); k++) {
            RstNode t = targets.get(k);
            RstNode r = refs.get(k);
            if (t.attr("refuri") != null) {
                r.attr("refuri", t.attr("refuri"));
            } else if (t.attr("refname") != null) {
                r.attr("refname", t.attr("refname"));
            }
            r.attr("anonymous", null);
        }
    }

    /** `name`_ references and `text <uri>`_ targets within the document. */
    private void namedReferences() {
        for (Map.Entry<RstNode, RstNode> e : sectionRefs.entrySet()) {
            RstNode s = e.getValue();
            if (!s.ids().isEmpty()) {
                e.getKey().attr("refid", s.ids().get(0));
            }
            e.getKey().attr("sectionRef", null);
            e.getKey().attr("pendingSection", null);
        }
        Map<String, String[]> names = new LinkedHashMap<>();
        // contents() added nodes: one fresh walk, shared by the three loops (none changes the
        // shape); they act on targets, references and named nodes only (anonymous references
        // and targets are references and targets)
        List<RstNode> all = doc.select(REFERENCE_TYPES, true, false);
        for (RstNode n : all) {
            if (n.type() == Type.TARGET && n.attr("refuri") != null) {
                for (String name : n.names()) {
                    names.putIfAbsent(name, new String[] {"uri", n.attr("refuri")});
                }
            } else if (n.type() == Type.REFERENCE && n.attr("definesname") != null) {
                names.putIfAbsent(n.attr("definesname"), new String[] {"uri", n.attr("refuri")});
            } else if (!n.names().isEmpty()) {
                String id = !n.ids().isEmpty() ? n.ids().get(0) : n.attr("refid");
                if (id != null) {
                    for (String name : n.names()) {
                        names.putIfAbsent(name, new String[] {"id", id});
                    }
                }
            }
        }
        anonymous(all);
        // indirect targets: .. _a: b_
        for (RstNode n : ofType(all, Type.TARGET)) {
            if (n.attr("refname") != null) {
                String[] to = names.get(n.attr("refname"));
                if (to != null) {
                    for (String name : n.names()) {
                        names.putIfAbsent(name, to);
                    }
                }
            }
        }
        for (RstNode r : ofType(all, Type.REFERENCE)) {
            String name = r.attr("refname");
            if (name == null) {
                continue;
            }
            String[] to = names.get(name);
            if (to == null) {
                report.accept(SystemMessage.error(r.location(), "Unknown target name: \"" + name + "\"."));
                r.attr("refname", null);
                continue;
            }
            if (to[0].equals("uri")) {
                r.attr("refuri", to[1]);
            } else {
                r.attr("refid", to[1]);
                r.attr("internal", "true");
            }
            r.attr("refname", null);
        }
    }
}
