package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sphinx's {@code literalinclude}: a file (relative to the document being read, also when the
 * directive stands in an included file, or to the source folder when it starts with {@code /},
 * as the reader's includer resolves it) shown as a code block.
 * The selection options apply in Sphinx's order: {@code :start-after:}/{@code :start-at:}, then
 * {@code :end-before:}/{@code :end-at:}, then {@code :lines:}, then {@code :dedent:}, then {@code
 * :prepend:}/{@code :append:}. {@code :language:}, {@code :linenos:}, {@code :emphasize-lines:},
 * {@code :caption:} (the file name when empty), {@code :name:} and {@code :class:} are kept on
 * the literal block as {@code code-block} keeps them. {@code :pyobject:} needs a Python parser:
 * it is reported and ignored (the other options still apply). A file that cannot be read gives Sphinx's warning.
 */
final class LiteralIncludeDirective implements Directive {

    @Override
    public void run(DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        String path = call.arguments().strip();
        // Sphinx resolves the path against the document being read, even inside an included file
        SourceLocation document = where;
        while (document.includedFrom() != null) {
            document = document.includedFrom();
        }
        Optional<List<ContentLine>> got;
        try {
            got = ctx.options().includer().read(path, document);
        } catch (RstReader.Refused e) {
            ctx.warn(where, e.getMessage());
            return;
        }
        if (got.isEmpty()) {
            ctx.warn(where, "Include file '" + path + "' not found or reading it failed");
            return;
        }
        List<String> lines = new ArrayList<>();
        for (ContentLine l : got.get()) {
            lines.add(l.text());
        }
        if (call.has("pyobject")) {
            ctx.warn(
                    where,
                    "literalinclude: the :pyobject: option is not supported and was ignored for '" + path + "'.");
        }
        try {
            lines = select(call, lines, path);
            if (call.has("dedent") && strips(lines, call.options().get("dedent").strip())) {
                ctx.warn(where, "non-whitespace stripped by dedent");
            }
            if (call.has("dedent")) {
                lines = dedent(lines, call.options().get("dedent").strip());
            }
            lines = surround(call, lines);
        } catch (IllegalArgumentException e) {
            ctx.warn(where, e.getMessage());
            return;
        }
        RstNode lb = new RstNode(Type.LITERAL_BLOCK, where);
        String lang = call.options().get("language");
        lb.attr("language", lang == null || lang.isBlank() ? ctx.highlight() : lang.strip());
        lb.setText(String.join("\n", lines).stripTrailing());
        if (call.has("caption")) {
            String caption = call.options().get("caption").strip();
            lb.attr("caption", caption.isEmpty() ? path : caption);
        }
        if (call.has("linenos") || call.has("lineno-start") || call.has("lineno-match")) {
            lb.attr("linenos", "true");
        }
        if (call.has("emphasize-lines")) {
            lb.attr("emphasize-lines", call.options().get("emphasize-lines").strip());
        }
        Directives.nameOption(lb, call);
        Directives.addClasses(lb, call);
        ctx.add(lb);
    }

    /** The lines the selection options keep (before {@code :dedent:}), in Sphinx's order of filters. */
    static List<String> select(DirectiveCall call, List<String> lines, String path) {
        List<String> out = lines;
        if (call.has("start-after") || call.has("start-at")) {
            boolean after = call.has("start-after");
            String pat = call.options().get(after ? "start-after" : "start-at");
            int k = find(out, pat);
            if (k < 0) {
                throw new IllegalArgumentException((after ? "start-after" : "start-at") + " pattern not found: " + pat);
            }
            out = out.subList(after ? k + 1 : k, out.size());
        }
        if (call.has("end-before") || call.has("end-at")) {
            boolean before = call.has("end-before");
            String pat = call.options().get(before ? "end-before" : "end-at");
            int k = find(out, pat);
            if (k < 0) {
                throw new IllegalArgumentException((before ? "end-before" : "end-at") + " pattern not found: " + pat);
            }
            out = out.subList(0, before ? k : k + 1);
        }
        if (call.has("lines")) {
            String spec = call.options().get("lines").strip();
            List<String> picked = new ArrayList<>();
            for (int n : lineNumbers(spec, out.size())) {
                if (n < out.size()) {
                    picked.add(out.get(n));
                }
            }
            if (picked.isEmpty()) {
                throw new IllegalArgumentException(
                        "Line spec '" + spec + "': no lines pulled from include file '" + path + "'");
            }
            out = picked;
        }
        return out;
    }

    /** {@code :prepend:} and {@code :append:} lines around the selection. */
    private static List<String> surround(DirectiveCall call, List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        if (call.has("prepend")) {
            out.add(0, call.options().get("prepend"));
        }
        if (call.has("append")) {
            out.add(call.options().get("append"));
        }
        return out;
    }

    private static int find(List<String> lines, String pattern) {
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).contains(pattern)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Zero-based line indexes of a spec such as {@code 1,3,5-10,20-} (one-based, ranges
     * inclusive, an open end running to the last of {@code total} lines).
     */
    static List<Integer> lineNumbers(String spec, int total) {
        List<Integer> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                int dash = p.indexOf('-');
                if (dash < 0) {
                    out.add(Integer.parseInt(p) - 1);
                } else {
                    int from = dash == 0
                            ? 1
                            : Integer.parseInt(p.substring(0, dash).strip());
                    String end = p.substring(dash + 1).strip();
                    int to = end.isEmpty() ? total : Integer.parseInt(end);
                    for (int n = from; n <= to; n++) {
                        out.add(n - 1);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid line number spec: '" + spec + "'", e);
            }
        }
        return out;
    }

    /** The number of leading characters {@code :dedent:} removes: N, or the common indent when empty. */
    private static int amount(List<String> lines, String value) {
        if (!value.isEmpty()) {
            return Lines.parseIntSafe(value);
        }
        int n = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                n = Math.min(n, Lines.indent(l));
            }
        }
        return n == Integer.MAX_VALUE ? 0 : n;
    }

    /** True when {@code :dedent:} would cut text that is not whitespace (Sphinx warns, then cuts). */
    private static boolean strips(List<String> lines, String value) {
        int n = amount(lines, value);
        for (String l : lines) {
            if (!l.substring(0, Math.min(n, l.length())).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Removes the first {@code :dedent:} characters of every line, whatever they are. */
    private static List<String> dedent(List<String> lines, String value) {
        int n = amount(lines, value);
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.substring(Math.min(n, l.length())));
        }
        return out;
    }
}
