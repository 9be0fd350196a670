package dev.qapidoc.html;

import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;

/**
 * Option lists as Sphinx 5.3 writes them with docutils' HTML5 writer: a {@code <dl
 * class="option-list">} whose terms are the option group in one {@code <kbd>} (each option a
 * {@code <span class="option">}, its argument a {@code <var>}) and whose definitions are the
 * descriptions.
 */
final class HtmlOptions {

    private final HtmlTranslator t;
    private final HtmlWriter w;

    HtmlOptions(HtmlTranslator t, HtmlWriter w) {
        this.t = t;
        this.w = w;
    }

    void list(RstNode n) {
        w.open("dl", "class", t.cls(n, "option-list"), "id", t.firstId(n)).nl();
        for (RstNode item : n.children()) {
            if (item.type() != Type.OPTION_LIST_ITEM) {
                continue;
            }
            w.open("dt").open("kbd");
            boolean first = true;
            for (RstNode o : item.children()) {
                if (o.type() != Type.OPTION) {
                    continue;
                }
                if (!first) {
                    w.raw(", ");
                }
                first = false;
                w.open("span", "class", "option").text(o.attr("option"));
                if (o.attr("argument") != null) {
                    w.text(o.attr("delimiter"))
                            .open("var")
                            .text(o.attr("argument"))
                            .close("var");
                }
                w.close("span");
            }
            w.close("kbd").close("dt").nl();
            for (RstNode d : item.children()) {
                if (d.type() == Type.DESCRIPTION) {
                    w.open("dd");
                    t.children(d);
                    w.close("dd").nl();
                }
            }
        }
        w.close("dl").nl();
    }
}
