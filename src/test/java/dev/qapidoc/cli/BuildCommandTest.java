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
import org.junit.jupiter.api.Assumptions;
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
        // an ERROR counts as a warning, as in sphinx-build: exit 0, and 1 only with -W
        Main.Result s = Main.capture("build", "sample-docs", "--strict", "-o", out.toString());
        assertEquals(0, s.exitCode(), s.stderr());
        assertTrue(
                s.stderr()
                        .contains("sample-docs/legacy.rst:28: ERROR: qapi-doc: schema 'schema/quay-2017.json'"
                                + " has errors:\nschema/quay-2017.json:8: unknown pragma 'returns-whitelist'"),
                s.stderr());
        assertFalse(s.stderr().contains("note: tolerant"), s.stderr());
        Main.Result d = Main.capture("build", "sample-docs", "-W", "-D", "qapidoc_strict=True", "-o", out.toString());
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
                        + " run 'qapidoc lint --tolerant sample-docs/schema/quay-2017.json' for details,"
                        + " or pass --strict\n",
                r.stderr());
        // the note's command works from here and lists the 8 constructs
        Main.Result lint = Main.capture("lint", "--tolerant", "sample-docs/schema/quay-2017.json");
        assertEquals(0, lint.exitCode(), lint.stderr());
        assertEquals(
                8, lint.stdout().lines().filter(l -> l.contains(": warning: ")).count(), lint.stdout());
        assertTrue(r.stdout().contains("The HTML pages are in " + out), r.stdout());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertTrue(Files.isRegularFile(out.resolve(OutputFolder.MARKER)));
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
        assertEquals(0, r.exitCode(), "an ERROR is a warning for the exit status, as in sphinx-build");
        assertTrue(r.stdout().startsWith("build succeeded, 1 error(s) and 0 warning(s)."), r.stdout());
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
        assertTrue(r.stderr().contains("qapidoc: build: refusing to write into"), r.stderr());
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
        Main.Result r;
        System.setProperty("qapidoc.python", "none");
        try {
            r = Main.capture("build", src.toString(), "-o", tmp.resolve("o").toString());
        } finally {
            System.clearProperty("qapidoc.python");
        }
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith(src + "/conf.py:1: INFO: skipped 2 statement(s)"), r.stderr());
        assertTrue(r.stderr().strip().endsWith("; install python3 to run conf.py"), r.stderr());
    }

    private static Path site(Path tmp, String index) throws IOException {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("index.rst"), index);
        return src;
    }

    @Test
    void minusWQuietAndSilent(@TempDir Path tmp) throws IOException {
        Path src = site(tmp, "Title\n=====\n\nSee :doc:`missing`.\n\n.. nosuch:: directive\n");
        Path out = tmp.resolve("o");
        Main.Result w = Main.capture("build", "-W", "--keep-going", src.toString(), out.toString());
        assertEquals(1, w.exitCode(), w.stderr());
        assertTrue(w.stderr().contains("build finished with problems: 1 error(s), 1 warning(s)"), w.stderr());
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "-W still writes the site");
        Main.Result q = Main.capture("build", "-q", src.toString(), out.toString());
        assertEquals(0, q.exitCode(), q.stderr());
        assertEquals("", q.stdout());
        assertTrue(
                q.stderr().contains("WARNING: unknown document") && q.stderr().contains("ERROR:"), q.stderr());
        Main.Result s = Main.capture("build", "-Q", "-E", "-a", "-n", "-j", "auto", src.toString(), out.toString());
        assertEquals(0, s.exitCode(), s.stderr());
        assertEquals("", s.stdout());
        assertFalse(s.stderr().contains("WARNING"), s.stderr());
        assertTrue(s.stderr().contains("ERROR: Unknown directive type"), s.stderr());
    }

    @Test
    void tagsFeedOnlyAndOutdirMayBePositional(@TempDir Path tmp) throws IOException {
        Path src = site(tmp, "Title\n=====\n\n.. only:: mytag\n\n   Tagged text.\n\n.. only:: html\n\n   Html text.\n");
        Path out = tmp.resolve("o");
        assertEquals(0, Main.capture("build", src.toString(), out.toString()).exitCode());
        String plain = Files.readString(out.resolve("index.html"));
        assertFalse(plain.contains("Tagged text."), plain);
        assertTrue(plain.contains("Html text."), plain);
        assertEquals(
                0,
                Main.capture("build", "-t", "mytag", "-b", "html", src.toString(), out.toString())
                        .exitCode());
        assertTrue(Files.readString(out.resolve("index.html")).contains("Tagged text."));
    }

    @Test
    void fatalProblemsExitTwoAndLeaveOutdirAlone(@TempDir Path tmp) throws IOException {
        Path src = site(tmp, "T\n=\n");
        Path out = tmp.resolve("o");
        assertEquals(
                2,
                Main.capture("build", "-b", "latex", src.toString(), out.toString())
                        .exitCode());
        assertEquals(
                2,
                Main.capture("build", src.toString(), out.toString(), "-o", out.toString())
                        .exitCode());
        assertEquals(
                2,
                Main.capture("build", "-j", "x", src.toString(), out.toString()).exitCode());
        Files.delete(src.resolve("index.rst"));
        Files.writeString(src.resolve("other.rst"), "T\n=\n");
        Main.Result noRoot = Main.capture("build", src.toString(), out.toString());
        assertEquals(2, noRoot.exitCode(), noRoot.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void aConfPyThatRaisesIsAConfigurationError(@TempDir Path tmp) throws IOException {
        Assumptions.assumeTrue(dev.qapidoc.html.ConfPyRunner.interpreter().isPresent(), "no python3");
        Path src = site(tmp, "T\n=\n");
        Files.writeString(src.resolve("conf.py"), "import os\nraise ValueError('no way')\n");
        Path out = tmp.resolve("o");
        Main.Result r = Main.capture("build", src.toString(), out.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith(src + "/conf.py:2: ERROR: "), r.stderr());
        assertTrue(r.stderr().contains("ValueError: no way"), r.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void aComputedConfPyRunsWithThemeLogoStaticFilesAndDepfile(@TempDir Path tmp) throws IOException {
        Assumptions.assumeTrue(dev.qapidoc.html.ConfPyRunner.interpreter().isPresent(), "no python3");
        Files.writeString(tmp.resolve("VERSION"), "9.8.7\n");
        Path src = site(
                tmp,
                "Title\n=====\n\nVersion |version|, release |release|, built |today|.\n\n"
                        + ".. include:: part.inc\n\n.. only:: computed\n\n   Computed tag.\n");
        Files.writeString(src.resolve("part.inc"), "Included text.\n");
        Files.createDirectories(src.resolve("my static/sub"));
        Files.writeString(src.resolve("my static/extra.css"), "p{}");
        Files.writeString(src.resolve("my static/sub/x.js"), "1;");
        Files.write(src.resolve("logo.png"), new byte[] {1, 2, 3});
        Files.write(tmp.resolve("fav.ico"), new byte[] {4, 5});
        Files.writeString(
                src.resolve("conf.py"),
                String.join(
                        "\n",
                        "import os, sphinx",
                        "docdir = os.path.abspath('.')",
                        "with open(os.path.join(docdir, '../VERSION')) as f:",
                        "    version = release = f.readline().strip()",
                        "if sphinx.version_info[:3] > (4, 0, 0):",
                        "    tags.add('computed')",
                        "import sphinx_rtd_theme",
                        "html_theme = 'sphinx_rtd_theme'",
                        "today = 'Jan 02, 2003'",
                        "html_logo = 'logo.png'",
                        "html_favicon = os.path.join(docdir, '../fav.ico')",
                        "html_static_path = ['my static']",
                        "html_css_files = ['extra.css']",
                        "html_js_files = ['sub/x.js']",
                        ""));
        Path out = tmp.resolve("o");
        Path deps = tmp.resolve("deps.d");
        Path stamp = tmp.resolve("st amp");
        Main.Result r = Main.capture(
                "build", "-W", src.toString(), out.toString(), "-D", "depfile=" + deps, "-D", "depfile_stamp=" + stamp);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(
                "INFO: html_theme 'sphinx_rtd_theme' is a Sphinx theme; using qapidoc's built-in 'default' theme\n",
                r.stderr());
        String page = Files.readString(out.resolve("index.html"));
        assertTrue(page.contains("Version 9.8.7, release 9.8.7, built Jan 02, 2003."), page);
        assertTrue(page.contains("Computed tag.") && page.contains("Included text."), page);
        assertTrue(page.contains("<link rel=\"icon\" href=\"_static/fav.ico\">"), page);
        assertTrue(page.contains("<img class=\"logo\" src=\"_static/logo.png\""), page);
        assertTrue(page.indexOf("_static/qapidoc.css")
                < page.indexOf("<link rel=\"stylesheet\" href=\"_static/extra.css\">"));
        assertTrue(page.contains("<script src=\"_static/sub/x.js\"></script>"), page);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out.resolve("_static/logo.png")));
        assertEquals("p{}", Files.readString(out.resolve("_static/extra.css")));
        assertTrue(Files.exists(stamp));
        String d = Files.readString(deps);
        Path abs = src.toAbsolutePath();
        assertTrue(d.startsWith(DepFile.escape(stamp.toString()) + ": \\\n"), d);
        for (Path f : List.of(
                abs.resolve("conf.py"),
                tmp.toAbsolutePath().resolve("VERSION"),
                abs.resolve("index.rst"),
                abs.resolve("part.inc"),
                abs.resolve("logo.png"),
                abs.resolve("my static/extra.css"))) {
            assertTrue(d.contains("  " + DepFile.escape(f.toString())), f + " in\n" + d);
        }
        assertTrue(d.contains("my\\ static/extra.css"), d);
    }

    @Test
    void depFileNamesAreEscapedForMake() {
        assertEquals("a\\ b$$c\\#d", DepFile.escape("a b$c#d"));
        assertEquals("s: \\\n  x\\ y\n", DepFile.render("s", List.of(Path.of("x y"))));
    }
}
