package dev.qapidoc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapidoc.source.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our fixtures with many independent problems (test-fixtures/lint): each is reported exactly
 * once, in source order, with nothing else (no cascades).
 */
class LintFixtureTest {
    static final Path DIR = Path.of("test-fixtures/lint").toAbsolutePath();

    private static List<String> lint(String file) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : Linter.lint(file, DIR, LintOptions.DEFAULTS).findings()) {
            String firstLine = d.message().split("\n")[0];
            out.add(d.where().line() + " " + d.severity().word() + " " + d.rule() + ": " + firstLine);
        }
        return out;
    }

    @Test
    void tenErrorsInTenDefinitions() {
        assertEquals(
                List.of(
                        "5 error qapi-schema: name of 'data' member 'Green' must not use uppercase or '_'",
                        "8 error qapi-schema: member 'y' uses unknown type 'NoSuchType'",
                        "11 error qapi-schema: name of struct must use CamelCase",
                        "14 error qapi-schema: command's 'returns' cannot take built-in type 'int'",
                        "17 error qapi-schema: flags 'allow-oob' and 'coroutine' are incompatible",
                        "20 error qapi-schema: name of event must not use lowercase or '-'",
                        "23 error qapi-schema: branch 'two' can't be distinguished from 'one'",
                        "27 error qapi-schema: member 'name' collides with member 'name' of type 'Base1'",
                        "33 error qapi-doc: documented member 'nosuch' does not exist",
                        "40 error qapi-schema: 'if' condition '' of struct is not a valid identifier"),
                lint("ten-errors.json"));
    }

    @Test
    void tenErrorsOfTheKindsQemuRaisesWhileParsing() {
        List<String> expected = List.of(
                "5 error qapi-schema: unknown pragma 'no-such-pragma'",
                "8 error qapi-schema: can't read include file 'no-such-file.json': No such file or directory",
                "13 error qapi-doc: documentation line longer than 70 characters",
                "28 error qapi-doc: member 'b' lacks documentation",
                "32 error qapi-schema: 'Twice' is already defined",
                "35 error qapi-schema: feature 'deprecated' is not supported for types",
                "39 error qapi-schema: union has no branches",
                "47 error qapi-doc: 'Returns' section is only valid for commands",
                "52 error qapi-schema: struct has unknown key 'bogus'",
                "55 error qapi-schema: feature 'f' collides with feature 'f'");
        assertEquals(expected, lint("ten-mixed.json"));
    }

    @Test
    void lintsOwnWarnings() {
        assertEquals(
                List.of(
                        "20 warning doc-reference: '@speed' refers to nothing in the schema",
                        "58 warning qmp-example-type: expected an integer (type 'int'), found a string in command 'run'",
                        "63 warning qmp-example-enum: 'medium' is not a value of enum 'Mode' in command 'run'",
                        "68 warning qmp-example-missing: command 'run': argument 'mode' is required but missing",
                        "74 warning qmp-example-member: command 'run' has no argument 'colour'",
                        "79 warning qmp-example-command: command 'walk' does not exist",
                        "84 warning qmp-example-json: QMP example is not valid JSON: expected ',' or '}'",
                        "100 warning qmp-example-event: event 'FINISHED' does not exist",
                        "102 warning since-missing: doc comment of event 'DONE' has no 'Since:' section",
                        "109 warning since-member: member 'new' has type 'Extra' (since 2.0), newer than struct"
                                + " type 'Later' (since 1.0), but no '(since X.Y)' note",
                        "113 warning feature-explained: 'new' has feature 'unstable', but neither the"
                                + " '@unstable:' description nor its own mentions it"),
                lint("eleven-warnings.json"));
    }

    /**
     * The case of issue 15: two doc-comment problems in definitions that use a failed one. A
     * failure silences only its consequences, never a doc comment's own mismatch with the
     * members its definition declares.
     */
    @Test
    void fourIndependentErrorsAllReported() {
        assertEquals(
                List.of(
                        "14 error qapi-schema: name of 'data' member 'Green' must not use uppercase or '_'",
                        "25 error qapi-schema: member 'y' uses unknown type 'NoSuchType'",
                        "34 error qapi-doc: documented member 'colour' does not exist",
                        "47 error qapi-doc: member 'width' lacks documentation"),
                lint("four-independent.json"));
    }

    /**
     * Docs of definitions that fail while read (P2) or while checked (P4), and the two cases
     * where the doc is rightly not checked: a comment for another name, an invalid member name.
     */
    @Test
    void docsOfFailedDefinitionsAreChecked() {
        assertEquals(
                List.of(
                        "13 error qapi-schema: name of 'data' member 'Dark' must not use uppercase or '_'",
                        "13 error qapi-doc: value 'mid' lacks documentation",
                        "21 error qapi-doc: documented member 'b' does not exist",
                        "25 error qapi-schema: struct has unknown key 'bogus'",
                        "35 error qapi-doc: documentation comment is for 'Other'",
                        "45 error qapi-schema: 'data' member 'a b' has an invalid name",
                        "55 error qapi-schema: member 'x' uses unknown type 'Missing'",
                        "55 error qapi-doc: feature 'fancy' lacks documentation",
                        "65 error qapi-doc: member 'extra' lacks documentation"),
                lint("docs-of-failed.json"));
    }

    /** QEMU stops at the first error: a dump still prints exactly that one. */
    @Test
    void firstErrorStaysQemus() {
        var loaded = dev.qapidoc.schema.SchemaLoader.load(
                "four-independent.json", dev.qapidoc.schema.LoadOptions.strict(DIR));
        assertEquals(
                "name of 'data' member 'Green' must not use uppercase or '_'",
                loaded.first().orElseThrow().message());
    }
}
