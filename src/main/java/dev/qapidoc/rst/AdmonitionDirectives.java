package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.Map;

/**
 * Admonitions: docutils' specific ones ({@code note}, {@code warning}, ..., Sphinx's {@code
 * seealso}) with their fixed titles, the generic {@code admonition} with its own title, and
 * Sphinx's version boxes ({@code versionadded}, {@code versionchanged}, {@code deprecated}).
 */
final class AdmonitionDirectives {

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("attention", "Attention"),
            Map.entry("caution", "Caution"),
            Map.entry("danger", "Danger"),
            Map.entry("error", "Error"),
            Map.entry("hint", "Hint"),
            Map.entry("important", "Important"),
            Map.entry("note", "Note"),
            Map.entry("tip", "Tip"),
            Map.entry("warning", "Warning"),
            Map.entry("seealso", "See also"));

    private AdmonitionDirectives() {}

    static void register(DirectiveRegistry.Builder b) {
        for (String kind : TITLES.keySet()) {
            b.register(kind, Directives.withoutArguments((call, ctx) -> specific(kind, call, ctx)));
        }
        b.register("admonition", AdmonitionDirectives::generic);
        for (String kind : new String[] {"versionadded", "versionchanged", "deprecated"}) {
            b.register(kind, (call, ctx) -> version(kind, call, ctx));
        }
    }

    private static void specific(String kind, DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        RstNode adm = new RstNode(Type.ADMONITION, where).attr("kind", kind);
        RstNode title = new RstNode(Type.TITLE, where);
        title.add(RstNode.text(TITLES.get(kind), where));
        adm.add(title);
        Directives.addClasses(adm, call);
        ctx.parse(call.content(), adm);
        ctx.add(adm);
    }

    private static void generic(DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        if (call.arguments().isEmpty()) {
            ctx.error(where, "Error in \"admonition\" directive:\n1 argument(s) required, 0 supplied.");
            return;
        }
        RstNode adm = new RstNode(Type.ADMONITION, where).attr("kind", "admonition");
        adm.add(Directives.title(ctx, call.arguments(), where));
        adm.classes().add("admonition-" + Ids.docutils(call.arguments()));
        Directives.addClasses(adm, call);
        ctx.parse(call.content(), adm);
        ctx.add(adm);
    }

    private static void version(String kind, DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        String[] parts = call.arguments().split("\\s+", 2);
        RstNode box = new RstNode(Type.ADMONITION, where).attr("kind", kind).attr("version", parts[0]);
        if (parts.length > 1) {
            RstNode p = new RstNode(Type.PARAGRAPH, where);
            p.addAll(ctx.inline(parts[1], where));
            box.add(p);
        }
        ctx.parse(call.content(), box);
        ctx.add(box);
    }
}
