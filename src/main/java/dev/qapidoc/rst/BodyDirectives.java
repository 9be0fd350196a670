package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;

/**
 * docutils' body-element directives: {@code rubric}, {@code topic} and {@code sidebar}, {@code
 * contents} (a placeholder topic the HTML writer fills), {@code container}, {@code compound}, the
 * block quotes {@code epigraph} / {@code highlights} / {@code pull-quote}, {@code parsed-literal}
 * and {@code line-block}.
 */
final class BodyDirectives {

    private BodyDirectives() {}

    static void register(DirectiveRegistry.Builder b) {
        b.register("rubric", BodyDirectives::rubric);
        b.register("topic", (call, ctx) -> topic("topic", call, ctx));
        b.register("sidebar", (call, ctx) -> topic("sidebar", call, ctx));
        b.register("contents", BodyDirectives::contents);
        b.register("container", BodyDirectives::container);
        b.register("compound", Directives.withoutArguments(BodyDirectives::compound));
        for (String name : new String[] {"epigraph", "highlights", "pull-quote"}) {
            b.register(name, Directives.withoutArguments((call, ctx) -> quote(name, call, ctx)));
        }
        b.register("parsed-literal", Directives.withoutArguments(BodyDirectives::parsedLiteral));
        b.register("line-block", Directives.withoutArguments(BodyDirectives::lineBlock));
    }

    private static void rubric(DirectiveCall call, DirectiveContext ctx) {
        RstNode r = new RstNode(Type.RUBRIC, call.location());
        r.addAll(ctx.inline(call.arguments(), call.location()));
        Directives.addClasses(r, call);
        ctx.add(r);
    }

    private static void topic(String kind, DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        RstNode topic = new RstNode(Type.TOPIC, where).attr("kind", kind);
        topic.add(Directives.title(ctx, call.arguments(), where));
        Directives.addClasses(topic, call);
        ctx.parse(call.content(), topic);
        ctx.add(topic);
    }

    private static void contents(DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        RstNode topic = new RstNode(Type.TOPIC, where).attr("contents", "true");
        String title = call.arguments().isEmpty() ? (call.has("local") ? null : "Contents") : call.arguments();
        if (title != null) {
            topic.add(Directives.title(ctx, title, where));
        }
        topic.names().add(Ids.normalizeName(title == null ? "contents" : title));
        if (call.has("local")) {
            topic.attr("local", "true");
        }
        if (call.has("depth")) {
            topic.attr("depth", call.options().get("depth"));
        }
        Directives.addClasses(topic, call);
        ctx.add(topic);
    }

    private static void container(DirectiveCall call, DirectiveContext ctx) {
        RstNode c = new RstNode(Type.CONTAINER, call.location());
        for (String cls : call.arguments().split("\\s+")) {
            if (!Ids.docutils(cls).isEmpty()) {
                c.classes().add(Ids.docutils(cls));
            }
        }
        Directives.nameOption(c, call);
        ctx.parse(call.content(), c);
        ctx.add(c);
    }

    private static void compound(DirectiveCall call, DirectiveContext ctx) {
        RstNode c = new RstNode(Type.COMPOUND, call.location());
        ctx.parse(call.content(), c);
        ctx.add(c);
    }

    private static void quote(String kind, DirectiveCall call, DirectiveContext ctx) {
        RstNode bq = new RstNode(Type.BLOCK_QUOTE, call.location());
        bq.classes().add(kind);
        ctx.parse(new ArrayList<>(call.content()), bq);
        BlockParser.attribution(bq);
        ctx.add(bq);
    }

    /**
     * docutils' {@code parsed-literal}: the content keeps its line breaks and spaces but its
     * inline markup and substitutions are read, as in a paragraph. Content without any markup
     * (its text is its source) becomes a plain literal block in the current highlight language,
     * as Sphinx highlights every literal block whose text equals its source.
     */
    private static void parsedLiteral(DirectiveCall call, DirectiveContext ctx) {
        RstNode lb = new RstNode(Type.PARSED_LITERAL, call.location());
        java.util.List<ContentLine> content = Lines.trimBlank(call.content());
        if (content.isEmpty()) {
            ctx.error(call.location(), "Content block expected for the \"parsed-literal\" directive; none found.");
            return;
        }
        String raw = Lines.joined(content);
        java.util.List<RstNode> inline = ctx.inline(raw, Lines.locations(content));
        if (inline.stream().allMatch(n -> n.type() == Type.TEXT)
                && inline.stream()
                        .map(RstNode::text)
                        .collect(java.util.stream.Collectors.joining())
                        .equals(raw)) {
            // no markup at all: Sphinx cannot tell it from a literal block and highlights it as one
            lb = new RstNode(Type.LITERAL_BLOCK, call.location()).attr("language", ctx.highlight());
            lb.setText(raw);
        } else {
            lb.addAll(inline);
        }
        Directives.addClasses(lb, call);
        Directives.nameOption(lb, call);
        ctx.add(lb);
    }

    private static void lineBlock(DirectiveCall call, DirectiveContext ctx) {
        RstNode lbk = new RstNode(Type.LINE_BLOCK, call.location());
        for (ContentLine l : call.content()) {
            RstNode line = new RstNode(Type.LINE, l.where());
            line.addAll(ctx.inline(l.text(), l.where()));
            lbk.add(line);
        }
        ctx.add(lbk);
    }
}
