package dev.qapidoc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.source.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probes of schema-language.md that no QEMU vector covers (TAB rule, shared-line context,
 * {@code ##} after code, cross-file redefinition, {@code ./} module names), plus the diagnostics
 * list that lint relies on.
 */
class QuirksTest {
    @TempDir
    Path dir;

    private LoadResult load(String root, String... files) throws IOException {
        for (int i = 0; i < files.length; i += 2) {
            Path p = dir.resolve(files[i]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, files[i + 1], StandardCharsets.UTF_8);
        }
        return SchemaLoader.load(root, LoadOptions.strict(dir));
    }

    private String first(LoadResult r) {
        return r.first().map(Diagnostic::render).orElse("(none)");
    }

    @Test
    void tabRuleIsNotATabStop() throws IOException {
        // §2.3 probe: a TAB at column 1 adds nothing, so 'X' is at column 10.
        assertEquals("f.json:1:10: expected ':'", first(load("f.json", "f.json", "\t{ 'enum' 'X' }\n")));
        // Column 9 wraps to 1: eight spaces, a TAB, then the stray word at column 1.
        assertEquals("f.json:1:1: stray 'x'", first(load("f.json", "f.json", "        \tx\n")));
        assertEquals("f.json:1:8: stray 'x'", first(load("f.json", "f.json", "\t\t   \t    x\n")));
    }

    @Test
    void docCommentAfterCodeOnTheSameLine() throws IOException {
        assertEquals(
                "f.json:1:22: junk after '##' at start of documentation comment",
                first(load("f.json", "f.json", "{ 'command': 'foo' } ## hi\n")));
    }

    @Test
    void definitionsSharingALineShareTheirContext() throws IOException {
        assertEquals(
                "f.json: In struct 'Bb':\nf.json:1: member 'x' of type 'Aa' uses unknown type 'Nope'",
                first(load(
                        "f.json",
                        "f.json",
                        "{ 'struct': 'Aa', 'data': {'x': 'Nope'} } { 'struct': 'Bb', 'data': {} }\n")));
        assertEquals(
                "f.json: In struct 'Aa':\nf.json:1: expression must have exactly one key 'enum',"
                        + " 'struct', 'union', 'alternate', 'command', 'event'",
                first(load("f.json", "f.json", "{ 'struct': 'Aa', 'data': {} } { 'data': {} }\n")));
    }

    @Test
    void emptyDefinitionNamePrintsNoContext() throws IOException {
        assertEquals(
                "f.json:1: struct has an invalid name",
                first(load("f.json", "f.json", "{ 'struct': '', 'data': {} }\n")));
    }

    @Test
    void redefinitionAcrossFilesRendersBothChains() throws IOException {
        LoadResult r = load(
                "prev-a.json",
                "prev-a.json",
                "{ 'include': 'prev-b.json' }\n\n{ 'struct': 'Foo', 'data': {} }\n",
                "prev-b.json",
                "{ 'struct': 'Foo', 'data': {} }\n");
        assertEquals(
                "prev-a.json: In struct 'Foo':\nprev-a.json:3: 'Foo' is already defined\n"
                        + "In file included from prev-a.json:1:\nprev-b.json: In struct 'Foo':\n"
                        + "prev-b.json:1: previous definition",
                first(r));
    }

    @Test
    void dotSlashRootGivesRawModuleNames() throws IOException {
        LoadResult r = load(
                "./x.json",
                "x.json",
                "{ 'include': 'sub/../b.json' }\n",
                "b.json",
                "{ 'enum': 'Ee', 'data': [] }\n",
                "sub/keep",
                "");
        assertTrue(r.ok(), first(r));
        List<String> names = r.schema().modules().stream().map(Module::name).collect(Collectors.toList());
        assertEquals(List.of("./builtin", "./x.json", "./sub/../b.json"), names);
    }

    @Test
    void plainRootNormalisesIncludedModuleNames() throws IOException {
        LoadResult r = load(
                "d/x.json",
                "d/x.json",
                "{ 'include': 'sub/../b.json' }\n{ 'include': '../c.json' }\n",
                "d/b.json",
                "{ 'enum': 'Ee', 'data': [] }\n",
                "d/sub/keep",
                "",
                "c.json",
                "{ 'enum': 'Ff', 'data': [] }\n");
        assertTrue(r.ok(), first(r));
        List<String> names = r.schema().modules().stream().map(Module::name).collect(Collectors.toList());
        assertEquals(List.of("./builtin", "x.json", "b.json", "../c.json"), names);
        assertEquals("b.json", r.schema().moduleOf(r.schema().entity("Ee").orElseThrow()));
    }

    @Test
    void arrayTypeLivesInItsElementsModule() throws IOException {
        LoadResult r = load(
                "x.json",
                "x.json",
                "{ 'struct': 'Ss', 'data': { 'a': ['Ee'] } }\n{ 'include': 'b.json' }\n",
                "b.json",
                "{ 'enum': 'Ee', 'data': [], 'if': 'HAVE_E' }\n");
        assertTrue(r.ok(), first(r));
        Module b = r.schema().modules().get(2);
        assertEquals("b.json", b.name());
        assertEquals(
                List.of("EeList", "Ee"), b.entities().stream().map(Entity::name).collect(Collectors.toList()));
        ArrayType a = (ArrayType) r.schema().entity("EeList").orElseThrow();
        assertEquals("HAVE_E", a.ifCond().dumpForm(), "array inherits the element's condition");
    }

    @Test
    void diagnosticsContinueAfterTheFirstInQemuOrder() throws IOException {
        LoadResult r = load(
                "f.json",
                "f.json",
                String.join(
                        "\n",
                        "{ 'struct': 'bad', 'data': {} }",
                        "{ 'struct': 'User', 'data': { 'a': 'bad' } }",
                        "{ 'enum': 'Ee', 'data': [ 'x' ], 'bogus': true }",
                        "{ 'struct': 'Ss', 'data': { 'm': 'Nope' } }",
                        "{ 'command': 'c', 'data': { 'a': 'Ss' } }",
                        "{ 'struct': 'Tt', 'data': { 'n': 'Nope2' } }",
                        ""));
        List<String> msgs = r.diagnostics().stream().map(Diagnostic::message).collect(Collectors.toList());
        assertEquals(
                List.of(
                        "name of struct must use CamelCase",
                        "enum has unknown key 'bogus'\nValid keys are 'data', 'enum', 'features', 'if', 'prefix'.",
                        "member 'm' uses unknown type 'Nope'",
                        "member 'n' uses unknown type 'Nope2'"),
                msgs,
                "failed definitions are not re-reported through their users (User, c)");
        assertEquals("f.json: In struct 'bad':\nf.json:1: name of struct must use CamelCase", first(r));
        assertFalse(r.ok());
    }

    @Test
    void parseErrorStopsBeforeSemanticPhases() throws IOException {
        LoadResult r = load("f.json", "f.json", "{ 'struct': 'Ss', 'data': { 'm': 'Nope' } }\n{ 'x' }\n");
        assertEquals(1, r.diagnostics().size());
        assertEquals("f.json:2:7: expected ':'", first(r));
    }

    @Test
    void alternateConflictPartnerIsDeterministic() throws IOException {
        // §11.7: {b: bool, n: number, s: str} names 'b' or 'n' in QEMU depending on hashing; we
        // check the category itself, then NUMBER, then BOOL.
        assertEquals(
                "f.json: In alternate 'Alt':\nf.json:1: branch 's' can't be distinguished from 'n'",
                first(load(
                        "f.json",
                        "f.json",
                        "{ 'alternate': 'Alt', 'data': { 'b': 'bool', 'n': 'number', 's': 'str' } }\n")));
    }

    @Test
    void arrayOfArrayGetsADiagnosticInsteadOfQemusAssertion() throws IOException {
        String msg = first(load("f.json", "f.json", "{ 'struct': 'Ss', 'data': { 'a': ['intList'] } }\n"));
        assertTrue(msg.startsWith("f.json: In struct 'Ss':\nf.json:1: struct uses array type 'intList'"), msg);
    }

    @Test
    void emptyEnumValueGetsADiagnosticInsteadOfQemusCrash() throws IOException {
        assertEquals(
                "f.json: In enum 'Ee':\nf.json:1: 'data' member '' has an invalid name",
                first(load("f.json", "f.json", "{ 'enum': 'Ee', 'data': [ '' ] }\n")));
    }

    @Test
    void pythonIsspaceSet() {
        Set<Integer> python = Set.of(
                0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002,
                0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000);
        for (int c = 0; c < 0x10000; c++) {
            assertEquals(python.contains(c), SchemaReader.isSpace((char) c), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void stemMatcherAgreesWithTheSpecRegex() {
        String[] names = {
            "foo",
            "x-foo",
            "x-",
            "X-Foo",
            "__org.qemu_x-foo",
            "__org.qemu_foo",
            "__org_foo",
            "__a_",
            "__",
            "_foo",
            "q_foo",
            "q-foo",
            "Q_x",
            "1abc",
            "a1",
            "a-b_c",
            "__com.redhat_x-",
            "__x_x-y",
            "x-x-y",
            "foo!",
            "",
            "a",
            "__-_b",
            "__._b",
            "*a",
            "__org.qemu_1x",
            "__1_a",
            "X-",
            "xx-y"
        };
        for (String n : names) {
            assertEquals(Names.stemByRegex(n), Names.stem(n), n);
        }
    }

    @Test
    void conditionForms() throws IOException {
        LoadResult r = load(
                "f.json",
                "f.json",
                "{ 'struct': 'Ss', 'data': {}, 'if': { 'not': { 'any': [ { 'not': 'A' }, { 'all': [ 'B', 'C' ] } ] } } }\n");
        IfCond c = r.schema().entity("Ss").orElseThrow().ifCond();
        assertEquals("{'not': {'any': [{'not': 'A'}, {'all': ['B', 'C']}]}}", c.dumpForm());
        assertEquals("!(!defined(A) || (defined(B) && defined(C)))", c.cForm());
        assertEquals("not (not A or (B and C))", c.docForm());
        assertTrue(c.evaluate(Set.of("A")));
        assertFalse(c.evaluate(Set.of("B", "C")));
    }

    /** Doc block errors come out in QEMU's order relative to the parse and P2 errors. */
    @Test
    void docErrorsKeepQemusOrder() throws IOException {
        String[][] cases = {
            {"##\n#bad\n##\n{ 'x' }\n", "f.json:2:1: missing space after #"},
            {"##\n# @foo\n##\n{ 'enum': 'Foo', 'data': [] }\n", "f.json:2:1: line should end with ':'"},
            {"##\n# @foo:\n{ 'enum': 'Foo', 'data': [] }\n", "f.json:3:1: documentation comment must end with '##'"},
            {"##\n# @a:\n##\n##\n#x\n##\n", "f.json:1: documentation for 'a' is not followed by the definition"},
            {"##\n# free\n##\n{ 'enum': 'Foo', 'data': [] }\n", "f.json:1: definition documentation required"},
            {"##\n# @Foo:\n##\n{ 'enum': 'Foo', 'data': [] }\n##\n# @bar:\n##\n{ 'x' }\n", "f.json:8:7: expected ':'"},
            // A later failing block is a P1 error: it outranks P2 errors of earlier definitions.
            {"{ 'struct': 'bad', 'data': {} }\n##\n#bad\n##\n", "f.json:3:1: missing space after #"},
            {"##\n# @Foo:\n##\n{ 'enum': 'Foo', 'data': [ 'X' ] }\n##\n#x\n##\n", "f.json:6:1: missing space after #"},
        };
        Files.writeString(dir.resolve("f.json"), "");
        for (String[] c : cases) {
            Files.writeString(dir.resolve("f.json"), c[0], StandardCharsets.UTF_8);
            LoadResult r = SchemaLoader.load("f.json", LoadOptions.strict(dir));
            assertEquals(c[1], first(r), c[0]);
        }
    }
}
