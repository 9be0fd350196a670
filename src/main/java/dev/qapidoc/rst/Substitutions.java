package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * docutils' substitution transform, the one place substitution references are matched with
 * definitions and replaced: by the reader for the definitions of its own read, and once more over
 * the whole document for references a nested parse could not resolve on its own (text a later pass
 * parses apart from its page, such as an {@code hxtool-doc} section using {@code |qemu_system|}
 * from {@code rst_epilog}).
 *
 * <p>A name matches as written first, then by its normalized form (reST spec). A definition may
 * use other substitutions: references in it are replaced too, so nested ones reach the page. A
 * definition that uses itself, directly or through others, has no content at all; as docutils,
 * each definition on such a loop is reported ({@code Circular substitution definition
 * detected:}) and dropped, and each reference to one is reported at the reference and shown as
 * written. Definitions are expanded in dependency order (uses before users), without recursion,
 * so a long chain cannot overflow the stack.
 */
public final class Substitutions {

    /** Definitions by name as written (the reader's own, which it matches first). */
    private final Map<String, RstNode> exact = new LinkedHashMap<>();
    /** Definitions by normalized name. */
    private final Map<String, RstNode> normalized = new LinkedHashMap<>();
    /** The block each definition was read from, for the circular-definition report. */
    private final Map<RstNode, String> source = new IdentityHashMap<>();

    Substitutions() {}

    /**
     * Records a definition the reader has read; a later one of the same name takes its place.
     *
     * @param written the name as written between the bars
     * @param def the definition node (its names normalized)
     * @param block the definition's text, for messages
     */
    void define(String written, RstNode def, String block) {
        exact.put(written, def);
        for (String n : def.names()) {
            normalized.put(n, def);
        }
        source.put(def, block);
    }

    /** Resolves the substitution references left in {@code doc}; reports each undefined one. */
    public static void resolve(RstNode doc, Consumer<SystemMessage> report) {
        List<RstNode> refs = doc.findAll(Type.SUBSTITUTION_REFERENCE);
        if (refs.isEmpty()) {
            return;
        }
        // the reader already matched names exactly where it could; what is left matches as
        // docutils' fallback does, by normalized name, the first definition of a name winning
        Substitutions s = new Substitutions();
        for (RstNode def : doc.findAll(Type.SUBSTITUTION_DEFINITION)) {
            for (String n : def.names()) {
                s.normalized.putIfAbsent(n, def);
            }
        }
        s.apply(doc, true, report);
    }

    private RstNode lookup(RstNode ref) {
        RstNode def = exact.get(ref.astext());
        return def != null ? def : normalized.get(ref.attr("refname"));
    }

    /**
     * Replaces each substitution reference under {@code root} by a copy of its definition's
     * (expanded) content. With {@code reportUndefined} false (content a later pass parses apart
     * from its document), a reference to a name not known here stays in the tree for {@link
     * #resolve}, which looks in the whole document.
     */
    void apply(RstNode root, boolean reportUndefined, Consumer<SystemMessage> report) {
        List<RstNode> refs = root.findAll(Type.SUBSTITUTION_REFERENCE);
        if (refs.isEmpty()) {
            return;
        }
        List<RstNode> defs = new ArrayList<>(new LinkedHashSet<>(allDefinitions()));
        Set<RstNode> circular = circular(defs);
        // reported in document order of the definitions
        for (RstNode def : defs) {
            if (circular.contains(def)) {
                String block = source.getOrDefault(def, ".. |" + String.join(" ", def.names()) + "|");
                report.accept(
                        SystemMessage.error(def.location(), "Circular substitution definition detected:\n\n" + block));
                if (def.parent() != null && !def.isFrozen() && !def.parent().isFrozen()) {
                    def.replaceWith(List.of());
                }
            }
        }
        Map<RstNode, Set<String>> reachesCircular = new IdentityHashMap<>();
        for (RstNode def : dependencyOrder(defs)) {
            if (!circular.contains(def)) {
                expandDefinition(def, circular, reachesCircular, reportUndefined, report);
            }
        }
        for (RstNode ref : refs) {
            if (ref.parent() == null || ref.ancestor(Type.SUBSTITUTION_DEFINITION) != null) {
                continue; // replaced with its definition's content above
            }
            RstNode def = lookup(ref);
            if (def == null) {
                if (reportUndefined) {
                    report.accept(SystemMessage.error(
                            ref.location(), "Undefined substitution referenced: \"" + ref.astext() + "\"."));
                    ref.replaceWith(List.of(RstNode.text(ref.astext(), ref.location())));
                }
                continue;
            }
            if (circular.contains(def)) {
                circularReference(ref, ref.astext(), report);
                continue;
            }
            for (String name : reachesCircular.getOrDefault(def, Set.of())) {
                report.accept(SystemMessage.error(
                        ref.location(), "Circular substitution definition referenced: \"" + name + "\"."));
            }
            replace(ref, def);
        }
    }

    private List<RstNode> allDefinitions() {
        List<RstNode> all = new ArrayList<>(exact.values());
        all.addAll(normalized.values());
        return all;
    }

    /** The reference shown as written, with docutils' message, at the reference. */
    private static void circularReference(RstNode ref, String name, Consumer<SystemMessage> report) {
        report.accept(
                SystemMessage.error(ref.location(), "Circular substitution definition referenced: \"" + name + "\"."));
        ref.replaceWith(List.of(RstNode.text("|" + ref.astext() + "|", ref.location())));
    }

    /**
     * Replaces the references inside {@code def} by the content of theirs (already expanded, as
     * definitions come in dependency order); references to circular definitions are kept as
     * written, and the names are remembered so each use of {@code def} reports them.
     */
    private void expandDefinition(
            RstNode def,
            Set<RstNode> circular,
            Map<RstNode, Set<String>> reachesCircular,
            boolean reportUndefined,
            Consumer<SystemMessage> report) {
        if (def.isFrozen()) {
            return;
        }
        Set<String> reached = new LinkedHashSet<>();
        for (RstNode ref : def.findAll(Type.SUBSTITUTION_REFERENCE)) {
            RstNode used = lookup(ref);
            if (used == null) {
                if (reportUndefined) {
                    report.accept(SystemMessage.error(
                            ref.location(), "Undefined substitution referenced: \"" + ref.astext() + "\"."));
                    ref.replaceWith(List.of(RstNode.text(ref.astext(), ref.location())));
                }
                continue;
            }
            if (circular.contains(used)) {
                reached.add(ref.astext());
                ref.replaceWith(List.of(RstNode.text("|" + ref.astext() + "|", ref.location())));
                continue;
            }
            reached.addAll(reachesCircular.getOrDefault(used, Set.of()));
            replace(ref, used);
        }
        if (!reached.isEmpty()) {
            reachesCircular.put(def, reached);
        }
    }

    /** The definitions each definition's references resolve to, in document order. */
    private Map<RstNode, List<RstNode>> uses(List<RstNode> defs) {
        Map<RstNode, List<RstNode>> uses = new IdentityHashMap<>();
        for (RstNode def : defs) {
            List<RstNode> out = new ArrayList<>();
            for (RstNode ref : def.findAll(Type.SUBSTITUTION_REFERENCE)) {
                RstNode used = lookup(ref);
                if (used != null) {
                    out.add(used);
                }
            }
            uses.put(def, out);
        }
        return uses;
    }

    /**
     * The definitions that use themselves, directly or through others: the members of the
     * strongly connected components of the uses graph that have more than one member or a
     * self-use (Tarjan's algorithm, with an explicit stack).
     */
    private Set<RstNode> circular(List<RstNode> defs) {
        Map<RstNode, List<RstNode>> uses = uses(defs);
        Set<RstNode> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<RstNode> scc : components(defs, uses)) {
            if (scc.size() > 1 || uses.get(scc.get(0)).contains(scc.get(0))) {
                out.addAll(scc);
            }
        }
        return out;
    }

    /** Definitions with each one after the definitions it uses (Tarjan emits sinks first). */
    private List<RstNode> dependencyOrder(List<RstNode> defs) {
        List<RstNode> out = new ArrayList<>();
        for (List<RstNode> scc : components(defs, uses(defs))) {
            out.addAll(scc);
        }
        return out;
    }

    private static List<List<RstNode>> components(List<RstNode> defs, Map<RstNode, List<RstNode>> uses) {
        Map<RstNode, Integer> index = new IdentityHashMap<>();
        Map<RstNode, Integer> low = new IdentityHashMap<>();
        Deque<RstNode> stack = new ArrayDeque<>();
        Set<RstNode> onStack = Collections.newSetFromMap(new IdentityHashMap<>());
        List<List<RstNode>> out = new ArrayList<>();
        for (RstNode start : defs) {
            if (index.containsKey(start)) {
                continue;
            }
            // frames: a node and the position of the next use to visit
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] {start, 0});
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                RstNode v = (RstNode) frame[0];
                int next = (Integer) frame[1];
                if (next == 0 && !index.containsKey(v)) {
                    index.put(v, index.size());
                    low.put(v, index.get(v));
                    stack.push(v);
                    onStack.add(v);
                }
                List<RstNode> vu = uses.getOrDefault(v, List.of());
                if (next < vu.size()) {
                    frame[1] = next + 1;
                    RstNode w = vu.get(next);
                    if (!uses.containsKey(w)) {
                        continue;
                    }
                    if (!index.containsKey(w)) {
                        work.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    RstNode parent = (RstNode) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<RstNode> scc = new ArrayList<>();
                    RstNode w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        scc.add(w);
                    } while (w != v);
                    out.add(scc);
                }
            }
        }
        return out;
    }

    /** Replaces the reference {@code ref} by a copy of definition {@code def}'s content. */
    static void replace(RstNode ref, RstNode def) {
        List<RstNode> copies = new ArrayList<>();
        for (RstNode c : def.children()) {
            copies.add(BlockParser.copy(c));
        }
        ref.replaceWith(copies);
    }
}
