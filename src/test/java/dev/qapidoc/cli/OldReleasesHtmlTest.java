package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.schema.AlternateType;
import dev.qapidoc.schema.Command;
import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.EnumType;
import dev.qapidoc.schema.Event;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.ObjectType;
import dev.qapidoc.schema.SchemaLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7's acceptance for tolerant mode: {@code qapidoc html SCHEMA} of every schema of an old
 * QEMU release (QMP, QGA, QSD where present) exits 0, without error messages, and the manual has
 * an anchor for every command and every documented definition of the schema (as the tolerant
 * loader models it), each followed by a non-empty description. Reads
 * {@code ../shared/corpus/qemu-VERSION} in place; skipped when it is absent.
 */
class OldReleasesHtmlTest {

    private static final Path CORPUS = Path.of("../shared/corpus");
    /** {@code <dt ... id="KIND-[NS-][MODULE.]NAME">} followed by the {@code <dd>} of its description. */
    private static final Pattern DEFINITION = Pattern.compile(
            "<dt class=\"sig sig-object qapi\" id=\"(alternate|command|enum|event|object)-([^\"]+)\">.*?</dt>\\n<dd>(.{0,4})",
            Pattern.DOTALL);

    @TempDir
    Path tmp;

    @Test
    void qemu2_10() throws IOException {
        manuals("qemu-2.10.0");
    }

    @Test
    void qemu5_0() throws IOException {
        manuals("qemu-5.0.0");
    }

    @Test
    void qemu5_1() throws IOException {
        manuals("qemu-5.1.0");
    }

    @Test
    void qemu7_2() throws IOException {
        manuals("qemu-7.2.0");
    }

    private void manuals(String release) throws IOException {
        Path root = CORPUS.resolve(release);
        Assumptions.assumeTrue(Files.isDirectory(root), root + " not present (../shared absent); skipped");
        List<String[]> schemas = new ArrayList<>();
        for (String[] s : new String[][] {
            {"qapi-schema.json", "QMP"},
            {"qapi/qapi-schema.json", "QMP"},
            {"qga/qapi-schema.json", "QGA"},
            {"storage-daemon/qapi/qapi-schema.json", "QSD"}
        }) {
            if (Files.isRegularFile(root.resolve(s[0]))) {
                schemas.add(s);
            }
        }
        assertTrue(schemas.size() >= 2, "a QEMU release has at least a QMP and a QGA schema: " + root);
        for (String[] s : schemas) {
            manual(root, s[0], s[1]);
        }
    }

    private void manual(Path root, String schema, String ns) throws IOException {
        Path file = root.resolve(schema).toAbsolutePath().normalize();
        Path out = tmp.resolve(ns + "-" + schema.replace('/', '_'));
        Main.Result r = Main.capture("html", "--namespace", ns, "-o", out.toString(), file.toString());
        assertEquals(0, r.exitCode(), schema + ":\n" + r.stderr());
        assertFalse(r.stderr().contains("ERROR"), schema + ":\n" + r.stderr());
        assertFalse(r.stderr().contains("reference target not found"), schema + ":\n" + r.stderr());
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);

        // KIND:NAME -> the first characters of its description
        Map<String, String> described = new HashMap<>();
        Matcher m = DEFINITION.matcher(html);
        while (m.find()) {
            String rest = m.group(2);
            if (!rest.startsWith(ns + "-")) {
                continue;
            }
            rest = rest.substring(ns.length() + 1);
            String name = rest.substring(rest.lastIndexOf('.') + 1);
            described.put(m.group(1) + ":" + name, m.group(3));
        }

        LoadResult model = SchemaLoader.load(
                file.toString(), LoadOptions.tolerant(root.toAbsolutePath().normalize()));
        assertTrue(model.ok(), schema + ": " + model.first());
        int commands = 0;
        int definitions = 0;
        for (Entity e : model.schema().entities()) {
            String kind = kind(e);
            boolean command = e instanceof Command;
            if (kind == null || e.isImplicit() || (e.doc() == null && !command)) {
                continue;
            }
            definitions++;
            commands += command ? 1 : 0;
            String key = kind + ":" + e.name();
            assertTrue(described.containsKey(key), schema + ": no anchor for " + key);
            String start = described.get(key);
            assertFalse(start.startsWith("</dd"), schema + ": empty description for " + key);
        }
        assertTrue(commands > 10, schema + ": only " + commands + " commands in the model");
        assertTrue(definitions >= commands);
    }

    private static String kind(Entity e) {
        if (e instanceof Command) {
            return "command";
        }
        if (e instanceof Event) {
            return "event";
        }
        if (e instanceof EnumType) {
            return "enum";
        }
        if (e instanceof AlternateType) {
            return "alternate";
        }
        return e instanceof ObjectType ? "object" : null;
    }
}
