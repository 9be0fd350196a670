package dev.qapidoc.html;

import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.rst.Transforms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Navigation built from the toctrees (qapi-domain-and-html.md §6): the HTML of {@code toctree}
 * directives, the sidebar of every page, each page's "on this page" list, and the reading order
 * used for previous/next links. Entries are sections and object descriptions; nested toctrees
 * bring in whole documents.
 */
final class Navigation {
    private final Map<String, SourceDoc> docs;
    private final String rootDoc;

    Navigation(Map<String, SourceDoc> docs, String rootDoc) {
        this.docs = docs;
        this.rootDoc = rootDoc;
        // found here rather than lazily: pages and index pages are rendered on different threads
        SourceDoc root = docs.get(rootDoc);
        this.rootToctrees = root == null ? List.of() : root.tree.findAll(Type.TOCTREE);
    }

    private static int parseInt(String s, int dflt) {
        if (s == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** Renders the entries of a {@code toctree} directive found in {@code d}. */
    String toctreeHtml(SourceDoc d, RstNode toctree) {
        if (toctree.attr("hidden") != null) {
            return "";
        }
        int maxdepth = parseInt(toctree.attr("maxdepth"), 0);
        HtmlWriter w = new HtmlWriter();
        w.raw("<div class=\"toctree-wrapper compound\">").nl();
        if (toctree.attr("caption") != null) {
            w.raw("<p class=\"caption\" role=\"heading\"><span class=\"caption-text\">")
                    .text(toctree.attr("caption"))
                    .raw("</span></p>")
                    .nl();
        }
        w.raw("<ul>").nl();
        for (RstNode e : toctree.children()) {
            String target = DocPaths.docRef(d.name, e.attr("docname"));
            SourceDoc to = docs.get(target);
            if (to == null) {
                continue;
            }
            tocDoc(
                    w,
                    d.name,
                    to,
                    e.attr("title"),
                    1,
                    maxdepth <= 0 ? Integer.MAX_VALUE : maxdepth,
                    null,
                    new HashSet<>());
        }
        w.raw("</ul>").nl().raw("</div>").nl();
        return w.toString();
    }

    /**
     * One document entry: a link to the page, then its sections (and documents of toctrees inside
     * them) as nested lists down to {@code maxdepth}; {@code current} marks the page being shown.
     */
    private void tocDoc(
            HtmlWriter w,
            String fromDoc,
            SourceDoc to,
            String title,
            int level,
            int maxdepth,
            String current,
            Set<String> seen) {
        if (!seen.add(to.name) || level > 50) {
            return;
        }
        boolean isCurrent = to.name.equals(current);
        w.open("li", "class", "toctree-l" + level + (isCurrent ? " current" : ""));
        w.open(
                "a",
                "class",
                "reference internal" + (isCurrent ? " current" : ""),
                "href",
                DocPaths.relative(fromDoc, to.name + ".html"));
        if (title != null) {
            w.text(title);
        } else if (to.titleNode != null) {
            w.raw(inlineText(to.titleNode));
        } else {
            w.text(to.title);
        }
        w.close("a");
        boolean expand = current == null || level < 2 || isCurrent;
        List<RstNode> tops = topSections(to);
        if (level < maxdepth && expand && !tops.isEmpty()) {
            tocSections(w, fromDoc, to, tops.get(0), level + 1, maxdepth, current, seen);
        }
        w.raw("</li>").nl();
        // a document with several top-level sections (an included file adding titles of the
        // document title's style) contributes one entry per section, as Sphinx's toctree does;
        // only the first links to the page itself
        for (RstNode more : tops.subList(Math.min(1, tops.size()), tops.size())) {
            if (more.ids().isEmpty()) {
                continue;
            }
            w.open("li", "class", "toctree-l" + level);
            w.open(
                    "a",
                    "class",
                    "reference internal",
                    "href",
                    DocPaths.relative(fromDoc, to.name + ".html") + "#"
                            + more.ids().get(0));
            w.raw(inlineText(more.children().get(0))).close("a");
            if (level < maxdepth && expand) {
                tocSections(w, fromDoc, to, more, level + 1, maxdepth, current, seen);
            }
            w.raw("</li>").nl();
        }
        seen.remove(to.name);
    }

    /** The document's top-level sections, in order (the entries of its table of contents). */
    private static List<RstNode> topSections(SourceDoc d) {
        List<RstNode> out = new ArrayList<>();
        for (RstNode c : d.tree.children()) {
            if (c.type() == Type.SECTION) {
                out.add(c);
            }
        }
        return out;
    }

    private static RstNode topSection(SourceDoc d) {
        for (RstNode c : d.tree.children()) {
            if (c.type() == Type.SECTION) {
                return c;
            }
        }
        return null;
    }

    private void tocSections(
            HtmlWriter w,
            String fromDoc,
            SourceDoc doc,
            RstNode section,
            int level,
            int maxdepth,
            String current,
            Set<String> seen) {
        tocSections(w, fromDoc, doc, section, level, maxdepth, current, seen, true);
    }

    /** As above; without {@code objects}, object descriptions are left out (sections only). */
    private void tocSections(
            HtmlWriter w,
            String fromDoc,
            SourceDoc doc,
            RstNode section,
            int level,
            int maxdepth,
            String current,
            Set<String> seen,
            boolean objects) {
        HtmlWriter inner = new HtmlWriter();
        for (RstNode c : tocChildren(section)) {
            if (c.type() == Type.SECTION) {
                if (c.ids().isEmpty()) {
                    continue;
                }
                inner.open("li", "class", "toctree-l" + level);
                inner.open(
                        "a",
                        "class",
                        "reference internal",
                        "href",
                        DocPaths.relative(fromDoc, doc.name + ".html") + "#"
                                + c.ids().get(0));
                inner.raw(inlineText(c.children().get(0)));
                inner.close("a");
                if (level < maxdepth) {
                    tocSections(inner, fromDoc, doc, c, level + 1, maxdepth, current, seen, objects);
                }
                inner.raw("</li>").nl();
            } else if (c.type() == Type.DESC && objects) {
                String[] entry = objectEntry(c);
                if (entry != null) {
                    inner.open("li", "class", "toctree-l" + level);
                    inner.open(
                            "a",
                            "class",
                            "reference internal",
                            "href",
                            DocPaths.relative(fromDoc, doc.name + ".html") + "#" + entry[0]);
                    inner.raw(HtmlTranslator.literalHtml(entry[1]))
                            .close("a")
                            .raw("</li>")
                            .nl();
                }
            } else if (c.type() == Type.TOCTREE && c.attr("hidden") == null) {
                for (RstNode e : c.children()) {
                    SourceDoc to = docs.get(DocPaths.docRef(doc.name, e.attr("docname")));
                    if (to != null) {
                        tocDoc(inner, fromDoc, to, e.attr("title"), level, maxdepth, current, seen);
                    }
                }
            }
        }
        if (inner.length() > 0) {
            w.raw("<ul>").nl().raw(inner.toString()).raw("</ul>").nl();
        }
    }

    /**
     * The TOC entry of an object description (spec §6.1, §6.3): {id, toc text} when its signature
     * has an id and a {@code tocname} attribute and the description is not marked {@code
     * nocontentsentry}; null otherwise.
     */
    private static String[] objectEntry(RstNode desc) {
        if (desc.attr("nocontentsentry") != null) {
            return null;
        }
        for (RstNode c : desc.children()) {
            if (c.type() == Type.DESC_SIGNATURE && !c.ids().isEmpty() && c.attr("tocname") != null) {
                return new String[] {c.ids().get(0), c.attr("tocname")};
            }
        }
        return null;
    }

    /** Sections, object descriptions and toctrees under a section, looking through containers. */
    private static List<RstNode> tocChildren(RstNode section) {
        List<RstNode> out = new ArrayList<>();
        java.util.ArrayDeque<RstNode> todo = new java.util.ArrayDeque<>();
        for (int i = section.children().size() - 1; i >= 0; i--) {
            todo.push(section.children().get(i));
        }
        while (!todo.isEmpty()) {
            RstNode n = todo.pop();
            if (n.type() == Type.SECTION || n.type() == Type.TOCTREE || n.type() == Type.DESC) {
                out.add(n);
                continue;
            }
            if (n.type() == Type.ONLY || n.type() == Type.COMPOUND || n.type() == Type.CONTAINER) {
                for (int i = n.children().size() - 1; i >= 0; i--) {
                    todo.push(n.children().get(i));
                }
            }
        }
        return out;
    }

    /** A title's inline markup without links (TOC text, §6.1). */
    private String inlineText(RstNode title) {
        RstNode copy = new RstNode(Type.TITLE, title.location());
        for (RstNode c : title.children()) {
            copy.add(Transforms.copyInline(c));
        }
        return HtmlTranslator.renderInline(copy, new HtmlTranslator.Context() {
            @Override
            public String toctree(RstNode t) {
                return "";
            }

            @Override
            public String image(RstNode i) {
                return null;
            }

            @Override
            public void report(SystemMessage m) {}
        });
    }

    /** The root document's toctrees, found once: every page's sidebar lists them. */
    private final List<RstNode> rootToctrees;

    /** The global navigation shown in every page's sidebar. */
    String sidebar(String current) {
        SourceDoc root = docs.get(rootDoc);
        HtmlWriter w = new HtmlWriter();
        RstNode top = topSection(root);
        boolean any = false;
        List<RstNode> trees = rootToctrees;
        for (RstNode tt : trees) {
            if (tt.attr("caption") != null) {
                w.raw("<p class=\"caption\" role=\"heading\"><span class=\"caption-text\">")
                        .text(tt.attr("caption"))
                        .raw("</span></p>")
                        .nl();
            }
            w.raw("<ul>").nl();
            for (RstNode e : tt.children()) {
                SourceDoc to = docs.get(DocPaths.docRef(root.name, e.attr("docname")));
                if (to != null) {
                    tocDoc(
                            w,
                            current,
                            to,
                            e.attr("title"),
                            1,
                            Integer.MAX_VALUE,
                            current,
                            new HashSet<>(Set.of(root.name)));
                }
            }
            w.raw("</ul>").nl();
            any = true;
        }
        if (!any && top != null) {
            // no toctree at all (the one-manual site of `qapidoc html`): the sidebar shows the
            // root page with its section tree, as a build site shows the page being read; its
            // objects stay in "On this page", a thousand entries would bury the sections
            HtmlWriter sections = new HtmlWriter();
            tocSections(sections, current, root, top, 2, 3, current, new HashSet<>(), false);
            if (sections.length() == 0) {
                return "";
            }
            boolean isCurrent = root.name.equals(current);
            w.raw("<ul>").nl();
            w.open("li", "class", "toctree-l1" + (isCurrent ? " current" : ""));
            w.open(
                    "a",
                    "class",
                    "reference internal" + (isCurrent ? " current" : ""),
                    "href",
                    DocPaths.relative(current, root.name + ".html"));
            w.raw(root.titleNode != null ? inlineText(root.titleNode) : HtmlWriter.escape(root.title));
            w.close("a");
            w.raw(sections.toString());
            w.raw("</li>").nl().raw("</ul>").nl();
            return w.toString();
        }
        if (top == null && !any) {
            return "";
        }
        return w.toString();
    }

    /** The current page's own sections ("On this page"). */
    String localToc(SourceDoc d) {
        RstNode top = topSection(d);
        if (top == null) {
            return "";
        }
        HtmlWriter w = new HtmlWriter();
        localSections(w, top, 0);
        return w.toString();
    }

    private void localSections(HtmlWriter w, RstNode section, int depth) {
        List<RstNode> subs = new ArrayList<>();
        for (RstNode c : tocChildren(section)) {
            if ((c.type() == Type.SECTION && !c.ids().isEmpty()) || (c.type() == Type.DESC && objectEntry(c) != null)) {
                subs.add(c);
            }
        }
        if (subs.isEmpty() || depth > 20) {
            return;
        }
        w.raw("<ul>").nl();
        for (RstNode s : subs) {
            if (s.type() == Type.DESC) {
                String[] entry = objectEntry(s);
                w.raw("<li>").open("a", "class", "reference internal", "href", "#" + entry[0]);
                w.raw(HtmlTranslator.literalHtml(entry[1]))
                        .close("a")
                        .raw("</li>")
                        .nl();
                continue;
            }
            w.raw("<li>")
                    .open(
                            "a",
                            "class",
                            "reference internal",
                            "href",
                            "#" + s.ids().get(0));
            w.raw(inlineText(s.children().get(0))).close("a");
            localSections(w, s, depth + 1);
            w.raw("</li>").nl();
        }
        w.raw("</ul>").nl();
    }

    /** Depth-first order of documents along the toctrees from the root (prev/next links). */
    List<String> readingOrder() {
        List<String> order = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        walkOrder(rootDoc, order, seen, 0);
        return order;
    }

    private void walkOrder(String doc, List<String> order, Set<String> seen, int depth) {
        if (!seen.add(doc) || depth > 100) {
            return;
        }
        order.add(doc);
        for (String c : docs.get(doc).children) {
            walkOrder(c, order, seen, depth + 1);
        }
    }
}
