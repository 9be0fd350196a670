package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The long names of issue 13 item 5 written in a schema doc comment: the schema loads, its reST is
 * emitted and read, and {@code qapidoc html} builds the manual (once it overflowed the stack in
 * the reST reader and exited 2 without a location).
 */
class LongDocTokensHtmlTest {

    // (an e-mail address cannot be written in a doc comment: "@name" there is a member reference)
    @ParameterizedTest
    @ValueSource(ints = {1, 10})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void longNamesInADocComment(int scale, @TempDir Path tmp) throws IOException {
        String field = "f".repeat(1_500 * scale);
        String target = "t".repeat(5_000 * scale);
        String schema = "##\n# @cmd:\n#\n"
                + "# :" + field + ": value\n#\n"
                + "# See " + target + "_.\n#\n"
                + "# .. _" + target + ": https://example.org/\n"
                + "#\n# Since: 1.0\n##\n{ 'command': 'cmd' }\n";
        Path file = tmp.resolve("s.json");
        Files.writeString(file, schema);
        Path out = tmp.resolve("site");
        Main.Result r = Main.capture("html", "-o", out.toString(), file.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        // the field is read as a field (QEMU's domain warns about its name at its line)
        assertTrue(r.stderr().contains(file + ":4: WARNING: Unrecognized field list name '" + field + "'"), r.stderr());
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("href=\"https://example.org/\">" + target + "</a>"), "reference resolved");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void longUnknownNamesAreReportedWhereTheyAre(int scale, @TempDir Path tmp) throws IOException {
        String directive = "d".repeat(3_000 * scale);
        String role = "r".repeat(30_000 * scale);
        String schema = "##\n# @cmd:\n#\n"
                + "# .. " + directive + ":: arg\n#\n"
                + "# See :" + role + ":`text`.\n"
                + "#\n# Since: 1.0\n##\n{ 'command': 'cmd' }\n";
        Path file = tmp.resolve("s.json");
        Files.writeString(file, schema);
        Main.Result r = Main.capture("html", "-o", tmp.resolve("site").toString(), file.toString());
        assertEquals(1, r.exitCode(), r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
        assertTrue(r.stderr().contains(file + ":4: ERROR: Unknown directive type \"" + directive + "\""), r.stderr());
        assertTrue(r.stderr().contains(file + ":6: ERROR: Unknown interpreted text role \"" + role + "\""), r.stderr());
    }
}
