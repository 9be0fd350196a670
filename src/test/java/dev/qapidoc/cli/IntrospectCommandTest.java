package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code qapidoc introspect} end to end: QEMU's real schemas, read in place from
 * {@code ../shared/corpus/qemu-master} (skipped when absent), against the goldens of
 * {@code ../shared/golden} and against invariants of schema-language.md §16; usage and errors.
 */
class IntrospectCommandTest {
    private static final Path CORPUS = Path.of("../shared/corpus/qemu-master");
    private static final Path GOLDEN = Path.of("../shared/golden");
    private static final String QMP = "qapi/qapi-schema.json";
    private static final String QGA = "qga/qapi-schema.json";
    private static final String QSD = "storage-daemon/qapi/qapi-schema.json";
    /** QEMU's own introspection test schema: every corner of the language, all conditional. */
    private static final String TEST = "tests/qapi-schema/qapi-schema-test.json";

    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path dir;

    private static void assumeCorpus() {
        assumeTrue(
                Files.isDirectory(CORPUS) && Files.isDirectory(GOLDEN),
                "../shared/corpus or ../shared/golden absent: QEMU schemas not introspected");
    }

    private static Main.Result introspect(String schema, boolean unmask) {
        String path = CORPUS.resolve(schema).toString();
        Main.Result r = unmask ? Main.capture("introspect", "--unmask", path) : Main.capture("introspect", path);
        assertEquals("", r.stderr());
        assertEquals(0, r.exitCode());
        return r;
    }

    /** The acceptance bar: equal as JSON, same array order (tree equality keeps array order). */
    @Test
    void qmpMaskedEqualsGolden() throws IOException {
        assumeCorpus();
        String actual = introspect(QMP, false).stdout();
        String golden = Files.readString(GOLDEN.resolve("qmp-introspect.json"));
        assertEquals(JSON.readTree(golden), JSON.readTree(actual));
        assertEquals(golden, actual, "byte-identical (Python json.dumps indent=1 layout)");
    }

    @Test
    void qmpUnmaskedEqualsGolden() throws IOException {
        assumeCorpus();
        String actual = introspect(QMP, true).stdout();
        String golden = Files.readString(GOLDEN.resolve("qmp-introspect-unmasked.json"));
        assertEquals(JSON.readTree(golden), JSON.readTree(actual));
        assertEquals(golden, actual, "byte-identical (Python json.dumps indent=1 layout)");
    }

    /**
     * For every schema: names are unique, every type reference names an element of the list,
     * masks are numbered in order of first appearance, and the masked output is the unmasked one
     * with names replaced consistently (§16.2).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {QMP, QGA, QSD, TEST})
    void invariants(String schema) throws IOException {
        assumeCorpus();
        JsonNode masked = JSON.readTree(introspect(schema, false).stdout());
        JsonNode unmasked = JSON.readTree(introspect(schema, true).stdout());
        assertEquals(unmasked.size(), masked.size());
        assertTrue(masked.size() > 50, "a real schema has more than 50 elements");

        Set<String> names = new HashSet<>();
        for (JsonNode info : masked) {
            assertTrue(names.add(info.get("name").asText()), "duplicate " + info.get("name"));
        }
        Map<String, String> realByMask = new HashMap<>();
        int nextMask = 0;
        boolean inTypes = false;
        for (int i = 0; i < masked.size(); i++) {
            JsonNode m = masked.get(i);
            String meta = m.get("meta-type").asText();
            boolean entryPoint = meta.equals("command") || meta.equals("event");
            assertFalse(inTypes && entryPoint, "commands and events come first: " + m);
            inTypes |= !entryPoint;
            for (String ref : typeRefs(m)) {
                assertTrue(names.contains(ref), "reference to a type not in the list: " + ref);
                String base = ref.replace("[", "").replace("]", "");
                if (base.matches("\\d+") && !realByMask.containsKey(base)) {
                    assertEquals(Integer.toString(nextMask++), base, "masks in first-use order");
                    realByMask.put(base, "?");
                }
            }
        }
        assertEquals(unmasked, unmaskWith(masked, unmasked), "masked output is the unmasked one renamed");
    }

    /** QSD includes only QMP files, so each of its elements must appear verbatim in QMP's. */
    @Test
    void qsdElementsAppearInQmpGolden() throws IOException {
        assumeCorpus();
        JsonNode qsd = JSON.readTree(introspect(QSD, true).stdout());
        Set<JsonNode> qmp = new HashSet<>();
        JSON.readTree(GOLDEN.resolve("qmp-introspect-unmasked.json").toFile()).forEach(qmp::add);
        for (JsonNode info : qsd) {
            assertTrue(qmp.contains(info), "not in the QMP golden: " + info);
        }
        assertTrue(byName(qsd).containsKey("query-qmp-schema"), "QSD offers query-qmp-schema");
    }

    /** Entries of the guest agent's schema checked by hand against qga/qapi-schema.json. */
    @Test
    void qgaSpotChecks() throws IOException {
        assumeCorpus();
        Map<String, JsonNode> qga = byName(JSON.readTree(introspect(QGA, true).stdout()));
        assertEquals(
                JSON.readTree(
                        """
                {"arg-type": "q_obj_guest-sync-arg", "ret-type": "int", "name": "guest-sync",
                 "meta-type": "command"}"""),
                qga.get("guest-sync"));
        assertEquals(
                JSON.readTree(
                        """
                {"members": [{"name": "id", "type": "int"}], "name": "q_obj_guest-sync-arg",
                 "meta-type": "object"}"""),
                qga.get("q_obj_guest-sync-arg"));
        // conditional ('if': any of CONFIG_WIN32, CONFIG_LINUX), still present
        assertEquals(
                "[GuestFilesystemInfo]",
                qga.get("guest-get-fsinfo").get("ret-type").asText());
        assertEquals(
                JSON.readTree(
                        """
                {"members": [{"type": "bool"}, {"type": "GuestExecCaptureOutputMode"}],
                 "name": "GuestExecCaptureOutput", "meta-type": "alternate"}"""),
                qga.get("GuestExecCaptureOutput"));
        JsonNode execArgs = qga.get("q_obj_guest-exec-arg").get("members");
        assertEquals(
                JSON.readTree("""
                {"name": "arg", "type": "[str]", "default": null}"""),
                execArgs.get(1));
    }

    static Stream<String> vectors() throws IOException {
        Path dir = CORPUS.resolve("tests/qapi-schema");
        if (!Files.isDirectory(dir)) {
            return Stream.of("(../shared absent)");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    /**
     * Every QEMU conformance vector, valid or not: introspect agrees with dump on the exit code
     * and the diagnostic, and for a valid schema prints JSON whose leading commands and events
     * are exactly the dump's, in the same order (§16.1). Includes the odd but valid ones
     * (qapi-schema-test, doc-good, the include tests) and never an internal error.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void agreesWithDumpOnEveryVector(String name) throws IOException {
        Path dir = CORPUS.resolve("tests/qapi-schema");
        assumeTrue(Files.isDirectory(dir), "../shared/corpus absent: QEMU vectors not checked");
        String file = dir.resolve(name).toString();
        Main.Result dump = Main.capture("dump", file);
        Main.Result r = Main.capture("introspect", "--strict", file);
        assertEquals(dump.exitCode(), r.exitCode(), r.stderr());
        assertEquals(dump.stderr(), r.stderr());
        if (r.exitCode() != 0) {
            assertEquals("", r.stdout());
            return;
        }
        List<String> expected = new java.util.ArrayList<>();
        Matcher m =
                Pattern.compile("^(command|event) (\\S+)", Pattern.MULTILINE).matcher(dump.stdout());
        while (m.find()) {
            expected.add(m.group(1) + " " + m.group(2));
        }
        List<String> actual = new java.util.ArrayList<>();
        for (JsonNode info : JSON.readTree(r.stdout())) {
            String meta = info.get("meta-type").asText();
            if (meta.equals("command") || meta.equals("event")) {
                actual.add(meta + " " + info.get("name").asText());
            }
        }
        assertEquals(expected, actual);
    }

    /**
     * Introspection is tolerant by default (management applications talk to old QEMUs): a
     * simple union loads, desugared as QEMU did (implicit enum and wrapper types), with one note
     * on stderr; --strict rejects it with dump's diagnostic.
     */
    @Test
    void oldSchemaIsTolerantByDefault() throws IOException {
        Path old = dir.resolve("old.json");
        Files.writeString(
                old,
                "{ 'struct': 'T', 'data': { 'a': 'int' } }\n"
                        + "{ 'union': 'U', 'data': { 'b': 'T' } }\n"
                        + "{ 'command': 'c', 'data': { 'arg': 'U' } }\n");
        Main.Result r = Main.capture("introspect", "--unmask", old.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(
                r.stderr().startsWith("note: tolerant mode accepted ")
                        && r.stderr().endsWith(" or pass --strict\n")
                        && r.stderr().indexOf('\n') == r.stderr().length() - 1,
                "one note line: " + r.stderr());
        JsonNode infos = JSON.readTree(r.stdout());
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode info : infos) {
            names.add(info.get("name").asText());
        }
        assertTrue(names.contains("UKind") && names.contains("q_obj_T-wrapper"), names.toString());
        Main.Result strict = Main.capture("introspect", "--strict", old.toString());
        assertEquals(1, strict.exitCode());
        assertEquals(Main.capture("dump", old.toString()).stderr(), strict.stderr());
    }

    @Test
    void invalidSchemaPrintsFirstDiagnosticAndExits1() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ 'command': 'c', 'data': { 'a': 'Nope' } }\n");
        Main.Result r = Main.capture("introspect", bad.toString());
        assertEquals(1, r.exitCode());
        assertEquals("", r.stdout());
        Main.Result dump = Main.capture("dump", bad.toString());
        assertEquals(dump.stderr(), r.stderr(), "the same first diagnostic as dump");
        assertTrue(r.stderr().contains("uses unknown type 'Nope'"), r.stderr());
    }

    @Test
    void usageErrors() {
        for (List<String> args : List.of(
                List.of("introspect"), List.of("introspect", "a", "b"), List.of("introspect", "--mask", "a.json"))) {
            Main.Result r = Main.capture(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), args.toString());
            assertTrue(r.stderr().startsWith("qapidoc: "), r.stderr());
            assertEquals("", r.stdout());
        }
    }

    @Test
    void helpAndCommandList() {
        Main.Result help = Main.capture("introspect", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().startsWith("usage: qapidoc introspect [--unmask] [--strict] SCHEMA\n"));
        assertTrue(help.stdout().contains("--unmask"));
        assertTrue(help.stdout().contains("--strict"));
        assertTrue(Main.capture("--help").stdout().contains("  introspect  "));
    }

    private static Map<String, JsonNode> byName(JsonNode list) {
        Map<String, JsonNode> m = new HashMap<>();
        list.forEach(n -> m.put(n.get("name").asText(), n));
        return m;
    }

    /** Every string that names a type inside one SchemaInfo (§16.3). */
    private static List<String> typeRefs(JsonNode info) {
        List<String> refs = new java.util.ArrayList<>();
        for (String k : List.of("arg-type", "ret-type", "element-type")) {
            if (info.has(k)) {
                refs.add(info.get(k).asText());
            }
        }
        String meta = info.get("meta-type").asText();
        if (meta.equals("object") || meta.equals("alternate")) {
            info.get("members").forEach(m -> refs.add(m.get("type").asText()));
        }
        if (info.has("variants")) {
            info.get("variants").forEach(v -> refs.add(v.get("type").asText()));
        }
        return refs;
    }

    /**
     * Replaces masked names by real ones, the mapping taken from the {@code name} keys of
     * corresponding elements (both lists are in the same order).
     */
    private static JsonNode unmaskWith(JsonNode masked, JsonNode unmasked) {
        Map<String, String> real = new HashMap<>();
        for (int i = 0; i < masked.size(); i++) {
            real.put(
                    masked.get(i).get("name").asText(),
                    unmasked.get(i).get("name").asText());
        }
        JsonNode copy = masked.deepCopy();
        rename(copy, real, 0);
        return copy;
    }

    private static void rename(JsonNode n, Map<String, String> real, int depth) {
        if (n instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                boolean typeKey = k.equals("type")
                        || (k.endsWith("-type") && !k.equals("meta-type") && !k.equals("json-type"))
                        || (k.equals("name") && depth == 1);
                if (typeKey && e.getValue().isTextual()) {
                    String v = e.getValue().asText();
                    String inner = v.replace("[", "").replace("]", "");
                    String mapped = inner.matches("\\d+") ? real.get(inner) : inner;
                    e.setValue(new TextNode(v.replace(inner, mapped)));
                } else {
                    rename(e.getValue(), real, depth + 1);
                }
            }
        } else if (n instanceof ArrayNode a) {
            a.forEach(c -> rename(c, real, depth + 1));
        }
    }
}
