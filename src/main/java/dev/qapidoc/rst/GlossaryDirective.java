package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sphinx's {@code .. glossary::}: a definition list of terms that {@code :term:} references link
 * to. Following Sphinx's documented syntax, an entry is one or more term lines (consecutive lines
 * at the content's left margin) followed by its indented definition; {@code :sorted:} orders the
 * entries by their first term. Each term gets Sphinx's id {@code term-TEXT} and a main index entry
 * when {@link StdObjects} numbers the document's standard objects.
 */
final class GlossaryDirective {
    private GlossaryDirective() {}

    /** The attribute marking a glossary term for {@link StdObjects} and the HTML side's std domain. */
    static final String GLOSSARY = "glossary";

    static void register(DirectiveRegistry.Builder b) {
        b.register("glossary", GlossaryDirective::run);
    }

    private record Entry(List<ContentLine> terms, List<ContentLine> definition) {}

    static void run(DirectiveCall call, DirectiveContext ctx) {
        List<Entry> entries = entries(call.content(), ctx);
        if (call.options().containsKey("sorted")) {
            entries.sort((a, b) -> a.terms()
                    .get(0)
                    .text()
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .compareTo(b.terms().get(0).text().strip().toLowerCase(Locale.ROOT)));
        }
        RstNode dl = new RstNode(Type.DEFINITION_LIST, call.location());
        dl.classes().add("glossary");
        for (Entry e : entries) {
            RstNode item =
                    new RstNode(Type.DEFINITION_LIST_ITEM, e.terms().get(0).where());
            for (ContentLine t : e.terms()) {
                RstNode term = new RstNode(Type.TERM, t.where()).attr(GLOSSARY, "true");
                term.addAll(ctx.inline(t.text().strip(), t.where()));
                item.add(term);
            }
            RstNode def = new RstNode(Type.DEFINITION, e.terms().get(0).where());
            if (!e.definition().isEmpty()) {
                ctx.parse(e.definition(), def);
            }
            item.add(def);
            dl.add(item);
        }
        ctx.add(dl);
    }

    /** Splits the content into entries; text that is neither a term nor a definition is reported. */
    private static List<Entry> entries(List<ContentLine> lines, DirectiveContext ctx) {
        List<Entry> out = new ArrayList<>();
        List<ContentLine> terms = new ArrayList<>();
        List<ContentLine> def = new ArrayList<>();
        boolean blankBefore = true;
        for (ContentLine l : lines) {
            String t = l.text();
            if (t.isBlank()) {
                if (!def.isEmpty()) {
                    def.add(l);
                }
                blankBefore = true;
                continue;
            }
            boolean indented = Character.isWhitespace(t.charAt(0));
            if (!indented) {
                if (!def.isEmpty() || (blankBefore && !terms.isEmpty())) {
                    finish(out, terms, def);
                    terms = new ArrayList<>();
                    def = new ArrayList<>();
                }
                terms.add(l);
            } else if (terms.isEmpty()) {
                ctx.warn(l.where(), "glossary seems to be misformatted, check indentation");
            } else {
                def.add(l);
            }
            blankBefore = false;
        }
        finish(out, terms, def);
        return out;
    }

    private static void finish(List<Entry> out, List<ContentLine> terms, List<ContentLine> def) {
        if (terms.isEmpty()) {
            return;
        }
        int indent = Integer.MAX_VALUE;
        for (ContentLine l : def) {
            if (!l.text().isBlank()) {
                indent = Math.min(
                        indent, l.text().length() - l.text().stripLeading().length());
            }
        }
        List<ContentLine> dedented = new ArrayList<>();
        for (ContentLine l : def) {
            dedented.add(
                    l.text().isBlank() ? l.withText("") : l.withText(l.text().substring(indent)));
        }
        while (!dedented.isEmpty() && dedented.get(dedented.size() - 1).text().isEmpty()) {
            dedented.remove(dedented.size() - 1);
        }
        out.add(new Entry(List.copyOf(terms), dedented));
    }
}
