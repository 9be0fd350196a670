package dev.qapidoc.html;

import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import java.util.List;

/**
 * Footnotes, citations and their references as Sphinx 5.3 writes them with docutils' HTML5
 * writer: consecutive footnotes share one {@code <aside class="footnote-list brackets">},
 * consecutive citations one {@code <div role="list" class="citation-list">}; a definition's label
 * links back to its one reference, or is followed by a {@code (1,2,...)} list of backlinks when
 * there are several. Footnote references are {@code footnote-reference brackets} links; citation
 * references are the internal links Sphinx's global citations resolve to.
 */
final class HtmlNotes {

    private final HtmlTranslator t;
    private final HtmlWriter w;

    HtmlNotes(HtmlTranslator t, HtmlWriter w) {
        this.t = t;
        this.w = w;
    }

    /** A footnote or citation, opening or closing the list it shares with its like neighbours. */
    void definition(RstNode n) {
        boolean footnote = n.type() == Type.FOOTNOTE;
        if (!sameAs(n, -1)) {
            w.raw(footnote ? "<aside class=\"footnote-list brackets\">" : "<div role=\"list\" class=\"citation-list\">")
                    .nl();
        }
        if (footnote) {
            w.open("aside", "class", t.cls(n, "footnote brackets"), "id", t.firstId(n), "role", "note")
                    .nl();
        } else {
            w.open("div", "class", t.cls(n, "citation"), "id", t.firstId(n), "role", "doc-biblioentry")
                    .nl();
        }
        label(n);
        t.children(n);
        w.close(footnote ? "aside" : "div").nl();
        if (!sameAs(n, 1)) {
            w.raw(footnote ? "</aside>" : "</div>").nl();
        }
    }

    /** Whether the sibling {@code step} away is a definition of the same kind. */
    private static boolean sameAs(RstNode n, int step) {
        RstNode p = n.parent();
        if (p == null) {
            return false;
        }
        int i = n.indexInParent() + step;
        return i >= 0 && i < p.children().size() && p.children().get(i).type() == n.type();
    }

    private void label(RstNode n) {
        String label = n.attr("label") == null ? "" : n.attr("label");
        String refs = n.attr("backrefs");
        List<String> back = refs == null ? List.of() : List.of(refs.split(" "));
        w.raw("<span class=\"label\"><span class=\"fn-bracket\">[</span>");
        if (back.size() == 1) {
            w.open("a", "role", "doc-backlink", "href", "#" + back.get(0))
                    .text(label)
                    .close("a");
        } else {
            w.text(label);
        }
        w.raw("<span class=\"fn-bracket\">]</span></span>").nl();
        if (back.size() > 1) {
            w.raw("<span class=\"backrefs\">(");
            for (int k = 0; k < back.size(); k++) {
                if (k > 0) {
                    w.raw(",");
                }
                w.open("a", "role", "doc-backlink", "href", "#" + back.get(k))
                        .text(String.valueOf(k + 1))
                        .close("a");
            }
            w.raw(")</span>").nl();
        }
    }

    /** {@code [1]_}: a bracketed link to the footnote, or the bracketed label alone if unresolved. */
    void footnoteReference(RstNode n) {
        String label = n.attr("label") == null ? "" : n.attr("label");
        if (n.attr("refid") == null) {
            w.text("[" + label + "]");
            return;
        }
        w.open(
                "a",
                "class",
                t.cls(n, "footnote-reference brackets"),
                "href",
                "#" + n.attr("refid"),
                "id",
                t.firstId(n),
                "role",
                "doc-noteref");
        w.raw("<span class=\"fn-bracket\">[</span>")
                .text(label)
                .raw("<span class=\"fn-bracket\">]</span>")
                .close("a");
    }

    /** {@code [CIT]_}: Sphinx's resolved citation link, or {@code [CIT]} when it has no target. */
    void citationReference(RstNode n) {
        String label = "[" + (n.attr("label") == null ? "" : n.attr("label")) + "]";
        String href =
                n.attr("refuri") != null ? n.attr("refuri") : n.attr("refid") != null ? "#" + n.attr("refid") : null;
        if (href == null) {
            w.text(label);
            return;
        }
        w.open("a", "class", t.cls(n, "reference internal"), "href", href, "id", t.firstId(n));
        w.open("span").text(label).close("span").close("a");
    }
}
