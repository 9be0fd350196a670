package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 items 4, 7b, 9 and 11b: what a hostile or merely broken source tree can make a build
 * read, how long it can make it take, and what a user sees for ordinary mistakes.
 */
class HostileSourceTreeTest {

    private static final String SECRET = "SECRETTOKEN42";

    private static Path site(Path tmp, String confPy, String index) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("proj/docs"));
        Files.writeString(src.resolve("conf.py"), confPy);
        Files.writeString(src.resolve("index.rst"), index);
        return src;
    }

    private static void assertNoTrace(Main.Result r) {
        assertFalse(r.stderr().contains("internal error"), r.stderr());
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), r.stderr());
    }

    /** Every byte the build wrote, as one string. */
    private static String everything(Path out) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> w = Files.walk(out)) {
            for (Path p : (Iterable<Path>) w::iterator) {
                if (Files.isRegularFile(p)) {
                    sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return sb.toString();
    }

    @Test
    void symlinksAndPathsOutOfTheTreeAreRefusedByEveryReader(@TempDir Path tmp) throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outside.resolve("secret.txt"), SECRET + " more\n");
        Files.writeString(outside.resolve("secret.rst"), "Secret\n======\n\n" + SECRET + "\n");
        Files.writeString(outside.resolve("s.json"), "{ 'command': '" + SECRET + "' }\n");
        Files.writeString(outside.resolve("plain.txt"), SECRET + "\n");
        Path src = site(
                tmp,
                "project = 'P'\nqapidoc_srctree = '/'\nhtml_logo = '" + outside.resolve("plain.txt")
                        + "'\nhtml_static_path = ['" + outside + "', 'linkdir']\n",
                String.join(
                        "\n",
                        "Home",
                        "====",
                        "",
                        ".. toctree::",
                        "   :glob:",
                        "",
                        "   *",
                        "",
                        ".. include:: leak.txt",
                        "",
                        ".. include:: linkdir/secret.txt",
                        "",
                        ".. literalinclude:: leak.txt",
                        "",
                        ".. csv-table:: T",
                        "   :file: leak.txt",
                        "",
                        ".. image:: leak.png",
                        "",
                        ".. figure:: linkdir/plain.txt",
                        "",
                        ".. kernel-doc:: leak.txt",
                        "",
                        ".. hxtool-doc:: leak.txt",
                        "",
                        ".. dbus-doc:: leak.txt",
                        "",
                        ".. qapi-doc:: " + outside.resolve("s.json"),
                        "",
                        ".. qapi-doc:: " + outside.resolve("s.json").toString().substring(1),
                        "",
                        ".. qapi-doc:: " + tmp.resolve("proj/docs/inside.json"),
                        ""));
        Files.createSymbolicLink(src.resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(src.resolve("leak.png"), outside.resolve("plain.txt"));
        Files.createSymbolicLink(src.resolve("linkdir"), outside);
        Files.createSymbolicLink(src.resolve("page.rst"), outside.resolve("secret.rst"));
        // a schema inside the tree whose include climbs out through a symlink
        Files.writeString(src.resolve("inside.json"), "{ 'include': 'linkdir/s.json' }\n");
        Path out = tmp.resolve("out");
        Main.Result r = Main.capture("build", src.toString(), out.toString());
        assertNoTrace(r);
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(r.stderr().contains(SECRET), r.stderr());
        assertFalse(everything(out).contains(SECRET), "a file from outside the tree reached the site");
        // the srctree '/' is not taken: it would make every file readable
        assertTrue(
                r.stderr().contains("qapidoc_srctree '/' (/) is ignored: a srctree may not be the filesystem root"),
                r.stderr());
        String e = r.stderr();
        int refusals = e.split("outside the source tree", -1).length - 1;
        // include x2, literalinclude, csv-table, image, figure, kernel-doc, hxtool, dbus-doc,
        // the symlinked page, three qapi-doc schemas (one through its include)
        assertTrue(refusals >= 13, refusals + " refusals in\n" + e);
        assertFalse(e.contains("No such file"), e);
        assertTrue(
                e.contains("page.rst:0: ERROR: cannot read document: outside the source tree")
                        || e.contains("page.rst: ERROR: cannot read document: outside the source tree"),
                e);
        assertTrue(
                e.contains("can't read include file '" + tmp.resolve("proj/docs/linkdir/s.json")
                        + "': outside the source tree"),
                e);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void fifosAreRefusedNotOpened(@TempDir Path tmp) throws Exception {
        Path src = site(
                tmp,
                "project = 'P'\n",
                "Home\n====\n\n.. qapi-doc:: fifo.json\n\n.. qapi-doc:: main.json\n\n.. include:: fifo.txt\n\n"
                        + ".. literalinclude:: fifo.txt\n\n.. image:: fifo.png\n");
        Files.writeString(src.resolve("main.json"), "{ 'include': 'fifo.json' }\n");
        for (String f : List.of("fifo.json", "fifo.txt", "fifo.png")) {
            Process p;
            try {
                p = new ProcessBuilder("mkfifo", src.resolve(f).toString()).start();
            } catch (IOException e) {
                Assumptions.abort("no mkfifo: " + e.getMessage());
                return;
            }
            Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo failed");
        }
        Path out = tmp.resolve("out");
        Main.Result r = Main.capture("build", src.toString(), out.toString());
        assertNoTrace(r);
        assertEquals(0, r.exitCode(), r.stderr());
        String e = r.stderr();
        assertTrue(e.contains("can't read schema file 'fifo.json': not a regular file"), e);
        assertTrue(e.contains("can't read include file 'fifo.json': not a regular file"), e);
        assertTrue(e.contains("File 'fifo.txt' is not a regular file: not read"), e);
        assertTrue(e.contains("image file not readable: fifo.png (not a regular file)"), e);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hostileAndMalformedGlobsAreQuickAndNoError(@TempDir Path tmp) throws IOException {
        Path src = site(
                tmp,
                "project = 'P'\nexclude_patterns = ['****************x', '[', '[.rst', '{a,{b.rst', '\\\\', 'skip*']\n",
                "Home\n====\n\n.. toctree::\n   :glob:\n\n   ****************x\n   [\n   {a,{b\n   *\n");
        String longName = "a".repeat(200);
        for (String n : List.of(longName, "[", "skipme", "{a,{b", "kept")) {
            Files.writeString(src.resolve(n + ".rst"), "Page\n====\n\nText.\n");
        }
        Files.createDirectories(src.resolve("skipdir"));
        Path out = tmp.resolve("out");
        Main.Result r = Main.capture("build", src.toString(), out.toString());
        assertNoTrace(r);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Files.exists(out.resolve(longName + ".html")));
        assertTrue(Files.exists(out.resolve("kept.html")));
        // the malformed patterns are literal names, as in Sphinx: those pages are excluded
        assertFalse(Files.exists(out.resolve("[.html")));
        assertFalse(Files.exists(out.resolve("{a,{b.html")));
        assertFalse(Files.exists(out.resolve("skipme.html")));
        assertTrue(
                r.stderr().contains("toctree glob pattern '****************x' didn't match any documents"), r.stderr());

        Main.Result d = Main.capture("build", src.toString(), out.toString(), "-D", "exclude_patterns=[,{a");
        assertNoTrace(d);
        assertEquals(0, d.exitCode(), d.stderr());
        assertTrue(Files.exists(out.resolve("skipme.html")));
    }

    @Test
    void aConfPyThatIsNotUtf8IsAConfigurationError(@TempDir Path tmp) throws IOException {
        Path src = site(tmp, "", "Home\n====\n\nText.\n");
        Files.write(
                src.resolve("conf.py"),
                "project = 'x'\ncopyright = '\u00e9t\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        Path out = tmp.resolve("out");
        Main.Result r = Main.capture("build", src.toString(), out.toString());
        assertNoTrace(r);
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(
                r.stderr().contains("conf.py:2: ERROR: conf.py is not valid UTF-8 (byte 0xE9); save it as UTF-8"),
                r.stderr());
        assertFalse(Files.exists(out));
        // with PEP 263's declaration it is read as Python reads it
        Files.write(
                src.resolve("conf.py"),
                "# -*- coding: latin-1 -*-\nproject = '\u00e9t\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        Main.Result ok = Main.capture("build", "-q", src.toString(), out.toString());
        assertEquals(0, ok.exitCode(), ok.stderr());
        assertTrue(Files.readString(out.resolve("index.html")).contains("\u00e9t\u00e9"));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aNonAsciiFileNameInTheCLocaleIsNamedWithTheFix(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(
                "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "test JVM cannot create the name");
        Path src = site(tmp, "project = 'P'\n", "Home\n====\n\n.. toctree::\n   :glob:\n\n   *\n");
        Files.writeString(src.resolve("\u00fcber.rst"), "Page\n====\n\nText.\n");
        Path out = tmp.resolve("out");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.qapidoc.cli.Main",
                "build",
                src.toString(),
                out.toString());
        pb.environment().clear();
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("QAPIDOC_PYTHON", "none");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        Assumptions.assumeFalse(output.contains("sun.jnu.encoding = UTF-8"), "JVM decodes names as UTF-8 anyway");
        assertEquals(2, rc, output);
        assertFalse(output.contains("internal error") || output.contains("Exception"), output);
        assertTrue(output.contains("ber.rst: this file name cannot be decoded in the current locale"), output);
        assertTrue(output.contains("LC_ALL=C.UTF-8"), output);
        assertFalse(Files.exists(out));
    }

    @Test
    void toctreeCyclesSelfReferencesWrongTypesAndPrologExcerpts(@TempDir Path tmp) throws IOException {
        Path src = site(
                tmp,
                "project = 3\nexclude_patterns = 'nothing'\nsmartquotes = 'yes'\n"
                        + "rst_prolog = 'Prolog words everywhere.\\n'\n",
                "Home\n====\n\nHome text.\n\n.. toctree::\n\n   a\n");
        Files.writeString(src.resolve("a.rst"), "A\n=\n\nPage a text.\n\n.. toctree::\n\n   a\n   b\n");
        Files.writeString(src.resolve("b.rst"), "B\n=\n\nPage b text.\n\n.. toctree::\n\n   a\n   index\n");
        Path out = tmp.resolve("out");
        Main.Result r = Main.capture("build", src.toString(), out.toString());
        assertNoTrace(r);
        assertEquals(0, r.exitCode(), r.stderr());
        String e = r.stderr();
        assertTrue(e.contains("a.rst:8: WARNING: self referenced toctree found. Ignored."), e);
        assertTrue(
                e.contains("b.rst:8: WARNING: circular toctree references detected, ignoring: a <- b <- a <- index"),
                e);
        assertTrue(
                e.contains(
                        "b.rst:9: WARNING: circular toctree references detected, ignoring: index <- b <- a <- index"),
                e);
        assertTrue(e.contains("WARNING: The config value `project' has type `int', defaults to `str'."), e);
        assertTrue(e.contains("WARNING: The config value `exclude_patterns' has type `str', defaults to `list'."), e);
        assertTrue(e.contains("WARNING: The config value `smartquotes' has type `str', defaults to `bool'."), e);
        assertFalse(e.contains("`copyright'"), e);
        String js = Files.readString(out.resolve("searchindex.js"));
        int texts = js.indexOf("\"texts\":");
        assertTrue(texts > 0, js);
        String list = js.substring(texts, js.indexOf("]", texts));
        assertFalse(list.contains("Prolog"), list);
        assertTrue(list.contains("Page a text."), list);
        // the prolog is still on every page
        assertTrue(Files.readString(out.resolve("a.html")).contains("Prolog words everywhere."));
    }
}
