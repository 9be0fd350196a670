package dev.qapidoc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapidoc.source.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each of lint's own rules on small schemas: true positives and true negatives. */
class LintRulesTest {
    @TempDir
    Path dir;

    /** Common definitions the example tests refer to. */
    private static final String BASE =
            """
            { 'enum': 'Mode', 'data': [ 'fast', 'slow' ] }
            { 'struct': 'Opts', 'data': { 'level': 'int', '*name': 'str' } }
            { 'enum': 'Kind', 'data': [ 'one', 'two' ] }
            { 'struct': 'One', 'data': { 'a': 'int' } }
            { 'struct': 'Two', 'data': { 'b': 'str' } }
            { 'union': 'Choice', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind',
              'data': { 'one': 'One', 'two': 'Two' } }
            { 'alternate': 'IntOrOpts', 'data': { 'i': 'int', 'o': 'Opts' } }
            { 'command': 'go', 'data': { 'mode': 'Mode', '*opts': 'Opts', '*n': 'IntOrOpts',
                                         '*ch': 'Choice' },
              'returns': 'Opts' }
            { 'command': 'open-ended', 'data': { 'driver': 'str' }, 'gen': false }
            { 'event': 'DONE', 'data': { 'result': 'int' } }
            """;

    /** Findings of {@code rule} for BASE plus a doc comment holding {@code docLines}. */
    private List<String> example(Rule rule, String... docLines) throws IOException {
        StringBuilder s = new StringBuilder(BASE).append("##\n# @check:\n#\n# .. qmp-example::\n#\n");
        for (String l : docLines) {
            s.append("#     ").append(l).append('\n');
        }
        s.append("##\n{ 'command': 'check' }\n");
        return findings(s.toString(), rule, Map.of());
    }

    private List<String> findings(String schema, Rule rule, Map<String, Level> levels) throws IOException {
        Files.writeString(dir.resolve("t.json"), schema, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (Diagnostic d : Linter.lint("t.json", dir, new LintOptions(levels)).findings()) {
            if (d.rule().equals(rule.id())) {
                out.add(d.where().line() + ": " + d.message());
            }
        }
        return out;
    }

    // ---- QMP examples ----

    @Test
    void exampleJson() throws IOException {
        assertEquals(
                List.of("19: QMP example is not valid JSON: expected a member name in double quotes"),
                example(Rules.EXAMPLE_JSON, "-> { \"execute\": \"go\", }"));
        // elisions, notation lines and multi-line messages are fine
        assertEquals(
                List.of(),
                example(
                        Rules.EXAMPLE_JSON,
                        "-> ... text sent by the client ...",
                        "-> { \"execute\": \"go\",",
                        "     \"arguments\": { \"mode\": \"fast\" } }",
                        "<- { \"return\": { \"level\": 1, ... } }",
                        "<- { \"event\": \"DONE\", \"data\": { \"result\": 0 },",
                        "     \"timestamp\": { \"seconds\": 1, \"microseconds\": 2 } }"));
        // a message closed too early, its arguments on the next line
        assertEquals(
                List.of("20: QMP example is not valid JSON: unexpected '\"' after the JSON value"),
                example(
                        Rules.EXAMPLE_JSON,
                        "-> { \"execute\": \"go\" }",
                        "     \"arguments\": { \"mode\": \"fast\" } }"));
    }

    @Test
    void exampleCommandAndEvent() throws IOException {
        assertEquals(
                List.of("19: command 'stop' does not exist"),
                example(
                        Rules.EXAMPLE_COMMAND,
                        "-> { \"execute\": \"stop\" }",
                        "-> { \"execute\": \"open-ended\", \"arguments\": { \"driver\": \"x\" } }"));
        assertEquals(
                List.of("19: event 'STOPPED' does not exist"),
                example(
                        Rules.EXAMPLE_EVENT,
                        "<- { \"event\": \"STOPPED\" }",
                        "<- { \"event\": \"DONE\", \"data\": { \"result\": 0 } }"));
    }

    @Test
    void exampleMembers() throws IOException {
        assertEquals(
                List.of(
                        "19: command 'go' has no argument 'speed'",
                        "20: 'colour' is not a member of 'Opts' in reply of command 'go'",
                        "21: 'a' is not a member of 'Choice' in command 'go'",
                        "22: event 'DONE' has no data member 'extra'"),
                example(
                        Rules.EXAMPLE_MEMBER,
                        "-> { \"execute\": \"go\", \"arguments\": { \"mode\": \"fast\", \"speed\": 1 } }",
                        "<- { \"return\": { \"level\": 1, \"colour\": \"red\" } }",
                        "-> { \"execute\": \"go\", \"arguments\": { \"mode\": \"fast\", \"ch\": { \"kind\": \"two\", \"a\": 1 } } }",
                        "<- { \"event\": \"DONE\", \"data\": { \"result\": 0, \"extra\": 1 } }"));
        // union branch members, 'gen': false commands, replies to the right command
        assertEquals(
                List.of(),
                example(
                        Rules.EXAMPLE_MEMBER,
                        "-> { \"execute\": \"go\", \"arguments\": { \"mode\": \"fast\", \"ch\": { \"kind\": \"one\", \"a\": 1 } } }",
                        "<- { \"return\": { \"level\": 1, \"name\": \"x\" } }",
                        "-> { \"execute\": \"open-ended\", \"arguments\": { \"driver\": \"e1000\", \"mac\": \"x\" } }",
                        "<- { \"return\": {} }"));
    }

    @Test
    void exampleMissing() throws IOException {
        assertEquals(
                List.of(
                        "19: command 'go': argument 'mode' is required but missing",
                        "20: member 'level' of 'Opts' is required but missing in command 'go'"),
                example(
                        Rules.EXAMPLE_MISSING,
                        "-> { \"execute\": \"go\", \"arguments\": { \"n\": 1 } }",
                        "-> { \"execute\": \"go\", \"arguments\": { \"mode\": \"fast\", \"opts\": {} } }"));
        // optional members may be left out, '...' elides, replies may be partial
        assertEquals(
                List.of(),
                example(
                        Rules.EXAMPLE_MISSING,
                        "-> { \"execute\": \"go\", \"arguments\": { \"mode\": \"slow\" } }",
                        "-> { \"execute\": \"go\", \"arguments\": { \"mode\": \"fast\", \"opts\": { ... } } }",
                        "<- { \"return\": { \"name\": \"x\" } }"));
    }

    @Test
    void exampleTypesAndEnums() throws IOException {
        assertEquals(
                List.of(
                        "19: expected an integer (type 'int'), found a string in command 'go'",
                        "20: expected a value (type 'IntOrOpts'), found a boolean in command 'go'"),
                example(
                        Rules.EXAMPLE_TYPE,
                        "-> { \"execute\": \"go\", \"arguments\": { \"mode\": \"fast\", \"opts\": { \"level\": \"1\" } } }",
                        "-> { \"execute\": \"go\", \"arguments\": { \"mode\": \"fast\", \"n\": true } }"));
        assertEquals(
                List.of(),
                example(
                        Rules.EXAMPLE_TYPE,
                        "-> { \"execute\": \"go\", \"arguments\": { \"mode\": \"fast\", \"n\": 1 } }",
                        "-> { \"execute\": \"go\", \"arguments\": { \"mode\": \"fast\", \"n\": { \"level\": 2 } } }"));
        assertEquals(
                List.of("19: 'medium' is not a value of enum 'Mode' in command 'go'"),
                example(
                        Rules.EXAMPLE_ENUM,
                        "-> { \"execute\": \"go\", \"arguments\": { \"mode\": \"medium\" } }",
                        "-> { \"execute\": \"go\", \"arguments\": { \"mode\": \"slow\" } }"));
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.SECONDS)
    void aHugeUnclosedMessageIsOneFindingInLinearTime() throws IOException {
        String[] lines = new String[20_001];
        lines[0] = "-> { \"execute\": \"go\", \"arguments\": {";
        java.util.Arrays.fill(lines, 1, lines.length, "       \"mode\": \"fast\", [");
        assertEquals(1, example(Rules.EXAMPLE_JSON, lines).size());
    }

    // ---- references ----

    @Test
    void atReferences() throws IOException {
        String schema =
                """
                ##
                # @Thing:
                #
                # Like @Mode, see @level of @Opts; mail a@b.c.  Not @nosuch.
                #
                # @x: set it, as @fast does
                #
                # Since: 1.0
                ##
                { 'struct': 'Thing', 'data': { 'x': 'int' } }
                { 'enum': 'Mode', 'data': [ 'fast' ] }
                { 'struct': 'Opts', 'data': { 'level': 'int' } }
                """;
        assertEquals(
                List.of("4: '@nosuch' refers to nothing in the schema"),
                findings(schema, Rules.DOC_REFERENCE, Map.of()));
    }

    @Test
    void backquoteReferencesWhenOn() throws IOException {
        String schema =
                """
                ##
                # @Thing:
                #
                # See `Mode`, `qapi-qmp-index`, :ref:`label`, ``literal`` and `Gone`.
                #
                # Since: 1.0
                ##
                { 'struct': 'Thing', 'data': {} }
                { 'enum': 'Mode', 'data': [ 'fast' ] }
                """;
        assertEquals(List.of(), findings(schema, Rules.DOC_XREF, Map.of()));
        assertEquals(
                List.of("4: '`Gone`' refers to no definition in the schema"),
                findings(schema, Rules.DOC_XREF, Map.of("doc-xref", Level.WARNING)));
    }

    // ---- Since ----

    @Test
    void sinceMissing() throws IOException {
        String schema =
                """
                ##
                # @NoSince:
                ##
                { 'struct': 'NoSince', 'data': {} }
                ##
                # @WithSince:
                #
                # Since: 2.0
                ##
                { 'struct': 'WithSince', 'data': {} }
                ##
                # @MemberNotes:
                #
                # @a: first (since 1.1)
                ##
                { 'enum': 'MemberNotes', 'data': [ 'a' ] }
                ##
                # @NoColon:
                #
                # Since 3.0
                ##
                { 'struct': 'NoColon', 'data': {} }
                """;
        assertEquals(
                List.of(
                        "4: doc comment of struct type 'NoSince' has no 'Since:' section",
                        "20: 'Since 3.0' is plain text; write 'Since: 3.0' to make it the 'Since:' section"),
                findings(schema, Rules.SINCE_MISSING, Map.of()));
    }

    @Test
    void sinceMember() throws IOException {
        String schema =
                """
                ##
                # @New:
                #
                # Since: 5.0
                ##
                { 'struct': 'New', 'data': {} }
                ##
                # @NewEnum:
                #
                # Since: 5.0
                ##
                { 'enum': 'NewEnum', 'data': [ 'a' ] }
                ##
                # @Old:
                #
                # @unnoted: added later
                #
                # @noted: added later (since 5.0)
                #
                # @required: a named type now
                #
                # @enum: was a string once
                #
                # Since: 1.0
                ##
                { 'struct': 'Old', 'data': { '*unnoted': 'New', '*noted': 'New',
                                             'required': 'New', '*enum': 'NewEnum' } }
                """;
        assertEquals(
                List.of("16: member 'unnoted' has type 'New' (since 5.0), newer than struct"
                        + " type 'Old' (since 1.0), but no '(since X.Y)' note"),
                findings(schema, Rules.SINCE_MEMBER, Map.of()));
    }

    // ---- features ----

    @Test
    void featureExplained() throws IOException {
        String schema =
                """
                ##
                # @Thing:
                #
                # @a: member a
                #
                # @b: member b
                #
                # @x-c: member c
                #
                # @d: member d, deprecated since 2.0
                #
                # Features:
                #
                # @deprecated: Member @a is deprecated; so is d.
                #
                # @unstable: Members starting with x- are experimental.
                #
                # Since: 1.0
                ##
                { 'struct': 'Thing',
                  'data': { 'a': { 'type': 'int', 'features': [ 'deprecated' ] },
                            'b': { 'type': 'int', 'features': [ 'deprecated' ] },
                            'x-c': { 'type': 'int', 'features': [ 'unstable' ] },
                            'd': { 'type': 'int', 'features': [ 'deprecated' ] } } }
                { 'command': 'undocumented', 'features': [ 'unstable' ] }
                { 'struct': 'Bare', 'data': { 'm': { 'type': 'int', 'features': [ 'deprecated' ] } } }
                """;
        assertEquals(
                List.of(
                        "14: 'b' has feature 'deprecated', but neither the '@deprecated:'"
                                + " description nor its own mentions it",
                        "25: command 'undocumented' has feature 'unstable' but no doc comment explains it",
                        "26: 'm' has feature 'deprecated' but no doc comment explains it"),
                findings(schema, Rules.FEATURE_EXPLAINED, Map.of()));
    }

    // ---- doc-missing vs QEMU's doc-required ----

    @Test
    void docMissingIsOffByDefaultAndDefersToThePragma() throws IOException {
        String without = "{ 'struct': 'Bare', 'data': {} }\n";
        assertEquals(List.of(), findings(without, Rules.DOC_MISSING, Map.of()));
        assertEquals(
                List.of("1: documentation comment missing"),
                findings(without, Rules.DOC_MISSING, Map.of("doc-missing", Level.WARNING)));
        String with = "{ 'pragma': { 'doc-required': true } }\n" + without;
        assertEquals(List.of(), findings(with, Rules.DOC_MISSING, Map.of("doc-missing", Level.WARNING)));
        assertEquals(List.of("2: documentation comment required"), findings(with, Rules.DOC_REQUIRED, Map.of()));
    }

    @Test
    void aFailedDocBlockIsNotReportedAgainAsMissing() throws IOException {
        String schema =
                """
                { 'pragma': { 'doc-required': true } }
                ##
                # @Thing:
                #missing space
                ##
                { 'struct': 'Thing', 'data': {} }
                """;
        Files.writeString(dir.resolve("t.json"), schema, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>();
        for (Diagnostic d : Linter.lint("t.json", dir, LintOptions.DEFAULTS).findings()) {
            all.add(d.where() + " " + d.rule() + ": " + d.message());
        }
        assertEquals(List.of("t.json:4:1 qapi-doc: missing space after #"), all);
    }

    @Test
    void rulesCanBeTurnedOffOrMadeErrors() throws IOException {
        String schema = "##\n# @Thing:\n##\n{ 'struct': 'Thing', 'data': {} }\n";
        Files.writeString(dir.resolve("t.json"), schema, StandardCharsets.UTF_8);
        assertEquals(1, Linter.lint("t.json", dir, LintOptions.DEFAULTS).count(dev.qapidoc.source.Severity.WARNING));
        LintResult off = Linter.lint("t.json", dir, new LintOptions(Map.of("since-missing", Level.OFF)));
        assertEquals(List.of(), off.findings());
        LintResult err = Linter.lint("t.json", dir, new LintOptions(Map.of("since-missing", Level.ERROR)));
        assertEquals(1, err.count(dev.qapidoc.source.Severity.ERROR));
    }
}
