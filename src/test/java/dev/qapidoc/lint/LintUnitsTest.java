package dev.qapidoc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.SourceLocation;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
        ExampleJson.ParseError e = assertThrows(ExampleJson.ParseError.class,
                () -> ExampleJson.parse("{ 'single': 1 }"));
        assertEquals(2, e.pos);
        assertThrows(ExampleJson.ParseError.class, () -> ExampleJson.parse("{\"a\": 1} x"));
        assertThrows(ExampleJson.ParseError.class, () -> ExampleJson.parse("[1 2]"));
        assertThrows(ExampleJson.ParseError.class, () -> ExampleJson.parse("\"open"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void deepExampleNestingIsAFindingNotAStackOverflow() {
        ExampleJson.ParseError e = assertThrows(ExampleJson.ParseError.class,
                () -> ExampleJson.parse("[".repeat(100_000)));
        assertEquals("nested too deeply", e.getMessage());
    }

    @Test
    void endOfValueFindsWhereAMultiLineMessageStops() {
        assertEquals(-1, ExampleJson.endOfValue("{ \"a\": [1,"));
        assertEquals(12, ExampleJson.endOfValue("{ \"a\": \"}\" } tail"));
    }

    @Test
    void qemuDiagnosticsFallIntoFourFamilies() {
        SourceLocation l = SourceLocation.of("f.json", 3);
        assertEquals(Rules.QAPI_SYNTAX, QemuRules.classify(Diagnostic.error(l.withColumn(4),
                "expected ':'")));
        assertEquals(Rules.QAPI_DOC, QemuRules.classify(Diagnostic.error(l.withColumn(1),
                "missing space after #")));
        assertEquals(Rules.QAPI_DOC, QemuRules.classify(Diagnostic.error(l, "struct 'S'",
                "member 'b' lacks documentation")));
        assertEquals(Rules.QAPI_DOC, QemuRules.classify(Diagnostic.error(l,
                "'a' parameter name duplicated")));
        assertEquals(Rules.DOC_REQUIRED, QemuRules.classify(Diagnostic.error(l, "struct 'S'",
                "documentation comment required")));
        assertEquals(Rules.QAPI_SCHEMA, QemuRules.classify(Diagnostic.error(l,
                "unknown pragma 'x'")));
        assertEquals(Rules.QAPI_SCHEMA, QemuRules.classify(Diagnostic.error(l, "struct 'S'",
                "'data' member 'a' misses key 'type'")));
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
