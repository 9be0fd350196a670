package dev.qapidoc.schema;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.qapidoc.source.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Robustness of the reader (common rules): any schema text yields a {@link LoadResult}, with a
 * schema or with diagnostics that render, never another throwable, hang or stack overflow.
 *
 * <p>In {@code mvn test} Jazzer only replays the seeds in
 * {@code src/test/resources/dev/qapidoc/schema/SchemaReaderFuzzTestInputs/anySchemaTextLoads/};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=SchemaReaderFuzzTest} fuzzes. Includes in the input are
 * resolved in a private temporary directory, so the fuzzer reads no project files by accident.
 * Fuzzing writes the inputs it finds to {@code .cifuzz-corpus/} (git-ignored).
 */
class SchemaReaderFuzzTest {
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("qapidoc-fuzz");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anySchemaTextLoads(FuzzedDataProvider data) throws IOException {
        Path file = DIR.resolve("fuzz.json");
        Files.write(file, data.consumeRemainingAsBytes());
        file.toFile().deleteOnExit();
        check(SchemaLoader.load("fuzz.json", LoadOptions.strict(DIR)));
        check(SchemaLoader.load("fuzz.json", LoadOptions.strict(DIR).keepingGoing()));
    }

    private static void check(LoadResult r) {
        assertNotNull(r.schema(), "a LoadResult always has a (possibly partial) schema");
        for (Diagnostic d : r.diagnostics()) {
            String text = d.render();
            assertTrue(text.startsWith("fuzz.json"), () -> "diagnostic not located: " + text);
        }
        if (r.ok()) {
            assertNotNull(SchemaDump.dump(r.schema()).getBytes(StandardCharsets.UTF_8));
        }
    }
}
