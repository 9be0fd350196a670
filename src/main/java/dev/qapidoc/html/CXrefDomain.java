package dev.qapidoc.html;

import dev.qapidoc.domain.Domain;
import dev.qapidoc.rst.Hrefs;
import dev.qapidoc.rst.RoleText;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.SystemMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Sphinx's {@code c} domain at resolution time: the objects the {@code c:*} directives described
 * (every {@code DESC} of domain {@code c}, on any page), the roles {@code c:func}, {@code c:type},
 * {@code c:macro}, {@code c:struct}, {@code c:union}, {@code c:enum}, {@code c:enumerator},
 * {@code c:member}, {@code c:var}, {@code c:data}, and the objects in {@code objects.inv}. As in
 * Sphinx, a reference to nothing is the code text without a link and without a warning (QEMU
 * builds are not nitpicky), and any role finds an object of any kind by name.
 */
final class CXrefDomain implements XrefDomain {

    private static final Set<String> ROLES = Set.of(
            "c:func",
            "c:type",
            "c:macro",
            "c:struct",
            "c:union",
            "c:enum",
            "c:enumerator",
            "c:member",
            "c:var",
            "c:data",
            "c:expr",
            "c:texpr");

    private final Map<String, SourceDoc> docs;
    /** Name → (docname, objtype), first description wins; built on first use (all pages read). */
    private Map<String, String[]> objects;

    CXrefDomain(Map<String, SourceDoc> docs) {
        this.docs = docs;
    }

    @Override
    public Set<String> roles() {
        return ROLES;
    }

    private Map<String, String[]> objects() {
        if (objects == null) {
            objects = new TreeMap<>();
            for (SourceDoc d : docs.values()) {
                if (d.tree == null) {
                    continue;
                }
                for (RstNode s : d.tree.findAll(Type.DESC_SIGNATURE)) {
                    if ("c".equals(s.attr("domain")) && s.attr("cname") != null) {
                        String objtype = s.parent() == null ? "" : s.parent().attr("objtype");
                        objects.putIfAbsent(s.attr("cname"), new String[] {d.name, objtype});
                    }
                }
            }
        }
        return objects;
    }

    @Override
    public void resolve(String docname, RstNode xref, Consumer<SystemMessage> report) {
        String role = xref.attr("role");
        if ("true".equals(xref.attr("sig"))) {
            String[] o = objects().get(xref.attr("text"));
            if (o == null) {
                xref.replaceWith(new ArrayList<>(xref.children()));
            } else {
                RstNode ref = link(docname, xref, o, xref.attr("text"));
                ref.addAll(new ArrayList<>(xref.children()));
                xref.replaceWith(List.of(ref));
            }
            return;
        }
        RoleText rt = RoleText.parse(xref.attr("text"));
        String target = rt.target().strip();
        if (target.startsWith("~")) {
            target = target.substring(1);
        }
        String key = target.endsWith("()") ? target.substring(0, target.length() - 2) : target;
        String title = rt.explicit() ? rt.title() : rt.title().replaceFirst("^~", "");
        RstNode code = new RstNode(Type.LITERAL, xref.location());
        code.classes().add("xref");
        code.classes().add("c");
        code.classes().add(role.replace(':', '-'));
        code.add(RstNode.text(title, xref.location()));
        String[] o = objects().get(key);
        if (o == null && key.contains(".")) {
            // "Struct.member" of a member that has no description of its own: the struct's
            key = key.substring(0, key.indexOf('.'));
            o = objects().get(key);
        }
        if (o == null) {
            xref.replaceWith(List.of(code));
        } else {
            RstNode ref = link(docname, xref, o, key);
            ref.add(code);
            xref.replaceWith(List.of(ref));
        }
    }

    private static RstNode link(String docname, RstNode xref, String[] o, String name) {
        String uri = o[0].equals(docname) ? "#c." + name : DocPaths.pageUri(docname, o[0], "c." + name);
        return new RstNode(Type.REFERENCE, xref.location())
                .attr("refuri", uri)
                .attr("internal", "true")
                .attr("reftitle", name);
    }

    /**
     * The object named {@code target} (a trailing {@code ()} ignored), for an {@code any}
     * reference: memory.rst's {@code `memory_region_add_subregion`} links to the kernel-doc
     * function, its code classed with the role of the object's kind ({@code xref any c c-func}).
     */
    @Override
    public List<Domain.Candidate> anyCandidates(String docname, RstNode xref, String target, String title) {
        String key = target.endsWith("()") ? target.substring(0, target.length() - 2) : target;
        String[] o = objects().get(key);
        if (o == null) {
            return List.of();
        }
        String role = "c:" + roleOf(o[1]);
        RstNode code = new RstNode(Type.LITERAL, xref.location());
        code.classes().add("xref");
        code.classes().add("any");
        code.classes().add("c");
        code.classes().add(role.replace(':', '-'));
        code.add(RstNode.text(title != null ? title : target, xref.location()));
        RstNode ref = link(docname, xref, o, key);
        ref.add(code);
        return List.of(new Domain.Candidate(":" + role + ":`" + key + "`", ref));
    }

    /** The first role Sphinx's c domain gives an object kind (the one an any link is classed with). */
    private static String roleOf(String objtype) {
        return switch (objtype) {
            case "function" -> "func";
            case "var" -> "member";
            default -> objtype;
        };
    }

    @Override
    public List<Inventory.Item> inventory() {
        List<Inventory.Item> items = new ArrayList<>();
        objects()
                .forEach((name, o) ->
                        items.add(new Inventory.Item(name, "c", o[1], "1", Hrefs.fromRoot(o[0], "c." + name), "-")));
        return items;
    }
}
