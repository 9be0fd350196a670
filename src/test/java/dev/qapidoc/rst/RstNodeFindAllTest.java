package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RstNode#findAll} and {@link RstNode#select} skip subtrees by the types (and names and
 * ids) they record; whatever a sequence of edits did (add, insert, replaceWith, remove, moving a
 * subtree elsewhere, clearChildren, names and ids added and cleared), they find exactly the nodes
 * a filter over {@link RstNode#descendants()} finds, in the same order.
 */
class RstNodeFindAllTest {

    private static final SourceLocation AT = SourceLocation.of("t.rst", 1);

    private static List<RstNode> filtered(RstNode root, Type t) {
        List<RstNode> out = new ArrayList<>();
        for (RstNode n : root.descendants()) {
            if (n.type() == t) {
                out.add(n);
            }
        }
        return out;
    }

    private static void assertSameAsFilter(RstNode root) {
        for (Type t : Type.values()) {
            assertEquals(filtered(root, t), root.findAll(t), t.name());
        }
        Set<Type> some = EnumSet.of(Type.TARGET, Type.SECTION, Type.TEXT);
        for (boolean named : new boolean[] {false, true}) {
            for (boolean withIds : new boolean[] {false, true}) {
                for (Set<Type> types : List.of(Set.<Type>of(), some, EnumSet.allOf(Type.class))) {
                    List<RstNode> expected = new ArrayList<>();
                    for (RstNode n : root.descendants()) {
                        if (types.contains(n.type())
                                || (named && !n.names().isEmpty())
                                || (withIds && !n.ids().isEmpty())) {
                            expected.add(n);
                        }
                    }
                    assertEquals(expected, root.select(types, named, withIds), types + " " + named + " " + withIds);
                }
            }
        }
    }

    @Test
    void randomEditsKeepFindAllExact() {
        Type[] types = Type.values();
        for (long seed = 1; seed <= 40; seed++) {
            Random rnd = new Random(seed);
            RstNode doc = new RstNode(Type.DOCUMENT, AT);
            List<RstNode> nodes = new ArrayList<>(List.of(doc));
            for (int step = 0; step < 400; step++) {
                RstNode target = nodes.get(rnd.nextInt(nodes.size()));
                RstNode fresh = new RstNode(types[rnd.nextInt(types.length)], AT);
                int op = rnd.nextInt(8);
                boolean isDescendantOfFresh = false;
                if (op == 0 || target.parent() == null) {
                    target.add(fresh);
                    nodes.add(fresh);
                } else if (op == 1) {
                    target.insert(rnd.nextInt(target.children().size() + 1), fresh);
                    nodes.add(fresh);
                } else if (op == 2) {
                    // replace a node by a new one holding some other loose nodes
                    RstNode extra = new RstNode(types[rnd.nextInt(types.length)], AT);
                    fresh.add(extra);
                    target.replaceWith(List.of(fresh, new RstNode(types[rnd.nextInt(types.length)], AT)));
                    nodes.add(fresh);
                    nodes.add(extra);
                } else if (op == 3) {
                    target.parent().remove(target);
                } else if (op == 4) {
                    // move the node under another one that is not inside it
                    RstNode dest = nodes.get(rnd.nextInt(nodes.size()));
                    for (RstNode p = dest; p != null; p = p.parent()) {
                        isDescendantOfFresh |= p == target;
                    }
                    if (!isDescendantOfFresh) {
                        dest.add(target);
                    }
                } else if (op == 5) {
                    target.clearChildren();
                } else if (op == 6) {
                    // names and ids come and go on nodes already in the tree
                    (rnd.nextBoolean() ? target.names() : target.ids()).add("n" + step);
                } else {
                    target.names().clear();
                    if (rnd.nextBoolean()) {
                        target.ids().clear();
                    }
                }
                nodes.removeIf(n -> n != doc && !attachedTo(n, doc));
                if (step % 25 == 0) {
                    assertSameAsFilter(doc);
                }
            }
            assertSameAsFilter(doc);
        }
    }

    private static boolean attachedTo(RstNode n, RstNode root) {
        for (RstNode p = n; p != null; p = p.parent()) {
            if (p == root) {
                return true;
            }
        }
        return false;
    }

    @Test
    void attributesAndListsStartEmptyAndStaySorted() {
        RstNode n = new RstNode(Type.PARAGRAPH, AT);
        assertTrue(n.attributes().isEmpty());
        assertTrue(n.ids().isEmpty() && n.names().isEmpty() && n.classes().isEmpty());
        assertEquals(null, n.attr("x"));
        n.attr("x", null);
        assertTrue(n.attributes().isEmpty());
        n.attr("zeta", "1").attr("alpha", "2");
        assertEquals(
                List.of(Map.entry("alpha", "2"), Map.entry("zeta", "1")),
                List.copyOf(n.attributes().entrySet()));
        n.ids().add("b");
        n.ids().add(0, "a");
        assertEquals(List.of("a", "b"), n.ids());
        n.ids().remove("a");
        assertEquals(List.of("b"), n.ids());
        n.names().addAll(List.of("x", "y"));
        n.names().clear();
        assertTrue(n.names().isEmpty());
    }
}
