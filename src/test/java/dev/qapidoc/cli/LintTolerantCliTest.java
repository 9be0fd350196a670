package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code lint} is strict by default; {@code --tolerant} reads QEMU 2.10's QMP schema. */
class LintTolerantCliTest {
    private static final String QMP_2_10 = "../shared/corpus/qemu-2.10.0/qapi-schema.json";

    @Test
    void strictByDefaultTolerantOnRequest() {
        assumeTrue(Files.isRegularFile(Path.of(QMP_2_10)), "../shared/corpus absent");
        Main.Result strict = Main.capture("lint", QMP_2_10);
        assertEquals(1, strict.exitCode());
        assertTrue(
                strict.stdout().contains("documentation line longer than 70 characters [qapi-doc]"), strict.stdout());

        Main.Result tolerant = Main.capture("lint", "--tolerant", QMP_2_10);
        assertEquals(0, tolerant.exitCode(), tolerant.stdout());
        assertFalse(tolerant.stdout().contains(": error: "), "no errors");
        assertTrue(tolerant.stdout().contains("[legacy-simple-union]"));
        assertTrue(tolerant.stdout().contains("warning: unknown pragma 'returns-whitelist'" + " [legacy-pragma]"));
        assertEquals(1, Main.capture("lint", "--tolerant", "--werror", QMP_2_10).exitCode());
        assertEquals(
                0,
                Main.capture("lint", "--tolerant", "--rule", "legacy-name-case=off", QMP_2_10)
                        .exitCode());
    }

    @Test
    void helpNamesTheModeAndTheRules() {
        Main.Result help = Main.capture("lint", "--help");
        assertTrue(help.stdout().contains("--tolerant"));
        assertTrue(help.stdout().contains("legacy-simple-union"));
    }
}
