package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deep schemas (issue 13.6): an include chain of 3,000 files, 2,000 unions each naming the next
 * as a branch, a 5,000-deep {@code base} chain. Each command that loads a schema stops with a
 * diagnostic at the place the nesting limit is exceeded, never a stack overflow; a chain under
 * the limit goes through every command.
 */
class SchemaDepthTest {

    private static String doc(String name) {
        return "##\n# @" + name + ":\n#\n# Doc.\n#\n# Since: 1.0\n##\n";
    }

    /** {@code root.json} includes {@code f1.json}, which includes {@code f2.json}, ... */
    static Path includeChain(Path dir, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            if (i + 1 < n) {
                sb.append("{ 'include': 'f").append(i + 1).append(".json' }\n");
            }
            sb.append(doc("Thing" + i)).append("{ 'struct': 'Thing").append(i).append("', 'data': {} }\n");
            Files.writeString(dir.resolve(i == 0 ? "root.json" : "f" + i + ".json"), sb);
        }
        return dir.resolve("root.json");
    }

    /** Union {@code Uni0}'s only branch is {@code Uni1}, ..., the last one a struct. */
    static String unionChain(int n) {
        StringBuilder sb = new StringBuilder("##\n# @Kind:\n#\n# Doc.\n#\n# @one: The one.\n#\n# Since: 1.0\n##\n")
                .append("{ 'enum': 'Kind', 'data': ['one'] }\n");
        for (int i = 0; i < n; i++) {
            if (i + 1 < n) {
                sb.append("##\n# @Uni" + i + ":\n#\n# Doc.\n#\n# @kind" + i + ": The tag.\n#\n# Since: 1.0\n##\n");
                // each its own tag member: branch members join the union's, so they may not collide
                sb.append("{ 'union': 'Uni")
                        .append(i)
                        .append("', 'base': {'kind" + i + "': 'Kind'},")
                        .append(" 'discriminator': 'kind" + i + "', 'data': {'one': 'Uni")
                        .append(i + 1)
                        .append("'} }\n");
            } else {
                sb.append(doc("Uni" + i));
                sb.append("{ 'struct': 'Uni").append(i).append("', 'data': {} }\n");
            }
        }
        return sb.append(doc("go"))
                .append("{ 'command': 'go', 'data': 'Uni0', 'boxed': true, 'returns': 'Uni0' }\n")
                .toString();
    }

    /** Struct {@code Bas0}'s base is {@code Bas1}, ... */
    static String baseChain(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(doc("Bas" + i)).append("{ 'struct': 'Bas").append(i).append("'");
            if (i + 1 < n) {
                sb.append(", 'base': 'Bas").append(i + 1).append("'");
            }
            sb.append(", 'data': {} }\n");
        }
        return sb.append(doc("go"))
                .append("{ 'command': 'go', 'data': 'Bas0', 'returns': 'Bas0' }\n")
                .toString();
    }

    private static void assertDiagnosed(Main.Result r, String cmd, String expected) {
        String all = r.stdout() + r.stderr();
        assertFalse(all.contains("internal error") || all.contains("StackOverflow"), cmd + ": " + all);
        assertTrue(r.exitCode() == 1 || (cmd.equals("compat") && r.exitCode() == 2), cmd + ": " + r.exitCode());
        assertTrue(all.contains(expected), cmd + ": " + all.substring(Math.max(0, all.length() - 2000)));
    }

    private static void everyCommand(Path tmp, Path schema, String expected) {
        String s = schema.toString();
        String out = tmp.resolve("html").toString();
        for (List<String> args : List.of(
                List.of("dump", s),
                List.of("introspect", s),
                List.of("rst", s),
                List.of("lint", s),
                List.of("html", "-o", out, s),
                List.of("compat", s, s))) {
            assertDiagnosed(Main.capture(args.toArray(String[]::new)), args.get(0), expected);
        }
    }

    @Test
    @Timeout(300)
    void anIncludeChainOf3000Files(@TempDir Path tmp) throws IOException {
        Path root = includeChain(tmp, 3000);
        everyCommand(tmp, root, "include nesting deeper than 100 levels");
        assertTrue(Main.capture("dump", root.toString()).stderr().contains("f99.json:1: include nesting deeper"));
    }

    @Test
    @Timeout(300)
    void aChainOf2000Unions(@TempDir Path tmp) throws IOException {
        Path s = tmp.resolve("unions.json");
        Files.writeString(s, unionChain(2000));
        everyCommand(tmp, s, "'base' and branch types nest deeper than 100 levels");
    }

    @Test
    @Timeout(300)
    void aBaseChainOf5000(@TempDir Path tmp) throws IOException {
        Path s = tmp.resolve("bases.json");
        Files.writeString(s, baseChain(5000));
        assertTrue(Main.capture("dump", s.toString()).stderr().contains("In struct 'Bas100':"));
        everyCommand(tmp, s, "'base' and branch types nest deeper than 100 levels");
    }

    @Test
    @Timeout(300)
    void chainsUnderTheLimitGoThroughEveryCommand(@TempDir Path tmp) throws Exception {
        Path inc = Files.createDirectories(tmp.resolve("inc"));
        Path unions = tmp.resolve("unions.json");
        Path bases = tmp.resolve("bases.json");
        Files.writeString(unions, unionChain(90));
        Files.writeString(bases, baseChain(95));
        for (Path s : List.of(includeChain(inc, 95), unions, bases)) {
            String p = s.toString();
            for (List<String> args : List.of(
                    List.of("dump", p),
                    List.of("introspect", p),
                    List.of("rst", p),
                    List.of("html", "-o", tmp.resolve("html").toString(), p),
                    List.of("compat", p, p))) {
                Main.Result r = Main.capture(args.toArray(String[]::new));
                assertEquals(0, r.exitCode(), args + ": " + r.stderr());
            }
            Main.Result lint = Main.capture("lint", p);
            assertFalse((lint.stdout() + lint.stderr()).contains("internal error"), lint.stderr());
        }
    }

    @Test
    @Timeout(300)
    void historyOfADeepSchema(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            Files.createDirectories(repo.resolve("qapi"));
            Files.writeString(repo.resolve("qapi/qapi-schema.json"), baseChain(50));
            CompatCommandTest.commit(git, "v1");
            git.tag().setName("v1.0.0").call();
            Files.writeString(repo.resolve("qapi/qapi-schema.json"), baseChain(5000));
            CompatCommandTest.commit(git, "head");
        }
        Main.Result h = Main.capture("history", "--git", repo.toString());
        String all = h.stdout() + h.stderr();
        assertFalse(all.contains("internal error"), all);
        assertTrue(all.contains("'base' and branch types nest deeper than 100 levels"), all);
        Main.Result html = Main.capture(
                "html",
                "--history",
                "--git",
                repo.toString(),
                "-o",
                tmp.resolve("site").toString(),
                "qapi/qapi-schema.json");
        String hall = html.stdout() + html.stderr();
        assertFalse(hall.contains("internal error"), hall);
        assertTrue(hall.contains("'base' and branch types nest deeper than 100 levels"), hall);
    }
}
