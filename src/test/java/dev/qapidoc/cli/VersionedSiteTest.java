package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qapidoc html --history} on a repository of three releases made here: v1.0 has {@code
 * old-cmd} and {@code keep}; v2.0 deprecates {@code old-cmd} and gives {@code keep} an optional
 * argument {@code b}; v3.0 removes {@code old-cmd} and makes {@code b} mandatory (breaking).
 */
class VersionedSiteTest {

    private static final String HEAD = "##\n# = Test\n##\n\n";

    private static String cmd(String name, String data, String features, String since) {
        return "##\n# @" + name + ":\n#\n# A command.\n#\n" + (data.isEmpty() ? "" : "# @" + "b: an argument\n#\n")
                + "# Since: " + since + "\n##\n{ 'command': '" + name + "'"
                + (data.isEmpty() ? "" : ", 'data': " + data)
                + features + " }\n\n";
    }

    static void makeRepo(Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            Files.createDirectories(dir.resolve("qapi"));
            step(git, dir, HEAD + cmd("old-cmd", "", "", "1.0") + cmd("keep", "", "", "1.0"), "v1.0.0");
            step(
                    git,
                    dir,
                    HEAD
                            + cmd("old-cmd", "", ", 'features': ['deprecated']", "1.0")
                            + cmd("keep", "{'*b': 'int'}", "", "1.0"),
                    "v2.0.0");
            step(git, dir, HEAD + cmd("keep", "{'b': 'int'}", "", "1.0"), "v3.0.0");
        }
    }

    private static void step(Git git, Path dir, String schema, String tag) throws Exception {
        Files.writeString(dir.resolve("qapi/qapi-schema.json"), schema);
        CompatCommandTest.commit(git, tag);
        git.tag().setName(tag).call();
    }

    @Test
    void threeReleases(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        makeRepo(repo);
        Path out = tmp.resolve("site");
        Main.Result r = Main.capture(
                "html",
                "--history",
                "--git",
                repo.toString(),
                "-o",
                out.toString(),
                "v1.0.0",
                "v2.0.0",
                "v3.0.0",
                "qapi/qapi-schema.json");
        assertEquals(0, r.exitCode(), r.stderr());
        for (String rel : new String[] {"1.0.0", "2.0.0", "3.0.0"}) {
            String index = Files.readString(out.resolve(rel + "/index.html"));
            // the static switcher: every other release linked, this one not
            for (String other : new String[] {"1.0.0", "2.0.0", "3.0.0"}) {
                assertEquals(
                        !other.equals(rel), index.contains("href=\"../" + other + "/index.html\""), rel + " " + other);
            }
            // every page loads the one switcher script beside the release folders, and the
            // theme's assets from the one _static/ there
            assertTrue(index.contains("src=\"../_static/../versions.js\""), rel);
            assertTrue(index.contains("href=\"../_static/qapidoc.css\""), rel);
            assertTrue(index.contains("src=\"../_static/qapidoc.js\""), rel);
            assertTrue(
                    Files.readString(out.resolve(rel + "/genindex.html")).contains("../_static/../versions.js"), rel);
            assertTrue(
                    Files.readString(out.resolve(rel + "/search.html")).contains("src=\"../_static/searchtools.js\""),
                    rel);
            assertFalse(Files.exists(out.resolve(rel + "/_static")), rel + " has its own _static/");
            assertTrue(Files.exists(out.resolve(rel + "/changes.html")), rel);
        }
        assertTrue(Files.readString(out.resolve("_static/qapidoc.css")).length() > 100);
        assertTrue(Files.exists(out.resolve("_static/searchtools.js")));
        String js = Files.readString(out.resolve("versions.js"));
        assertTrue(js.contains("var releases = [\"1.0.0\",\"2.0.0\",\"3.0.0\"];"), js);

        // the removed command's history line links to the last manual that had it, at its anchor
        String v2 = Files.readString(out.resolve("2.0.0/index.html"));
        String anchor = "command-QMP-qapi-schema.old-cmd";
        assertTrue(Files.readString(out.resolve("2.0.0/index.html")).contains("id=\"" + anchor + "\""), v2);
        assertTrue(
                v2.contains("in 1.0.0 already · deprecated in 2.0.0 · removed in 3.0.0 (last in <a class=\"reference"
                        + " external\" href=\"../2.0.0/index.html#" + anchor + "\">2.0.0</a>)"),
                v2);
        // a member whose history differs from its command's gets its own line
        assertTrue(v2.contains("added in 2.0.0</p>"), v2);
        assertFalse(Files.readString(out.resolve("3.0.0/index.html")).contains("old-cmd"));

        String c2 = text(out.resolve("2.0.0/changes.html"));
        assertTrue(c2.contains("Added command keep, argument b"), c2);
        assertTrue(c2.contains("Deprecated command old-cmd"), c2);
        String c3 = text(out.resolve("3.0.0/changes.html"));
        assertTrue(c3.contains("Removed command old-cmd (last in 2.0.0)"), c3);
        assertTrue(c3.contains("Breaking changes"), c3);
        assertTrue(c3.contains("command old-cmd"), c3);
        assertTrue(c3.contains("argument b"), c3);
        assertTrue(
                Files.readString(out.resolve("3.0.0/changes.html")).contains("href=\"../2.0.0/index.html#" + anchor));

        String removed = text(out.resolve("3.0.0/removed.html"));
        assertTrue(
                removed.contains("Removed in 3.0.0 command old-cmd (in 1.0.0 already · deprecated in 2.0.0 ·"
                        + " removed in 3.0.0)"),
                removed);
        assertTrue(removed.contains("Removed in 2.0.0 None."), removed);

        // deterministic: a second build gives the same bytes
        Path again = tmp.resolve("again");
        assertEquals(
                0,
                Main.capture(
                                "html",
                                "--history",
                                "--git",
                                repo.toString(),
                                "-o",
                                again.toString(),
                                "v1.0.0",
                                "v2.0.0",
                                "v3.0.0",
                                "qapi/qapi-schema.json")
                        .exitCode());
        for (String f : new String[] {"index.html", "versions.js", "2.0.0/index.html", "3.0.0/changes.html"}) {
            assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
    }

    @Test
    void oneSchemaWithoutHistory() throws Exception {
        Main.Result r = Main.capture("html", "a.json", "b.json");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("a.json and b.json would both be namespace QMP"), r.stderr());
    }

    /** The page's text without tags, whitespace runs as one space. */
    private static String text(Path page) throws Exception {
        String s = Files.readString(page);
        s = s.substring(s.indexOf("<main"));
        return s.replaceAll("<[^>]+>", " ")
                .replace("&#182;", "")
                .replace("¶", "")
                .replaceAll("\\s+", " ");
    }
}
