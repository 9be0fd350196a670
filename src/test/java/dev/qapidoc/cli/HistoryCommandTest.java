package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qapidoc history} on a repository made here (three tagged releases and a HEAD commit)
 * and, when the release bundle is there, on QEMU's real releases.
 */
class HistoryCommandTest {

    /** v1.0.0: x(a); v1.1.0: x(a, b deprecated), E {p, q}; v2.0.0: x(a), E {p}; HEAD: + y. */
    static Path makeRepo(Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            Files.createDirectories(dir.resolve("qapi"));
            step(git, dir, "{ 'command': 'x', 'data': {'a': 'int'} }\n", "v1.0.0");
            step(
                    git,
                    dir,
                    "{ 'enum': 'E', 'data': ['p', 'q'] }\n"
                            + "{ 'command': 'x', 'data': {'a': 'int', '*b': {'type': 'E', 'features': ['deprecated']}} }\n",
                    "v1.1.0");
            step(
                    git,
                    dir,
                    "{ 'enum': 'E', 'data': ['p'] }\n"
                            + "{ 'command': 'x', 'data': {'a': 'int'}, 'returns': 'R' }\n"
                            + "{ 'struct': 'R', 'data': {'r': 'E'} }\n",
                    "v2.0.0");
            step(
                    git,
                    dir,
                    "{ 'enum': 'E', 'data': ['p'] }\n"
                            + "{ 'command': 'x', 'data': {'a': 'int'}, 'returns': 'R' }\n"
                            + "{ 'struct': 'R', 'data': {'r': 'E'} }\n{ 'event': 'Y' }\n",
                    null);
        }
        return dir;
    }

    private static void step(Git git, Path dir, String schema, String tag) throws Exception {
        Files.writeString(dir.resolve("qapi/qapi-schema.json"), schema);
        CompatCommandTest.commit(git, tag == null ? "head" : tag);
        if (tag != null) {
            git.tag().setName(tag).call();
        }
    }

    @Test
    void smallRepository(@TempDir Path tmp) throws Exception {
        makeRepo(tmp);
        Main.Result r = Main.capture("history", "--format", "json", "--git", tmp.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode d = new JsonMapper().readTree(r.stdout());
        assertEquals(
                "[\"1.0.0\",\"1.1.0\",\"2.0.0\",\"HEAD\"]", d.get("releases").toString());
        JsonNode x = d.get("entities").get("x");
        assertEquals("command", x.get("kind").asText());
        assertEquals("1.0.0", x.get("first").asText());
        assertTrue(x.get("last").isNull());
        JsonNode b = x.get("members").get("b");
        assertEquals(
                "{\"kind\":\"argument\",\"first\":\"1.1.0\",\"last\":\"1.1.0\",\"deprecated\":\"1.1.0\"}",
                b.toString());
        assertEquals("2.0.0", x.get("members").get("return r").get("first").asText());
        JsonNode e = d.get("entities").get("E");
        assertEquals("1.1.0", e.get("members").get("q").get("last").asText());
        assertEquals("HEAD", d.get("entities").get("Y").get("first").asText());
        // Deterministic: the same bytes twice.
        assertEquals(
                r.stdout(),
                Main.capture("history", "--format", "json", "--git", tmp.toString())
                        .stdout());
    }

    /**
     * HEAD checked out at the newest release: listed once, under the tag's name, by {@code
     * history} and by {@code html --history}; a HEAD that differs from it is kept (above).
     */
    @Test
    void headAtTheNewestTagIsNotListedTwice(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            Files.createDirectories(repo.resolve("qapi"));
            step(git, repo, "{ 'command': 'x' }\n", "v1.0.0");
            step(git, repo, "{ 'command': 'x' }\n{ 'command': 'y' }\n", "v2.0.0");
        }
        Main.Result r = Main.capture("history", "--format", "json", "--git", repo.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode d = new JsonMapper().readTree(r.stdout());
        assertEquals("[\"1.0.0\",\"2.0.0\"]", d.get("releases").toString());
        assertTrue(d.get("entities").get("y").get("last").isNull(), r.stdout());

        Path out = tmp.resolve("site");
        Main.Result h = Main.capture(
                "html", "--history", "--git", repo.toString(), "-o", out.toString(), "qapi/qapi-schema.json");
        assertEquals(0, h.exitCode(), h.stderr());
        assertTrue(Files.exists(out.resolve("2.0.0/index.html")));
        assertFalse(Files.exists(out.resolve("HEAD")), "HEAD duplicates 2.0.0");
        assertTrue(Files.readString(out.resolve("versions.js")).contains("[\"1.0.0\",\"2.0.0\"]"));
    }

    @Test
    void explicitRevisionsAndText(@TempDir Path tmp) throws Exception {
        makeRepo(tmp);
        Main.Result r = Main.capture("history", "--git", tmp.toString(), "v1.1.0", "v2.0.0");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("releases: 1.1.0 2.0.0\n"), r.stdout());
        assertTrue(r.stdout().contains("\n  argument b: 1.1.0..1.1.0, deprecated 1.1.0\n"), r.stdout());
        assertEquals(
                2, Main.capture("history", "--git", tmp.toString(), "v9.9.0").exitCode());
        assertEquals(2, Main.capture("history", "--namespace", "XYZ").exitCode());
    }

    @Test
    void realReleases(@TempDir Path tmp) throws Exception {
        CompatCommandTest.cloneBundle(tmp);
        long t0 = System.nanoTime();
        Main.Result r = Main.capture("history", "--format", "json", "--git", tmp.toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode e = new JsonMapper().readTree(r.stdout()).get("entities");
        assertEquals("5.1.0", e.get("cpu-add").get("last").asText());
        JsonNode blk = e.get("migrate").get("members").get("blk");
        assertEquals("8.2.0", blk.get("deprecated").asText());
        assertEquals("9.0.0", blk.get("last").asText());
        assertTrue(ms < 120_000, "history of every release took " + ms + " ms");
        System.out.println("history of every release: " + ms + " ms");
    }
}
