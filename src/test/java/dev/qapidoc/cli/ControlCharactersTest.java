package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.source.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminal escape codes in names never reach stderr raw (issue 13.11c): every diagnostic is
 * rendered through {@link Diagnostic#printable}, which QEMU's conformance vectors allow because
 * none of them prints a control character.
 */
class ControlCharactersTest {

    private static void assertNoControls(String s) {
        for (char c : s.toCharArray()) {
            assertFalse(c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c == 0x9b, "raw control in: " + s);
        }
    }

    @Test
    void printableEscapesWhatSteersATerminal() {
        assertEquals(
                "a\\x1b[31mb\\x07\\x0d\\x7f\\u009b\\u202e",
                Diagnostic.printable("a\u001b[31mb\u0007\r\u007f\u009b\u202e"));
        assertEquals("line one\n\tline two é", Diagnostic.printable("line one\n\tline two é"));
        assertEquals("stray '\u0000'", Diagnostic.printable("stray '\u0000'"));
    }

    @Test
    void aSchemaFileNameWithAnEscapeCode(@TempDir Path tmp) throws IOException {
        Path s = tmp.resolve("evil\u001b[2J.json");
        Files.writeString(s, "{ 'command': 'x' ");
        for (String cmd : new String[] {"dump", "lint", "introspect"}) {
            Main.Result r = Main.capture(cmd, s.toString());
            String all = r.stdout() + r.stderr();
            assertTrue(all.contains("evil\\x1b[2J.json:1:"), cmd + ": " + all);
            assertNoControls(all);
        }
    }

    @Test
    void anEscapeCodeInADocComment(@TempDir Path tmp) throws IOException {
        Path s = tmp.resolve("s.json");
        Files.writeString(
                s,
                "##\n# @Thing:\n#\n# @a: An int.\n#\n# @no\u001b]0;pwned\u0007: a member that does not exist\n##\n"
                        + "{ 'struct': 'Thing', 'data': {'a': 'int'} }\n");
        Main.Result r = Main.capture("dump", s.toString());
        assertEquals(1, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("no\\x1b]0;pwned\\x07"), r.stderr());
        assertNoControls(r.stderr());
    }
}
