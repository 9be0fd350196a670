package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sphinx's directives about the document set rather than the page's text: {@code toctree} (the
 * navigation tree; its entries are resolved by the site builder), {@code index} (general-index
 * entries plus the target they point to) and {@code only} (content kept or dropped by builder
 * tag).
 */
final class ToctreeIndexOnlyDirectives {

    private static final List<String> TOCTREE_OPTIONS =
            List.of("maxdepth", "caption", "hidden", "numbered", "titlesonly", "glob", "reversed", "name");
    private static final Pattern TYPED_ENTRY = Pattern.compile("^(single|pair|triple|see|seealso):\\s*(.*)$");

    private ToctreeIndexOnlyDirectives() {}

    static void register(DirectiveRegistry.Builder b) {
        b.register("toctree", Directives.withoutArguments(ToctreeIndexOnlyDirectives::toctree));
        b.register("only", ToctreeIndexOnlyDirectives::only);
        b.register("index", ToctreeIndexOnlyDirectives::index);
    }

    private static void toctree(DirectiveCall call, DirectiveContext ctx) {
        RstNode tt = new RstNode(Type.TOCTREE, call.location());
        for (String opt : TOCTREE_OPTIONS) {
            if (call.has(opt)) {
                tt.attr(
                        opt,
                        call.options().get(opt).isEmpty()
                                ? "true"
                                : call.options().get(opt));
            }
        }
        for (ContentLine l : call.content()) {
            String e = l.text().strip();
            if (e.isEmpty()) {
                continue;
            }
            RstNode entry = new RstNode(Type.TOCTREE_ENTRY, l.where());
            // "Title <docname>", split by scanning (a lazy pattern was quadratic in the spaces)
            String[] titled = InlineParser.embeddedUri(e);
            if (titled != null && !titled[0].isEmpty() && !titled[1].isEmpty()) {
                entry.attr("title", titled[0]);
                entry.attr("docname", titled[1]);
            } else {
                entry.attr("docname", e);
            }
            tt.add(entry);
        }
        ctx.add(tt);
    }

    private static void only(DirectiveCall call, DirectiveContext ctx) {
        RstNode only = new RstNode(Type.ONLY, call.location()).attr("expr", call.arguments());
        ctx.parse(call.content(), only);
        ctx.add(only);
    }

    private static void index(DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        List<String> entries = new ArrayList<>();
        // one entry per line (Sphinx splits the argument at newlines), options skipped
        for (ContentLine l : call.block()) {
            if (BlockParser.FIELD.matcher(l.text()).find()) {
                continue;
            }
            String e = l.text().strip();
            if (e.isEmpty()) {
                continue;
            }
            if (e.startsWith("!")) {
                e = e.substring(1);
            }
            Matcher im = TYPED_ENTRY.matcher(e);
            if (im.matches()) {
                entries.add(im.group(1) + ":" + im.group(2).strip());
            } else {
                for (String part : e.split(",")) {
                    if (!part.isBlank()) {
                        entries.add("single:" + part.strip());
                    }
                }
            }
        }
        RstNode idx = new RstNode(Type.INDEX, where);
        for (int k = 0; k < entries.size(); k++) {
            idx.attr("entry" + k, entries.get(k));
        }
        ctx.add(idx);
        ctx.add(new RstNode(Type.TARGET, where).attr("index", "true"));
    }
}
