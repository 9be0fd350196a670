package dev.qapidoc.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.QapiSyntax;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Adversarial but valid schemas: deep union nesting, long bodies, deep conditions. */
class RstRobustnessTest {

    private static LoadResult load(Path dir, String text) throws IOException {
        Files.writeString(dir.resolve("s.json"), text);
        LoadResult r = SchemaLoader.load("s.json", LoadOptions.strict(dir));
        assertTrue(r.ok(), () -> r.first().get().render());
        return r;
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void unionBranchNestingIsCappedInTheExtendedDialect(@TempDir Path dir) throws IOException {
        int n = 30;
        StringBuilder sb = new StringBuilder("{ 'enum': 'Tag', 'data': [ 'a' ] }\n");
        for (int i = 0; i < n; i++) {
            sb.append("##\n# @Un").append(i).append(":\n#\n# @t").append(i).append(": tag\n##\n");
            sb.append("{ 'union': 'Un")
                    .append(i)
                    .append("', 'base': { 't")
                    .append(i)
                    .append("': 'Tag' }, 'discriminator': 't")
                    .append(i)
                    .append("', 'data': { ");
            sb.append(i + 1 < n ? "'a': 'Un" + (i + 1) + "'" : "").append(" } }\n");
        }
        LoadResult r = load(dir, sb.toString());
        List<ContentLine> lines = RstWriter.write(r.schema(), new RstWriter.Options(null, RstWriter.Dialect.EXTENDED));
        int deepest = 0;
        List<String> text = new ArrayList<>();
        for (ContentLine l : lines) {
            text.add(l.text());
            if (l.text().trim().startsWith(QapiSyntax.directive(QapiSyntax.BRANCH))) {
                deepest = Math.max(deepest, l.text().indexOf('.') / 3);
            }
        }
        assertEquals(ExtendedDialect.MAX_BRANCH_DEPTH, deepest);
        assertEquals(List.of(), RstStructureCheck.check(text, true));
        // QEMU's dialect has one pointer per union, no nesting at all
        List<ContentLine> qemu = RstWriter.write(r.schema(), new RstWriter.Options(null, RstWriter.Dialect.QEMU));
        assertEquals(
                n - 1, qemu.stream().filter(l -> l.text().contains("When ``")).count());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void longBodiesAndDeepConditions(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("##\n# @c:\n#\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append("# line ").append(i).append(" mentions @c and a@b.c\n");
        }
        sb.append("##\n{ 'command': 'c', 'if': ");
        int depth = 200;
        sb.append("{ 'not': ".repeat(depth))
                .append("'X'")
                .append(" }".repeat(depth))
                .append(" }\n");
        LoadResult r = load(dir, sb.toString());
        for (RstWriter.Dialect d : RstWriter.Dialect.values()) {
            List<ContentLine> lines = RstWriter.write(r.schema(), new RstWriter.Options(null, d));
            assertTrue(lines.size() > 50_000);
            assertTrue(lines.stream().anyMatch(l -> l.text().equals("   :ifcond: " + "not ".repeat(depth) + "X")));
            assertTrue(lines.stream().anyMatch(l -> l.text().equals("   line 7 mentions ``c`` and a``b``.c")));
        }
    }
}
