package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;

/**
 * Literal text: Sphinx's {@code code-block} (and its aliases {@code code}, {@code sourcecode}),
 * {@code highlight}, which sets the language of later {@code ::} blocks, and docutils' {@code
 * raw}, honoured only when {@link RstReader.Options#allowRaw()} (raw HTML is a way to inject
 * scripts).
 */
final class CodeDirectives {

    private CodeDirectives() {}

    static void register(DirectiveRegistry.Builder b) {
        for (String name : new String[] {"code-block", "code", "sourcecode"}) {
            b.register(name, CodeDirectives::codeBlock);
        }
        b.register("highlight", (call, ctx) -> ctx.setHighlight(call.arguments().strip()));
        b.register("raw", CodeDirectives::raw);
    }

    private static void codeBlock(DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        String lang =
                call.arguments().isEmpty() ? ctx.highlight() : call.arguments().strip();
        RstNode lb = new RstNode(Type.LITERAL_BLOCK, where).attr("language", lang);
        lb.setText(Directives.text(call));
        if (call.options().containsKey("caption")) {
            lb.attr("caption", call.options().get("caption"));
        }
        if (call.has("linenos")) {
            lb.attr("linenos", "true");
        }
        Directives.nameOption(lb, call);
        Directives.addClasses(lb, call);
        if (call.content().isEmpty()) {
            ctx.error(
                    where,
                    "Error in \"" + call.name() + "\" directive:\nContent block expected for the \"" + call.name()
                            + "\" directive; none found.");
            return;
        }
        ctx.add(lb);
    }

    private static void raw(DirectiveCall call, DirectiveContext ctx) {
        if (!ctx.options().allowRaw() && !inertHtmlComment(call)) {
            // docutils' words, plus what to do: raw HTML is refused by default (it can carry scripts)
            ctx.warn(call.location(), "\"raw\" directive disabled. Pass --allow-raw to render it.");
            return;
        }
        RstNode raw = new RstNode(Type.RAW, call.location())
                .attr("format", call.arguments().strip());
        raw.setText(Directives.text(call));
        ctx.add(raw);
    }

    /**
     * Raw HTML that is one comment and nothing else (QEMU's docs keep a licence that way) cannot
     * run or show anything, so it is written even without {@code --allow-raw}, as Sphinx writes
     * it. To stay inert its body may hold no {@code --} at all (stricter than HTML's rule), so
     * that nothing can close the comment early.
     */
    static boolean inertHtmlComment(DirectiveCall call) {
        if (!call.arguments().strip().equalsIgnoreCase("html")
                || !call.options().isEmpty()) {
            return false;
        }
        String s = Directives.text(call).strip();
        if (!s.startsWith("<!--") || !s.endsWith("-->") || s.length() < 7) {
            return false;
        }
        String body = s.substring(4, s.length() - 3);
        return !body.contains("--") && !body.startsWith(">") && !body.startsWith("->") && !body.endsWith("-");
    }
}
