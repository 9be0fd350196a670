package dev.qapidoc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.QemuVectors;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every QEMU vector with a non-empty {@code .err}: lint reports QEMU's message, at the same
 * file:line (with QEMU's include chain and context), as one of its findings, as an error.
 * QEMU's vectors are read in place from ../shared (skipped when absent).
 */
class LintVectorsTest {
    static final Path VECTORS = QemuVectors.DIR;
    /** The location line of a rendered diagnostic: {@code FILE:LINE[:COL]: }. */
    private static final Pattern LOCATION = Pattern.compile("^[^\\s:][^:]*:\\d+(:\\d+)?: ");

    static Stream<String> vectors() throws IOException {
        return QemuVectors.rejected();
    }

    /**
     * QEMU's message as the tail of its .err: from the last location line to the end (messages
     * may continue on further lines, e.g. "Valid keys are ..."); the whole text when unlocated.
     */
    static String expectedTail(String err) {
        String[] lines = err.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (LOCATION.matcher(lines[i]).find()) {
                return String.join("\n", List.of(lines).subList(i, lines.length));
            }
        }
        return err.strip();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void lintReportsQemusMessage(String name) throws IOException {
        String err = Files.readString(VECTORS.resolve(name + ".err"), StandardCharsets.UTF_8);
        String tail = expectedTail(err);
        LintResult r = Linter.lint(name + ".json", VECTORS.toAbsolutePath(), LintOptions.DEFAULTS);
        Diagnostic match = null;
        for (Diagnostic d : r.findings()) {
            if (d.render().endsWith(tail)) {
                match = d;
                break;
            }
        }
        assertNotNull(
                match,
                () -> "expected a finding ending with\n" + tail + "\nbut lint found\n"
                        + r.findings().stream().map(Diagnostic::render).reduce("", (a, b) -> a + b + "\n"));
        assertEquals(Severity.ERROR, match.severity());
        assertTrue(Rules.byId(match.rule()).map(Rule::qemu).orElse(false), match.rule());
        // The very first finding QEMU would print is among them; exit status 1 follows from the
        // error (LintCommandTest checks the CLI mapping), 2 only for the unreadable root file.
        assertEquals(name.equals("missing-schema"), r.unreadable());
    }

    /** Going on after errors never changes the first diagnostic: it is still QEMU's, exactly. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void firstDiagnosticOfTheLintLoadIsQemus(String name) throws IOException {
        String err = Files.readString(VECTORS.resolve(name + ".err"), StandardCharsets.UTF_8);
        LoadResult r = SchemaLoader.load(
                name + ".json", LoadOptions.strict(VECTORS.toAbsolutePath()).keepingGoing());
        assertEquals(err, r.first().orElseThrow().render() + "\n");
    }
}
