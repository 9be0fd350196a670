package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, messages: what a new user sees for a wrong argument. {@code html} names the user's
 * schema (never the root page it generates), an unreadable SCHEMA exits 2 in every command but
 * {@code dump} (QEMU's 1), the tolerant note names the schema, and {@code build FILE} says that
 * FILE is a file and what to pass.
 */
class SchemaMessagesTest {
    @TempDir
    Path tmp;

    @Test
    void htmlOfAMissingSchemaOrAFolderNamesItAndExits2() throws IOException {
        Path missing = tmp.resolve("nonexistent.json");
        Path out = tmp.resolve("site");
        Main.Result r = Main.capture("html", "-o", out.toString(), missing.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(
                "can't read schema file '" + missing + "': No such file or directory\n"
                        + "html failed: the schema file cannot be read; " + out + " was left unchanged.\n",
                r.stderr());
        Path folder = Files.createDirectories(tmp.resolve("schemas"));
        r = Main.capture("html", "-o", out.toString(), folder.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("can't read schema file '" + folder + "': Is a directory\n"), r.stderr());
        r = Main.capture(
                "html", "-o", out.toString(), tmp.resolve("no/such/dir/x.json").toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("no/such/dir/x.json': No such file or directory\n"), r.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void htmlOfANonSchemaFileNamesItsLine() throws IOException {
        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "hello\n");
        Path out = tmp.resolve("site");
        Main.Result r = Main.capture("html", "-o", out.toString(), text.toString());
        assertEquals(1, r.exitCode(), r.stderr());
        assertEquals(
                text + ":1:1: stray 'hello'\n"
                        + "html failed: the schema has errors (every one: qapidoc lint --tolerant " + text + "); "
                        + out + " was left unchanged.\n",
                r.stderr());
        r = Main.capture("html", "--strict", "-o", out.toString(), text.toString());
        assertTrue(r.stderr().contains("(every one: qapidoc lint " + text + ")"), r.stderr());
    }

    @Test
    void anUnreadableSchemaExits2EverywhereButDump() {
        String missing = tmp.resolve("none.json").toString();
        for (String command : new String[] {"rst", "introspect", "lint", "html"}) {
            Main.Result r = Main.capture(command, missing);
            assertEquals(2, r.exitCode(), command + ": " + r.stderr());
            assertTrue(r.stderr().contains("can't read schema file '" + missing + "'"), command + ": " + r.stderr());
        }
        // QEMU's status, fixed by its conformance vector missing-schema
        assertEquals(1, Main.capture("dump", missing).exitCode());
        // compat reads two schemas; one that cannot be read is the same kind of failure
        assertEquals(2, Main.capture("compat", missing, missing).exitCode());
    }

    @Test
    void aSchemaWithErrorsExits1() throws IOException {
        Path bad = tmp.resolve("bad.json");
        // an include that cannot be read is an error of the schema, at the include's line
        Files.writeString(bad, "{ 'include': 'gone.json' }\n");
        for (String command : new String[] {"rst", "introspect", "lint", "dump"}) {
            Main.Result r = Main.capture(command, bad.toString());
            assertEquals(1, r.exitCode(), command + ": " + r.stderr());
            // lint reports on stdout, the others on stderr
            assertTrue((r.stdout() + r.stderr()).contains(bad + ":1:"), command + ": " + r.stdout() + r.stderr());
        }
    }

    @Test
    void theTolerantNoteNamesTheSchemaGiven() throws IOException {
        Path old = tmp.resolve("old.json");
        Files.writeString(old, "{ 'pragma': { 'returns-whitelist': [] } }\n{ 'struct': 'S', 'data': {} }\n");
        Main.Result r = Main.capture("rst", old.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("note: tolerant mode accepted "), r.stderr());
        assertTrue(
                r.stderr()
                        .endsWith(" construct(s) today's QEMU rejects in " + old + "; run 'qapidoc lint --tolerant "
                                + old + "' for details, or pass --strict\n"),
                r.stderr());
    }

    @Test
    void buildOfAFileSaysItIsAFileAndWhatToPass() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("docs"));
        Path index = Files.writeString(src.resolve("index.rst"), "Title\n=====\n");
        Main.Result r =
                Main.capture("build", index.toString(), tmp.resolve("out").toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(
                "qapidoc: build: '" + index + "' is a file; SRCDIR is the folder that holds conf.py and the root"
                        + " page: qapidoc build " + src + " [OUTDIR]\n",
                r.stderr());
    }
}
