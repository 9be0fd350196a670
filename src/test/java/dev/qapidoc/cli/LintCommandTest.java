package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.qapidoc.lint.Rule;
import dev.qapidoc.lint.Rules;
import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.RuleId;
import dev.qapidoc.source.Severity;
import dev.qapidoc.source.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qapidoc lint} through the CLI: output formats, exit codes, options, help. */
class LintCommandTest {
    static final String TEN = "test-fixtures/lint/ten-errors.json";
    static final String WARNINGS = "test-fixtures/lint/eleven-warnings.json";
    /** A location line of the text format. */
    static final Pattern FINDING = Pattern.compile("^[^:]+:\\d+(:\\d+)?: (error|warning): .+ \\[[a-z-]+\\]$");

    @TempDir
    Path dir;

    @Test
    void exitCodes() {
        assertEquals(1, Main.capture("lint", TEN).exitCode());
        assertEquals(0, Main.capture("lint", WARNINGS).exitCode());
        assertEquals(1, Main.capture("lint", "--werror", WARNINGS).exitCode());
        assertEquals(
                1,
                Main.capture("lint", "--rule", "qmp-example-type=error", WARNINGS)
                        .exitCode());
        assertEquals(
                0,
                Main.capture("lint", "--rule=qapi-schema=off", "--rule", "qapi-doc=warning", TEN)
                        .exitCode());
        Main.Result missing = Main.capture("lint", dir.resolve("none.json").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.stderr().startsWith("qapidoc: can't read schema file '"), missing.stderr());
        // one unreadable schema among readable ones still means exit 2, after linting the others
        Main.Result mixed = Main.capture("lint", TEN, dir.resolve("none.json").toString());
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.stdout().contains("[qapi-schema]"));
    }

    @Test
    void usageErrors() {
        for (List<String> args : List.of(
                List.of("lint"),
                List.of("lint", "--format", "xml", TEN),
                List.of("lint", "--rule", "no-such-rule=off", TEN),
                List.of("lint", "--rule", "doc-reference=loud", TEN),
                List.of("lint", "--rule", "doc-reference", TEN),
                List.of("lint", "--bogus", TEN),
                List.of("lint", "--format"))) {
            Main.Result r = Main.capture(args.toArray(new String[0]));
            assertEquals(2, r.exitCode(), args.toString());
            assertTrue(r.stderr().startsWith("qapidoc: "), r.stderr());
            assertEquals("", r.stdout());
        }
    }

    @Test
    void textIsCompilerStyleWithQemusContextLines() throws IOException {
        Files.writeString(dir.resolve("main.json"), "{ 'include': 'sub.json' }\n");
        Files.writeString(dir.resolve("sub.json"), "{ 'command': 'x', 'data': { 'a': 'NoSuchType' } }\n");
        String main = dir.resolve("main.json").toString();
        String sub = dir.resolve("sub.json").toString();
        Main.Result r = Main.capture("lint", main);
        assertEquals(1, r.exitCode());
        assertEquals(
                "In file included from " + main + ":1:\n"
                        + sub + ": In command 'x':\n"
                        + sub + ":1: error: parameter 'a' uses unknown type 'NoSuchType' [qapi-schema]\n",
                r.stdout());

        Main.Result ten = Main.capture("lint", TEN);
        long findings =
                ten.stdout().lines().filter(l -> FINDING.matcher(l).matches()).count();
        assertEquals(10, findings, ten.stdout());
        assertFalse(ten.stdout().contains("^"), "no caret when stdout is not a terminal");
    }

    @Test
    void onATerminalTheSourceLineAndACaretFollow() {
        SourceLocation at = new SourceLocation(WARNINGS, 20, 27, null);
        String out = LintCommand.text(
                List.of(new Diagnostic(
                        Severity.WARNING, at, null, "'@speed' refers to nothing in the schema", RuleId.DOC_REFERENCE)),
                Path.of("").toAbsolutePath(),
                true);
        assertEquals(
                WARNINGS + ":20:27: warning: '@speed' refers to nothing in the schema"
                        + " [doc-reference]\n"
                        + "# Options.  See @mode and @speed.\n"
                        + "                          ^\n",
                out);
    }

    @Test
    void jsonIsTheDocumentedArray() throws IOException {
        Main.Result r = Main.capture("lint", "--format", "json", TEN, WARNINGS);
        JsonNode arr = new ObjectMapper().readTree(r.stdout());
        assertTrue(arr.isArray());
        assertEquals(21, arr.size());
        JsonNode first = arr.get(0);
        assertEquals(TEN, first.get("file").asText());
        assertEquals(5, first.get("line").asInt());
        assertEquals(0, first.get("column").asInt());
        assertEquals("error", first.get("severity").asText());
        assertEquals("qapi-schema", first.get("rule").asText());
        assertEquals(
                "name of 'data' member 'Green' must not use uppercase or '_'",
                first.get("message").asText());
        assertEquals("enum 'Colour'", first.get("context").asText());
        assertEquals(0, first.get("includedFrom").size());
        JsonNode warning = arr.get(10);
        assertEquals("warning", warning.get("severity").asText());
        assertTrue(warning.get("context").isNull());
        assertTrue(warning.get("column").asInt() > 0);
    }

    @Test
    void sarifIsValidSarif210() throws IOException {
        Files.writeString(dir.resolve("main.json"), "{ 'include': 'sub dir.json' }\n");
        Files.writeString(dir.resolve("sub dir.json"), "{ 'struct': 'bad_name', 'data': {} }\n");
        Main.Result r = Main.capture(
                "lint",
                "--format",
                "sarif",
                TEN,
                WARNINGS,
                dir.resolve("main.json").toString());
        assertEquals(1, r.exitCode());
        JsonNode log = new ObjectMapper().readTree(r.stdout());
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/dev/qapidoc/lint/sarif-2.1.0-rtm.5.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(log);
        assertEquals(Set.of(), errors);

        JsonNode run = log.get("runs").get(0);
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals(
                Rules.all().size(), run.get("tool").get("driver").get("rules").size());
        JsonNode results = run.get("results");
        assertEquals(22, results.size());
        for (JsonNode res : results) {
            String id = res.get("ruleId").asText();
            Rule rule = Rules.byId(id).orElseThrow();
            assertEquals(Rules.all().indexOf(rule), res.get("ruleIndex").asInt());
        }
        JsonNode last = results.get(21);
        assertTrue(last.get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation")
                .get("uri")
                .asText()
                .endsWith("/sub%20dir.json"));
        assertEquals(1, last.get("relatedLocations").size());
        // a schema that is not SARIF fails the validation (the check can fail)
        JsonNode bad = new ObjectMapper().readTree("{\"version\": \"2.1.0\", \"runs\": [{}]}");
        assertFalse(schema.validate(bad).isEmpty());
    }

    @Test
    void helpListsEveryRuleAndTheExitCodes() {
        Main.Result r = Main.capture("lint", "--help");
        assertEquals(0, r.exitCode());
        for (Rule rule : Rules.all()) {
            assertTrue(r.stdout().contains(" " + rule.id() + " "), rule.id());
            assertTrue(r.stdout().contains(rule.explanation()), rule.id());
        }
        assertTrue(r.stdout().contains("exit status:\n  0  "));
        assertTrue(r.stdout().contains("\n  2  usage error, or a schema file cannot be read\n"));
        assertTrue(Main.capture("--help").stdout().contains("  lint "));
    }
}
