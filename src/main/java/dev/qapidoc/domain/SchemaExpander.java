package dev.qapidoc.domain;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.source.SourceLocation;
import java.util.List;

/**
 * Turns a schema file into {@code qapi:} reST for the {@code qapi-doc} directive. The domain may
 * not see schemas (the import rule keeps hand-written pages and generated ones on the same
 * footing), so the command line supplies this: it runs the frontend and the reST emitter.
 */
public interface SchemaExpander {

    /** The reST lines, each credited to its schema line, or the schema's error. */
    record Expansion(List<ContentLine> lines, String error) {
        public static Expansion of(List<ContentLine> lines) {
            return new Expansion(List.copyOf(lines), null);
        }

        public static Expansion failed(String error) {
            return new Expansion(List.of(), error);
        }
    }

    /**
     * Expands {@code path} (as written in the directive) with {@code namespace} (or null) for the
     * directive at {@code where}.
     */
    Expansion expand(String path, String namespace, SourceLocation where);

    /** The expander of builds without schema support: every {@code qapi-doc} is an error. */
    SchemaExpander NONE = (path, ns, where) -> Expansion.failed("qapi-doc is not available in this build");
}
