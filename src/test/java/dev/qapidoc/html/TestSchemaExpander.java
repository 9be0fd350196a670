package dev.qapidoc.html;

import dev.qapidoc.domain.SchemaExpander;
import dev.qapidoc.emit.RstWriter;
import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code qapi-doc} expander for tests of the html package, which (in main code) may not see
 * schemas: the frontend (tolerant, the command line's default) and the emitter, as the command
 * line wires them.
 */
final class TestSchemaExpander implements SchemaExpander {
    private final Path srctree;
    private final RstWriter.Dialect dialect;

    TestSchemaExpander(Path srctree, RstWriter.Dialect dialect) {
        this.srctree = srctree.toAbsolutePath().normalize();
        this.dialect = dialect;
    }

    @Override
    public Expansion expand(String path, String namespace, dev.qapidoc.source.SourceLocation where) {
        LoadResult r = SchemaLoader.load(path, LoadOptions.tolerant(srctree));
        if (!r.ok()) {
            return Expansion.failed(r.first().get().render());
        }
        List<ContentLine> out = new ArrayList<>();
        for (ContentLine l : RstWriter.write(r.schema(), new RstWriter.Options(namespace, dialect))) {
            out.add(new ContentLine(l.text(), l.where()));
        }
        return Expansion.of(out);
    }
}
