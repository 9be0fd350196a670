package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, old releases: a definition of a schema only tolerant mode reads belongs to the module
 * of the file it is written in, even when its file's docs resume after an include (QEMU 6.2
 * included {@code job.json} first from {@code block-core.json}); a 2017 {@code Returns:} section
 * that lists outcomes one per line keeps them apart (QEMU 2.12's "nothing on success" / "If
 * ..."). Our fixtures in {@code test-fixtures/legacy}, and the real releases from
 * {@code ../shared/corpus/qemu-releases.bundle} when it is there.
 */
class LegacyReleasesTest {
    private static final Path FIXTURES = Path.of("test-fixtures/legacy").toAbsolutePath();
    private static final Pattern MODULE = Pattern.compile("(?m)^\\.\\. qapi:module:: (\\S+)(\\n   :no-index:)?");
    /** An object anchor: KIND-[NS-]MODULE.NAME. */
    private static final Pattern ANCHOR =
            Pattern.compile("<dt class=\"sig sig-object qapi\" id=\"(alternate|command|enum|event|object)-([^\"]+)\">");

    @TempDir
    Path tmp;

    /** The module directives of the QEMU dialect, in order, a re-entry marked {@code (again)}. */
    private static List<String> modules(String rst) {
        List<String> out = new ArrayList<>();
        Matcher m = MODULE.matcher(rst);
        while (m.find()) {
            out.add(m.group(1) + (m.group(2) != null ? " (again)" : ""));
        }
        return out;
    }

    private static String rst(String fixture) {
        Main.Result r = Main.capture("rst", FIXTURES.resolve(fixture).toString());
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout();
    }

    private String html(Path schema, String... namespace) throws Exception {
        Path out = tmp.resolve("site-" + schema.getFileName());
        List<String> args = new ArrayList<>(List.of("html", "-o", out.toString()));
        if (namespace.length > 0) {
            args.addAll(List.of("--namespace", namespace[0]));
        }
        args.add(schema.toString());
        Main.Result r = Main.capture(args.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(r.stderr().contains("ERROR"), r.stderr());
        return Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
    }

    @Test
    void todaysSchemaKeepsQemusModuleDirectives() {
        // QEMU's qapi-doc: a module directive at a file's first doc only; the golden of QEMU
        // master (block.json after block-core.json) depends on it (compare-rst.sh)
        assertEquals(List.of("outer", "inner"), modules(rst("modules.json")));
    }

    @Test
    void legacySchemaDefinitionBelongsToItsFilesModule() throws Exception {
        assertEquals(List.of("outer", "inner", "outer (again)"), modules(rst("modules-legacy.json")));
        String html = html(FIXTURES.resolve("modules-legacy.json"));
        assertTrue(html.contains("id=\"object-outer.OuterThing\""), "OuterThing is in module outer");
        assertTrue(html.contains("id=\"object-inner.InnerThing\""));
        assertEquals(1, count(html, "id=\"module-outer\""), "a re-entered module is not described twice");
    }

    @Test
    void returnsOutcomesOfTheLegacyMarkupBecomeAList() throws Exception {
        String rst = rst("returns-2017.json");
        assertTrue(
                rst.contains("   Returns:\n\n   - nothing on success\n   - If ``size`` is too large, GenericError\n"),
                rst);
        // wrapped prose (a sentence end, a lower-case or all-capitals continuation) stays a paragraph
        assertTrue(rst.contains("   :return [Thing]: a list of ``Thing``, one for each\n       thing known.\n"), rst);
        assertTrue(rst.contains("   :return int: the number of things of the\n       NIC kind\n"), rst);
        String html = html(FIXTURES.resolve("returns-2017.json"));
        assertTrue(html.contains("<li><p>nothing on success</p></li>"), html);
        assertFalse(html.contains("on success If"), html);
    }

    /** QEMU 6.2's QMP manual: block-core's definitions are in block-core, not in job. */
    @Test
    void qemu6_2BlockCoreDefinitionsAreInBlockCore() throws Exception {
        Path root = release("v6.2.0");
        Path schema = root.resolve("qapi/qapi-schema.json");
        String html = html(schema, "QMP");
        assertTrue(html.contains("id=\"command-QMP-block-core.blockdev-backup\""));
        assertFalse(html.contains("id=\"command-QMP-job.blockdev-backup\""));

        // every documented definition: anchor module = the stem of the file it is written in
        LoadResult model = SchemaLoader.load(schema.toString(), LoadOptions.tolerant(root));
        assertTrue(model.ok(), () -> model.first().get().render());
        java.util.Map<String, String> moduleOfAnchor = new java.util.HashMap<>();
        Matcher m = ANCHOR.matcher(html);
        while (m.find()) {
            String rest = m.group(2).substring("QMP-".length());
            int dot = rest.lastIndexOf('.');
            moduleOfAnchor.put(m.group(1) + ":" + rest.substring(dot + 1), rest.substring(0, dot));
        }
        int checked = 0;
        for (Entity e : model.schema().entities()) {
            String kind = e instanceof dev.qapidoc.schema.Command
                    ? "command"
                    : e instanceof dev.qapidoc.schema.Event ? "event" : null;
            if (kind == null || e.doc() == null) {
                continue;
            }
            String file = Path.of(e.location().file()).getFileName().toString();
            String expected = file.substring(0, file.lastIndexOf('.'));
            assertEquals(expected, moduleOfAnchor.get(kind + ":" + e.name()), e.name());
            checked++;
        }
        assertTrue(checked > 200, "only " + checked + " commands and events checked");
    }

    /** QEMU 2.12's block_resize: "nothing on success" and "If @device ..." stay two outcomes. */
    @Test
    void qemu2_12ReturnsKeepTheirOutcomesApart() throws Exception {
        Path root = release("v2.12.0");
        String html = html(root.resolve("qapi/qapi-schema.json"), "QMP");
        int at = html.indexOf("id=\"command-QMP-block-core.block_resize\"");
        assertTrue(at > 0, "block_resize documented");
        String entry = html.substring(at, html.indexOf("</dl>\n</dd></dl>", at));
        assertTrue(entry.contains("<li><p>nothing on success</p></li>"), entry);
        assertTrue(entry.contains("is not a valid block device, DeviceNotFound</p></li>"), entry);
        assertFalse(html.contains("on success If"), "an outcome ran into the previous one");
    }

    private Path release(String tag) throws Exception {
        assumeTrue(Files.exists(CompatCommandTest.BUNDLE), "../shared/corpus/qemu-releases.bundle absent: skipped");
        Path dir = tmp.resolve(tag);
        Git.cloneRepository()
                .setURI(CompatCommandTest.BUNDLE.toAbsolutePath().toUri().toString())
                .setDirectory(dir.toFile())
                .setBranch("refs/tags/" + tag)
                .call()
                .close();
        assertTrue(Files.readString(dir.resolve("VERSION")).startsWith(tag.substring(1)), "checked out " + tag);
        return dir.toAbsolutePath();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
