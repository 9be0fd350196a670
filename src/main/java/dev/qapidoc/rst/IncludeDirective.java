package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * docutils' {@code include}: the file's lines, read through {@link RstReader.Options#includer()},
 * are spliced in place of the directive (their locations carry the include chain), or shown as a
 * literal block with {@code :literal:} / {@code :code:}. Chains deeper than ten are refused, which
 * also stops a file including itself.
 */
final class IncludeDirective implements Directive {

    private static final int MAX_CHAIN = 10;

    @Override
    public void run(DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        int chain = 0;
        for (SourceLocation p = where.includedFrom(); p != null; p = p.includedFrom()) {
            chain++;
        }
        if (chain >= MAX_CHAIN) {
            ctx.severe(where, "Problems with \"include\" directive path:\ncircular or too deep inclusion (limit 10).");
            return;
        }
        String path = call.arguments().strip();
        Optional<List<ContentLine>> got = ctx.options().includer().read(path, where);
        if (got.isEmpty()) {
            ctx.severe(
                    where,
                    "Problems with \"include\" directive path:\nInputError: [Errno 2] No such file or directory: '"
                            + path + "'.");
            return;
        }
        List<ContentLine> lines = got.get();
        if (call.has("literal") || call.has("code")) {
            RstNode lb = new RstNode(Type.LITERAL_BLOCK, where);
            String code = call.options().get("code");
            lb.attr("language", code == null || code.isEmpty() ? "none" : code);
            lb.setText(Lines.joined(lines));
            ctx.add(lb);
            return;
        }
        ctx.splice(lines);
    }
}
