package dev.qapidoc.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.DirectiveCall;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstReader;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import dev.qapidoc.source.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #3's bar for the emitter: what {@link RstWriter} writes for QEMU's real schemas must parse
 * without a single message in our own reST reader — the top level and, recursively, the content of
 * every directive but literal ones (the {@code qapi:} directives keep their content for the domain, so the reader
 * alone would never look inside them).
 */
class ExtendedParsesTest {
    private static final Path CORPUS = Path.of("../shared/corpus/qemu-master");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"qapi/qapi-schema.json", "qga/qapi-schema.json", "storage-daemon/qapi/qapi-schema.json"})
    void bothDialectsParseCleanly(String schema) {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus/qemu-master absent; skipped");
        LoadResult load = SchemaLoader.load(schema, LoadOptions.strict(CORPUS.toAbsolutePath()));
        assertTrue(load.ok(), () -> load.first().get().render());
        for (RstWriter.Dialect d : RstWriter.Dialect.values()) {
            List<ContentLine> lines = RstWriter.write(load.schema(), new RstWriter.Options("QMP", d));
            List<String> messages = parseEverything(lines);
            assertEquals(List.of(), messages, d + " dialect of " + schema);
        }
    }

    /**
     * QEMU's {@code qmp-example} holds a QMP transcript, not reST, unless {@code :annotated:}
     * (qapi-domain-and-html.md §2.11).
     */
    private static boolean isLiteralContent(DirectiveCall call) {
        return call.name().equals("qmp-example") && !call.has("annotated");
    }

    /** Reads the lines, then the content of every directive found, to any depth. */
    static List<String> parseEverything(List<ContentLine> lines) {
        List<ContentLine> content = new ArrayList<>(lines.size());
        for (ContentLine l : lines) {
            SourceLocation where = l.where() != null ? l.where() : SourceLocation.of("<generated>", 1);
            content.add(new ContentLine(l.text(), where));
        }
        RstReader reader = new RstReader(RstReader.Options.defaults());
        RstReader.Result result = reader.read(content);
        List<String> messages = new ArrayList<>();
        result.messages().forEach(m -> messages.add(m.render()));
        Deque<RstNode> todo = new ArrayDeque<>(result.document().findAll(RstNode.Type.DIRECTIVE));
        int parsed = 0;
        while (!todo.isEmpty()) {
            RstNode directive = todo.pop();
            if (isLiteralContent(directive.directive())) {
                continue;
            }
            List<RstNode> nested = reader.parseContent(directive, false, m -> messages.add(m.render()));
            parsed++;
            for (RstNode n : nested) {
                if (n.type() == RstNode.Type.DIRECTIVE) {
                    todo.push(n);
                }
                todo.addAll(n.findAll(RstNode.Type.DIRECTIVE));
            }
        }
        assertTrue(parsed > 0, "no directive was found: the check would be vacuous");
        return messages;
    }
}
