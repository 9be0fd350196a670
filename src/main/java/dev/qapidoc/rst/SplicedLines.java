package dev.qapidoc.rst;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The lines a parse has still to read, once a directive has spliced lines in ({@code include}):
 * stored last-first, so that replacing the lines read so far and the directive's block by the
 * included ones costs the included lines, not a copy of the whole rest of the document. Copying
 * the rest at each include made a page with many includes quadratic.
 *
 * <p>Its ranges are {@link IndentedLines} views, which a {@link DirectiveCall} copies, as they
 * would read shifted lines after the next splice.
 */
final class SplicedLines extends AbstractList<ContentLine> implements RandomAccess {

    private final ArrayList<ContentLine> reversed;

    /** The lines of {@code lines}, to be spliced into. */
    SplicedLines(List<ContentLine> lines) {
        reversed = new ArrayList<>(lines.size());
        for (int k = lines.size() - 1; k >= 0; k--) {
            reversed.add(lines.get(k));
        }
    }

    @Override
    public ContentLine get(int index) {
        Objects.checkIndex(index, reversed.size());
        return reversed.get(reversed.size() - 1 - index);
    }

    @Override
    public int size() {
        return reversed.size();
    }

    /** A view (no copy) that {@link IndentedLines#stable()} knows to be over spliced lines. */
    @Override
    public List<ContentLine> subList(int fromIndex, int toIndex) {
        return IndentedLines.whole(this).subList(fromIndex, toIndex);
    }

    /** Drops the first {@code count} lines and puts {@code replacement} in front of the rest. */
    void replaceFront(int count, List<ContentLine> replacement) {
        Objects.checkFromToIndex(0, count, reversed.size());
        modCount++;
        reversed.subList(reversed.size() - count, reversed.size()).clear();
        reversed.ensureCapacity(reversed.size() + replacement.size());
        for (int k = replacement.size() - 1; k >= 0; k--) {
            reversed.add(replacement.get(k));
        }
    }
}
