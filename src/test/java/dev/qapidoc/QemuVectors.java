package dev.qapidoc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * QEMU's schema conformance vectors (tests/qapi-schema), read in place from {@code ../shared}.
 * One enumeration for the tests in several packages that run every rejected vector, so they all
 * see the same set in the same order and skip the same way when {@code ../shared} is absent.
 */
public final class QemuVectors {
    /** Where the vectors are, relative to the project root. */
    public static final Path DIR = Path.of("../shared/corpus/qemu-master/tests/qapi-schema");

    private QemuVectors() {}

    /**
     * The names (without extension) of the vectors QEMU rejects, i.e. those with a non-empty
     * {@code .err} (helper files have none, accepted vectors an empty one), sorted by file name.
     * Skips the calling test when the folder is absent.
     */
    public static Stream<String> rejected() throws IOException {
        Assumptions.assumeTrue(
                Files.isDirectory(DIR), "QEMU's vectors are not at " + DIR + " (../shared absent): skipped");
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String f = p.getFileName().toString();
                if (f.endsWith(".err") && Files.size(p) > 0) {
                    names.add(f.substring(0, f.length() - 4));
                }
            }
        }
        return names.stream();
    }
}
