package dev.qapidoc.cli;

import dev.qapidoc.domain.SchemaExpander;
import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.RstLine;
import dev.qapidoc.rst.RstWriter;
import dev.qapidoc.schema.LoadMode;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import dev.qapidoc.source.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code qapi-doc} directive's schema side: runs the frontend and the reST emitter for the
 * domain, which may not import the schema package (EXAMPLES.md §5 import rule). Schema paths are
 * resolved against {@code srctree} ({@code qapidoc_srctree} in conf.py, as in QEMU), and the
 * generated lines keep their schema origins, so warnings in generated text point into the schema
 * the way Sphinx's source map does.
 *
 * <p>Schemas load tolerant unless {@code strict} (README "Strict and tolerant mode"). The
 * warnings of a tolerant load describe the schema's age, not the documentation, so they are not
 * Sphinx messages (they neither flood the build output nor fail it under {@code -W}); they are
 * counted here and the command prints one summary line, pointing at {@code lint --tolerant}.
 */
final class SchemaRst implements SchemaExpander {
    private final Path srctree;
    private final RstWriter.Dialect dialect;
    private final LoadMode mode;
    private final Map<String, Integer> tolerantWarnings = new LinkedHashMap<>();

    SchemaRst(Path srctree, RstWriter.Dialect dialect, LoadMode mode) {
        this.srctree = srctree;
        this.dialect = dialect;
        this.mode = mode;
    }

    /**
     * One line summing up the relaxations tolerant loads applied, or null when there were none:
     * the schemas and their warning counts, and where to read them.
     */
    String tolerantSummary() {
        if (tolerantWarnings.isEmpty()) {
            return null;
        }
        int total = 0;
        StringBuilder which = new StringBuilder();
        for (Map.Entry<String, Integer> e : tolerantWarnings.entrySet()) {
            total += e.getValue();
            which.append(which.length() == 0 ? "" : ", ").append(e.getKey());
            if (tolerantWarnings.size() > 1) {
                which.append(" (").append(e.getValue()).append(')');
            }
        }
        return SchemaInput.tolerantNote(total, which.toString());
    }

    @Override
    public Expansion expand(String path, String namespace, SourceLocation where) {
        LoadResult r = SchemaLoader.load(path, srctree.toAbsolutePath().normalize(), mode);
        if (!r.ok()) {
            // the first ERROR: in a tolerant load diagnostics() may start with warnings
            return Expansion.failed("qapi-doc: schema '" + path + "' has errors:\n" + r.first().get().render());
        }
        if (!r.warnings().isEmpty()) {
            tolerantWarnings.merge(path, r.warnings().size(), Integer::sum);
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
