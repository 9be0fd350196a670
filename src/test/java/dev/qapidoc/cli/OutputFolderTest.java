package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folders {@code build} and {@code html} may write, and what they keep (issue 13.3, 15). */
class OutputFolderTest {

    private static final String SPHINX_BUILDINFO = "# Sphinx build info version 1\n"
            + "# This file hashes the configuration used when building these files."
            + " When it is not found, a full rebuild will be done.\n"
            + "config: 0123456789abcdef0123456789abcdef\ntags: fedcba9876543210fedcba9876543210\n";

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileNamedBuildinfoDoesNotMakeAFolderOurs(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("site");
        Files.createDirectories(out.resolve(".git"));
        Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(out.resolve(".buildinfo"), "anything\n");
        Main.Result r = Main.capture("build", "sample-docs", "-o", out.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(
                "qapidoc: build: refusing to write into '" + out
                        + "': it is not empty and was not written by qapidoc; remove it or choose another folder\n",
                r.stderr());
        assertEquals("ref: refs/heads/main\n", Files.readString(out.resolve(".git/HEAD")));
        assertEquals(List.of(".buildinfo", ".git"), names(out));
    }

    @Test
    void theSourceFolderIsNeverTheOutput(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("index.rst"), "Title\n=====\n\nText.\n");
        Files.writeString(src.resolve(".buildinfo"), OutputFolder.HEADER + "\n");
        for (String out : List.of(src.toString(), src.resolve("_build/html").toString(), tmp.toString())) {
            Main.Result r = Main.capture("build", src.toString(), "-o", out);
            assertEquals(2, r.exitCode(), out + ": " + r.stderr());
            assertTrue(r.stderr().startsWith("qapidoc: build: refusing to write into '" + out + "': it "), r.stderr());
            assertTrue(r.stderr().contains("source folder"), r.stderr());
        }
        // through a symlink too: the real paths are compared
        Path link = tmp.resolve("link");
        Files.createSymbolicLink(link, src);
        Main.Result r = Main.capture("build", src.toString(), "-o", link.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("it is the source folder"), r.stderr());
        assertEquals(List.of(".buildinfo", "index.rst"), names(src));
    }

    @Test
    void aSphinxFolderNeedsForceAndThenOnlySphinxFilesGo(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("html");
        Files.createDirectories(out.resolve("_static"));
        Files.createDirectories(out.resolve("devel"));
        Files.createDirectories(out.resolve(".git"));
        Files.writeString(out.resolve(".buildinfo"), SPHINX_BUILDINFO);
        Files.writeString(out.resolve("_static/basic.css"), "body {}");
        Files.writeString(out.resolve("old-page.html"), "<html>");
        Files.writeString(out.resolve("devel/page.html"), "<html>");
        Files.writeString(out.resolve("objects.inv"), "x");
        Files.writeString(out.resolve(".git/HEAD"), "ref");
        Files.writeString(out.resolve("CNAME"), "docs.example.org\n");
        Main.Result r = Main.capture("build", "sample-docs", "-o", out.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("it is the output of a Sphinx build; pass --force"), r.stderr());
        assertTrue(Files.exists(out.resolve("old-page.html")));

        Main.Result f = Main.capture("build", "sample-docs", "-o", out.toString(), "--force");
        assertEquals(0, f.exitCode(), f.stderr());
        assertFalse(Files.exists(out.resolve("old-page.html")));
        assertFalse(Files.exists(out.resolve("devel")));
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertEquals("ref", Files.readString(out.resolve(".git/HEAD")));
        assertEquals("docs.example.org\n", Files.readString(out.resolve("CNAME")));
        assertTrue(Files.readString(out.resolve(".buildinfo")).startsWith(OutputFolder.HEADER + "\n"));
        assertFalse(Files.exists(out.resolve("_static/basic.css"))
                && Files.readString(out.resolve("_static/basic.css")).equals("body {}"));
        // now the folder is ours: a rebuild needs no --force and still keeps the foreign files
        Main.Result again = Main.capture("build", "sample-docs", "-o", out.toString());
        assertEquals(0, again.exitCode(), again.stderr());
        assertEquals("ref", Files.readString(out.resolve(".git/HEAD")));
        assertNoLeftovers(tmp);
    }

    @Test
    void ourMarkerListsTheFilesAndARebuildRemovesOnlyThose(@TempDir Path tmp) throws IOException, UsageException {
        Path out = tmp.resolve("o");
        OutputFolder f = OutputFolder.claim("build", out, null, false);
        assertEquals(OutputFolder.Owner.NONE, f.owner());
        f.replace(Map.of("a.html", new byte[] {1}, "sub/b.html", new byte[] {2}, "we%ird\nname.txt", new byte[] {3}));
        OutputFolder g = OutputFolder.claim("build", out, null, false);
        assertEquals(OutputFolder.Owner.QAPIDOC, g.owner());
        assertEquals(java.util.Set.of("a.html", "sub/b.html", "we%ird\nname.txt"), g.written());
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("sub/extra.txt"), "mine too");
        // sub/ now holds a file we did not write: it is kept, and a new site that writes sub/ is refused
        OutputFolder h = OutputFolder.claim("build", out, null, false);
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(
                UsageException.class, () -> h.replace(Map.of("sub/c.html", new byte[] {4})));
        assertEquals(
                "build: refusing to write into '" + out + "': 'sub' there was not written by qapidoc and is in the way",
                e.getMessage());
        h.replace(Map.of("c.html", new byte[] {5}));
        assertEquals(List.of(".buildinfo", "c.html", "notes.txt", "sub"), names(out));
        assertEquals("mine too", Files.readString(out.resolve("sub/extra.txt")));
        assertNoLeftovers(tmp);
    }

    @Test
    void htmlRefusesBeforeReadingTheSchema(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("precious.txt"), "keep me");
        // the schema does not exist: were it read first, the error would be about it
        Main.Result r = Main.capture(
                "html", "-o", out.toString(), tmp.resolve("missing.json").toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(
                r.stderr().startsWith("qapidoc: html: refusing to write into '" + out + "': it is not empty"),
                r.stderr());
        assertFalse(r.stderr().contains("missing.json"), r.stderr());
        Main.Result b = Main.capture("build", tmp.resolve("no-such-src").toString(), "-o", out.toString());
        assertEquals(2, b.exitCode());
        assertEquals("keep me", Files.readString(out.resolve("precious.txt")));
    }

    @Test
    void staleLeftoversOfOursAreRemovedOthersKept(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("o");
        Path staleTmp = tmp.resolve(".o.tmp-123");
        Path staleOld = tmp.resolve(".o.old-456");
        Path foreign = tmp.resolve(".o.tmp-789");
        for (Path p : List.of(staleTmp, staleOld, foreign)) {
            Files.createDirectories(p.resolve("sub"));
            Files.writeString(p.resolve("sub/page.html"), "x");
        }
        Files.writeString(staleTmp.resolve(".buildinfo"), OutputFolder.marker(java.util.Set.of("sub/page.html")));
        Files.writeString(staleOld.resolve(".buildinfo"), OutputFolder.LEGACY_HEADER + "\n");
        Files.writeString(foreign.resolve(".buildinfo"), SPHINX_BUILDINFO);
        Main.Result r = Main.capture("build", "sample-docs", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of(".o.tmp-789", "o"), names(tmp));
    }

    @Test
    void updateWritesOnlyWhatChangedAndKeepsTheListTrue(@TempDir Path tmp) throws IOException, UsageException {
        Path out = tmp.resolve("o");
        OutputFolder.claim("build", out, null, false)
                .replace(Map.of("a.html", new byte[] {1}, "sub/b.html", new byte[] {2}, "c.html", new byte[] {3}));
        Files.writeString(out.resolve("notes.txt"), "mine");
        OutputFolder f = OutputFolder.claim("build", out, null, false);
        f.update(Map.of("a.html", new byte[] {9}, "new/d.html", new byte[] {4}), java.util.Set.of("sub/b.html"));
        assertEquals(java.util.Set.of("a.html", "c.html", "new/d.html"), f.written());
        assertEquals(
                java.util.Set.of("a.html", "c.html", "new/d.html"),
                OutputFolder.claim("build", out, null, false).written());
        assertEquals(9, Files.readAllBytes(out.resolve("a.html"))[0]);
        assertEquals(3, Files.readAllBytes(out.resolve("c.html"))[0]);
        assertFalse(Files.exists(out.resolve("sub/b.html")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        // a file we did not write is neither overwritten nor removed
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(
                UsageException.class, () -> f.update(Map.of("notes.txt", new byte[] {0}), java.util.Set.of()));
        assertTrue(
                e.getMessage().endsWith("'notes.txt' there was not written by qapidoc and is in the way"),
                e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(
                IOException.class, () -> f.update(Map.of(), java.util.Set.of("notes.txt")));
        org.junit.jupiter.api.Assertions.assertThrows(
                IOException.class, () -> f.update(Map.of("../escape.html", new byte[] {0}), java.util.Set.of()));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertFalse(Files.exists(tmp.resolve("escape.html")));
        try (Stream<Path> s = Files.walk(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp-")));
        }
    }

    @Test
    void htmlRefusesAnOutdirHoldingTheSchema(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("qapi"));
        Files.writeString(dir.resolve("s.json"), "{ 'command': 'x' }\n");
        Main.Result r =
                Main.capture("html", "-o", tmp.toString(), dir.resolve("s.json").toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(
                r.stderr().contains("refusing to write into '" + tmp + "': it contains the source folder"), r.stderr());
        assertTrue(Files.exists(dir.resolve("s.json")));
    }

    private static void assertNoLeftovers(Path parent) throws IOException {
        for (String n : names(parent)) {
            assertFalse(n.contains(".tmp-") || n.contains(".old-"), n);
        }
    }
}
