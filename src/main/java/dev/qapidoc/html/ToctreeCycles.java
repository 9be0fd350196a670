package dev.qapidoc.html;

import dev.qapidoc.rst.SystemMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The documents the toctrees reach from the root, and Sphinx's warning for a toctree that lists
 * a document it is itself listed under ({@code circular toctree references detected, ignoring:
 * a <- b <- index}), which would otherwise pass unnoticed (issue 13). The walk keeps its own
 * stack, so a chain of thousands of pages cannot overflow the thread's.
 */
final class ToctreeCycles {
    private ToctreeCycles() {}

    /** One document on the walk's path and how many of its children were looked at. */
    private static final class Frame {
        final SourceDoc doc;
        int next;

        Frame(SourceDoc doc) {
            this.doc = doc;
        }
    }

    /**
     * Every document reachable from {@code root} through toctrees (root included), reporting
     * each toctree entry that points back up the path it was reached by.
     */
    static Set<String> walk(String root, Map<String, SourceDoc> docs, Consumer<SystemMessage> report) {
        Set<String> reached = new LinkedHashSet<>();
        SourceDoc start = docs.get(root);
        if (start == null) {
            return reached;
        }
        reached.add(root);
        List<Frame> path = new ArrayList<>(List.of(new Frame(start)));
        Set<String> onPath = new HashSet<>(Set.of(root));
        while (!path.isEmpty()) {
            Frame f = path.get(path.size() - 1);
            if (f.next == f.doc.children.size()) {
                onPath.remove(f.doc.name);
                path.remove(path.size() - 1);
                continue;
            }
            String c = f.doc.children.get(f.next++);
            if (onPath.contains(c)) {
                StringBuilder chain = new StringBuilder(c);
                for (int i = path.size() - 1; i >= 0; i--) {
                    chain.append(" <- ").append(path.get(i).doc.name);
                }
                report.accept(SystemMessage.warning(
                        f.doc.childAt.get(c), "circular toctree references detected, ignoring: " + chain));
            } else if (reached.add(c)) {
                onPath.add(c);
                path.add(new Frame(docs.get(c)));
            }
        }
        return reached;
    }
}
