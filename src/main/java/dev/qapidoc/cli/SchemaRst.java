package dev.qapidoc.cli;

import dev.qapidoc.domain.SchemaExpander;
import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.RstLine;
import dev.qapidoc.rst.RstWriter;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code qapi-doc} directive's schema side: runs the frontend and the reST emitter for the
 * domain, which may not import the schema package (EXAMPLES.md §5 import rule). Schema paths are
 * resolved against {@code srctree} ({@code qapidoc_srctree} in conf.py, as in QEMU), and the
 * generated lines keep their schema origins, so warnings in generated text point into the schema
 * the way Sphinx's source map does.
 */
final class SchemaRst implements SchemaExpander {
    private final Path srctree;
    private final RstWriter.Dialect dialect;

    SchemaRst(Path srctree, RstWriter.Dialect dialect) {
        this.srctree = srctree;
        this.dialect = dialect;
    }

    @Override
    public Expansion expand(String path, String namespace, SourceLocation where) {
        LoadResult r = SchemaLoader.load(path, srctree.toAbsolutePath().normalize());
        if (!r.ok()) {
            StringBuilder sb = new StringBuilder("qapi-doc: schema '" + path + "' has errors:");
            for (Diagnostic d : r.diagnostics()) {
                sb.append('\n').append(d.render());
                break;
            }
            return Expansion.failed(sb.toString());
        }
        List<RstLine> lines = RstWriter.write(r.schema(), new RstWriter.Options(namespace, dialect));
        List<ContentLine> out = new ArrayList<>(lines.size());
        boolean first = true;
        for (RstLine l : lines) {
            // the namespace line belongs to the directive, as in QEMU's generated text (§8.3)
            SourceLocation origin = first && namespace != null ? where : l.origin();
            out.add(new ContentLine(expandTabs(l.text()), origin == null ? where : origin));
            first = false;
        }
        return Expansion.of(out);
    }

    private static String expandTabs(String s) {
        if (s.indexOf('\t') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                do {
                    sb.append(' ');
                } while (sb.length() % 8 != 0);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
