package dev.qapidoc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qapidoc.source.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance vectors, run the way QEMU's {@code test-qapi.py} runs them (schema-language.md
 * §2.4): load {@code DIR/NAME.json}, print the dump or the first diagnostic plus LF, strip every
 * {@code DIR/} from the error text, and compare with {@code NAME.out} / {@code NAME.err} byte for
 * byte.
 *
 * <p>Two sets: QEMU's vectors, read in place from {@code ../shared/corpus} (skipped when absent;
 * never rewritten), and our own cases in {@code test-fixtures/qapi-schema}, whose expectations
 * are rewritten instead of compared when {@code -Dqapidoc.regenerate=true}.
 */
class VectorTest {
    static final Path QEMU_DIR = Path.of("../shared/corpus/qemu-master/tests/qapi-schema");
    static final Path FIXTURE_DIR = Path.of("test-fixtures/qapi-schema");
    private static final boolean REGENERATE = Boolean.getBoolean("qapidoc.regenerate");

    /** One vector: its directory, its name, and whether it is ours (regenerable). */
    record Case(Path dir, String name, boolean ours) {
        @Override
        public String toString() {
            return (ours ? "fixture " : "qemu ") + name;
        }
    }

    /** QEMU's vectors are the names that have a {@code .err} file (helper files have none). */
    static Stream<Case> qemuCases() throws IOException {
        return cases(QEMU_DIR, ".err", false, "(../shared/corpus absent)");
    }

    /**
     * Our fixtures are every top-level {@code .json} file (helpers live in {@code include/},
     * see test-fixtures/qapi-schema/README.md).
     */
    static Stream<Case> fixtureCases() throws IOException {
        return cases(FIXTURE_DIR, ".json", true, "(no test-fixtures/qapi-schema)");
    }

    private static Stream<Case> cases(Path dir, String suffix, boolean ours, String absent) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Stream.of(new Case(dir, absent, ours));
        }
        List<Case> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(suffix))
                    .sorted()
                    .forEach(n -> out.add(new Case(dir, n.substring(0, n.length() - suffix.length()), ours)));
        }
        return out.stream();
    }

    /** What test-qapi.py prints for one case: stdout and the stripped error text. */
    static String[] run(Path dir, String name) {
        String prefix = dir.toString() + "/";
        LoadResult r = SchemaLoader.load(
                prefix + name + ".json", LoadOptions.strict(Path.of("").toAbsolutePath()));
        if (r.ok()) {
            return new String[] {SchemaDump.dump(r.schema()), ""};
        }
        Diagnostic first = r.first().orElseThrow();
        return new String[] {"", (first.render() + "\n").replace(prefix, "")};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("qemuCases")
    void qemuVector(Case c) throws IOException {
        assumeTrue(Files.isDirectory(QEMU_DIR), "../shared/corpus absent: QEMU vectors skipped");
        String[] actual = run(c.dir(), c.name());
        String expectedOut = readOrEmpty(c.dir().resolve(c.name() + ".out"));
        String expectedErr = readOrEmpty(c.dir().resolve(c.name() + ".err"));
        assertEquals(expectedErr, actual[1], "stderr of " + c.name());
        assertEquals(expectedOut, actual[0], "stdout of " + c.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureCases")
    void fixture(Case c) throws IOException {
        assumeTrue(Files.isDirectory(FIXTURE_DIR), "no test-fixtures/qapi-schema yet");
        String[] actual = run(c.dir(), c.name());
        Path out = c.dir().resolve(c.name() + ".out");
        Path err = c.dir().resolve(c.name() + ".err");
        if (REGENERATE) {
            Files.writeString(out, actual[0], StandardCharsets.UTF_8);
            Files.writeString(err, actual[1], StandardCharsets.UTF_8);
            return;
        }
        assertEquals(readOrEmpty(err), actual[1], "stderr of " + c.name());
        assertEquals(readOrEmpty(out), actual[0], "stdout of " + c.name());
    }

    /** The vector set is what we think it is (guards against a silently empty parameter list). */
    @Test
    void qemuVectorsArePresent() throws IOException {
        assumeTrue(Files.isDirectory(QEMU_DIR), "../shared/corpus absent");
        long n = qemuCases().count();
        assertTrue(n >= 160, "expected at least 160 QEMU vectors, found " + n);
    }

    static String readOrEmpty(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}
