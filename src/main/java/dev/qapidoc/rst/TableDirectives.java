package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Table directives: {@code table} (a simple or grid table with a title and options), {@code
 * list-table} (a two-level bullet list read as rows and cells) and {@code csv-table} ({@link
 * CsvTableDirective}). The options they share ({@code :widths:}, {@code :align:}, {@code
 * :header-rows:}, {@code :stub-columns:}, {@code :class:}, {@code :name:}) are applied here, with
 * docutils' messages for values that do not fit the table.
 */
final class TableDirectives {

    private TableDirectives() {}

    static void register(DirectiveRegistry.Builder b) {
        b.register("table", TableDirectives::table);
        b.register("list-table", TableDirectives::listTable);
        b.register("csv-table", new CsvTableDirective());
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
            if (tbl.type() == Type.TABLE && !options(call, ctx, tbl)) {
                continue;
            }
            ctx.add(tbl);
        }
    }

    /**
     * Applies the shared options to a finished table; false (with an error reported) when
     * {@code :widths:} does not give one width per column.
     */
    static boolean options(DirectiveCall call, DirectiveContext ctx, RstNode table) {
        RstNode tgroup = table.children().get(table.children().size() - 1);
        int cols = Lines.parseIntSafe(tgroup.attr("cols"));
        String widths = call.options().get("widths");
        if (widths != null && !widths.isBlank()) {
            String w = widths.strip();
            // "auto" and "grid" leave the widths to the browser: no colgroup (as Sphinx 5.3 writes)
            table.attr("widths", widths);
            if (!w.equals("auto") && !w.equals("grid")) {
                String[] parts = w.split("[\\s,]+");
                if (parts.length != cols || !positive(parts)) {
                    ctx.error(
                            call.location(),
                            "\"" + call.name() + "\" widths do not match the number of columns in table (" + cols
                                    + ").");
                    return false;
                }
                tgroup.attr("colwidths", String.join(",", parts));
            }
        }
        Directives.addClasses(table, call);
        Directives.nameOption(table, call);
        if (call.has("align")) {
            table.attr("align", call.options().get("align").strip());
        }
        return true;
    }

    private static boolean positive(String[] parts) {
        for (String p : parts) {
            if (!p.matches("[0-9]+") || Lines.parseIntSafe(p) <= 0) {
                return false;
            }
        }
        return true;
    }

    private static void listTable(DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        RstNode holder = new RstNode(Type.CONTAINER, where);
        ctx.parse(call.content(), holder);
        String err = "Error parsing content block for the \"list-table\" directive: ";
        if (holder.children().size() != 1 || holder.children().get(0).type() != Type.BULLET_LIST) {
            ctx.error(where, err + "exactly one bullet list expected.");
            return;
        }
        List<List<RstNode>> rows = new ArrayList<>();
        int cols = -1;
        for (RstNode item : holder.children().get(0).children()) {
            int n = rows.size() + 1;
            if (item.children().size() != 1 || item.children().get(0).type() != Type.BULLET_LIST) {
                ctx.error(
                        where,
                        err + "two-level bullet list expected, but row " + n
                                + " does not contain a second-level bullet list.");
                return;
            }
            List<RstNode> cells = List.copyOf(item.children().get(0).children());
            if (cols >= 0 && cells.size() != cols) {
                ctx.error(
                        where,
                        err + "uniform two-level bullet list expected, but row " + n
                                + " does not contain the same number of items as row 1 (" + cells.size() + " vs "
                                + cols + ").");
                return;
            }
            cols = cells.size();
            rows.add(cells);
        }
        RstNode title = call.arguments().isEmpty() ? null : Directives.title(ctx, call.arguments(), where);
        RstNode table = rows(call, ctx, title, rows, Math.max(cols, 0));
        if (table != null && options(call, ctx, table)) {
            ctx.add(table);
        }
    }

    /**
     * The table of rows of cells whose children become the entries' content, the first {@code
     * :header-rows:} in the head and the first {@code :stub-columns:} cells of each row marked as
     * stubs; null (with docutils' message) when the counts do not fit the data.
     */
    static RstNode rows(DirectiveCall call, DirectiveContext ctx, RstNode title, List<List<RstNode>> rows, int cols) {
        SourceLocation where = call.location();
        int headerRows = Lines.parseIntSafe(call.options().getOrDefault("header-rows", "0"));
        int stubs = Lines.parseIntSafe(call.options().getOrDefault("stub-columns", "0"));
        String name = "(\"" + call.name() + "\" directive)";
        if (rows.size() < headerRows) {
            ctx.error(
                    where,
                    headerRows + " header row(s) specified but only " + rows.size() + " row(s) of data supplied " + name
                            + ".");
            return null;
        }
        if (rows.size() == headerRows) {
            ctx.error(
                    where,
                    "Insufficient data supplied (" + rows.size()
                            + " row(s)); no data remaining for table body, required by \"" + call.name()
                            + "\" directive.");
            return null;
        }
        if (cols < stubs) {
            ctx.error(
                    where,
                    stubs + " stub column(s) specified but only " + cols + " columns(s) of data supplied " + name
                            + ".");
            return null;
        }
        RstNode table = TableBlocks.tableNode(where, title, cols);
        RstNode thead = new RstNode(Type.THEAD, where);
        RstNode tbody = new RstNode(Type.TBODY, where);
        for (int r = 0; r < rows.size(); r++) {
            List<RstNode> cells = rows.get(r);
            RstNode row =
                    new RstNode(Type.ROW, cells.isEmpty() ? where : cells.get(0).location());
            for (int c = 0; c < cells.size(); c++) {
                RstNode entry = new RstNode(Type.ENTRY, cells.get(c).location());
                entry.addAll(List.copyOf(cells.get(c).children()));
                if (c < stubs && r >= headerRows) {
                    entry.attr("stub", "true");
                }
                row.add(entry);
            }
            (r < headerRows ? thead : tbody).add(row);
        }
        TableBlocks.finish(table, thead, tbody);
        return table;
    }
}
