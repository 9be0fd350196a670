package dev.qapidoc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.RuleId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The example JSON reader and the QEMU rule families on their own. */
class LintUnitsTest {

    @Test
    void exampleJsonAcceptsElisionsAndRejectsJunk() throws ExampleJson.ParseError {
        ExampleJson.Value v = ExampleJson.parse("{ \"a\": [1, ...], ..., \"b\": ... }");
        ExampleJson.Obj o = (ExampleJson.Obj) v;
        assertTrue(o.elided());
        assertTrue(((ExampleJson.Arr) o.get("a")).elided());
        assertTrue(o.get("b") instanceof ExampleJson.Elided);
        assertTrue(((ExampleJson.Num) ExampleJson.parse("-1.5e3")).text().equals("-1.5e3"));
        assertEquals("x\"\u00e9", ((ExampleJson.Str) ExampleJson.parse("\"x\\\"\\u00e9\"")).value());
        ExampleJson.ParseError e =
                assertThrows(ExampleJson.ParseError.class, () -> ExampleJson.parse("{ 'single': 1 }"));
        assertEquals(2, e.pos);
        assertThrows(ExampleJson.ParseError.class, () -> ExampleJson.parse("{\"a\": 1} x"));
        assertThrows(ExampleJson.ParseError.class, () -> ExampleJson.parse("[1 2]"));
        assertThrows(ExampleJson.ParseError.class, () -> ExampleJson.parse("\"open"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void deepExampleNestingIsAFindingNotAStackOverflow() {
        ExampleJson.ParseError e =
                assertThrows(ExampleJson.ParseError.class, () -> ExampleJson.parse("[".repeat(100_000)));
        assertEquals("nested too deeply", e.getMessage());
    }

    @Test
    void endOfValueFindsWhereAMultiLineMessageStops() {
        assertEquals(-1, ExampleJson.endOfValue("{ \"a\": [1,"));
        assertEquals(12, ExampleJson.endOfValue("{ \"a\": \"}\" } tail"));
    }

    /** The frontend marks each of QEMU's diagnostics with its family where it makes it. */
    @Test
    void qemuDiagnosticsCarryTheirFamilyFromTheFrontend(@TempDir Path dir) throws IOException {
        assertEquals("qapi-syntax 1:25", firstRule(dir, "{ 'enum': 'Foo', 'data' }\n"));
        // a doc error with a column is still a doc error
        assertEquals("qapi-doc 1:1", firstRule(dir, "## x\n##\n"));
        assertEquals("qapi-doc 2:1", firstRule(dir, "##\n#bad\n##\n"));
        assertEquals("qapi-schema 1:0", firstRule(dir, "{ 'pragma': { 'x': true } }\n"));
        assertEquals(
                "doc-required 2:0",
                firstRule(dir, "{ 'pragma': { 'doc-required': true } }\n{ 'enum': 'Foo', 'data': [] }\n"));
        assertEquals("qapi-schema 1:0", firstRule(dir, "{ 'struct': 'S', 'data': { 'a': 'Nope' } }\n"));
    }

    /** Every id has a catalogue entry, and the printed ids are unique and as documented. */
    @Test
    void everyRuleIdHasARule() {
        for (RuleId id : RuleId.values()) {
            assertEquals(id, Rules.of(id).ruleId());
            assertEquals(Rules.of(id), Rules.byId(id.id()).orElseThrow());
        }
        assertEquals(RuleId.values().length, Rules.all().size());
        assertEquals("legacy-simple-union", RuleId.LEGACY_SIMPLE_UNION.id());
    }

    private static String firstRule(Path dir, String schema) throws IOException {
        Files.writeString(dir.resolve("s.json"), schema, StandardCharsets.UTF_8);
        LintResult r = Linter.lint(List.of("s.json"), dir, LintOptions.DEFAULTS).get(0);
        Diagnostic d = r.findings().get(0);
        return d.rule() + " " + d.where().line() + ":" + d.where().column();
    }

    @Test
    void versionsAndSinceNotes() {
        assertEquals("[2, 12, 0]", java.util.Arrays.toString(DocRules.version("2.12")));
        assertEquals("[10, 1, 2]", java.util.Arrays.toString(DocRules.version("QEMU 10.1.2")));
        assertEquals(null, DocRules.version("long ago"));
        assertTrue(DocRules.hasSinceNote("the thing (Since: 2.0)"));
        assertTrue(!DocRules.hasSinceNote("sincerely yours"));
    }
}
