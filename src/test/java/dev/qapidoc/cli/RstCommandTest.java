package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qapidoc rst}: options, output file, diagnostics and usage errors. */
class RstCommandTest {
    private static final String FIXTURE = "test-fixtures/rst/command.json";

    @Test
    void writesQemuDialectByDefaultAndExtendedOnRequest() {
        Main.Result qemu = Main.capture("rst", FIXTURE);
        assertEquals(0, qemu.exitCode(), qemu.stderr());
        assertTrue(qemu.stdout().startsWith(".. qapi:module:: command\n\n.. qapi:object:: Pot\n"), qemu.stdout());
        Main.Result ext = Main.capture("rst", "--dialect", "extended", "--namespace", "TEA", FIXTURE);
        assertEquals(0, ext.exitCode(), ext.stderr());
        assertTrue(
                ext.stdout()
                        .startsWith(
                                ".. qapi:namespace:: TEA\n\n.. qapi:module:: command\n\n" + ".. qapi:struct:: Pot\n"),
                ext.stdout());
        assertEquals("", ext.stderr());
    }

    @Test
    void sourceMapPrefixesEveryLine() {
        Main.Result r = Main.capture("rst", "--source-map", FIXTURE);
        assertEquals(0, r.exitCode());
        for (String line : r.stdout().split("\n")) {
            assertTrue(line.matches("test-fixtures/rst/command\\.json:\\d{4} \\|( .*)?"), line);
        }
    }

    @Test
    void writesToAFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.rst");
        Main.Result r = Main.capture("rst", "-o", out.toString(), FIXTURE);
        assertEquals(0, r.exitCode());
        assertEquals("", r.stdout());
        assertEquals(Main.capture("rst", FIXTURE).stdout(), Files.readString(out));
    }

    @Test
    void unwritableOutputIsAnErrorNotACrash(@TempDir Path dir) {
        Main.Result r =
                Main.capture("rst", "-o", dir.resolve("no/such/dir/out.rst").toString(), FIXTURE);
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().startsWith("qapidoc: cannot write "), r.stderr());
        assertTrue(!r.stderr().contains("internal error"), r.stderr());
    }

    @Test
    void invalidSchemaPrintsTheFirstDiagnosticLikeDump(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "##\n# @foo:\n##\n{ 'command': 'bar' }\n");
        Main.Result rst = Main.capture("rst", bad.toString());
        Main.Result dump = Main.capture("dump", bad.toString());
        assertEquals(1, rst.exitCode());
        assertEquals("", rst.stdout());
        assertEquals(dump.stderr(), rst.stderr());
        assertTrue(rst.stderr().contains("documentation comment is for 'foo'"), rst.stderr());
    }

    @Test
    void usageErrors() {
        assertEquals(2, Main.capture("rst").exitCode());
        Main.Result d = Main.capture("rst", "--dialect", "sphinx", FIXTURE);
        assertEquals(2, d.exitCode());
        assertTrue(d.stderr().contains("unknown dialect 'sphinx'"), d.stderr());
        assertEquals(2, Main.capture("rst", "--namespace").exitCode());
        assertEquals(2, Main.capture("rst", "--frobnicate", FIXTURE).exitCode());
        assertEquals(2, Main.capture("rst", FIXTURE, FIXTURE).exitCode());
    }

    @Test
    void helpDescribesEveryOption() {
        Main.Result r = Main.capture("rst", "--help");
        assertEquals(0, r.exitCode());
        for (String opt : new String[] {"--namespace", "--source-map", "--dialect", "-o FILE", "extended"}) {
            assertTrue(r.stdout().contains(opt), opt);
        }
        assertTrue(Main.capture("--help").stdout().contains("rst "), "listed in qapidoc --help");
    }
}
