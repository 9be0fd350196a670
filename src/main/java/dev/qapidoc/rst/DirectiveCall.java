package dev.qapidoc.rst;

import dev.qapidoc.source.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * The parts of a directive as docutils splits them, kept for directives that a later pass handles
 * (the {@code qapi} domain, {@code qmp-example}, ...). Parse {@link #content()} later with {@link
 * RstReader#parseNested}.
 *
 * <p>Splitting follows docutils for a directive that takes arguments: the argument text runs from
 * after {@code ::} to the first blank line or option line; options are the field list that
 * follows; content starts after the next blank line. {@link #block()} keeps every line so that a
 * directive without arguments (an admonition, whose text may start on the directive line) can be
 * re-split by its handler.
 *
 * @param name directive name as written, e.g. {@code qapi:command}
 * @param arguments argument text, whitespace-normalised lines joined by a space
 * @param options option name to value (flags map to the empty string), in source order
 * @param content the content lines, common indentation removed, with their origins
 * @param block the whole directive block: first the text after {@code ::}, then the indented lines
 * @param location where the directive starts ({@code .. name::} line)
 */
public record DirectiveCall(
        String name,
        String arguments,
        Map<String, String> options,
        List<ContentLine> content,
        List<ContentLine> block,
        SourceLocation location) {

    public DirectiveCall {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        // the reader's views are kept, not copied: a directive nested in a directive would
        // otherwise hold a copy of the indented rest per level (see IndentedLines)
        content = content instanceof IndentedLines v && v.stable() ? content : List.copyOf(content);
        block = block instanceof IndentedLines v && v.stable() ? block : List.copyOf(block);
    }

    /** True when the option is present (flag or with a value). */
    public boolean has(String option) {
        return options.containsKey(option);
    }

    /** The directive as written, for messages such as {@code Unknown directive type}. */
    public String sourceText() {
        StringBuilder sb = new StringBuilder(".. ").append(name).append("::");
        boolean first = true;
        for (ContentLine l : block) {
            if (first) {
                if (!l.text().isEmpty()) {
                    sb.append(' ').append(l.text());
                }
                first = false;
            } else {
                sb.append('\n').append(l.text().isEmpty() ? "" : "   " + l.text());
            }
        }
        return sb.toString().stripTrailing();
    }
}
