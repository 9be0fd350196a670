package dev.qapidoc.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.qapidoc.schema.EnumValue;
import dev.qapidoc.schema.Feature;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import java.io.ByteArrayOutputStream;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Introspection of small schemas written for each rule of schema-language.md §16. Expected output
 * is given as JSON (single quotes allowed, for readability) and compared in compact form, which
 * keeps key order and array order, so the key order of §16.3 is checked too.
 */
class IntrospectorTest {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    @TempDir
    Path dir;

    /** The worked example of §16.3, verbatim: masking, work-list order, int widening, variants. */
    @Test
    void specExample() throws IOException {
        String schema =
                """
                { 'enum': 'Color', 'data': [ 'red', { 'name': 'green', 'if': 'HAVE_GREEN' } ] }
                { 'struct': 'Base', 'data': { 'kind': 'Color', '*size': 'uint8' } }
                { 'struct': 'Red', 'data': { 'tone': ['int16'] } }
                { 'union': 'Paint', 'base': 'Base', 'discriminator': 'kind', 'data': { 'red': 'Red' } }
                { 'command': 'paint', 'data': { 'what': 'Paint' }, 'returns': ['Red'] }
                """;
        assertJson(
                """
                [ {'arg-type': '0', 'ret-type': '[1]', 'name': 'paint', 'meta-type': 'command'},
                  {'members': [{'name': 'what', 'type': '2'}], 'name': '0', 'meta-type': 'object'},
                  {'element-type': '1', 'name': '[1]', 'meta-type': 'array'},
                  {'members': [{'name': 'tone', 'type': '[int]'}], 'name': '1', 'meta-type': 'object'},
                  {'members': [{'name': 'kind', 'type': '3'},
                               {'name': 'size', 'type': 'int', 'default': null}],
                   'tag': 'kind',
                   'variants': [{'case': 'red', 'type': '1'}, {'case': 'green', 'type': '4'}],
                   'name': '2', 'meta-type': 'object'},
                  {'element-type': 'int', 'name': '[int]', 'meta-type': 'array'},
                  {'json-type': 'int', 'name': 'int', 'meta-type': 'builtin'},
                  {'members': [{'name': 'red'}, {'name': 'green'}], 'values': ['red', 'green'],
                   'name': '3', 'meta-type': 'enum'},
                  {'members': [], 'name': '4', 'meta-type': 'object'} ]
                """,
                introspect(schema, false));
    }

    @Test
    void unmaskingUsesRealNamesAndKeepsTheOrder() throws IOException {
        String schema =
                """
                { 'enum': 'Color', 'data': [ 'red', 'green' ] }
                { 'struct': 'Red', 'data': { 'tone': ['int16'], 'c': 'Color' } }
                { 'command': 'paint', 'data': { 'what': 'Red' }, 'returns': ['Red'] }
                """;
        assertJson(
                """
                [ {'arg-type': 'q_obj_paint-arg', 'ret-type': '[Red]', 'name': 'paint',
                   'meta-type': 'command'},
                  {'members': [{'name': 'what', 'type': 'Red'}], 'name': 'q_obj_paint-arg',
                   'meta-type': 'object'},
                  {'element-type': 'Red', 'name': '[Red]', 'meta-type': 'array'},
                  {'members': [{'name': 'tone', 'type': '[int]'}, {'name': 'c', 'type': 'Color'}],
                   'name': 'Red', 'meta-type': 'object'},
                  {'element-type': 'int', 'name': '[int]', 'meta-type': 'array'},
                  {'json-type': 'int', 'name': 'int', 'meta-type': 'builtin'},
                  {'members': [{'name': 'red'}, {'name': 'green'}], 'values': ['red', 'green'],
                   'name': 'Color', 'meta-type': 'enum'} ]
                """,
                introspect(schema, true));
    }

    /** Masks are numbered by first use: the first textual occurrences count 0, 1, 2, ... */
    @Test
    void masksAreNumberedInFirstUseOrder() throws IOException {
        String schema =
                """
                { 'struct': 'Zeta', 'data': { 'a': 'Alpha', 'm': 'Mid' } }
                { 'struct': 'Alpha', 'data': { 'z': 'str' } }
                { 'struct': 'Mid', 'data': { '*z': 'Zeta' } }
                { 'command': 'uses-mid', 'data': { 'x': 'Mid' } }
                { 'event': 'USES_ZETA', 'data': 'Zeta' }
                """;
        List<SchemaInfo> masked = Introspector.introspect(load(schema), false);
        List<SchemaInfo> unmasked = Introspector.introspect(load(schema), true);
        assertEquals(unmasked.size(), masked.size());
        Map<String, String> realByMask = new HashMap<>();
        for (int i = 0; i < masked.size(); i++) {
            SchemaInfo m = masked.get(i);
            SchemaInfo u = unmasked.get(i);
            assertEquals(u.entityName(), m.entityName(), "same order masked and unmasked");
            if (isMaskable(m)) {
                assertEquals(u.entityName(), u.name(), "unmasked types use their real names");
                assertTrue(m.name().matches("\\d+"), m.name());
                String prev = realByMask.put(m.name(), m.entityName());
                assertEquals(null, prev, "each mask names one type");
            } else {
                assertEquals(u.name(), m.name(), "commands, events, built-ins, arrays unmasked");
            }
        }
        // the command's arguments and absent return; the event's argument type; the member of
        // the first; the member of Zeta (Mid is already numbered)
        assertEquals(
                Map.of("0", "q_obj_uses-mid-arg", "1", "q_empty", "2", "Zeta", "3", "Mid", "4", "Alpha"), realByMask);
        String text = introspect(schema, false);
        List<Integer> firstSeen = new ArrayList<>();
        Matcher num = Pattern.compile("\"\\[*(\\d+)\\]*\"").matcher(text);
        while (num.find()) {
            int n = Integer.parseInt(num.group(1));
            if (!firstSeen.contains(n)) {
                firstSeen.add(n);
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4), firstSeen);
    }

    private static boolean isMaskable(SchemaInfo i) {
        return i instanceof SchemaInfo.ObjectInfo
                || i instanceof SchemaInfo.EnumInfo
                || i instanceof SchemaInfo.AlternateInfo;
    }

    /**
     * Commands and events come in module order (an included file's after all of the including
     * file's), types only when used, each once, in first-use order.
     */
    @Test
    void workListOrderAndUnusedTypes() throws IOException {
        Files.writeString(
                dir.resolve("sub.json"),
                """
                { 'struct': 'FromSub', 'data': { 'n': 'number' } }
                { 'command': 'sub-cmd', 'data': { 'f': 'FromSub' } }
                """);
        String schema =
                """
                { 'include': 'sub.json' }
                { 'enum': 'Unused', 'data': [ 'a' ] }
                { 'struct': 'AlsoUnused', 'data': { 'uu': 'Unused' } }
                { 'struct': 'Shared', 'data': { 'b': 'bool' } }
                { 'event': 'EV', 'data': { 's': 'Shared' } }
                { 'command': 'root-cmd', 'data': { 's': 'Shared', 'f': 'FromSub' } }
                """;
        List<SchemaInfo> infos = Introspector.introspect(load(schema), true);
        assertEquals(
                List.of(
                        "EV",
                        "root-cmd",
                        "sub-cmd",
                        "q_obj_EV-arg",
                        "q_obj_root-cmd-arg",
                        "q_empty",
                        "q_obj_sub-cmd-arg",
                        "Shared",
                        "FromSub",
                        "bool",
                        "number"),
                infos.stream().map(SchemaInfo::name).toList());
    }

    /** All integer built-ins introspect as int, their arrays as [int], each emitted once. */
    @Test
    void integerTypesAreWidened() throws IOException {
        String schema =
                """
                { 'struct': 'Ints', 'data': { 'a': 'uint8', 'b': 'int64', 'c': 'size',
                  'd': ['uint32'], 'e': 'int16List', 'f': ['int'] } }
                { 'command': 'ints', 'data': 'Ints' }
                """;
        assertJson(
                """
                [ {'arg-type': 'Ints', 'ret-type': 'q_empty', 'name': 'ints', 'meta-type': 'command'},
                  {'members': [{'name': 'a', 'type': 'int'}, {'name': 'b', 'type': 'int'},
                               {'name': 'c', 'type': 'int'}, {'name': 'd', 'type': '[int]'},
                               {'name': 'e', 'type': '[int]'}, {'name': 'f', 'type': '[int]'}],
                   'name': 'Ints', 'meta-type': 'object'},
                  {'members': [], 'name': 'q_empty', 'meta-type': 'object'},
                  {'json-type': 'int', 'name': 'int', 'meta-type': 'builtin'},
                  {'element-type': 'int', 'name': '[int]', 'meta-type': 'array'} ]
                """,
                introspect(schema, true));
    }

    /**
     * Unions: base members first (inline base is an implicit type that is not itself used), the
     * tag, explicit variants in source order and implicit ones (q_empty) in enum order.
     */
    @Test
    void unionVariants() throws IOException {
        String schema =
                """
                { 'enum': 'Kind', 'data': [ 'one', 'two', 'three' ] }
                { 'struct': 'One', 'data': { 'x': 'str' } }
                { 'union': 'Un', 'base': { 'kind': 'Kind', '*extra': 'any' },
                  'discriminator': 'kind', 'data': { 'two': 'One', 'one': 'One' } }
                { 'command': 'take', 'data': 'Un', 'boxed': true }
                """;
        assertJson(
                """
                [ {'arg-type': 'Un', 'ret-type': 'q_empty', 'name': 'take', 'meta-type': 'command'},
                  {'members': [{'name': 'kind', 'type': 'Kind'},
                               {'name': 'extra', 'type': 'any', 'default': null}],
                   'tag': 'kind',
                   'variants': [{'case': 'two', 'type': 'One'}, {'case': 'one', 'type': 'One'},
                                {'case': 'three', 'type': 'q_empty'}],
                   'name': 'Un', 'meta-type': 'object'},
                  {'members': [], 'name': 'q_empty', 'meta-type': 'object'},
                  {'members': [{'name': 'one'}, {'name': 'two'}, {'name': 'three'}],
                   'values': ['one', 'two', 'three'], 'name': 'Kind', 'meta-type': 'enum'},
                  {'json-type': 'value', 'name': 'any', 'meta-type': 'builtin'},
                  {'members': [{'name': 'x', 'type': 'str'}], 'name': 'One', 'meta-type': 'object'},
                  {'json-type': 'string', 'name': 'str', 'meta-type': 'builtin'} ]
                """,
                introspect(schema, true));
        assertFalse(
                introspect(schema, true).contains("q_obj_Un-base"),
                "the implicit base type is flattened into the union, never used");
    }

    /** Alternates show only their branch types; the tag member 'type' and QType do not appear. */
    @Test
    void alternateMembers() throws IOException {
        String schema =
                """
                { 'struct': 'Obj', 'data': { 'n': 'null' } }
                { 'alternate': 'Alt', 'data': { 'i': 'int8', 'b': 'bool', 'l': ['uint16'], 'o': 'Obj' } }
                { 'command': 'alt', 'data': { 'a': 'Alt' } }
                """;
        String out = introspect(schema, true);
        assertJson(
                """
                [ {'arg-type': 'q_obj_alt-arg', 'ret-type': 'q_empty', 'name': 'alt',
                   'meta-type': 'command'},
                  {'members': [{'name': 'a', 'type': 'Alt'}], 'name': 'q_obj_alt-arg',
                   'meta-type': 'object'},
                  {'members': [], 'name': 'q_empty', 'meta-type': 'object'},
                  {'members': [{'type': 'int'}, {'type': 'bool'}, {'type': '[int]'}, {'type': 'Obj'}],
                   'name': 'Alt', 'meta-type': 'alternate'},
                  {'json-type': 'int', 'name': 'int', 'meta-type': 'builtin'},
                  {'json-type': 'boolean', 'name': 'bool', 'meta-type': 'builtin'},
                  {'element-type': 'int', 'name': '[int]', 'meta-type': 'array'},
                  {'members': [{'name': 'n', 'type': 'null'}], 'name': 'Obj', 'meta-type': 'object'},
                  {'json-type': 'null', 'name': 'null', 'meta-type': 'builtin'} ]
                """,
                out);
        assertFalse(out.contains("QType"));
    }

    /**
     * An array is queued before its element (so {@code [1]} precedes {@code 1}, which is queued by
     * the same use, before the event's argument type {@code 2}); arrays are named [element] even
     * when masked.
     */
    @Test
    void arraysPrecedeTheirElements() throws IOException {
        String schema =
                """
                { 'struct': 'Item', 'data': { 'names': ['str'] } }
                { 'command': 'list', 'returns': ['Item'] }
                { 'event': 'LISTED', 'data': { 'items': ['Item'], 'flags': ['bool'] } }
                """;
        assertJson(
                """
                [ {'arg-type': '0', 'ret-type': '[1]', 'name': 'list', 'meta-type': 'command'},
                  {'arg-type': '2', 'name': 'LISTED', 'meta-type': 'event'},
                  {'members': [], 'name': '0', 'meta-type': 'object'},
                  {'element-type': '1', 'name': '[1]', 'meta-type': 'array'},
                  {'members': [{'name': 'names', 'type': '[str]'}], 'name': '1', 'meta-type': 'object'},
                  {'members': [{'name': 'items', 'type': '[1]'}, {'name': 'flags', 'type': '[bool]'}],
                   'name': '2', 'meta-type': 'object'},
                  {'element-type': 'str', 'name': '[str]', 'meta-type': 'array'},
                  {'json-type': 'string', 'name': 'str', 'meta-type': 'builtin'},
                  {'element-type': 'bool', 'name': '[bool]', 'meta-type': 'array'},
                  {'json-type': 'boolean', 'name': 'bool', 'meta-type': 'builtin'} ]
                """,
                introspect(schema, false));
    }

    /**
     * Features: listed by name on commands, events, types, members and enum values, and the key is
     * left out when there are none; allow-oob appears only when true; absent and empty data or
     * returns both mean q_empty.
     */
    @Test
    void featuresFlagsAndEmptyArguments() throws IOException {
        String schema =
                """
                { 'enum': 'Mode', 'data': [ 'old', { 'name': 'new', 'features': [ 'unstable' ] } ],
                  'features': [ 'enum-feat' ] }
                { 'struct': 'Opts', 'data': { 'm': { 'type': 'Mode', 'features': [ 'deprecated' ] },
                  '*n': 'number' }, 'features': [ 'struct-feat' ] }
                { 'command': 'oob', 'data': {}, 'allow-oob': true, 'features': [ 'deprecated', 'cmd-feat' ] }
                { 'command': 'plain', 'data': 'Opts', 'returns': 'Opts' }
                { 'event': 'FEATURED', 'features': [ 'unstable' ] }
                """;
        assertJson(
                """
                [ {'arg-type': 'q_empty', 'ret-type': 'q_empty', 'allow-oob': true, 'name': 'oob',
                   'meta-type': 'command', 'features': ['deprecated', 'cmd-feat']},
                  {'arg-type': 'Opts', 'ret-type': 'Opts', 'name': 'plain', 'meta-type': 'command'},
                  {'arg-type': 'q_empty', 'name': 'FEATURED', 'meta-type': 'event',
                   'features': ['unstable']},
                  {'members': [], 'name': 'q_empty', 'meta-type': 'object'},
                  {'members': [{'name': 'm', 'type': 'Mode', 'features': ['deprecated']},
                               {'name': 'n', 'type': 'number', 'default': null}],
                   'name': 'Opts', 'meta-type': 'object', 'features': ['struct-feat']},
                  {'members': [{'name': 'old'}, {'name': 'new', 'features': ['unstable']}],
                   'values': ['old', 'new'], 'name': 'Mode', 'meta-type': 'enum',
                   'features': ['enum-feat']},
                  {'json-type': 'number', 'name': 'number', 'meta-type': 'builtin'} ]
                """,
                introspect(schema, true));
    }

    /**
     * Every 'if' is taken as true (§16.4, §16.5): conditional definitions, members, values,
     * branches and features all appear, and no condition is printed. The model still carries the
     * conditions for callers that filter.
     */
    @Test
    void conditionsAreAllTrueAndNotPrinted() throws IOException {
        String schema =
                """
                { 'enum': 'En', 'data': [ { 'name': 'a', 'if': 'CONFIG_A' }, 'b' ] }
                { 'struct': 'St', 'data': { 'x': { 'type': 'En', 'if': { 'not': 'CONFIG_B' } } },
                  'if': { 'all': [ 'CONFIG_A', 'CONFIG_C' ] } }
                { 'alternate': 'Al', 'data': { 's': { 'type': 'str', 'if': 'CONFIG_S' }, 'st': 'St' } }
                { 'command': 'cond', 'data': { 'al': 'Al' }, 'if': 'CONFIG_CMD',
                  'features': [ { 'name': 'feat', 'if': { 'any': [ 'CONFIG_F', 'CONFIG_G' ] } } ] }
                """;
        String out = introspect(schema, true);
        assertJson(
                """
                [ {'arg-type': 'q_obj_cond-arg', 'ret-type': 'q_empty', 'name': 'cond',
                   'meta-type': 'command', 'features': ['feat']},
                  {'members': [{'name': 'al', 'type': 'Al'}], 'name': 'q_obj_cond-arg',
                   'meta-type': 'object'},
                  {'members': [], 'name': 'q_empty', 'meta-type': 'object'},
                  {'members': [{'type': 'str'}, {'type': 'St'}], 'name': 'Al', 'meta-type': 'alternate'},
                  {'json-type': 'string', 'name': 'str', 'meta-type': 'builtin'},
                  {'members': [{'name': 'x', 'type': 'En'}], 'name': 'St', 'meta-type': 'object'},
                  {'members': [{'name': 'a'}, {'name': 'b'}], 'values': ['a', 'b'], 'name': 'En',
                   'meta-type': 'enum'} ]
                """,
                out);
        assertFalse(out.contains("CONFIG"));
        List<SchemaInfo> infos = Introspector.introspect(load(schema), true);
        assertEquals("defined(CONFIG_CMD)", infos.get(0).ifCond().cForm());
        assertEquals(
                "defined(CONFIG_CMD)",
                infos.get(1).ifCond().cForm(),
                "an implicit argument type has its owner's condition");
        SchemaInfo.ObjectInfo st = (SchemaInfo.ObjectInfo) infos.get(5);
        assertEquals("!defined(CONFIG_B)", st.members().get(0).ifCond().cForm());
    }

    /** A long base chain is flattened iteratively, in order, base members first. */
    @Test
    @Timeout(30)
    void longBaseChain() throws IOException {
        int n = 1000;
        StringBuilder schema = new StringBuilder("{ 'struct': 'Sa0', 'data': { 'm0': 'int' } }\n");
        for (int i = 1; i < n; i++) {
            schema.append("{ 'struct': 'Sa")
                    .append(i)
                    .append("', 'base': 'Sa")
                    .append(i - 1)
                    .append("', 'data': { 'm")
                    .append(i)
                    .append("': 'str' } }\n");
        }
        schema.append("{ 'command': 'deep', 'data': 'Sa").append(n - 1).append("' }\n");
        List<SchemaInfo> infos = Introspector.introspect(load(schema.toString()), true);
        SchemaInfo.ObjectInfo top = (SchemaInfo.ObjectInfo) infos.get(1);
        assertEquals("Sa" + (n - 1), top.name());
        assertEquals(n, top.members().size());
        for (int i = 0; i < n; i++) {
            assertEquals("m" + i, top.members().get(i).name());
        }
        assertEquals(
                List.of("deep", "Sa" + (n - 1), "q_empty", "int", "str"),
                infos.stream().map(SchemaInfo::name).toList(),
                "bases are not used types");
    }

    /** Exact bytes of Python's json.dumps(indent=1) plus a newline, including empty containers. */
    @Test
    void layoutIsPythonIndentOne() throws IOException {
        String schema = "{ 'command': 'x', 'features': [ 'f' ] }\n";
        assertEquals(
                """
                [
                 {
                  "arg-type": "q_empty",
                  "ret-type": "q_empty",
                  "name": "x",
                  "meta-type": "command",
                  "features": [
                   "f"
                  ]
                 },
                 {
                  "members": [],
                  "name": "q_empty",
                  "meta-type": "object"
                 }
                ]
                """,
                introspect(schema, true));
    }

    /** An empty schema introspects to an empty list, printed as Python does: {@code []}. */
    @Test
    void emptySchema() throws IOException {
        assertEquals("[]\n", introspect("{ 'pragma': { 'doc-required': false } }\n", false));
    }

    /**
     * Strings are escaped like Python's ensure_ascii (lower-case hex, surrogates one by one).
     * Schema names cannot contain such characters, so this drives the writer directly.
     */
    @Test
    void escapingMatchesPython() throws IOException {
        String odd = "\u00e9\u0001\"\\/\u007f\uD83D\uDE00\t";
        SchemaInfo e = new SchemaInfo.EnumInfo(
                "0", "E", null, List.of(), List.of(new EnumValue(odd, null, List.of(), "E", null)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Introspector.writeJson(List.of(e), out);
        String text = out.toString(StandardCharsets.US_ASCII);
        String expected = "\"\\u00e9\\u0001\\\"\\\\/\\u007f\\ud83d\\ude00\\t\"";
        assertTrue(text.contains("\"name\": " + expected + "\n"), text);
        assertTrue(text.contains("\"values\": [\n   " + expected + "\n  ]"), text);
        assertEquals(odd, JSON.readTree(text).get(0).get("values").get(0).asText());
    }

    /** Features carry only their names into the output, never their conditions. */
    @Test
    void featureObjectsBecomeNames() throws IOException {
        SchemaInfo ev = new SchemaInfo.EventInfo("EV", null, List.of(new Feature("f1", null, "EV", null)), "0");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Introspector.writeJson(List.of(ev), out);
        assertEquals(
                JSON.readTree("[{\"arg-type\": \"0\", \"name\": \"EV\", \"meta-type\": \"event\","
                        + " \"features\": [\"f1\"]}]"),
                JSON.readTree(out.toByteArray()));
    }

    private dev.qapidoc.schema.Schema load(String schema) throws IOException {
        Files.writeString(dir.resolve("s.json"), schema);
        LoadResult r = SchemaLoader.load("s.json", LoadOptions.strict(dir));
        assertTrue(r.ok(), () -> r.first().get().render());
        return r.schema();
    }

    private String introspect(String schema, boolean unmask) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Introspector.writeJson(Introspector.introspect(load(schema), unmask), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Compares after re-serialising both sides compactly: keys and elements keep their order. */
    private static void assertJson(String expected, String actual) throws IOException {
        JsonNode e = JSON.readTree(expected);
        JsonNode a = JSON.readTree(actual);
        assertEquals(
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(e),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(a));
    }
}
