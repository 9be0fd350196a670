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
    private static final Pattern DASH_RUN = Pattern.compile("-+");
    private static final Pattern DASHES = Pattern.compile("^ *-+(?: +-+)*+ *$");

    private TableBlocks() {}

    /** One row of a simple table: its lines and, when a {@code ---} underline follows, its spans. */
    private record SimpleRow(List<ContentLine> lines, List<int[]> spans) {}

    /**
     * The simple table at line {@code i}: columns are the {@code =} runs of its top border; a
     * line with text in the first column starts a row (a blank first column continues it, blank
     * lines inside a row separate its cells' paragraphs); a {@code =} border followed by text
     * ends the header; a line of {@code -} runs under a row says which columns each of its cells
     * spans. Text in the margin between two columns that no span joins makes it malformed.
     */
    static int simpleTable(BlockParser p, List<ContentLine> lines, int i, RstNode target, RstNode title, int depth) {
        ContentLine border = lines.get(i);
        List<int[]> cols = runs(border.text(), RUN);
        List<SimpleRow> rows = new ArrayList<>();
        int headerRows = 0;
        int borders = 1;
        int j = i + 1;
        List<ContentLine> rowLines = new ArrayList<>();
        String problem = null;
        for (; j < lines.size(); j++) {
            String t = lines.get(j).text();
            if (SIMPLE_TABLE.matcher(t).matches()) {
                borders++;
                addRow(rows, rowLines, null);
                rowLines = new ArrayList<>();
                if (borders == 2
                        && j + 1 < lines.size()
                        && !lines.get(j + 1).text().isBlank()) {
                    headerRows = rows.size();
                    continue;
                }
                j++;
                break;
            }
            if (!rowLines.isEmpty() && DASHES.matcher(t).matches()) {
                List<int[]> spans = spans(cols, runs(t, DASH_RUN));
                if (spans == null) {
                    problem = "Column span alignment problem in table line " + (j - i + 1) + ".";
                }
                addRow(rows, rowLines, spans);
                rowLines = new ArrayList<>();
                continue;
            }
            boolean firstColBlank =
                    t.substring(0, Math.min(t.length(), cols.get(0)[1])).isBlank();
            if (!t.isBlank() && !firstColBlank) {
                addRow(rows, rowLines, null);
                rowLines = new ArrayList<>();
            }
            if (!t.isBlank() || !rowLines.isEmpty()) {
                rowLines.add(lines.get(j));
            }
        }
        addRow(rows, rowLines, null);
        if (borders < 2) {
            problem = "No bottom table border found.";
        }
        if (problem == null) {
            problem = marginProblem(lines, i, j, cols, rows);
        }
        if (problem != null) {
            p.error(border.where(), "Malformed table.\n" + problem);
            RstNode lb = new RstNode(Type.LITERAL_BLOCK, border.where()).attr("language", "none");
            lb.setText(Lines.joined(Lines.trimBlank(lines.subList(i, Math.min(j, lines.size())))));
            target.add(lb);
            return Math.max(j, i + 1);
        }
        target.add(simpleRows(p, border.where(), title, cols, rows, headerRows, depth));
        return j;
    }

    private static void addRow(List<SimpleRow> rows, List<ContentLine> rowLines, List<int[]> spans) {
        List<ContentLine> trimmed = Lines.trimBlank(rowLines);
        if (!trimmed.isEmpty()) {
            rows.add(new SimpleRow(trimmed, spans));
        }
    }

    /** The [start, end) runs of {@code pattern} in {@code t}. */
    private static List<int[]> runs(String t, Pattern pattern) {
        List<int[]> out = new ArrayList<>();
        Matcher m = pattern.matcher(t);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    /**
     * The columns (first, last) each {@code -} run covers; null when a run does not start at a
     * column's start and end at a column's end (the last column's end may be passed).
     */
    private static List<int[]> spans(List<int[]> cols, List<int[]> dashes) {
        List<int[]> out = new ArrayList<>();
        for (int[] d : dashes) {
            int first = -1;
            int last = -1;
            for (int c = 0; c < cols.size(); c++) {
                if (cols.get(c)[0] == d[0]) {
                    first = c;
                }
                if (cols.get(c)[1] == d[1] || (c == cols.size() - 1 && d[1] >= cols.get(c)[1])) {
                    last = c;
                }
            }
            if (first < 0 || last < first) {
                return null;
            }
            out.add(new int[] {first, last});
        }
        return out;
    }

    /** The cells of a row: its spans, or one per column. */
    private static List<int[]> cells(SimpleRow row, int cols) {
        if (row.spans() != null) {
            return row.spans();
        }
        List<int[]> out = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            out.add(new int[] {c, c});
        }
        return out;
    }

    /** Text in the margin between two columns that no span of its row joins; null when none. */
    private static String marginProblem(
            List<ContentLine> lines, int start, int end, List<int[]> cols, List<SimpleRow> rows) {
        for (SimpleRow row : rows) {
            List<int[]> cells = cells(row, cols.size());
            for (ContentLine l : row.lines()) {
                String t = l.text();
                for (int k = 0; k + 1 < cells.size(); k++) {
                    int from = cols.get(cells.get(k)[1])[1];
                    int to = Math.min(cols.get(cells.get(k + 1)[0])[0], t.length());
                    if (from < to && !t.substring(from, to).isBlank()) {
                        int n = lines.subList(start, end).indexOf(l) + 1;
                        return "Text in column margin in table line " + n + ".";
                    }
                }
            }
        }
        return null;
    }

    /** The table of a simple table's rows, the first {@code headerRows} in the head. */
    private static RstNode simpleRows(
            BlockParser p,
            SourceLocation where,
            RstNode title,
            List<int[]> cols,
            List<SimpleRow> rows,
            int headerRows,
            int depth) {
        RstNode table = tableNode(where, title, cols.size());
        RstNode thead = new RstNode(Type.THEAD, where);
        RstNode tbody = new RstNode(Type.TBODY, where);
        for (int r = 0; r < rows.size(); r++) {
            List<ContentLine> rowLines = rows.get(r).lines();
            RstNode row = new RstNode(Type.ROW, rowLines.get(0).where());
            for (int[] span : cells(rows.get(r), cols.size())) {
                int from = cols.get(span[0])[0];
                int to = span[1] + 1 < cols.size() ? cols.get(span[1] + 1)[0] : Integer.MAX_VALUE;
                List<ContentLine> cell = new ArrayList<>();
                for (ContentLine l : rowLines) {
                    String t = l.text();
                    String part = from >= t.length() ? "" : t.substring(from, Math.min(to, t.length()));
                    cell.add(l.withText(part.stripTrailing()));
                }
                RstNode entry = new RstNode(Type.ENTRY, rowLines.get(0).where());
                if (span[1] > span[0]) {
                    entry.attr("morecols", String.valueOf(span[1] - span[0]));
                }
                p.parse(dedent(cell), entry, null, depth + 1);
                row.add(entry);
            }
            (r < headerRows ? thead : tbody).add(row);
        }
        finish(table, thead, tbody);
        return table;
    }

    static int gridTable(BlockParser p, List<ContentLine> lines, int i, RstNode target, RstNode title, int depth) {
        return GridTables.read(p, lines, i, target, title, depth);
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
