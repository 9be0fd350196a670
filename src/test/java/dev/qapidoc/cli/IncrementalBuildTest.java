package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental {@code build} (OUTDIR/.qapidoc-cache): after each edit of a sequence, a build into
 * the same OUTDIR must give exactly the files (cache included) a clean build into a new folder
 * gives, and a build with nothing changed must not rewrite OUTDIR yet print and exit the same.
 */
class IncrementalBuildTest {

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> w = Files.walk(root)) {
            for (Path p : (Iterable<Path>) w::iterator) {
                if (Files.isRegularFile(p)) {
                    m.put(root.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return m;
    }

    private static Object folderKey(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    }

    private static void write(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    private static void replace(Path f, String from, String to) throws IOException {
        String s = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(s.contains(from), f + " lacks " + from);
        Files.writeString(f, s.replace(from, to), StandardCharsets.UTF_8);
    }

    private static Main.Result build(Path src, Path out, List<String> extra) {
        List<String> a = new ArrayList<>(List.of("build", "-q"));
        a.addAll(extra);
        a.add(src.toString());
        a.add(out.toString());
        return Main.capture(a.toArray(String[]::new));
    }

    /** Builds incrementally into {@code inc} and clean into a new folder; the trees must match. */
    private static Main.Result step(Path tmp, Path src, Path inc, List<String> extra, String what) throws IOException {
        Main.Result r = build(src, inc, extra);
        Path clean = Files.createTempDirectory(tmp, "clean-");
        Files.delete(clean);
        Main.Result c = build(src, clean, extra);
        assertEquals(c.exitCode(), r.exitCode(), what + ": exit status");
        assertEquals(c.stderr(), r.stderr(), what + ": messages");
        Map<String, byte[]> ti = tree(inc);
        Map<String, byte[]> tc = tree(clean);
        assertEquals(tc.keySet(), ti.keySet(), what + ": file list");
        for (String k : tc.keySet()) {
            if (!Arrays.equals(tc.get(k), ti.get(k))) {
                fail(what + ": " + k + " differs from a clean build's");
            }
        }
        try (Stream<Path> w = Files.walk(clean)) {
            for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        return r;
    }

    private static void site(Path src) throws IOException {
        write(src.resolve("conf.py"), "project = 'Inc'\nqapidoc_srctree = '.'\n");
        write(
                src.resolve("index.rst"),
                "Home\n====\n\n.. toctree::\n\n   a\n   b\n   schema\n\nSee :ref:`b-label` and :doc:`a`.\n");
        write(src.resolve("a.rst"), "Page A\n======\n\nFirst paragraph.\n\n.. include:: part.inc\n");
        write(src.resolve("part.inc"), "Included text.\n");
        write(src.resolve("b.rst"), ".. _b-label:\n\nPage B\n======\n\nAbout B.\n\n.. only:: extra\n\n   Extra.\n");
        write(src.resolve("schema.rst"), "Schema\n======\n\n.. qapi-doc:: s.json\n");
        write(
                src.resolve("s.json"),
                "##\n# = Things\n##\n\n##\n# @Thing:\n#\n# A thing.\n#\n# @size: how big\n#\n# Since: 1.0\n##\n"
                        + "{ 'struct': 'Thing', 'data': { 'size': 'int' } }\n");
    }

    @Test
    void everyEditGivesWhatACleanBuildGives(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("src");
        Path inc = tmp.resolve("inc");
        site(src);
        Main.Result first = step(tmp, src, inc, List.of(), "first build");
        assertEquals(0, first.exitCode(), first.stderr());
        assertTrue(Files.isRegularFile(inc.resolve(BuildCache.FILE)));

        replace(src.resolve("a.rst"), "First paragraph.", "First paragraph, edited.");
        step(tmp, src, inc, List.of(), "edit a paragraph");
        replace(src.resolve("b.rst"), "Page B\n======", "Page Bee\n========");
        step(tmp, src, inc, List.of(), "edit a title");
        write(src.resolve("c.rst"), "Page C\n======\n\nNew.\n");
        replace(src.resolve("index.rst"), "   b\n", "   b\n   c\n");
        step(tmp, src, inc, List.of(), "add a page to a toctree");
        Files.delete(src.resolve("c.rst"));
        Main.Result gone = step(tmp, src, inc, List.of(), "delete a page (still in the toctree)");
        assertTrue(gone.stderr().contains("nonexisting document 'c'"), gone.stderr());
        replace(src.resolve("index.rst"), "   c\n", "");
        step(tmp, src, inc, List.of(), "take it out of the toctree");
        replace(src.resolve("part.inc"), "Included text.", "Included text, edited.");
        step(tmp, src, inc, List.of(), "edit an included file");
        replace(src.resolve("s.json"), "# A thing.", "# A thing, edited.");
        step(tmp, src, inc, List.of(), "edit a schema doc comment");
        replace(src.resolve("conf.py"), "project = 'Inc'", "project = 'Inc2'");
        step(tmp, src, inc, List.of(), "edit conf.py");
        step(tmp, src, inc, List.of("-D", "project=Other"), "-D");
        step(tmp, src, inc, List.of("-t", "extra"), "-t");
        assertTrue(new String(Files.readAllBytes(inc.resolve("b.html")), StandardCharsets.UTF_8).contains("Extra."));
        step(tmp, src, inc, List.of(), "back to no options");
        // an output file changed behind the build's back is noticed (its size is in the cache)
        Files.writeString(inc.resolve("a.html"), "tampered");
        step(tmp, src, inc, List.of(), "tampered output");
    }

    @Test
    void nothingChangedWritesNothingButSaysTheSame(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("src");
        Path out = tmp.resolve("out");
        site(src);
        // a warning, so that the repeated messages can be compared
        replace(src.resolve("index.rst"), "   schema\n", "   schema\n   missing\n");
        Main.Result first = build(src, out, List.of("-W"));
        assertEquals(1, first.exitCode(), first.stderr());
        assertTrue(first.stderr().contains("nonexisting document 'missing'"), first.stderr());
        Object key = folderKey(out);
        Map<String, byte[]> before = tree(out);
        Main.Result again = build(src, out, List.of("-W"));
        assertEquals(first.exitCode(), again.exitCode());
        assertEquals(first.stderr(), again.stderr());
        assertEquals(key, folderKey(out), "a no-change build must not replace OUTDIR");
        assertEquals(before.keySet(), tree(out).keySet());
        // -E and -a build afresh: the folder is replaced (same bytes)
        Main.Result fresh = build(src, out, List.of("-W", "-E"));
        assertEquals(first.stderr(), fresh.stderr());
        assertNotEquals(key, folderKey(out), "-E must build afresh");
        Object key2 = folderKey(out);
        build(src, out, List.of("-a"));
        assertNotEquals(key2, folderKey(out), "-a must write every file");
        // a new file in the source folder (an include target that did not exist) is a change
        Object key3 = folderKey(out);
        write(src.resolve("unrelated.txt"), "x\n");
        build(src, out, List.of());
        assertNotEquals(key3, folderKey(out), "a new file in SRCDIR must rebuild");
    }
}
