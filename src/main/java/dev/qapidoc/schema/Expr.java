package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.SourceLocation;
import java.util.Map;

/**
 * One top-level expression as parsed (schema-language.md §4.2): a JSON-like object whose values
 * are {@code String}, {@code Boolean}, {@code List<Object>} or {@code Map<String, Object>}
 * (insertion-ordered), with the location of its first token and the doc block attached to it.
 * Include directives appear as {@code {'include': INCL_FNAME}} (§6 step 5).
 */
record Expr(Map<String, Object> data, SourceLocation location, DocBlocks.Block block) {
    boolean isInclude() {
        return data.containsKey("include")
                && data.size() == 1
                && block == null
                && data.get("include") instanceof String;
    }

    /** The attached doc, or null (a block that failed is never attached). */
    Doc doc() {
        return block == null ? null : block.doc;
    }
}
