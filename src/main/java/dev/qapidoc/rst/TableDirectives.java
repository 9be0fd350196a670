package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * Table directives: {@code table} (a simple or grid table with a title and options) and {@code
 * list-table} (a two-level bullet list read as rows and cells).
 */
final class TableDirectives {

    private TableDirectives() {}

    static void register(DirectiveRegistry.Builder b) {
        b.register("table", TableDirectives::table);
        b.register("list-table", TableDirectives::listTable);
    }

    private static void table(DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        RstNode title = call.arguments().isEmpty() ? null : Directives.title(ctx, call.arguments(), where);
        List<ContentLine> content = Lines.trimBlank(call.content());
        if (content.isEmpty()) {
            ctx.error(where, "Error in \"table\" directive:\nno content permitted... content block expected.");
            return;
        }
        RstNode holder = new RstNode(Type.CONTAINER, where);
        if (!ctx.table(content, title, holder)) {
            ctx.error(where, "Error parsing content block for the \"table\" directive: exactly one table expected.");
            return;
        }
        for (RstNode tbl : List.copyOf(holder.children())) {
            Directives.addClasses(tbl, call);
            Directives.nameOption(tbl, call);
            if (call.has("widths")) {
                tbl.attr("widths", call.options().get("widths"));
            }
            if (call.has("align")) {
                tbl.attr("align", call.options().get("align"));
            }
            ctx.add(tbl);
        }
    }

    private static void listTable(DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        RstNode holder = new RstNode(Type.CONTAINER, where);
        ctx.parse(call.content(), holder);
        if (holder.children().size() != 1 || holder.children().get(0).type() != Type.BULLET_LIST) {
            ctx.error(
                    where,
                    "Error parsing content block for the \"list-table\" directive: exactly one bullet list expected.");
            return;
        }
        RstNode title = call.arguments().isEmpty() ? null : Directives.title(ctx, call.arguments(), where);
        RstNode outer = holder.children().get(0);
        int headerRows = Lines.parseIntSafe(call.options().getOrDefault("header-rows", "0"));
        int cols = 0;
        for (RstNode item : outer.children()) {
            if (!item.children().isEmpty() && item.children().get(0).type() == Type.BULLET_LIST) {
                cols = Math.max(cols, item.children().get(0).children().size());
            }
        }
        RstNode table = TableBlocks.tableNode(where, title, cols);
        RstNode thead = new RstNode(Type.THEAD, where);
        RstNode tbody = new RstNode(Type.TBODY, where);
        int r = 0;
        for (RstNode item : List.copyOf(outer.children())) {
            RstNode row = new RstNode(Type.ROW, item.location());
            if (!item.children().isEmpty() && item.children().get(0).type() == Type.BULLET_LIST) {
                for (RstNode cellItem : List.copyOf(item.children().get(0).children())) {
                    RstNode entry = new RstNode(Type.ENTRY, cellItem.location());
                    entry.addAll(cellItem.children());
                    row.add(entry);
                }
            }
            (r++ < headerRows ? thead : tbody).add(row);
        }
        TableBlocks.finish(table, thead, tbody);
        Directives.addClasses(table, call);
        Directives.nameOption(table, call);
        ctx.add(table);
    }
}
