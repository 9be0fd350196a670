package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import java.util.List;

/** docutils' {@code image} and {@code figure} (an image plus caption and legend content). */
final class ImageDirectives {

    private static final List<String> IMAGE_OPTIONS = List.of("alt", "width", "height", "align", "target");

    private ImageDirectives() {}

    static void register(DirectiveRegistry.Builder b) {
        b.register("image", (call, ctx) -> ctx.add(image(call)));
        b.register("figure", ImageDirectives::figure);
    }

    private static RstNode image(DirectiveCall call) {
        RstNode img = new RstNode(Type.IMAGE, call.location())
                .attr("uri", call.arguments().replaceAll("\\s+", ""));
        for (String opt : IMAGE_OPTIONS) {
            if (call.has(opt)) {
                img.attr(opt, call.options().get(opt));
            }
        }
        return img;
    }

    private static void figure(DirectiveCall call, DirectiveContext ctx) {
        RstNode fig = new RstNode(Type.CONTAINER, call.location()).attr("figure", "true");
        fig.add(image(call));
        ctx.parse(call.content(), fig);
        ctx.add(fig);
    }
}
