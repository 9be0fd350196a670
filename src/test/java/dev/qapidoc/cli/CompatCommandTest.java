package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code qapidoc compat}: the hand-written pairs of {@code test-fixtures/compat} (one per rule of
 * QEMU's "Compatibility considerations" and direction; the expected findings were written from
 * QEMU's text before the code ran), the output formats, and the real releases when the bundle
 * is there.
 */
class CompatCommandTest {
    private static final Path FIXTURES = Path.of("test-fixtures/compat");
    static final Path BUNDLE = Path.of("../shared/corpus/qemu-releases.bundle");

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(FIXTURES)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixture(String name) throws IOException {
        Path dir = FIXTURES.resolve(name);
        String expected = Files.readString(dir.resolve("expected.txt"));
        Main.Result r = Main.capture(
                "compat",
                dir.resolve("old.json").toString(),
                dir.resolve("new.json").toString());
        assertEquals(expected, r.stdout(), name + "\n" + r.stderr());
        assertEquals(expected.contains("breaking ") ? 1 : 0, r.exitCode(), name);
    }

    @Test
    void jsonHasLocationsAndFields() throws IOException {
        Path dir = FIXTURES.resolve("send-argument-removed");
        Main.Result r = Main.capture(
                "compat",
                "--format",
                "json",
                dir.resolve("old.json").toString(),
                dir.resolve("new.json").toString());
        JsonNode a = new JsonMapper().readTree(r.stdout());
        assertEquals(1, a.size());
        JsonNode f = a.get(0);
        assertEquals("breaking", f.get("severity").asText());
        assertEquals("send", f.get("direction").asText());
        assertEquals("command c, argument b", f.get("path").asText());
        assertEquals(1, f.get("old").get("line").asInt());
        assertTrue(f.get("old").get("file").asText().endsWith("old.json"));
        assertTrue(f.get("new").isNull());
    }

    @Test
    void sarifAndMarkdown() throws IOException {
        Path dir = FIXTURES.resolve("send-argument-made-mandatory");
        String o = dir.resolve("old.json").toString();
        String n = dir.resolve("new.json").toString();
        JsonNode s = new JsonMapper()
                .readTree(Main.capture("compat", "--format=sarif", o, n).stdout());
        assertEquals("2.1.0", s.get("version").asText());
        assertEquals(
                "error", s.get("runs").get(0).get("results").get(0).get("level").asText());
        String md = Main.capture("compat", "--format", "markdown", o, n).stdout();
        assertTrue(md.contains("| breaking | send | command c, argument a | made mandatory; "), md);
    }

    @Test
    void usageAndUnreadable() {
        assertEquals(2, Main.capture("compat", "only-one.json").exitCode());
        assertEquals(2, Main.capture("compat", "--format", "xml", "a", "b").exitCode());
        Main.Result r = Main.capture("compat", "no-such-file.json", "no-such-file.json");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("no-such-file.json"), r.stderr());
    }

    @Test
    void gitRevisionsFollowIncludes(@TempDir Path tmp) throws Exception {
        try (Git git = Git.init().setDirectory(tmp.toFile()).call()) {
            Files.writeString(tmp.resolve("s.json"), "{ 'include': 'sub/a.json' }\n");
            Files.createDirectories(tmp.resolve("sub"));
            Files.writeString(tmp.resolve("sub/a.json"), "{ 'command': 'x', 'data': {'a': 'int'} }\n");
            commit(git, "one");
            git.tag().setName("v1.0.0").call();
            Files.writeString(tmp.resolve("sub/a.json"), "{ 'command': 'x' }\n");
            commit(git, "two");
        }
        Main.Result r = Main.capture("compat", "--git", tmp.toString(), "v1.0.0:s.json", "HEAD:s.json");
        assertEquals("breaking send: command x, argument a: argument removed\n", r.stdout(), r.stderr());
        assertEquals(1, r.exitCode());
        r = Main.capture("compat", "--format", "json", "--git", tmp.toString(), "v1.0.0:s.json", "HEAD:s.json");
        assertTrue(r.stdout().contains("\"file\" : \"v1.0.0:sub/a.json\""), r.stdout());
    }

    static void commit(Git git, String msg) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit()
                .setMessage(msg)
                .setAuthor("t", "t@example.org")
                .setCommitter("t", "t@example.org")
                .setSign(false)
                .call();
    }

    /**
     * A removal of something deprecated says since when, from the releases up to OLD's: the
     * command {@code d} (deprecated in 2.0.0), the argument {@code b} of {@code x} (deprecated
     * in 1.1.0, kept so in 2.0.0) and the enum value {@code E.q} (deprecated in 2.0.0) go in
     * 3.0.0. Without a repository (two files) the finding says only that it was deprecated.
     */
    @Test
    void removalSaysSinceWhenItWasDeprecated(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        String[] schemas = {
            "{ 'enum': 'E', 'data': ['p', 'q'] }\n{ 'command': 'd' }\n"
                    + "{ 'command': 'x', 'data': {'a': 'E', '*b': 'int'} }\n",
            "{ 'enum': 'E', 'data': ['p', 'q'] }\n{ 'command': 'd' }\n"
                    + "{ 'command': 'x', 'data': {'a': 'E', '*b': {'type': 'int', 'features': ['deprecated']}} }\n",
            "{ 'enum': 'E', 'data': ['p', {'name': 'q', 'features': ['deprecated']}] }\n"
                    + "{ 'command': 'd', 'features': ['deprecated'] }\n"
                    + "{ 'command': 'x', 'data': {'a': 'E', '*b': {'type': 'int', 'features': ['deprecated']}} }\n",
            "{ 'enum': 'E', 'data': ['p'] }\n{ 'command': 'x', 'data': {'a': 'E'} }\n"
        };
        String[] tags = {"v1.0.0", "v1.1.0", "v2.0.0", "v3.0.0"};
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            for (int i = 0; i < tags.length; i++) {
                Files.writeString(repo.resolve("s.json"), schemas[i]);
                commit(git, tags[i]);
                git.tag().setName(tags[i]).call();
            }
        }
        Main.Result r = Main.capture("compat", "--git", repo.toString(), "v2.0.0:s.json", "v3.0.0:s.json");
        assertEquals(1, r.exitCode(), r.stderr());
        assertEquals(
                "breaking send: command d: command removed (it was deprecated since 2.0.0)\n"
                        + "breaking send: command x, argument a, value q: value removed (it was deprecated since"
                        + " 2.0.0)\n"
                        + "breaking send: command x, argument b: argument removed (it was deprecated since 1.1.0)\n",
                r.stdout(),
                r.stderr());
        Files.writeString(tmp.resolve("old.json"), schemas[2]);
        Files.writeString(tmp.resolve("new.json"), schemas[3]);
        Main.Result files = Main.capture(
                "compat",
                tmp.resolve("old.json").toString(),
                tmp.resolve("new.json").toString());
        assertEquals(r.stdout().replaceAll(" since [0-9.]+\\)", ")"), files.stdout(), files.stderr());
        assertTrue(files.stdout().contains("(it was deprecated)"), files.stdout());
    }

    /** Clones the release bundle into {@code dir}, or skips the test without it. */
    static void cloneBundle(Path dir) throws Exception {
        assumeTrue(Files.exists(BUNDLE), "../shared/corpus/qemu-releases.bundle absent: skipped");
        Git.cloneRepository()
                .setURI(BUNDLE.toAbsolutePath().toUri().toString())
                .setDirectory(dir.toFile())
                .setCloneAllBranches(true)
                .call()
                .close();
    }

    @Test
    void realReleases(@TempDir Path tmp) throws Exception {
        cloneBundle(tmp);
        Main.Result r = Main.capture(
                "compat", "--git", tmp.toString(), "v9.0.0:qapi/qapi-schema.json", "v9.1.0:qapi/qapi-schema.json");
        assertEquals(1, r.exitCode(), r.stderr());
        List<String> lines = r.stdout().lines().toList();
        assertTrue(
                lines.contains("breaking send: command migrate, argument blk: argument removed"
                        + " (it was deprecated since 8.2.0)"),
                r.stdout());
        assertTrue(
                lines.contains("breaking send: command migrate, argument inc: argument removed"
                        + " (it was deprecated since 8.2.0)"),
                r.stdout());
        r = Main.capture(
                "compat", "--git", tmp.toString(), "v8.2.0:qapi/qapi-schema.json", "v9.0.0:qapi/qapi-schema.json");
        assertTrue(
                r.stdout().lines().toList().contains("compatible send: command migrate, argument uri: made optional"),
                r.stdout());
    }
}
