package dev.qapidoc.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qapidoc.source.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deterministic mutations of QEMU's vectors (fixed seed): whatever the input, loading must end in
 * a schema or located diagnostics, never in another throwable — the property the Jazzer fuzz test
 * of EXAMPLES.md asks for, checked here without the fuzzer.
 */
class MutationSmokeTest {
    private static final String ALPHABET = "{}[]:,'\\#@ \t\n\r*xA_-.1true" + "\u00a0\u2028";

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void mutatedVectorsNeverThrow() throws IOException {
        assumeTrue(Files.isDirectory(VectorTest.QEMU_DIR), "../shared/corpus absent");
        List<Path> files;
        try (Stream<Path> s = Files.list(VectorTest.QEMU_DIR)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        Random rnd = new Random(20261122);
        int runs = 0;
        for (Path f : files) {
            String src = Files.readString(f, StandardCharsets.UTF_8);
            for (int k = 0; k < Integer.getInteger("mutations", 12); k++) {
                String m = mutate(src, rnd);
                Files.writeString(dir.resolve("m.json"), m, StandardCharsets.UTF_8);
                LoadResult r;
                try {
                    r = SchemaLoader.load("m.json", LoadOptions.strict(dir));
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("load threw on a mutation of " + f.getFileName() + ":\n" + m, e);
                }
                for (Diagnostic d : r.diagnostics()) {
                    assertFalse(d.render().isEmpty());
                    assertTrue(d.where() != null, d.render());
                }
                if (r.ok()) {
                    assertFalse(SchemaDump.dump(r.schema()).isEmpty());
                }
                runs++;
            }
        }
        assertTrue(runs > 1000, "ran " + runs);
    }

    private static String mutate(String src, Random rnd) {
        StringBuilder sb = new StringBuilder(src);
        int edits = 1 + rnd.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int pos = sb.length() == 0 ? 0 : rnd.nextInt(sb.length());
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    if (sb.length() > 0) {
                        sb.deleteCharAt(pos);
                    }
                }
                case 1 -> sb.insert(pos, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                case 2 -> {
                    int end = Math.min(sb.length(), pos + 1 + rnd.nextInt(20));
                    sb.insert(pos, sb.substring(pos, end));
                }
                default -> {
                    int end = Math.min(sb.length(), pos + 1 + rnd.nextInt(40));
                    sb.delete(pos, end);
                }
            }
        }
        return sb.toString();
    }
}
