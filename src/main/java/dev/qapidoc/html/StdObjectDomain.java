package dev.qapidoc.html;

import dev.qapidoc.rst.Hrefs;
import dev.qapidoc.rst.RoleText;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.SystemMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The objects of Sphinx's standard domain that the reader's {@code option} and {@code envvar}
 * directives describe, and their roles {@code :option:} and {@code :envvar:}, as Sphinx 5.3
 * resolves them.
 *
 * <p>{@code :option:`-x`} looks {@code -x} up under the program in effect where the reference
 * stands; failing that, an option written with a value ({@code --cache=none}, {@code -o[=x]},
 * {@code -x value}) links to the option itself, and {@code :option:`prog sub -x`} names the
 * program {@code prog-sub} explicitly. A reference to nothing is shown as its literal text with
 * the warning {@code unknown option: TARGET}, which {@code suppress_warnings = ["ref.option"]} (or
 * {@code "ref"}) in conf.py silences, as QEMU's does. Environment variables have no such warning:
 * Sphinx reports them only in nitpicky mode.
 *
 * <p>Objects are listed in {@code objects.inv} as {@code std:cmdoption} ({@code PROGRAM.NAME}) and
 * {@code std:envvar}, with priority 1.
 */
final class StdObjectDomain implements XrefDomain {

    private static final String PROGRAM = "std:program";

    /** Where an object is: its page and anchor. */
    private record Place(String docname, String anchor) {}

    private final boolean warnOptions;
    /** (program or "", option name) → place; a later definition replaces an earlier one. */
    private final Map<List<String>, Place> options = new LinkedHashMap<>();

    private final Map<String, Place> envvars = new LinkedHashMap<>();
    /** Glossary terms by lower-cased text (Sphinx matches {@code :term:} without case). */
    private final Map<String, Place> terms = new LinkedHashMap<>();

    private final Map<String, String> termNames = new LinkedHashMap<>();

    /** @param suppressWarnings conf.py's {@code suppress_warnings} */
    StdObjectDomain(Set<String> suppressWarnings) {
        this.warnOptions = !suppressWarnings.contains("ref") && !suppressWarnings.contains("ref.option");
    }

    @Override
    public Set<String> roles() {
        return Set.of("option", "envvar", "term");
    }

    /** Records the options and environment variables described in document {@code d}. */
    void collect(SourceDoc d) {
        for (RstNode term : d.tree.findAll(Type.TERM)) {
            if (!term.ids().isEmpty() && "true".equals(term.attr("glossary"))) {
                String text = term.astext().strip();
                String key = text.toLowerCase(java.util.Locale.ROOT);
                terms.putIfAbsent(key, new Place(d.name, term.ids().get(0)));
                termNames.putIfAbsent(key, text);
            }
        }
        for (RstNode desc : d.tree.findAll(Type.DESC)) {
            String objtype = desc.attr("objtype");
            if (!"std".equals(desc.attr("domain")) || "true".equals(desc.attr("noindex"))) {
                continue;
            }
            boolean option = "option".equals(objtype);
            if (!option && !"envvar".equals(objtype)) {
                continue;
            }
            for (RstNode sig : desc.children()) {
                if (sig.type() != Type.DESC_SIGNATURE
                        || sig.attr("names") == null
                        || sig.ids().isEmpty()) {
                    continue;
                }
                Place p = new Place(d.name, sig.ids().get(0));
                for (String name : sig.attr("names").split("\n")) {
                    if (option) {
                        options.put(key(desc.attr(PROGRAM), name), p);
                    } else {
                        envvars.put(name, p);
                    }
                }
            }
        }
    }

    private static List<String> key(String program, String name) {
        return List.of(program == null ? "" : program, name);
    }

    @Override
    public void resolve(String docname, RstNode x, Consumer<SystemMessage> report) {
        RoleText rt = RoleText.parse(x.attr("text"));
        String role = x.attr("role");
        String target = rt.target().strip();
        if (role.equals("term")) {
            term(docname, x, rt, target, report);
            return;
        }
        Place p = role.equals("option") ? option(x.attr(PROGRAM), target) : envvars.get(target);
        RstNode lit = new RstNode(Type.LITERAL, x.location());
        lit.classes().addAll(List.of("xref", "std", "std-" + role));
        lit.add(RstNode.text(rt.title(), x.location()));
        if (p == null) {
            if (role.equals("option") && warnOptions) {
                RstNode para = x.ancestor(Type.PARAGRAPH);
                report.accept(SystemMessage.warning(
                        para != null ? para.location() : x.location(), "unknown option: " + target));
            }
            x.replaceWith(List.of(lit));
            return;
        }
        RstNode ref = new RstNode(Type.REFERENCE, x.location())
                .attr("refuri", DocPaths.pageUri(docname, p.docname(), p.anchor()))
                .attr("internal", "true");
        ref.add(lit);
        x.replaceWith(List.of(ref));
    }

    /** {@code :term:}: an inline of class {@code std-term}, linked to the glossary entry. */
    private void term(String docname, RstNode x, RoleText rt, String target, Consumer<SystemMessage> report) {
        RstNode inline = new RstNode(Type.INLINE, x.location());
        inline.classes().addAll(List.of("xref", "std", "std-term"));
        inline.add(RstNode.text(rt.title(), x.location()));
        Place p = terms.get(target.toLowerCase(java.util.Locale.ROOT));
        if (p == null) {
            RstNode para = x.ancestor(Type.PARAGRAPH);
            report.accept(SystemMessage.warning(
                    para != null ? para.location() : x.location(), "term not in glossary: '" + target + "'"));
            x.replaceWith(List.of(inline));
            return;
        }
        RstNode ref = new RstNode(Type.REFERENCE, x.location())
                .attr("refuri", DocPaths.pageUri(docname, p.docname(), p.anchor()))
                .attr("internal", "true");
        ref.add(inline);
        x.replaceWith(List.of(ref));
    }

    /** The option {@code target} of {@code program}, by the three rules of the class comment. */
    private Place option(String program, String target) {
        Place p = options.get(key(program, target));
        if (p != null) {
            return p;
        }
        for (String needle : new String[] {"=", "[=", " "}) {
            int at = target.indexOf(needle);
            if (at > 0) {
                p = options.get(key(program, target.substring(0, at)));
                if (p != null) {
                    return p;
                }
            }
        }
        List<String> commands = new ArrayList<>();
        String rest = target;
        String[] split;
        while ((split = rest.split("\\s+", 2)).length == 2) {
            commands.add(split[0]);
            rest = split[1];
            p = options.get(key(String.join("-", commands), rest));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    @Override
    public List<Inventory.Item> inventory() {
        List<Inventory.Item> items = new ArrayList<>();
        for (Map.Entry<List<String>, Place> e : options.entrySet()) {
            String program = e.getKey().get(0);
            String name = program.isEmpty()
                    ? e.getKey().get(1)
                    : program + "." + e.getKey().get(1);
            items.add(item(name, "cmdoption", e.getValue()));
        }
        for (Map.Entry<String, Place> e : envvars.entrySet()) {
            items.add(item(e.getKey(), "envvar", e.getValue()));
        }
        for (Map.Entry<String, Place> e : terms.entrySet()) {
            items.add(item(termNames.get(e.getKey()), "term", e.getValue()));
        }
        return items;
    }

    private static Inventory.Item item(String name, String type, Place p) {
        return new Inventory.Item(name, "std", type, "1", Hrefs.fromRoot(p.docname(), p.anchor()), name);
    }
}
