package dev.qapidoc.rst;

import static dev.qapidoc.rst.Lines.dedent;

import dev.qapidoc.rst.RstNode.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * Grid tables as the reStructuredText spec describes them: the table is a rectangle of cells
 * whose borders are {@code +} corners joined by {@code -} (or {@code =}) and {@code |} edges. A
 * cell is found from its top-left corner by following its top edge to the right and its right
 * edge down to the first corner that closes a rectangle, so a cell whose inner borders are
 * missing spans several rows or columns ({@code morerows}/{@code morecols} on the entry, as
 * docutils records them). A {@code +===+} line ends the header rows. A table whose cells do not
 * tile it is malformed: it is reported at its first line and shown as a literal block, never
 * dropped.
 */
final class GridTables {

    private GridTables() {}

    /** One cell: border rows and columns (inclusive) in the character grid. */
    private record Cell(int top, int left, int bottom, int right) {}

    /** Reads the grid table at line {@code i} into {@code target}: the next line. */
    static int read(BlockParser p, List<ContentLine> lines, int i, RstNode target, RstNode title, int depth) {
        int j = i;
        while (j < lines.size() && !lines.get(j).text().isBlank()) {
            j++;
        }
        List<ContentLine> block = lines.subList(i, j);
        char[][] grid = grid(block);
        String problem = problem(block, grid);
        List<Cell> cells = problem == null ? cells(grid) : List.of();
        if (problem == null && cells == null) {
            problem = "Malformed table; parse incomplete.";
        }
        if (problem != null) {
            p.error(block.get(0).where(), "Malformed table.\n" + problem);
            RstNode lb = new RstNode(Type.LITERAL_BLOCK, block.get(0).where()).attr("language", "none");
            lb.setText(Lines.joined(block));
            target.add(lb);
            return j;
        }
        target.add(table(p, block, grid, cells, title, depth));
        return j;
    }

    /** The lines as a rectangle of characters, short lines padded with spaces. */
    private static char[][] grid(List<ContentLine> block) {
        int width = 0;
        for (ContentLine l : block) {
            width = Math.max(width, l.text().stripTrailing().length());
        }
        char[][] g = new char[block.size()][width];
        for (int r = 0; r < block.size(); r++) {
            String t = block.get(r).text().stripTrailing();
            for (int c = 0; c < width; c++) {
                g[r][c] = c < t.length() ? t.charAt(c) : ' ';
            }
        }
        return g;
    }

    /** Why the block cannot be a grid table, checked before cells are traced; null when it may be. */
    private static String problem(List<ContentLine> block, char[][] grid) {
        int width = grid[0].length;
        for (int r = 0; r < grid.length; r++) {
            String t = block.get(r).text().stripTrailing();
            char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
            if (t.length() != width || (last != '+' && last != '|') || (t.charAt(0) != '+' && t.charAt(0) != '|')) {
                return "Malformed table; right border not aligned in table line " + (r + 1) + ".";
            }
        }
        String bottom = block.get(block.size() - 1).text().stripTrailing();
        if (block.size() < 3 || bottom.charAt(0) != '+' || bottom.indexOf('|') >= 0) {
            return "Malformed table; bottom border missing.";
        }
        return null;
    }

    /**
     * Traces every cell from the top-left corners still to visit, in reading order; null when the
     * cells do not cover the whole table exactly.
     */
    private static List<Cell> cells(char[][] g) {
        int rows = g.length;
        int cols = g[0].length;
        boolean[][] covered = new boolean[rows][cols];
        TreeSet<Long> corners = new TreeSet<>();
        corners.add(0L);
        TreeSet<Long> done = new TreeSet<>();
        List<Cell> out = new ArrayList<>();
        while (!corners.isEmpty()) {
            long k = corners.pollFirst();
            if (!done.add(k)) {
                continue;
            }
            int top = (int) (k >> 32);
            int left = (int) k;
            if (top >= rows - 1 || left >= cols - 1 || covered[top + 1][left + 1]) {
                continue;
            }
            Cell c = trace(g, top, left);
            if (c == null) {
                return null;
            }
            for (int r = c.top() + 1; r < c.bottom(); r++) {
                for (int col = c.left() + 1; col < c.right(); col++) {
                    if (covered[r][col]) {
                        return null;
                    }
                    covered[r][col] = true;
                }
            }
            out.add(c);
            corners.add(((long) top << 32) | c.right());
            corners.add(((long) c.bottom() << 32) | left);
        }
        for (int r = 1; r < rows - 1; r++) {
            for (int col = 1; col < cols - 1; col++) {
                if (!covered[r][col] && g[r][col] != '+' && g[r][col] != '-' && g[r][col] != '=' && g[r][col] != '|') {
                    return null;
                }
            }
        }
        out.sort(
                (a, b) -> a.top() != b.top() ? Integer.compare(a.top(), b.top()) : Integer.compare(a.left(), b.left()));
        return out;
    }

    /** The cell whose top-left corner is at (top, left): right along the top, then down. */
    private static Cell trace(char[][] g, int top, int left) {
        if (g[top][left] != '+') {
            return null;
        }
        for (int right = left + 1; right < g[0].length; right++) {
            char ch = g[top][right];
            if (ch != '+') {
                if (ch != '-' && ch != '=') {
                    return null;
                }
                continue;
            }
            for (int bottom = top + 1; bottom < g.length; bottom++) {
                char d = g[bottom][right];
                if (d != '+') {
                    if (d != '|') {
                        break;
                    }
                    continue;
                }
                if (closes(g, top, left, bottom, right)) {
                    return new Cell(top, left, bottom, right);
                }
            }
        }
        return null;
    }

    /** True when the bottom edge and the left edge of the rectangle are drawn. */
    private static boolean closes(char[][] g, int top, int left, int bottom, int right) {
        if (g[bottom][left] != '+') {
            return false;
        }
        for (int c = left + 1; c < right; c++) {
            if ("-=+".indexOf(g[bottom][c]) < 0) {
                return false;
            }
        }
        for (int r = top + 1; r < bottom; r++) {
            if ("|+".indexOf(g[r][left]) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The table tree: rows from the distinct top borders, entries spanning what their cell covers. */
    private static RstNode table(
            BlockParser p, List<ContentLine> block, char[][] g, List<Cell> cells, RstNode title, int depth) {
        TreeSet<Integer> rowLines = new TreeSet<>();
        TreeSet<Integer> colLines = new TreeSet<>();
        for (Cell c : cells) {
            rowLines.add(c.top());
            rowLines.add(c.bottom());
            colLines.add(c.left());
            colLines.add(c.right());
        }
        List<Integer> rowIdx = new ArrayList<>(rowLines);
        List<Integer> colIdx = new ArrayList<>(colLines);
        int headEnd = -1;
        for (int r = 1; r < g.length - 1; r++) {
            if (g[r][0] == '+' && new String(g[r]).matches("\\+[=+]+\\+")) {
                headEnd = r;
                break;
            }
        }
        RstNode table = TableBlocks.tableNode(block.get(0).where(), title, colIdx.size() - 1);
        RstNode thead = new RstNode(Type.THEAD, block.get(0).where());
        RstNode tbody = new RstNode(Type.TBODY, block.get(0).where());
        Deque<Cell> queue = new ArrayDeque<>(cells);
        for (int r = 0; r + 1 < rowIdx.size(); r++) {
            int top = rowIdx.get(r);
            RstNode row = new RstNode(Type.ROW, block.get(top + 1).where());
            while (!queue.isEmpty() && queue.peekFirst().top() == top) {
                row.add(entry(p, block, queue.pollFirst(), rowIdx, colIdx, depth));
            }
            (headEnd > top ? thead : tbody).add(row);
        }
        TableBlocks.finish(table, thead, tbody);
        return table;
    }

    private static RstNode entry(
            BlockParser p, List<ContentLine> block, Cell c, List<Integer> rowIdx, List<Integer> colIdx, int depth) {
        RstNode entry = new RstNode(Type.ENTRY, block.get(c.top() + 1).where());
        int morerows = rowIdx.indexOf(c.bottom()) - rowIdx.indexOf(c.top()) - 1;
        int morecols = colIdx.indexOf(c.right()) - colIdx.indexOf(c.left()) - 1;
        if (morerows > 0) {
            entry.attr("morerows", String.valueOf(morerows));
        }
        if (morecols > 0) {
            entry.attr("morecols", String.valueOf(morecols));
        }
        List<ContentLine> text = new ArrayList<>();
        for (int r = c.top() + 1; r < c.bottom(); r++) {
            ContentLine l = block.get(r);
            String t = l.text();
            int a = Math.min(c.left() + 1, t.length());
            int b = Math.min(c.right(), t.length());
            text.add(l.withText(t.substring(a, b).stripTrailing()));
        }
        p.parse(dedent(text), entry, null, depth + 1);
        return entry;
    }
}
