package dev.qapidoc.html;

import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.SystemMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sphinx's citations are global: a {@code [CIT]_} that its own document does not define links to
 * the document that does ({@code page.html#cit}). The reader resolves citations within a
 * document; this collects every document's citations once all are read and resolves the rest.
 */
final class Citations {

    /** Citation name → {docname, id}, first definition wins. */
    private final Map<String, String[]> defined = new HashMap<>();

    /** Notes the citations {@code docname} defines; a name defined twice is reported. */
    void collect(String docname, RstNode tree, Consumer<SystemMessage> report) {
        for (RstNode c : tree.findAll(Type.CITATION)) {
            if (c.names().isEmpty() || c.ids().isEmpty()) {
                continue;
            }
            String name = c.names().get(0);
            String[] other =
                    defined.putIfAbsent(name, new String[] {docname, c.ids().get(0)});
            if (other != null) {
                report.accept(SystemMessage.warning(
                        c.location(), "duplicate citation " + c.attr("label") + ", other instance in " + other[0]));
            }
        }
    }

    /** Links the citation references the reader left unresolved, or reports each one. */
    void resolve(String docname, RstNode tree, Consumer<SystemMessage> report) {
        for (RstNode r : tree.findAll(Type.CITATION_REFERENCE)) {
            String name = r.attr("refname");
            if (name == null) {
                continue;
            }
            String[] to = defined.get(name);
            if (to == null) {
                report.accept(SystemMessage.warning(r.location(), "citation not found: " + r.attr("label")));
            } else {
                r.attr("refuri", DocPaths.pageUri(docname, to[0], to[1]));
            }
            r.attr("refname", null);
        }
    }
}
