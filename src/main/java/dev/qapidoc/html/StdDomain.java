package dev.qapidoc.html;

import dev.qapidoc.domain.Domain;
import dev.qapidoc.rst.Hrefs;
import dev.qapidoc.rst.Ids;
import dev.qapidoc.rst.RoleText;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Sphinx's standard domain for one build: the labels of every document ({@code .. _name:}) and
 * of the generated pages, and the roles {@code doc}, {@code ref}, {@code any}, {@code pep} and
 * {@code rfc} (qapi-domain-and-html.md §4.5), rendered and reported the way Sphinx 5.3 does.
 *
 * <p>{@link #collect} runs on every document once all are read; references are resolved after
 * that, so they may point into any document. {@code any} tries documents, then labels, then the
 * other domains' candidates in registration order; more than one match is Sphinx's ambiguity
 * warning and the first wins.
 */
final class StdDomain implements XrefDomain {

    /** Labels every Sphinx site has (§4.5), with their titles and pages. */
    private static final Map<String, PageLabel> STD_LABELS = Map.of(
            "genindex", new PageLabel("genindex", "Index"),
            "search", new PageLabel("search", "Search Page"),
            // Sphinx always has these two (from its Python domain); objects.inv lists them, and
            // spec §5.3 asks for Sphinx's inventory byte for byte
            "modindex", new PageLabel("py-modindex", "Module Index"),
            "py-modindex", new PageLabel("py-modindex", "Python Module Index"));

    /**
     * A label: in a document ({@code docname} and {@code anchor}, {@code title} null unless it
     * labels a section or captioned table) or naming a generated {@code page}.
     */
    private record Label(String docname, String anchor, String title, String page) {}

    private final Map<String, SourceDoc> docs;
    private final List<XrefDomain> others;
    /** Labels of documents, in the order they were found. */
    private final Map<String, Label> labels = new LinkedHashMap<>();
    /** Page labels of every domain; made once the other domains know theirs (after reading). */
    private Map<String, PageLabel> pageLabels;

    /**
     * @param docs every document of the build, by name
     * @param others the other registered domains, asked for {@code any} targets and page labels
     *     in this order (a later domain's page label replaces an earlier one of the same name)
     */
    StdDomain(Map<String, SourceDoc> docs, List<XrefDomain> others) {
        this.docs = docs;
        this.others = List.copyOf(others);
    }

    @Override
    public Set<String> roles() {
        return Set.of("doc", "ref", "any", "pep", "rfc");
    }

    @Override
    public Map<String, PageLabel> pageLabels() {
        return STD_LABELS;
    }

    /**
     * Every page label: Sphinx's own, then the other domains' in order (a later one replaces an
     * earlier one of the same name; the qapi domain's {@code qapi-*-index} never meet Sphinx's).
     */
    private Map<String, PageLabel> allPageLabels() {
        if (pageLabels == null) {
            Map<String, PageLabel> all = new TreeMap<>(STD_LABELS);
            for (XrefDomain d : others) {
                all.putAll(d.pageLabels());
            }
            pageLabels = all;
        }
        return pageLabels;
    }

    // ---- labels ----

    /** Records the labels of document {@code d}, warning about a name already taken. */
    void collect(SourceDoc d, Consumer<SystemMessage> report) {
        // the targets and the nodes with ids (the holders below), without visiting the rest
        List<RstNode> all = d.tree.select(Set.of(Type.TARGET), false, true);
        Map<String, RstNode> byId = null;
        for (RstNode n : all) {
            if (n.type() != Type.TARGET
                    || n.attr("refuri") != null
                    || n.names().isEmpty()
                    || "true".equals(n.attr("index"))) {
                continue;
            }
            String id = n.ids().isEmpty() ? n.attr("refid") : n.ids().get(0);
            if (byId == null) {
                byId = firstById(all);
            }
            RstNode holder = id == null ? null : byId.get(id);
            String title = holder != null && holder.type() == Type.SECTION
                    ? holder.children().get(0).astext()
                    : null;
            if (holder != null
                    && (holder.type() == Type.TABLE)
                    && !holder.children().isEmpty()
                    && holder.children().get(0).type() == Type.TITLE) {
                title = holder.children().get(0).astext();
            }
            for (String name : n.names()) {
                // a label named like the section it precedes (images.rst's "disk images" before
                // "Disk Images"): the name stands for the section's own id, the label's id is
                // kept only as an extra anchor (what Sphinx's output for QEMU's docs shows)
                // (qtest.rst's "qtest-protocol" before "QTest Protocol" is another name: it keeps
                // the label's id)
                String nameId = id;
                // docutils gives a label its name's id before the section after it takes its own;
                // we number sections first, so a clash left the label an auto id: take it back
                String labelOwn = Ids.docutils(name);
                if (holder != null && !labelOwn.equals(id) && holder.ids().contains(labelOwn)) {
                    nameId = labelOwn;
                }
                if (holder != null
                        && holder.type() == Type.SECTION
                        && !holder.ids().isEmpty()
                        && title != null
                        && Ids.normalizeName(title).equals(name)) {
                    String own = Ids.docutils(title);
                    nameId = holder.ids().contains(own) ? own : holder.ids().get(0);
                }
                if (labels.containsKey(name)) {
                    report.accept(SystemMessage.warning(
                            n.location(),
                            "duplicate label " + name + ", other instance in "
                                    + docs.get(labels.get(name).docname()).file));
                }
                labels.put(name, new Label(d.name, nameId, title, null));
            }
        }
    }

    /** The first node in document order carrying each id (labels look their holder up here). */
    private static Map<String, RstNode> firstById(List<RstNode> nodes) {
        Map<String, RstNode> out = new HashMap<>();
        for (RstNode n : nodes) {
            for (String id : n.ids()) {
                out.putIfAbsent(id, n);
            }
        }
        return out;
    }

    private Label label(String name) {
        Label l = labels.get(name);
        if (l != null) {
            return l;
        }
        PageLabel page = allPageLabels().get(name);
        return page == null ? null : new Label(null, null, page.title(), page.page());
    }

    private static String labelUri(String from, Label l) {
        if (l.docname() == null) {
            return DocPaths.relative(from, l.page() + ".html");
        }
        return DocPaths.pageUri(from, l.docname(), l.anchor());
    }

    // ---- roles ----

    @Override
    public void resolve(String docname, RstNode x, Consumer<SystemMessage> report) {
        String role = x.attr("role");
        switch (role) {
            case "doc" -> resolveDoc(docname, x, report);
            case "ref" -> resolveRef(docname, x, report);
            case "any" -> resolveAny(docname, x, report);
            case "pep", "rfc" -> resolvePepRfc(x, role, report);
            default -> throw new IllegalArgumentException("not a std role: " + role);
        }
    }

    private static RstNode link(RstNode x, String uri, String spanClass, String text) {
        RstNode ref =
                new RstNode(Type.REFERENCE, x.location()).attr("refuri", uri).attr("internal", "true");
        ref.add(span(x, spanClass, text));
        return ref;
    }

    private static RstNode span(RstNode x, String cls, String text) {
        RstNode span = new RstNode(Type.INLINE, x.location());
        span.classes().add(cls);
        span.add(RstNode.text(text, x.location()));
        return span;
    }

    /** Sphinx reports a reference at the line of the paragraph that holds it (golden warnings, §A.3). */
    private static SourceLocation where(RstNode x) {
        RstNode p = x.ancestor(Type.PARAGRAPH);
        return p != null ? p.location() : x.location();
    }

    private void resolveDoc(String from, RstNode x, Consumer<SystemMessage> report) {
        RoleText rt = RoleText.parse(x.attr("text"));
        SourceDoc to = docs.get(DocPaths.docRef(from, rt.target()));
        if (to == null) {
            report.accept(SystemMessage.warning(where(x), "unknown document: '" + rt.target() + "'"));
            x.replaceWith(List.of(span(x, "xref std std-doc", rt.title())));
            return;
        }
        x.replaceWith(
                List.of(link(x, DocPaths.pageUri(from, to.name, null), "doc", rt.explicit() ? rt.title() : to.title)));
    }

    private void resolveRef(String from, RstNode x, Consumer<SystemMessage> report) {
        RoleText rt = RoleText.parse(x.attr("text"));
        String name = Ids.normalizeName(rt.target());
        Label l = label(name);
        if (l == null || (l.title() == null && !rt.explicit())) {
            report.accept(SystemMessage.warning(where(x), "undefined label: '" + name + "'"));
            x.replaceWith(List.of(span(x, "xref std std-ref", rt.title())));
            return;
        }
        x.replaceWith(List.of(link(x, labelUri(from, l), "std std-ref", rt.explicit() ? rt.title() : l.title())));
    }

    private static RstNode anyLiteral(RstNode x, String text) {
        RstNode lit = new RstNode(Type.LITERAL, x.location());
        lit.classes().add("xref");
        lit.classes().add("any");
        lit.add(RstNode.text(text, x.location()));
        return lit;
    }

    private void resolveAny(String from, RstNode x, Consumer<SystemMessage> report) {
        if (x.attr("text").startsWith("!")) {
            // §4.2 step 1, which the any role understands too: the text without a reference
            x.replaceWith(List.of(anyLiteral(x, x.attr("text").substring(1))));
            return;
        }
        RoleText rt = RoleText.parse(x.attr("text"));
        String target = rt.target().replaceAll("\\s+", " ");
        String title = rt.explicit() ? rt.title() : null;
        List<Domain.Candidate> candidates = new ArrayList<>();
        SourceDoc doc = docs.get(DocPaths.docRef(from, target));
        if (doc != null) {
            candidates.add(new Domain.Candidate(
                    ":std:doc:`" + doc.title + "`",
                    link(x, DocPaths.pageUri(from, doc.name, null), "doc", title != null ? title : doc.title)));
        }
        Label l = label(Ids.normalizeName(target));
        if (l != null && (l.title() != null || rt.explicit())) {
            candidates.add(new Domain.Candidate(
                    ":std:ref:`" + (l.title() != null ? l.title() : target) + "`",
                    link(x, labelUri(from, l), "std std-ref", title != null ? title : l.title())));
        }
        for (XrefDomain d : others) {
            candidates.addAll(d.anyCandidates(from, x, target, title));
        }
        if (candidates.isEmpty()) {
            report.accept(SystemMessage.warning(where(x), "'any' reference target not found: " + target));
            x.replaceWith(List.of(anyLiteral(x, title != null ? title : target)));
            return;
        }
        if (candidates.size() > 1) {
            List<String> names = new ArrayList<>();
            candidates.forEach(c -> names.add(c.description()));
            report.accept(SystemMessage.warning(
                    where(x),
                    "more than one target found for 'any' cross-reference '" + target + "': could be "
                            + String.join(" or ", names)));
        }
        x.replaceWith(List.of(candidates.get(0).node()));
    }

    private static void resolvePepRfc(RstNode x, String role, Consumer<SystemMessage> report) {
        RoleText rt = RoleText.parse(x.attr("text"));
        String num = rt.target().split("#", 2)[0].strip();
        if (!num.matches("[0-9]{1,5}")) {
            report.accept(
                    SystemMessage.error(x.location(), "invalid " + role.toUpperCase(Locale.ROOT) + " number " + num));
            x.replaceWith(List.of(RstNode.text(x.attr("text"), x.location())));
            return;
        }
        String uri = role.equals("pep")
                ? "https://peps.python.org/pep-" + String.format("%04d", Integer.parseInt(num)) + "/"
                : "https://datatracker.ietf.org/doc/html/rfc" + Integer.parseInt(num) + ".html";
        RstNode ref = new RstNode(Type.REFERENCE, x.location()).attr("refuri", uri);
        ref.classes().add(role);
        RstNode strong = new RstNode(Type.STRONG, x.location());
        strong.add(RstNode.text(rt.explicit() ? rt.title() : role.toUpperCase(Locale.ROOT) + " " + num, x.location()));
        ref.add(strong);
        x.replaceWith(List.of(ref));
    }

    // ---- objects.inv ----

    /** Every document, every titled label and every page label not taken by a document's. */
    @Override
    public List<Inventory.Item> inventory() {
        List<Inventory.Item> items = new ArrayList<>();
        for (SourceDoc d : docs.values()) {
            items.add(new Inventory.Item(d.name, "std", "doc", "-1", Hrefs.fromRoot(d.name, null), d.title));
        }
        for (Map.Entry<String, Label> e : labels.entrySet()) {
            Label l = e.getValue();
            if (l.title() != null) {
                items.add(new Inventory.Item(
                        e.getKey(), "std", "label", "-1", Hrefs.fromRoot(l.docname(), l.anchor()), l.title()));
            }
        }
        for (Map.Entry<String, PageLabel> e : allPageLabels().entrySet()) {
            if (!labels.containsKey(e.getKey())) {
                items.add(new Inventory.Item(
                        e.getKey(),
                        "std",
                        "label",
                        "-1",
                        Hrefs.fromRoot(e.getValue().page(), null),
                        e.getValue().title()));
            }
        }
        return items;
    }
}
