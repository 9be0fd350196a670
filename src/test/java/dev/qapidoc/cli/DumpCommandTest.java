package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qapidoc dump} through the CLI: exit codes, streams, and pathological input. Every bad
 * input must give one located diagnostic and exit 1 — never a stack trace, a hang or a
 * StackOverflowError (QEMU itself crashes on several of these).
 */
class DumpCommandTest {
    @TempDir
    Path dir;

    private Main.Result dump(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return Main.capture("dump", f.toString());
    }

    private Main.Result dump(String name, String content) throws IOException {
        return dump(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** One diagnostic line (plus optional context lines), located, no Java noise. */
    private void assertDiagnostic(Main.Result r, String expectedTail) {
        assertEquals(1, r.exitCode(), r.stderr());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().endsWith(expectedTail + "\n"), r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
        assertFalse(r.stderr().contains("\tat "), r.stderr());
        assertFalse(r.stderr().contains("internal error"), r.stderr());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void deepNestingIsADiagnosticNotAStackOverflow() throws IOException {
        Main.Result r = dump("deep.json", "[".repeat(100_000));
        assertDiagnostic(r, "deep.json:1:1001: nesting deeper than 1000 levels");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void deepNestingInsideAnObject() throws IOException {
        Main.Result r = dump("deep2.json", "{ 'enum': 'X', 'data': " + "{ 'a': ".repeat(50_000));
        assertDiagnostic(r, ":1:" + (23 + 7 * 999 + 1) + ": nesting deeper than 1000 levels");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void tenMegabyteString() throws IOException {
        Main.Result r = dump("big.json", "{ 'enum': '" + "a".repeat(10_000_000) + "', 'data': [] }\n");
        assertDiagnostic(r, "big.json:1: name of enum must use CamelCase");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void tenMegabyteUnterminatedString() throws IOException {
        Main.Result r = dump("bigu.json", "\n{ 'x': '" + "a".repeat(10_000_000));
        assertDiagnostic(r, "bigu.json:2:8: missing terminating \"'\"");
    }

    @Test
    @Timeout(10)
    void nulBytesAreStray() throws IOException {
        Main.Result r = dump("nul.json", "{ 'enum': 'Foo',\0 'data': [] }\n");
        assertDiagnostic(r, "nul.json:1:17: stray '\0'");
    }

    @Test
    @Timeout(10)
    void nulByteInStringIsFunny() throws IOException {
        Main.Result r = dump("nul2.json", "{ 'enum': 'F\0oo', 'data': [] }\n");
        assertDiagnostic(r, "nul2.json:1:11: funny character in string");
    }

    @Test
    @Timeout(10)
    void crlfCountsAsOneLineBreak() throws IOException {
        Main.Result r = dump("crlf.json", "{ 'enum': 'Foo',\r\n 'data': [ 'a' ] }\r\n\r{ 'enum': 'Bar', 'data': 1 }");
        assertDiagnostic(r, "crlf.json:4:26: stray '1'");
        Main.Result ok = dump("crlf-ok.json", "{ 'enum': 'Foo',\r\n 'data': [ 'a' ] }\r\n");
        assertEquals(0, ok.exitCode(), ok.stderr());
        assertTrue(ok.stdout().contains("enum Foo\n    member a\n"), ok.stdout());
    }

    @Test
    @Timeout(10)
    void invalidUtf8GivesFileAndLine() throws IOException {
        byte[] head = "{ 'enum': 'Foo',\n  'data': [ '".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = new byte[head.length + 5];
        System.arraycopy(head, 0, bad, 0, head.length);
        bad[head.length] = (byte) 0xC3;
        bad[head.length + 1] = (byte) 0x28;
        bad[head.length + 2] = '\'';
        bad[head.length + 3] = ']';
        bad[head.length + 4] = '}';
        Main.Result r = dump("utf.json", bad);
        assertDiagnostic(r, "utf.json:2: invalid UTF-8 byte sequence");
    }

    @Test
    @Timeout(10)
    void invalidUtf8InAnIncludedFileHasTheIncludeChain() throws IOException {
        Files.write(dir.resolve("sub.json"), new byte[] {'\n', '\n', (byte) 0xFF, '\n'});
        Main.Result r = dump("top.json", "\n{ 'include': 'sub.json' }\n");
        assertEquals(1, r.exitCode());
        String d = dir + "/";
        assertEquals(
                "In file included from " + d + "top.json:2:\n" + d + "sub.json:3: invalid UTF-8 byte sequence\n",
                r.stderr());
    }

    @Test
    @Timeout(10)
    void includeOfADirectory() throws IOException {
        Files.createDirectory(dir.resolve("sub"));
        Main.Result r = dump("incdir.json", "{ 'include': 'sub' }\n");
        assertDiagnostic(r, "incdir.json:1: can't read include file '" + dir + "/sub': Is a directory");
    }

    @Test
    @Timeout(10)
    void includeOfAnEndlessDeviceIsBounded() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/dev/zero")), "/dev/zero absent; skipped");
        Main.Result r = dump("inczero.json", "{ 'include': '/dev/zero' }\n");
        // a device is not a regular file: refused before it is opened, as a FIFO must be
        assertDiagnostic(r, "inczero.json:1: can't read include file '/dev/zero': not a regular file");
    }

    @Test
    @Timeout(10)
    void includeThroughAFileGivesNotADirectory() throws IOException {
        Files.writeString(dir.resolve("plain.json"), "\n");
        Main.Result r = dump("incnotdir.json", "{ 'include': 'plain.json/x.json' }\n");
        assertDiagnostic(
                r, "incnotdir.json:1: can't read include file '" + dir + "/plain.json/x.json': Not a directory");
    }

    @Test
    @Timeout(10)
    void emptyFileIsAValidEmptySchema() throws IOException {
        // QEMU accepts an empty schema (vector `empty`): the dump holds only the built-ins.
        Main.Result r = dump("empty.json", "");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        assertTrue(r.stdout().startsWith("module ./builtin\nobject q_empty\nenum QType\n"));
        assertTrue(r.stdout().endsWith("module empty.json\n"), r.stdout());
    }

    @Test
    void missingRootFile() {
        Main.Result r = Main.capture("dump", dir.resolve("nope.json").toString());
        assertEquals(1, r.exitCode());
        assertEquals("can't read schema file '" + dir + "/nope.json': No such file or directory\n", r.stderr());
        assertEquals("", r.stdout());
    }

    @Test
    void rootIsADirectory() {
        Main.Result r = Main.capture("dump", dir.toString());
        assertEquals(1, r.exitCode());
        assertEquals("can't read schema file '" + dir + "': Is a directory\n", r.stderr());
    }

    @Test
    void usageErrors() {
        Main.Result none = Main.capture("dump");
        assertEquals(2, none.exitCode());
        assertTrue(none.stderr().startsWith("qapidoc: dump takes exactly one argument"));
        Main.Result two = Main.capture("dump", "a.json", "b.json");
        assertEquals(2, two.exitCode());
    }

    @Test
    void helpDescribesTheCommand() {
        Main.Result r = Main.capture("dump", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().startsWith("usage: qapidoc dump SCHEMA\n"), r.stdout());
        Main.Result all = Main.capture("--help");
        assertTrue(all.stdout().contains("  dump "), all.stdout());
    }

    @Test
    void validSchemaPrintsTheDumpAndNothingOnStderr() throws IOException {
        Main.Result r = dump("ok.json", "{ 'command': 'go', 'data': { 'a': 'int' } }\n");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        assertTrue(
                r.stdout()
                        .endsWith("module ok.json\nobject q_obj_go-arg\n"
                                + "    member a: int optional=False\ncommand go q_obj_go-arg -> None\n"
                                + "    gen=True success_response=True boxed=False oob=False preconfig=False\n"),
                r.stdout());
    }
}
