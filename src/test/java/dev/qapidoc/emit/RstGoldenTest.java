package dev.qapidoc.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.QapiSyntax;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The QMP schema against QEMU's own intermediate reST ({@code ../shared/golden/qmp.ir}): the text
 * byte for byte, and with {@code --source-map} the whole dump from its third line on (the first
 * two come from the {@code .rst} page holding QEMU's directive). Also checks the extended dialect
 * of the same schema structurally ({@link RstStructureCheck}). Skipped when ../shared is absent.
 */
class RstGoldenTest {
    private static final Path CORPUS = Path.of("../shared/corpus/qemu-master");
    private static final Path GOLDEN = Path.of("../shared/golden/qmp.ir");
    private static final String SCHEMA = "qapi/qapi-schema.json";

    private static LoadResult load;

    @BeforeAll
    static void loadSchema() {
        if (Files.isDirectory(CORPUS) && Files.isRegularFile(GOLDEN)) {
            load = SchemaLoader.load(SCHEMA, LoadOptions.strict(CORPUS.toAbsolutePath()));
        }
    }

    private static void assumeCorpus() {
        assumeTrue(load != null, "../shared/corpus/qemu-master or ../shared/golden/qmp.ir absent; skipped");
        assertTrue(
                load.ok(),
                () -> "QMP schema failed to load: " + load.first().get().render());
    }

    private static List<ContentLine> write(RstWriter.Dialect d) {
        return RstWriter.write(load.schema(), new RstWriter.Options("QMP", d));
    }

    @Test
    void qemuDialectEqualsGoldenText() throws IOException {
        assumeCorpus();
        List<String> golden = Files.readAllLines(GOLDEN);
        StringBuilder want = new StringBuilder();
        Pattern prefix = Pattern.compile("^[^|]*\\| ?");
        for (String l : golden) {
            want.append(prefix.matcher(l).replaceFirst("")).append('\n');
        }
        String got = RstWriter.render(write(RstWriter.Dialect.QEMU), false, CORPUS);
        assertEquals(17_269, golden.size());
        assertLinesEqual(want.toString(), got);
    }

    @Test
    void qemuDialectSourceMapEqualsGoldenFromLineThree() throws IOException {
        assumeCorpus();
        List<String> golden = Files.readAllLines(GOLDEN);
        List<String> got = List.of(
                RstWriter.render(write(RstWriter.Dialect.QEMU), true, CORPUS).split("\n", -1));
        // split leaves one empty element after the final LF
        assertEquals("", got.get(got.size() - 1));
        got = got.subList(0, got.size() - 1);
        assertEquals(golden.size(), got.size(), "line count");
        assertLinesEqual(
                String.join("\n", golden.subList(2, golden.size())), String.join("\n", got.subList(2, got.size())));
        // our own first two lines: the namespace, credited to line 0 of the root schema file
        assertEquals("   qapi/qapi-schema.json:0000 | .. qapi:namespace:: QMP", got.get(0));
        assertEquals("   qapi/qapi-schema.json:0001 |", got.get(1));
    }

    @Test
    void extendedDialectIsWellFormed() {
        assumeCorpus();
        List<ContentLine> lines = write(RstWriter.Dialect.EXTENDED);
        List<String> text = new ArrayList<>();
        for (ContentLine l : lines) {
            text.add(l.text());
        }
        List<String> problems = RstStructureCheck.check(text, true);
        assertTrue(
                problems.isEmpty(),
                () -> problems.size() + " problems, first: "
                        + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
        // the constructs the dialect exists for are all present
        String all = String.join("\n", text);
        for (String construct : List.of(
                QapiSyntax.directive(QapiSyntax.STRUCT),
                QapiSyntax.directive(QapiSyntax.UNION),
                QapiSyntax.directive(QapiSyntax.BRANCH),
                ":" + QapiSyntax.FIELD_CHOICE + " ",
                ":" + QapiSyntax.FIELD_ERROR + " GenericError:",
                ":" + QapiSyntax.OPT_NO_INDEX + ":")) {
            assertTrue(all.contains(construct), construct);
        }
        assertTrue(!all.contains(QapiSyntax.DUMMY), "no q_dummy pointer survives");
        assertTrue(!all.contains(QapiSyntax.directive(QapiSyntax.OBJECT)), "no qapi:object");
    }

    @Test
    void qemuDialectIsWellFormedToo() {
        assumeCorpus();
        List<String> text = new ArrayList<>();
        for (ContentLine l : write(RstWriter.Dialect.QEMU)) {
            text.add(l.text());
        }
        List<String> problems = RstStructureCheck.check(text, false);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
    }

    /**
     * QGA and QSD have no shared golden; both dialects must at least load, emit every module
     * and pass the structural check, and QSD's {@code ../../qapi} includes must show normalised.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"qga/qapi-schema.json", "storage-daemon/qapi/qapi-schema.json"})
    void otherSchemasAreWellFormed(String schema) {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus/qemu-master absent; skipped");
        LoadResult r = SchemaLoader.load(schema, LoadOptions.strict(CORPUS.toAbsolutePath()));
        assertTrue(r.ok(), () -> r.first().get().render());
        for (RstWriter.Dialect d : RstWriter.Dialect.values()) {
            List<ContentLine> lines = RstWriter.write(r.schema(), new RstWriter.Options("X", d));
            List<String> text = new ArrayList<>();
            for (ContentLine l : lines) {
                text.add(l.text());
            }
            List<String> problems = RstStructureCheck.check(text, d == RstWriter.Dialect.EXTENDED);
            assertTrue(problems.isEmpty(), () -> d + ": " + String.join("\n", problems));
            assertTrue(text.size() > 1000, "suspiciously short: " + text.size());
            String map = RstWriter.render(lines, true, CORPUS);
            assertTrue(!map.contains(".." + "/"), "paths are normalised");
        }
    }

    /** Compares line by line so that a failure names the first differing line. */
    static void assertLinesEqual(String want, String got) {
        String[] w = want.split("\n", -1);
        String[] g = got.split("\n", -1);
        for (int i = 0; i < Math.min(w.length, g.length); i++) {
            if (!w[i].equals(g[i])) {
                assertEquals(w[i], g[i], "first difference at line " + (i + 1));
            }
        }
        assertEquals(w.length, g.length, "line count");
    }
}
