package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ids and index entries of the standard domain's objects ({@link StdObjectDirectives}), assigned
 * in document order so that each option takes the {@code program} in effect where it stands, as
 * in Sphinx 5.3:
 *
 * <ul>
 *   <li>an option's id is {@code cmdoption-PROGRAM-NAME} ({@code cmdoption-NAME} outside a
 *       program; {@code -arg} after the program for a name without a leading {@code -} or {@code
 *       /}), made with Sphinx's id rules (case kept), so {@code -T, --trace} of {@code qemu-img}
 *       is {@code cmdoption-qemu-img-T} and {@code cmdoption-qemu-img-trace}; an id already taken
 *       falls back to {@code PREFIX-N} with a per-prefix counter;
 *   <li>the id docutils would have made (lower case) is kept as an extra id when nothing has it
 *       yet, so older links keep working ({@code cmdoption-qemu-img-t} for {@code -T} unless a
 *       {@code -t} came first);
 *   <li>every option form gets a pair entry {@code PROGRAM command line option; NAME} linking to
 *       the signature's first id;
 *   <li>a signature line whose first name an earlier line of the same directive has gets no ids
 *       and no entries;
 *   <li>an environment variable's id is {@code envvar-NAME} with the single entry {@code
 *       environment variable; NAME};
 *   <li>{@code :option:} references remember the program in effect in {@link #PROGRAM}, for the
 *       resolution pass.
 * </ul>
 */
final class StdObjects {

    /** Attribute of a program marker and of an {@code option} reference: the program's name. */
    static final String PROGRAM = "std:program";
    /** Attribute of an object signature: its names, separated by newlines. */
    static final String NAMES = "names";

    private final Set<String> used;
    private final Map<String, Integer> serials = new HashMap<>();
    private String program;

    private StdObjects(Set<String> used) {
        this.used = used;
    }

    /**
     * Assigns the ids and index entries of the standard objects among {@code all} (a document's
     * nodes in order); {@code used} holds the document's ids and receives the new ones. Index
     * nodes are inserted before the descriptions, which does not disturb {@code all}'s users.
     */
    static void apply(List<RstNode> all, Set<String> used) {
        StdObjects s = null;
        for (RstNode n : all) {
            boolean marker = n.type() == Type.INDEX && n.attr(PROGRAM) != null;
            boolean object = n.type() == Type.DESC
                    && "std".equals(n.attr("domain"))
                    && n.attr("objtype") != null
                    && (n.attr("objtype").equals("option") || n.attr("objtype").equals("envvar"));
            boolean ref = n.type() == Type.PENDING_XREF && "option".equals(n.attr("role"));
            boolean term = n.type() == Type.TERM && "true".equals(n.attr(GlossaryDirective.GLOSSARY));
            if (!marker && !object && !ref && !term) {
                continue;
            }
            if (s == null) {
                s = new StdObjects(used);
            }
            if (term) {
                s.term(n);
                continue;
            }
            if (marker) {
                s.program = n.attr(PROGRAM).equals("None") ? null : n.attr(PROGRAM);
            } else if (ref) {
                n.attr(PROGRAM, s.program);
            } else {
                s.object(n);
            }
        }
    }

    /** A glossary term: Sphinx's id {@code term-TEXT} and a main index entry inside the term. */
    private void term(RstNode term) {
        String text = term.astext().strip();
        String id = id("term", text);
        term.ids().add(id);
        RstNode index = new RstNode(Type.INDEX, term.location())
                .attr("entry0", "single:" + text)
                .attr("target", id);
        term.insert(0, index);
    }

    private void object(RstNode desc) {
        boolean option = desc.attr("objtype").equals("option");
        if (option) {
            desc.attr(PROGRAM, program);
        }
        if ("true".equals(desc.attr("noindex"))) {
            return;
        }
        RstNode index = new RstNode(Type.INDEX, desc.location());
        int k = 0;
        Set<String> firstNames = new HashSet<>();
        for (RstNode sig : desc.children()) {
            if (sig.type() != Type.DESC_SIGNATURE || sig.attr(NAMES) == null) {
                continue;
            }
            String[] names = sig.attr(NAMES).split("\n");
            if (!firstNames.add(names[0])) {
                // a further signature of the same object (Sphinx names an object by its first
                // form): shown, but no ids and no entries
                sig.attr(NAMES, null);
                continue;
            }
            for (String name : names) {
                if (option) {
                    optionIds(sig, name);
                } else {
                    sig.ids().add(id("envvar", name));
                }
            }
            String target = sig.ids().get(0);
            for (String name : names) {
                String entry = option
                        ? "pair:" + (program == null ? "" : program + " ") + "command line option; " + name
                        : "single:environment variable; " + name;
                index.attr("entry" + k++, entry);
                if (index.attr("target") == null) {
                    index.attr("target", target);
                }
            }
        }
        if (k > 0) {
            desc.parent().insert(desc.indexInParent(), index);
        }
    }

    private void optionIds(RstNode sig, String name) {
        String prefix = "cmdoption" + (program == null ? "" : "-" + program);
        if (!name.startsWith("-") && !name.startsWith("/")) {
            prefix += "-arg";
        }
        sig.ids().add(id(prefix, name));
        String old = Ids.docutils(prefix + "-" + name);
        if (!old.isEmpty() && !used.contains(old)) {
            sig.ids().add(old);
            used.add(old);
        }
    }

    /** Sphinx's id for {@code term} under {@code prefix}, unique in the document. */
    private String id(String prefix, String term) {
        String id = Ids.sphinx(prefix + "-" + term);
        if (id.equals(Ids.sphinx(prefix))) {
            id = null;
        }
        while (id == null || used.contains(id)) {
            int n = serials.merge(prefix, 1, Integer::sum) - 1;
            id = prefix + "-" + n;
        }
        used.add(id);
        return id;
    }
}
