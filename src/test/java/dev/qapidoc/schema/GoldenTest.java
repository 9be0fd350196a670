package dev.qapidoc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * QEMU's real schemas, loaded the way QEMU's build does: from {@code corpus/qemu-master} with the
 * path {@code qapi/qapi-schema.json}, so file names and module names are exactly QEMU's
 * (schema-language.md §12.1, §15.4).
 */
class GoldenTest {
    private static final Path QEMU = Path.of("../shared/corpus/qemu-master");
    private static final Path GOLDEN = Path.of("../shared/golden/qmp.dump");

    @Test
    void qmpDumpIsByteIdenticalToGolden() throws IOException {
        assumeTrue(Files.exists(GOLDEN) && Files.isDirectory(QEMU), "../shared absent");
        LoadResult r = SchemaLoader.load("qapi/qapi-schema.json", LoadOptions.strict(QEMU.toAbsolutePath()));
        assertEquals("", r.first().map(d -> d.render()).orElse(""));
        String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        String actual = SchemaDump.dump(r.schema());
        if (!expected.equals(actual)) {
            String[] e = expected.split("\n", -1);
            String[] a = actual.split("\n", -1);
            for (int i = 0; i < Math.min(e.length, a.length); i++) {
                assertEquals(e[i], a[i], "first difference at line " + (i + 1));
            }
            assertEquals(e.length, a.length, "line count");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"qga/qapi-schema.json", "storage-daemon/qapi/qapi-schema.json"})
    void otherQemuSchemasLoadWithoutDiagnostics(String root) {
        assumeTrue(Files.isDirectory(QEMU), "../shared/corpus absent");
        LoadResult r = SchemaLoader.load(root, LoadOptions.strict(QEMU.toAbsolutePath()));
        assertEquals("", r.first().map(d -> d.render()).orElse(""));
        assertTrue(r.schema().entitiesOf(Command.class).size() > 10, "commands were read");
        assertEquals(
                root.substring(root.lastIndexOf('/') + 1),
                r.schema().modules().get(1).name());
    }

    @Test
    void qmpModelAccessors() {
        assumeTrue(Files.isDirectory(QEMU), "../shared/corpus absent");
        Schema s = SchemaLoader.load("qapi/qapi-schema.json", LoadOptions.strict(QEMU.toAbsolutePath()))
                .schema();
        // A command with inline arguments gets an implicit argument type in its own module.
        Command c = (Command) s.entity("blockdev-add").orElseThrow();
        assertTrue(c.boxed());
        assertEquals("block-core.json", s.moduleOf(c));
        Command q = (Command) s.entity("query-status").orElseThrow();
        assertEquals("StatusInfo", q.returnType());
        assertEquals("run-state.json", s.moduleOf(q));
        // Inherited members come first.
        ObjectType opts = s.objectType("BlockdevOptions").orElseThrow();
        assertTrue(opts.isUnion());
        assertEquals("driver", s.tagMember(opts).orElseThrow().name());
        assertTrue(opts.base().startsWith("q_obj_"));
        assertEquals(
                s.allMembers(opts).size(),
                s.objectType(opts.base()).orElseThrow().localMembers().size());
        assertTrue(opts.branches().variants().size() > 30);
        // Command arguments through the implicit argument type.
        Command qmpCap = (Command) s.entity("qmp_capabilities").orElseThrow();
        assertTrue(s.argType(qmpCap).orElseThrow().isImplicit());
        assertEquals("enable", s.arguments(qmpCap).get(0).name());
        assertTrue(s.arguments(s.entity("query-status").orElseThrow()).isEmpty());
        assertEquals(s.module("control.json").orElseThrow().name(), s.moduleOf(qmpCap));
    }
}
