package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * Sphinx's body directives that lay text out: {@code hlist} (a bullet list spread over {@code
 * :columns:} columns, 2 by default, the first columns taking one item more when the items do not
 * divide evenly), {@code centered} (a centred bold line) and {@code math} (a display formula).
 *
 * <p>Math is kept as TeX text and shown the way Sphinx's default HTML math renderer (MathJax)
 * writes it: {@code <div class="math notranslate nohighlight">} holding {@code \[ ... \]}; formulas
 * separated by blank lines are one aligned block, as there. A {@code :label:} gives the block the
 * id {@code equation-LABEL}; this tool does not number equations.
 */
final class SphinxBodyDirectives {

    private SphinxBodyDirectives() {}

    static void register(DirectiveRegistry.Builder b) {
        b.register("hlist", Directives.withoutArguments(SphinxBodyDirectives::hlist));
        b.register("centered", SphinxBodyDirectives::centered);
        b.register("math", SphinxBodyDirectives::math);
    }

    private static void hlist(DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        int columns = 2;
        String opt = call.options().get("columns");
        if (opt != null) {
            try {
                columns = Integer.parseInt(opt.strip());
            } catch (NumberFormatException e) {
                columns = 0;
            }
            if (columns < 1) {
                ctx.error(
                        where,
                        "Error in \"hlist\" directive:\ninvalid option value: (option: \"columns\"; value: '" + opt
                                + "')\nnegative or zero value; must be positive.");
                return;
            }
        }
        RstNode holder = new RstNode(Type.CONTAINER, where);
        ctx.parse(call.content(), holder);
        List<RstNode> kids = holder.children();
        if (kids.size() != 1 || kids.get(0).type() != Type.BULLET_LIST) {
            ctx.warn(where, ".. hlist content is not a list");
            return;
        }
        RstNode list = kids.get(0);
        List<RstNode> items = List.copyOf(list.children());
        RstNode hlist = new RstNode(Type.HLIST, where);
        Directives.addClasses(hlist, call);
        int per = items.size() / columns;
        int more = items.size() % columns;
        int at = 0;
        for (int c = 0; c < columns; c++) {
            int n = per + (c < more ? 1 : 0);
            RstNode col = new RstNode(Type.BULLET_LIST, list.location());
            for (int i = 0; i < n; i++) {
                col.add(items.get(at++));
            }
            hlist.add(col);
        }
        ctx.add(hlist);
    }

    private static void centered(DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        RstNode p = new RstNode(Type.PARAGRAPH, where);
        p.classes().add("centered");
        RstNode strong = new RstNode(Type.STRONG, where);
        strong.addAll(ctx.inline(call.arguments(), where));
        p.add(strong);
        ctx.add(p);
    }

    private static void math(DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        StringBuilder tex = new StringBuilder(call.arguments());
        String content = Directives.text(call);
        if (!content.isEmpty()) {
            if (tex.length() > 0) {
                tex.append("\n\n");
            }
            tex.append(content);
        }
        RstNode block = new RstNode(Type.MATH_BLOCK, where).setText(tex.toString());
        if (call.has("nowrap")) {
            block.attr("nowrap", "true");
        }
        String label = call.options().get("label");
        if (label != null && !label.isBlank()) {
            block.ids().add("equation-" + Ids.sphinx(label.strip()));
        }
        Directives.addClasses(block, call);
        ctx.add(block);
    }
}
