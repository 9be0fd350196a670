package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qapidoc.emit.RstWriter;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked examples of doc-comments-and-rest.md Part 4, read in place from the spec: W7 and W9
 * (synthetic schemas given in full, with their emitted reST) and W1/W8 (QEMU's doc-good.json from
 * the corpus; every excerpt between {@code …} elisions must appear verbatim in our source map).
 * Skipped when ../shared is absent.
 */
class SpecExamplesTest {
    private static final Path SPEC = Path.of("../shared/spec/doc-comments-and-rest.md");
    private static final Path CORPUS = Path.of("../shared/corpus/qemu-master");

    /** The fenced blocks of the section starting with {@code heading}, in order. */
    private static List<List<String>> blocks(String heading) throws IOException {
        List<String> spec = Files.readAllLines(SPEC);
        List<List<String>> out = new ArrayList<>();
        boolean in = false;
        List<String> cur = null;
        for (String l : spec) {
            if (l.startsWith("## ")) {
                in = l.startsWith("## " + heading + " ");
                continue;
            }
            if (!in) {
                continue;
            }
            if (l.startsWith("```")) {
                if (cur == null) {
                    cur = new ArrayList<>();
                } else {
                    out.add(cur);
                    cur = null;
                }
            } else if (cur != null) {
                cur.add(l);
            }
        }
        return out;
    }

    private static String sourceMap(Path dir, String file) {
        LoadResult r = SchemaLoader.load(file, LoadOptions.strict(dir));
        assertTrue(r.ok(), () -> r.first().get().render());
        return RstWriter.render(
                RstWriter.write(r.schema(), new RstWriter.Options(null, RstWriter.Dialect.QEMU)), true, dir);
    }

    /** Writes a numbered source listing ("12 text") as a file, without the numbers. */
    private static void writeListing(Path file, List<String> numbered) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : numbered) {
            sb.append(l.replaceFirst("^ *\\d+ ?", "")).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    @Test
    void w7SyntheticSchema(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isRegularFile(SPEC), "../shared/spec absent; skipped");
        List<List<String>> b = blocks("W7");
        writeListing(dir.resolve("f.json"), b.get(0));
        assertEquals(String.join("\n", b.get(2)) + "\n", sourceMap(dir, "f.json"));
    }

    @Test
    void w9FreeFormCrediting(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isRegularFile(SPEC), "../shared/spec absent; skipped");
        List<List<String>> b = blocks("W9");
        writeListing(dir.resolve("h.json"), b.get(0));
        assertEquals(String.join("\n", b.get(2)) + "\n", sourceMap(dir, "h.json"));
    }

    @Test
    void w1AndW8DocGood() throws IOException {
        assumeTrue(Files.isRegularFile(SPEC) && Files.isDirectory(CORPUS), "../shared absent; skipped");
        String got = sourceMap(CORPUS.toAbsolutePath(), "tests/qapi-schema/doc-good.json");
        List<List<String>> excerpts = new ArrayList<>();
        excerpts.add(blocks("W1").get(2));
        excerpts.add(blocks("W8").get(0));
        int checked = 0;
        for (List<String> block : excerpts) {
            List<String> chunk = new ArrayList<>();
            for (String l : block) {
                if (l.equals("…")) {
                    checked += assertContains(got, chunk);
                    chunk.clear();
                } else {
                    chunk.add(l);
                }
            }
            checked += assertContains(got, chunk);
        }
        assertTrue(checked > 80, "too few lines checked: " + checked);
    }

    private static int assertContains(String got, List<String> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        String want = String.join("\n", chunk) + "\n";
        assertTrue(got.contains(want), () -> "missing:\n" + want);
        return chunk.size();
    }
}
