package dev.qapidoc.rst;

import static dev.qapidoc.rst.BlockParser.SIMPLE_TABLE;
import static dev.qapidoc.rst.Lines.dedent;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simple and grid tables (docutils' two table syntaxes), read into docutils' table tree ({@code
 * table > tgroup > thead? tbody > row > entry}); cell contents are parsed as body elements one
 * level deeper. Used for tables in the body and by the {@code table} directive (through {@link
 * DirectiveContext#table}).
 */
final class TableBlocks {

    private static final Pattern RUN = Pattern.compile("=+");

    private TableBlocks() {}

    static int simpleTable(BlockParser p, List<ContentLine> lines, int i, RstNode target, RstNode title, int depth) {
        ContentLine border = lines.get(i);
        List<int[]> cols = new ArrayList<>();
        Matcher m = RUN.matcher(border.text());
        while (m.find()) {
            cols.add(new int[] {m.start(), m.end()});
        }
        List<List<ContentLine>> rows = new ArrayList<>();
        int borders = 1;
        int headerRows = 0;
        int j = i + 1;
        List<ContentLine> rowLines = new ArrayList<>();
        for (; j < lines.size(); j++) {
            String t = lines.get(j).text();
            if (SIMPLE_TABLE.matcher(t).matches()) {
                borders++;
                if (!rowLines.isEmpty()) {
                    rows.add(rowLines);
                    rowLines = new ArrayList<>();
                }
                if (borders == 2
                        && j + 1 < lines.size()
                        && !lines.get(j + 1).text().isBlank()) {
                    headerRows = rows.size();
                    continue;
                }
                j++;
                break;
            }
            if (t.isBlank()) {
                if (!rowLines.isEmpty()) {
                    rows.add(rowLines);
                    rowLines = new ArrayList<>();
                }
                continue;
            }
            // a line with text in the first column starts a new row
            boolean firstColBlank =
                    t.substring(0, Math.min(t.length(), cols.get(0)[1])).isBlank();
            if (!firstColBlank && !rowLines.isEmpty()) {
                rows.add(rowLines);
                rowLines = new ArrayList<>();
            }
            rowLines.add(lines.get(j));
        }
        if (!rowLines.isEmpty()) {
            rows.add(rowLines);
        }
        if (borders < 2) {
            p.error(border.where(), "Malformed table.\nNo bottom table border found.");
            return Math.max(j, i + 1);
        }
        target.add(simpleRows(p, border.where(), title, cols, rows, headerRows, depth));
        return j;
    }

    /** The table of a simple table's rows, the first {@code headerRows} in the head. */
    private static RstNode simpleRows(
            BlockParser p,
            SourceLocation where,
            RstNode title,
            List<int[]> cols,
            List<List<ContentLine>> rows,
            int headerRows,
            int depth) {
        RstNode table = tableNode(where, title, cols.size());
        RstNode thead = new RstNode(Type.THEAD, where);
        RstNode tbody = new RstNode(Type.TBODY, where);
        for (int r = 0; r < rows.size(); r++) {
            RstNode row = new RstNode(Type.ROW, rows.get(r).get(0).where());
            for (int c = 0; c < cols.size(); c++) {
                int from = cols.get(c)[0];
                int to = c + 1 < cols.size() ? cols.get(c + 1)[0] : Integer.MAX_VALUE;
                List<ContentLine> cell = new ArrayList<>();
                for (ContentLine l : rows.get(r)) {
                    String t = l.text();
                    String part = from >= t.length() ? "" : t.substring(from, Math.min(to, t.length()));
                    cell.add(l.withText(part.stripTrailing()));
                }
                RstNode entry = new RstNode(Type.ENTRY, rows.get(r).get(0).where());
                p.parse(dedent(cell), entry, null, depth + 1);
                row.add(entry);
            }
            (r < headerRows ? thead : tbody).add(row);
        }
        finish(table, thead, tbody);
        return table;
    }

    static int gridTable(BlockParser p, List<ContentLine> lines, int i, RstNode target, RstNode title, int depth) {
        int j = i;
        while (j < lines.size()
                && !lines.get(j).text().isBlank()
                && (lines.get(j).text().startsWith("+") || lines.get(j).text().startsWith("|"))) {
            j++;
        }
        List<ContentLine> g = lines.subList(i, j);
        String top = g.get(0).text().stripTrailing();
        List<Integer> colPos = new ArrayList<>();
        for (int k = 0; k < top.length(); k++) {
            if (top.charAt(k) == '+') {
                colPos.add(k);
            }
        }
        RstNode table = tableNode(g.get(0).where(), title, colPos.size() - 1);
        RstNode thead = new RstNode(Type.THEAD, g.get(0).where());
        RstNode tbody = new RstNode(Type.TBODY, g.get(0).where());
        boolean header = false;
        List<ContentLine> rowLines = new ArrayList<>();
        List<RstNode> rows = new ArrayList<>();
        for (int k = 1; k < g.size(); k++) {
            String t = g.get(k).text();
            if (t.startsWith("+")) {
                if (!rowLines.isEmpty()) {
                    rows.add(gridRow(p, rowLines, colPos, depth));
                    rowLines = new ArrayList<>();
                }
                if (t.contains("=") && !header) {
                    header = true;
                    rows.forEach(thead::add);
                    rows.clear();
                }
            } else {
                rowLines.add(g.get(k));
            }
        }
        rows.forEach(tbody::add);
        finish(table, thead, tbody);
        target.add(table);
        return j;
    }

    /** One grid-table row from its text lines, cut at the column borders {@code colPos}. */
    private static RstNode gridRow(BlockParser p, List<ContentLine> rowLines, List<Integer> colPos, int depth) {
        RstNode row = new RstNode(Type.ROW, rowLines.get(0).where());
        for (int c = 0; c + 1 < colPos.size(); c++) {
            List<ContentLine> cell = new ArrayList<>();
            for (ContentLine l : rowLines) {
                String lt = l.text();
                int a = colPos.get(c) + 1;
                int b = Math.min(colPos.get(c + 1), lt.length());
                cell.add(l.withText(a >= b ? "" : lt.substring(a, b).stripTrailing()));
            }
            RstNode entry = new RstNode(Type.ENTRY, rowLines.get(0).where());
            p.parse(dedent(cell), entry, null, depth + 1);
            row.add(entry);
        }
        return row;
    }

    /** A table node with its optional title and an empty tgroup of {@code cols} columns. */
    static RstNode tableNode(SourceLocation where, RstNode title, int cols) {
        RstNode table = new RstNode(Type.TABLE, where);
        if (title != null) {
            table.add(title);
        }
        RstNode tgroup = new RstNode(Type.TGROUP, where).attr("cols", String.valueOf(cols));
        table.add(tgroup);
        return table;
    }

    /** Puts head (when it has rows) and body into the table's tgroup. */
    static void finish(RstNode table, RstNode thead, RstNode tbody) {
        RstNode tgroup = table.children().get(table.children().size() - 1);
        if (!thead.children().isEmpty()) {
            tgroup.add(thead);
        }
        tgroup.add(tbody);
    }
}
