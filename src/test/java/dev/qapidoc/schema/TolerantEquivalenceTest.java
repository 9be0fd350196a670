package dev.qapidoc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qapidoc.source.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tolerant mode changes nothing for a schema that today's QEMU accepts: every valid QEMU vector,
 * every valid fixture and the master QMP/QGA/QSD schemas give the identical dump (entities,
 * modules, docs) in both modes and not a single warning. Relaxations sit only where strict mode
 * reports an error, so this holds by construction; the test keeps it so.
 */
class TolerantEquivalenceTest {
    private static final Path MASTER = Path.of("../shared/corpus/qemu-master");

    /** A schema file: the working directory and the root path relative to it. */
    record Case(Path dir, String root) {
        @Override
        public String toString() {
            return root;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        Path cwd = Path.of("").toAbsolutePath();
        for (String root :
                List.of("qapi/qapi-schema.json", "qga/qapi-schema.json", "storage-daemon/qapi/qapi-schema.json")) {
            if (Files.isRegularFile(MASTER.resolve(root))) {
                out.add(new Case(MASTER.toAbsolutePath(), root));
            }
        }
        for (Stream<VectorTest.Case> s : List.of(VectorTest.qemuCases(), VectorTest.fixtureCases())) {
            s.forEach(c -> {
                // the valid ones: an empty .err file (test-qapi.py's convention)
                Path json = c.dir().resolve(c.name() + ".json");
                Path err = c.dir().resolve(c.name() + ".err");
                try {
                    if (Files.isRegularFile(json) && Files.isRegularFile(err) && Files.size(err) == 0) {
                        out.add(new Case(cwd, json.toString()));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        if (out.isEmpty()) {
            out.add(new Case(cwd, "(no schemas: ../shared/corpus and test-fixtures absent)"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameModelInBothModes(Case c) {
        assumeTrue(Files.isRegularFile(c.dir().resolve(c.root())), "schema absent: " + c.root());
        LoadResult strict = SchemaLoader.load(c.root(), LoadOptions.strict(c.dir()));
        assertTrue(strict.ok(), "valid in strict mode: " + strict.first());
        assertTrue(strict.warnings().isEmpty(), "strict mode never warns");
        LoadResult tolerant = SchemaLoader.load(c.root(), LoadOptions.tolerant(c.dir()));
        List<String> warnings = new ArrayList<>();
        for (Diagnostic d : tolerant.diagnostics()) {
            warnings.add(d.render() + " [" + d.rule() + "]");
        }
        assertEquals(List.of(), warnings, "no diagnostics in tolerant mode either");
        assertEquals(SchemaDump.dump(strict.schema()), SchemaDump.dump(tolerant.schema()));
    }
}
