package dev.qapidoc.rst;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A range of lines with their first columns removed, computed as each line is read rather than
 * copied: the body of a list item, a block quote, a definition. Nested blocks are views of the
 * same lines with more columns removed (a view of a view is flattened), so a structure nested
 * thousands deep costs memory for its lines once, not once per level: copying the indented rest at
 * each level made a 4,000-deep list of 16 MB take 1.4 GB.
 *
 * <p>Each line is cut in one of two ways: <em>stripped</em> (a blank line becomes empty, others
 * lose {@code col} columns and trailing whitespace, as {@link Lines#dedent} always did) or
 * <em>raw</em> (the first line of a list item or field, which only loses its marker). Cutting
 * twice is cutting once by the sum, stripped if either cut was; the view's first line may be cut
 * differently from the others.
 *
 * <p>The underlying list must not change while a view of it is in use: lists are built and then
 * handed on, and a parse splices into a {@link SplicedLines} of its own, whose views {@link
 * DirectiveCall} copies rather than keeps.
 */
final class IndentedLines extends AbstractList<ContentLine> implements RandomAccess {

    private final List<ContentLine> base;
    private final int from;
    private final int size;
    private final int firstCol;
    private final boolean firstStrip;
    private final int col;
    private final boolean strip;

    private IndentedLines(
            List<ContentLine> base, int from, int size, int firstCol, boolean firstStrip, int col, boolean strip) {
        this.base = base;
        this.from = from;
        this.size = size;
        this.firstCol = firstCol;
        this.firstStrip = firstStrip;
        this.col = col;
        this.strip = strip;
    }

    /**
     * {@code lines} with {@code firstCol} columns cut from the first line and {@code col} from
     * the others, each stripped or raw as the flags say.
     */
    static IndentedLines of(List<ContentLine> lines, int firstCol, boolean firstStrip, int col, boolean strip) {
        return of(lines, 0, lines.size(), firstCol, firstStrip, col, strip);
    }

    /** As {@link #of(List, int, boolean, int, boolean)}, for lines {@code from..to} of {@code lines}. */
    static IndentedLines of(
            List<ContentLine> lines, int from, int to, int firstCol, boolean firstStrip, int col, boolean strip) {
        if (from != 0 || to != lines.size()) {
            lines = lines instanceof IndentedLines v
                    ? v.subList(from, to)
                    : whole(lines).subList(from, to);
        }
        if (lines instanceof IndentedLines v) {
            // the view's lines are its base's lines from v.from, cut by v's cuts and then ours
            return new IndentedLines(
                    v.base,
                    v.from,
                    v.size,
                    v.firstCol + firstCol,
                    v.firstStrip || firstStrip,
                    v.col + col,
                    v.strip || strip);
        }
        return new IndentedLines(lines, 0, lines.size(), firstCol, firstStrip, col, strip);
    }

    /** All of {@code lines}, uncut: the view its ranges are taken from. */
    static IndentedLines whole(List<ContentLine> lines) {
        return lines instanceof IndentedLines v ? v : new IndentedLines(lines, 0, lines.size(), 0, false, 0, false);
    }

    /**
     * Whether the lines under this view stay as they are, so a {@link DirectiveCall} may keep the
     * view instead of a copy: all but a parse's {@link SplicedLines}, which the next include
     * changes.
     */
    boolean stable() {
        return !(base instanceof SplicedLines);
    }

    @Override
    public ContentLine get(int index) {
        Objects.checkIndex(index, size);
        ContentLine l = base.get(from + index);
        String t = l.text();
        String r = cut(t, index == 0 ? firstCol : col, index == 0 ? firstStrip : strip);
        return r.length() == t.length() ? l : l.withText(r);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public List<ContentLine> subList(int fromIndex, int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, size);
        boolean first = fromIndex == 0;
        return new IndentedLines(
                base,
                from + fromIndex,
                toIndex - fromIndex,
                first ? firstCol : col,
                first ? firstStrip : strip,
                col,
                strip);
    }

    /** Whether line {@code index} reads as blank, without building it. */
    boolean blank(int index) {
        Objects.checkIndex(index, size);
        String t = base.get(from + index).text();
        return whitespaceFrom(t, Math.min(index == 0 ? firstCol : col, t.length()));
    }

    /** The indentation line {@code index} reads with, without building it. */
    int indent(int index) {
        Objects.checkIndex(index, size);
        boolean s = index == 0 ? firstStrip : strip;
        String t = base.get(from + index).text();
        int start = Math.min(index == 0 ? firstCol : col, t.length());
        if (s && whitespaceFrom(t, start)) {
            return 0;
        }
        int k = start;
        while (k < t.length() && t.charAt(k) == ' ') {
            k++;
        }
        return k - start;
    }

    private static boolean whitespaceFrom(String t, int start) {
        for (int k = start; k < t.length(); k++) {
            if (!Character.isWhitespace(t.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static String cut(String t, int c, boolean strip) {
        if (strip) {
            return t.isBlank() ? "" : t.substring(Math.min(c, t.length())).stripTrailing();
        }
        return c >= t.length() ? "" : t.substring(c);
    }
}
