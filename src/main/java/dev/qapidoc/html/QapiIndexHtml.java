package dev.qapidoc.html;

import dev.qapidoc.domain.Domain;

/**
 * The content of a QAPI index page (qapi-domain-and-html.md §5.2.3): Sphinx's "domainindex"
 * markup, a jump box over the groups and one table with a caption row per group.
 */
final class QapiIndexHtml {
    private QapiIndexHtml() {}

    static String html(Domain.IndexPage page) {
        HtmlWriter w = new HtmlWriter();
        w.raw("<h1>").text(page.title()).raw("</h1>").nl().nl();
        w.raw("<div class=\"modindex-jumpbox\">").nl();
        for (int i = 0; i < page.groups().size(); i++) {
            String g = page.groups().get(i).name();
            w.open("a", "href", "#cap-" + g)
                    .raw("<strong>")
                    .text(g)
                    .raw("</strong>")
                    .close("a");
            w.raw(i + 1 < page.groups().size() ? " | " : "").nl();
        }
        w.raw("</div>").nl().nl();
        w.raw("<table class=\"indextable modindextable\">").nl();
        for (Domain.IndexGroup g : page.groups()) {
            w.raw("  <tr class=\"pcap\"><td></td><td>&#160;</td><td></td></tr>").nl();
            w.raw("  ")
                    .open("tr", "class", "cap", "id", "cap-" + g.name())
                    .raw("<td></td><td>")
                    .nl();
            w.raw("    <strong>")
                    .text(g.name())
                    .raw("</strong></td><td></td></tr>")
                    .nl();
            for (Domain.IndexRow r : g.rows()) {
                w.raw("  <tr>")
                        .nl()
                        .raw("    <td></td>")
                        .nl()
                        .raw("    <td>")
                        .nl()
                        .raw("    ");
                w.open("a", "href", DocPaths.relative(page.name(), r.docname() + ".html") + "#" + r.id());
                w.raw("<code class=\"xref\">").text(r.display()).raw("</code>").close("a");
                if (!r.extra().isEmpty()) {
                    w.raw(" <em>(").text(r.extra()).raw(")</em>");
                }
                w.raw("</td><td>").nl().raw("    <em></em></td></tr>").nl();
            }
        }
        w.raw("</table>").nl();
        return w.toString();
    }
}
