package dev.qapidoc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces the package import rule of EXAMPLES.md §5: each pipeline stage may import only the
 * stages before it, so the design stays a pipeline and the domain never sees the schema model.
 */
class ArchitectureTest {

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "source", Set.of(),
            "doc", Set.of("source"),
            "schema", Set.of("source", "doc"),
            "introspect", Set.of("source", "schema"),
            "rst", Set.of("source", "doc", "schema"),
            "domain", Set.of("source", "rst"),
            "html", Set.of("source", "rst", "domain"),
            "lint", Set.of("source", "doc", "schema", "rst"),
            "cli", Set.of("source", "doc", "schema", "introspect", "rst", "domain", "html", "lint"));

    private static final Pattern IMPORT =
            Pattern.compile("^import\\s+(?:static\\s+)?dev\\.qapidoc\\.([a-z]+)\\.", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.qapidoc\\.([a-z]+)\\.[A-Z]");

    @Test
    void importsFollowThePipeline() throws IOException {
        Path root = Path.of("src/main/java/dev/qapidoc");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String pkg = root.relativize(f).getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(f + ": package '" + pkg + "' is not in the layout table");
                    continue;
                }
                String text = Files.readString(f);
                for (Pattern p : List.of(IMPORT, QUALIFIED)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        String target = m.group(1);
                        if (!target.equals(pkg) && !allowed.contains(target)) {
                            violations.add(f + ": " + pkg + " may not use " + target);
                        }
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
}
