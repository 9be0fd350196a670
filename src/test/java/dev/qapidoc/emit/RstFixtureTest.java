package dev.qapidoc.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our own cases: {@code test-fixtures/rst/NAME.json} in, {@code NAME.qemu.ir} and
 * {@code NAME.extended.ir} (reST with the source map) out. {@code -Dqapidoc.regenerate=true}
 * rewrites the expectations instead of comparing; review the diff. Files in subdirectories are
 * only included by the cases, never run on their own.
 */
class RstFixtureTest {
    private static final Path DIR = Path.of("test-fixtures/rst");

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (RstWriter.Dialect d : RstWriter.Dialect.values()) {
                    out.add(Arguments.of(p.getFileName().toString(), d));
                }
            }
        }
        assertTrue(out.size() >= 16, "fixtures missing");
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesExpectation(String json, RstWriter.Dialect dialect) throws IOException {
        Path wd = Path.of("").toAbsolutePath();
        LoadResult r = SchemaLoader.load(DIR.resolve(json).toString(), LoadOptions.strict(wd));
        assertTrue(r.ok(), () -> r.first().get().render());
        List<ContentLine> lines = RstWriter.write(r.schema(), new RstWriter.Options(null, dialect));
        String got = RstWriter.render(lines, true, wd);
        Path expected = DIR.resolve(json.replace(".json", "." + dialect.name().toLowerCase(Locale.ROOT) + ".ir"));
        if (Boolean.getBoolean("qapidoc.regenerate")) {
            Files.writeString(expected, got, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(expected), expected + " missing; run with -Dqapidoc.regenerate=true");
        RstGoldenTest.assertLinesEqual(Files.readString(expected, StandardCharsets.UTF_8), got);

        // the plain text is the right-hand column of the source map
        String plain = RstWriter.render(lines, false, wd);
        StringBuilder column = new StringBuilder();
        for (String l : got.split("\n")) {
            column.append(l.replaceFirst("^[^|]*\\| ?", "")).append('\n');
        }
        assertEquals(column.toString(), plain);

        List<String> text = new ArrayList<>();
        for (ContentLine l : lines) {
            text.addAll(List.of(l.text().split("\n", -1)));
        }
        List<String> problems = RstStructureCheck.check(text, dialect == RstWriter.Dialect.EXTENDED);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }
}
