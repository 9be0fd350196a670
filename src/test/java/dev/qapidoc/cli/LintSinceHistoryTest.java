package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint --git DIR}: the since-history rule against the repository HistoryCommandTest makes. */
class LintSinceHistoryTest {

    @Test
    void contradictionsAreWarnings(@TempDir Path tmp) throws Exception {
        Path repo = HistoryCommandTest.makeRepo(tmp.resolve("repo"));
        Path schema = tmp.resolve("qapi-schema.json");
        Files.writeString(
                schema,
                """
                ##
                # @E:
                #
                # @p: a
                #
                # @q: b
                #
                # Since: 1.0
                ##
                { 'enum': 'E', 'data': ['p', 'q'] }

                ##
                # @Y:
                #
                # Since: 1.1
                ##
                { 'event': 'Y' }

                ##
                # @x:
                #
                # @a: an
                #
                # @b: bee (since 2.0)
                #
                # Since: 1.0
                ##
                { 'command': 'x', 'data': {'a': 'int', '*b': 'E'} }
                """);
        Main.Result r = Main.capture("lint", "--git", repo.toString(), schema.toString());
        List<String> hits =
                r.stdout().lines().filter(l -> l.endsWith("[since-history]")).toList();
        String f = schema.toString();
        // E is a type first seen in 1.1.0 while saying 1.0: a rename explains that, no warning.
        assertEquals(
                List.of(
                        f + ":15: warning: 'Since: 1.1' of event 'Y' contradicts the history: it is in no"
                                + " release up to 2.0 (first in HEAD) [since-history]",
                        f + ":24: warning: '(since 2.0)' of 'b' of command 'x' contradicts the history: it is"
                                + " in 1.1.0 already [since-history]"),
                hits,
                r.stdout() + r.stderr());
        // (The enum's one-letter name fails QEMU's CamelCase check; since-history runs all the same.)
        assertEquals(1, r.exitCode());
        // Without --git the rule does not run.
        assertTrue(Main.capture("lint", f).stdout().lines().noneMatch(l -> l.contains("since-history")));
    }

    @Test
    void listedInHelpAndBadRepository(@TempDir Path tmp) throws Exception {
        assertTrue(Main.capture("lint", "--help").stdout().contains("since-history"));
        Path schema = tmp.resolve("s.json");
        Files.writeString(schema, "{ 'command': 'x' }\n");
        assertEquals(
                2,
                Main.capture("lint", "--git", tmp.resolve("none").toString(), schema.toString())
                        .exitCode());
    }
}
