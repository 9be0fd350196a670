package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qapidoc build} end to end, in-process. */
class BuildCommandTest {

    private static Map<String, byte[]> tree(Path root) throws IOException {
        TreeMap<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> w = Files.walk(root)) {
            for (Path p : (Iterable<Path>) w::iterator) {
                if (Files.isRegularFile(p)) {
                    m.put(root.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return m;
    }

    @Test
    void tolerantNotesAreNoWarningsButStrictRejectsTheOldSchema(@TempDir Path tmp) {
        Path out = tmp.resolve("html");
        Main.Result w = Main.capture("build", "sample-docs", "-W", "-o", out.toString());
        assertEquals(0, w.exitCode(), w.stderr());
        assertTrue(w.stdout().startsWith("build succeeded."), w.stdout());
        Main.Result s = Main.capture("build", "sample-docs", "--strict", "-o", out.toString());
        assertEquals(1, s.exitCode(), s.stderr());
        assertTrue(
                s.stderr()
                        .contains("sample-docs/legacy.rst:28: ERROR: qapi-doc: schema 'schema/quay-2017.json'"
                                + " has errors:\nschema/quay-2017.json:8: unknown pragma 'returns-whitelist'"),
                s.stderr());
        assertFalse(s.stderr().contains("note: tolerant"), s.stderr());
        Main.Result d = Main.capture("build", "sample-docs", "-D", "qapidoc_strict=True", "-o", out.toString());
        assertEquals(1, d.exitCode(), d.stderr());
    }

    @Test
    void buildsTheSampleAndSaysWhere(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("html");
        Main.Result r = Main.capture("build", "sample-docs", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        // the 2017-style schema of legacy.rst loads tolerant: one summary line, no warnings
        assertEquals(
                "note: tolerant mode accepted 8 construct(s) today's QEMU rejects in schema/quay-2017.json;"
                        + " run 'qapidoc lint --tolerant SCHEMA' for details, or pass --strict\n",
                r.stderr());
        assertTrue(r.stdout().contains("The HTML pages are in " + out), r.stdout());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertTrue(Files.isRegularFile(out.resolve(BuildCommand.MARKER)));
        // no temporary folders left behind
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList());
        }
    }

    @Test
    void twoBuildsGiveIdenticalTrees(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, Main.capture("build", "sample-docs", "-o", a.toString()).exitCode());
        assertEquals(0, Main.capture("build", "sample-docs", "-o", b.toString()).exitCode());
        Map<String, byte[]> ta = tree(a);
        Map<String, byte[]> tb = tree(b);
        assertEquals(ta.keySet(), tb.keySet());
        for (String k : ta.keySet()) {
            assertArrayEquals(ta.get(k), tb.get(k), k);
        }
        // rebuilding into an existing output replaces it in place
        assertEquals(0, Main.capture("build", "sample-docs", "-o", a.toString()).exitCode());
        assertEquals(ta.keySet(), tree(a).keySet());
    }

    @Test
    void aBuildWithAnErrorStillWritesTheWholeSite(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("index.rst"), "Title\n=====\n\nGood.\n");
        Path out = tmp.resolve("out");
        assertEquals(
                0, Main.capture("build", src.toString(), "-o", out.toString()).exitCode());
        byte[] before = Files.readAllBytes(out.resolve("index.html"));

        Files.writeString(src.resolve("index.rst"), "Title\n=====\n\n.. nosuch:: directive\n");
        Main.Result r = Main.capture("build", src.toString(), "-o", out.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains(src + "/index.rst:4: ERROR: Unknown directive type \"nosuch\"."), r.stderr());
        // as sphinx-build does: the page is rewritten (Sphinx drops the error's system message
        // from the page unless keep_warnings is set; the message is on stderr)
        String page = Files.readString(out.resolve("index.html"));
        assertFalse(Arrays.equals(before, page.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(page.contains("Title"), page);
        assertTrue(Files.exists(out.resolve("genindex.html")) && Files.exists(out.resolve("searchindex.js")));
    }

    @Test
    void warningsFailOnlyWithW(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("index.rst"), "Title\n=====\n\nSee :doc:`missing`.\n");
        Main.Result lenient =
                Main.capture("build", src.toString(), "-o", tmp.resolve("o1").toString());
        assertEquals(0, lenient.exitCode(), lenient.stderr());
        assertTrue(lenient.stderr().contains("index.rst:4: WARNING: unknown document: 'missing'"), lenient.stderr());
        Main.Result strict = Main.capture(
                "build", src.toString(), "-W", "-o", tmp.resolve("o2").toString());
        assertEquals(1, strict.exitCode());
        assertTrue(Files.exists(tmp.resolve("o2").resolve("index.html")), "-W changes the exit status, not the site");
    }

    @Test
    void defineOverridesConfPy(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("o");
        Main.Result r = Main.capture("build", "sample-docs", "-o", out.toString(), "-D", "project=Other Name");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Files.readString(out.resolve("index.html")).contains("Other Name"));
    }

    @Test
    void refusesToReplaceAForeignFolder(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("precious.txt"), "keep me");
        Main.Result r = Main.capture("build", "sample-docs", "-o", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("refusing to replace"), r.stderr());
        assertEquals("keep me", Files.readString(out.resolve("precious.txt")));
    }

    @Test
    void usageErrors() {
        assertEquals(2, Main.capture("build", "no-such-folder").exitCode());
        assertEquals(2, Main.capture("build", "-x").exitCode());
        assertEquals(2, Main.capture("build", "-D", "novalue").exitCode());
        assertTrue(Main.capture("build", "--help").stdout().contains("usage: qapidoc build"));
    }

    @Test
    void confPyNonLiteralStatementsAreSkippedWithOneNote(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("conf.py"), "import os\nproject = 'P'\nx = os.getcwd()\n");
        Files.writeString(src.resolve("index.rst"), "T\n=\n");
        Main.Result r =
                Main.capture("build", src.toString(), "-o", tmp.resolve("o").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith(src + "/conf.py:1: INFO: skipped 2 statement(s)"), r.stderr());
    }
}
