package dev.qapidoc.html;

import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The list-like parts of {@link HtmlTranslator}: bullet, enumerated, definition and field lists
 * and tables, with docutils' rules for when a list is "simple" (compact, spec §9.4). Kept apart
 * because the compactness rules are a small algorithm of their own; the translator's writer and
 * recursion are shared.
 */
final class HtmlLists {

    /** Nodes that do not count as content when deciding compactness. */
    private static final Set<Type> INVISIBLE =
            Set.of(Type.TARGET, Type.INDEX, Type.COMMENT, Type.SUBSTITUTION_DEFINITION, Type.SYSTEM_MESSAGE);

    private final HtmlTranslator t;
    private final HtmlWriter w;
    /** How many compactable lists enclose the current node. */
    private int compactDepth = 0;

    HtmlLists(HtmlTranslator t, HtmlWriter w) {
        this.t = t;
        this.w = w;
    }

    static List<RstNode> visibleChildren(RstNode n) {
        List<RstNode> out = new ArrayList<>();
        for (RstNode c : n.children()) {
            if (!INVISIBLE.contains(c.type())) {
                out.add(c);
            }
        }
        return out;
    }

    /** docutils' SimpleListChecker (spec §9.4). */
    private static boolean compactable(RstNode list, int depth) {
        if (depth > 100) {
            return false;
        }
        for (RstNode item : list.children()) {
            List<RstNode> kids = visibleChildren(item);
            if (!kids.isEmpty()
                    && kids.get(0).type() == Type.PARAGRAPH
                    && kids.size() > 1
                    && isList(kids.get(kids.size() - 1))) {
                kids = kids.subList(0, kids.size() - 1);
                RstNode nested = visibleChildren(item).get(visibleChildren(item).size() - 1);
                if (!compactable(nested, depth + 1)) {
                    return false;
                }
            }
            if (kids.size() > 1) {
                return false;
            }
            for (RstNode k : kids) {
                if (k.type() == Type.PARAGRAPH) {
                    continue;
                }
                if (isList(k)) {
                    if (!compactable(k, depth + 1)) {
                        return false;
                    }
                    continue;
                }
                return false;
            }
        }
        return true;
    }

    private static boolean isList(RstNode n) {
        return n.type() == Type.BULLET_LIST || n.type() == Type.ENUMERATED_LIST;
    }

    /** Sphinx's {@code hlist}: a one-row table with a bullet list per column. */
    void hlist(RstNode n) {
        w.open("table", "class", t.cls(n, "hlist"), "id", t.firstId(n)).raw("<tr>");
        for (RstNode col : n.children()) {
            w.raw("<td>");
            t.node(col);
            w.raw("</td>");
        }
        w.raw("</tr></table>").nl();
    }

    void list(RstNode n, String tag, String enumtype) {
        // docutils: a bullet list is "simple" only outside another compact list, an enumerated
        // list whenever it is compactable (golden: <ol class="arabic simple"> inside compact items)
        boolean compactable = compactable(n, 0);
        boolean compact = compactable && (enumtype != null || compactDepth == 0);
        List<String> c = new ArrayList<>();
        if (enumtype != null) {
            c.add(enumtype);
        }
        if (compact) {
            c.add("simple");
        }
        String classes = t.cls(n, c.isEmpty() ? null : String.join(" ", c));
        String start = n.attr("start");
        for (int i = 1; i < n.ids().size(); i++) {
            w.open("span", "id", n.ids().get(i)).close("span");
        }
        w.open(tag, "class", classes, "id", t.firstId(n), "start", start).nl();
        if (compactable) {
            compactDepth++;
        }
        t.children(n);
        if (compactable) {
            compactDepth--;
        }
        w.close(tag).nl();
    }

    void listItem(RstNode n) {
        w.raw("<li>");
        t.children(n);
        w.raw("</li>").nl();
    }

    void definitionList(RstNode n) {
        boolean compact = true;
        for (RstNode item : n.children()) {
            for (RstNode c : item.children()) {
                if (c.type() == Type.DEFINITION && visibleChildren(c).size() > 1) {
                    compact = false;
                }
            }
        }
        w.open("dl", "class", t.cls(n, compact ? "simple" : null), "id", t.firstId(n))
                .nl();
        for (RstNode item : n.children()) {
            boolean termOpen = false;
            for (RstNode c : item.children()) {
                if (c.type() == Type.TERM) {
                    if (termOpen) {
                        w.raw("</dt>").nl();
                    }
                    // a glossary term carries its own id; other terms take their item's
                    w.open(
                            "dt",
                            "id",
                            c.ids().isEmpty() ? t.firstId(item) : c.ids().get(0));
                    t.children(c);
                    termOpen = true;
                } else if (c.type() == Type.CLASSIFIER) {
                    w.raw("<span class=\"classifier-delimiter\">:</span> <span class=\"classifier\">");
                    t.children(c);
                    w.raw("</span>");
                } else if (c.type() == Type.DEFINITION) {
                    if (termOpen) {
                        w.raw("</dt>").nl();
                        termOpen = false;
                    }
                    w.raw("<dd>");
                    t.children(c);
                    w.raw("</dd>").nl();
                }
            }
            if (termOpen) {
                w.raw("</dt>").nl();
            }
        }
        w.close("dl").nl();
    }

    private static boolean fieldListSimple(RstNode n) {
        for (RstNode f : n.children()) {
            for (RstNode part : f.children()) {
                if (part.type() != Type.FIELD_BODY) {
                    continue;
                }
                List<RstNode> kids = visibleChildren(part);
                if (kids.size() == 2 && kids.get(0).type() == Type.PARAGRAPH && isList(kids.get(1))) {
                    if (!compactable(kids.get(1), 0)) {
                        return false;
                    }
                    continue;
                }
                if (kids.size() > 1) {
                    return false;
                }
                for (RstNode k : kids) {
                    if (k.type() == Type.PARAGRAPH) {
                        continue;
                    }
                    if (isList(k) && compactable(k, 0)) {
                        continue;
                    }
                    return false;
                }
            }
        }
        return true;
    }

    void fieldList(RstNode n) {
        boolean simple = fieldListSimple(n);
        for (int i = 1; i < n.ids().size(); i++) {
            w.open("span", "id", n.ids().get(i)).close("span");
        }
        w.open("dl", "class", t.cls(n, simple ? "field-list simple" : "field-list"), "id", t.firstId(n))
                .nl();
        int k = 0;
        for (RstNode f : n.children()) {
            String parity = (k++ % 2 == 0) ? "field-odd" : "field-even";
            RstNode name = null;
            RstNode body = null;
            for (RstNode part : f.children()) {
                if (part.type() == Type.FIELD_NAME) {
                    name = part;
                } else if (part.type() == Type.FIELD_BODY) {
                    body = part;
                }
            }
            w.open("dt", "class", parity);
            if (name != null) {
                t.children(name);
            }
            w.raw("<span class=\"colon\">:</span></dt>").nl();
            w.open("dd", "class", parity);
            if (body == null || body.children().isEmpty()) {
                w.raw("<p></p>");
            } else {
                // a compact field list does not make its lists "nested in a compact list" (§9.4)
                t.children(body);
            }
            w.raw("</dd>").nl();
        }
        w.close("dl").nl();
    }

    void table(RstNode n) {
        String id = t.firstId(n);
        // §3.4: further ids of a table go on empty spans just before it
        for (int i = 1; i < n.ids().size(); i++) {
            w.open("span", "id", n.ids().get(i)).close("span");
        }
        w.open(
                        "table",
                        "class",
                        t.cls(n, "docutils align-" + (n.attr("align") == null ? "default" : n.attr("align"))),
                        "id",
                        id)
                .nl();
        int row = 0;
        for (RstNode c : n.children()) {
            if (c.type() == Type.TITLE) {
                w.raw("<caption><span class=\"caption-text\">");
                t.children(c);
                w.raw("</span>");
                if (id != null) {
                    w.open("a", "class", "headerlink", "href", "#" + id, "title", "Permalink to this table")
                            .text(HtmlTranslator.PERMALINK)
                            .close("a");
                }
                w.raw("</caption>").nl();
            }
        }
        for (RstNode tg : n.children()) {
            if (tg.type() != Type.TGROUP) {
                continue;
            }
            colgroup(tg);
            for (RstNode part : tg.children()) {
                boolean head = part.type() == Type.THEAD;
                w.raw(head ? "<thead>" : "<tbody>").nl();
                for (RstNode r : part.children()) {
                    w.open("tr", "class", (row++ % 2 == 0) ? "row-odd" : "row-even");
                    for (RstNode cell : r.children()) {
                        boolean th = head || cell.attr("stub") != null;
                        w.open(
                                th ? "th" : "td",
                                "class",
                                head ? "head" : th ? "stub" : null,
                                "colspan",
                                span(cell.attr("morecols")),
                                "rowspan",
                                span(cell.attr("morerows")));
                        t.children(cell);
                        w.raw(th ? "</th>" : "</td>").nl();
                    }
                    w.raw("</tr>").nl();
                }
                w.raw(head ? "</thead>" : "</tbody>").nl();
            }
        }
        w.raw("</table>").nl();
    }

    /** docutils' {@code morecols}/{@code morerows} as an HTML span (one more), or null. */
    private static String span(String more) {
        return more == null ? null : String.valueOf(Integer.parseInt(more) + 1);
    }

    /**
     * Explicit column widths ({@code :widths:} of the table directives, kept as the tgroup's
     * {@code colwidths}) as docutils' HTML5 writer gives them: each a percentage of their sum
     * with one decimal. Tables without explicit widths have no colgroup, as in Sphinx.
     */
    private void colgroup(RstNode tgroup) {
        String widths = tgroup.attr("colwidths");
        if (widths == null) {
            return;
        }
        String[] parts = widths.split(",");
        double total = 0;
        for (String part : parts) {
            total += Integer.parseInt(part);
        }
        w.raw("<colgroup>").nl();
        for (String part : parts) {
            double pct = Integer.parseInt(part) * 100.0 / total;
            w.raw("<col style=\"width: "
                            + new java.math.BigDecimal(pct)
                                    .setScale(1, java.math.RoundingMode.HALF_EVEN)
                                    .toPlainString()
                            + "%\" />")
                    .nl();
        }
        w.raw("</colgroup>").nl();
    }
}
