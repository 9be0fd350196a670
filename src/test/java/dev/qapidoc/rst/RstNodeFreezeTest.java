package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A frozen tree refuses every change, everywhere in it, and still reads as before. */
class RstNodeFreezeTest {

    private static final SourceLocation AT = SourceLocation.of("t.rst", 1);

    private static RstNode tree() {
        RstNode doc = new RstNode(Type.DOCUMENT, AT);
        RstNode p = new RstNode(Type.PARAGRAPH, AT);
        p.ids().add("p1");
        p.names().add("para");
        p.classes().add("c");
        p.attr("k", "v");
        p.add(RstNode.text("hello", AT));
        doc.add(p);
        return doc;
    }

    @Test
    void everyMutatorThrowsOnAFrozenTree() {
        RstNode doc = tree();
        String before = doc.dump();
        assertSame(doc, doc.freeze());
        RstNode p = doc.children().get(0);
        RstNode leaf = p.children().get(0);
        RstNode loose = new RstNode(Type.PARAGRAPH, AT);
        List<Executable> mutators = List.of(
                () -> doc.add(loose),
                () -> p.add(loose),
                () -> p.addAll(List.of(loose)),
                () -> p.insert(0, loose),
                () -> p.remove(leaf),
                () -> leaf.replaceWith(List.of()),
                () -> p.clearChildren(),
                () -> p.attr("k", "w"),
                () -> p.attr("k", null),
                () -> leaf.setText("bye"),
                () -> p.ids().add("p2"),
                () -> p.names().add("other"),
                () -> p.names().clear(),
                () -> p.classes().remove("c"),
                () -> p.classes().set(0, "d"),
                () -> p.classes().sort(Comparator.reverseOrder()),
                () -> p.ids().removeIf(x -> true),
                () -> loose.add(leaf)); // moving a frozen node out of its frozen parent
        for (int i = 0; i < mutators.size(); i++) {
            assertThrows(IllegalStateException.class, mutators.get(i), "mutator #" + i);
        }
        java.util.Iterator<String> it = p.names().iterator();
        it.next();
        assertThrows(IllegalStateException.class, it::remove);
        assertEquals(before, doc.dump(), "nothing changed");
        assertTrue(leaf.isFrozen());
        assertFalse(loose.isFrozen());
        assertTrue(loose.children().isEmpty());
    }

    @Test
    void freezeIsIdempotentAndReachesDeepTrees() {
        RstNode root = new RstNode(Type.DOCUMENT, AT);
        RstNode n = root;
        for (int i = 0; i < 100_000; i++) {
            RstNode c = new RstNode(Type.BLOCK_QUOTE, AT);
            n.add(c);
            n = c;
        }
        root.freeze();
        root.freeze();
        assertTrue(n.isFrozen());
        RstNode deepest = n;
        assertThrows(IllegalStateException.class, () -> deepest.attr("x", "y"));
    }

    @Test
    void anUnfrozenTreeStaysMutable() {
        RstNode doc = tree();
        RstNode p = doc.children().get(0);
        p.names().add("more");
        p.classes().clear();
        p.attr("k", null);
        assertEquals(List.of("para", "more"), p.names());
        assertTrue(p.classes().isEmpty());
        assertFalse(doc.isFrozen());
    }
}
