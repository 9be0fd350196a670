package dev.qapidoc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small schema per relaxation of schema-language.md Appendix A (R2–R8) and of the doc
 * rules (doc-comments-and-rest.md Part 3): strict mode rejects it with QEMU's message, tolerant
 * mode accepts it with a warning of the named rule and maps it onto the modern model.
 */
class TolerantRelaxationTest {
    @TempDir
    Path dir;

    private LoadResult load(String text, LoadMode mode) throws IOException {
        Files.writeString(dir.resolve("s.json"), text, StandardCharsets.UTF_8);
        return SchemaLoader.load("s.json", LoadOptions.of(dir, mode));
    }

    private static List<String> rules(LoadResult r) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : r.warnings()) {
            out.add(d.rule());
        }
        return out;
    }

    private static String errors(LoadResult r) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : r.errors()) {
            sb.append(d.render()).append('\n');
        }
        return sb.toString();
    }

    /** Strict fails with {@code strictMessage}; tolerant loads with warnings of {@code rule}. */
    private LoadResult both(String text, String strictMessage, String rule) throws IOException {
        LoadResult strict = load(text, LoadMode.STRICT);
        assertFalse(strict.ok(), "strict mode rejects it");
        assertTrue(
                strict.first().get().render().endsWith(strictMessage),
                strict.first().get().render());
        LoadResult tolerant = load(text, LoadMode.TOLERANT);
        assertEquals("", errors(tolerant));
        assertTrue(rules(tolerant).contains(rule), rules(tolerant).toString());
        return tolerant;
    }

    @Test
    void oldPragmaNamesMapToTodaysState() throws IOException {
        LoadResult r = both(
                """
                { 'pragma': { 'returns-whitelist': [ 'cmd-one' ],
                              'name-case-whitelist': [ 'Blk' ] } }
                { 'struct': 'Blk', 'data': { 'Big': 'int' } }
                { 'command': 'cmd-one', 'returns': 'int' }
                """,
                "unknown pragma 'returns-whitelist'",
                "legacy-pragma");
        assertEquals(List.of("cmd-one"), r.schema().pragmas().commandReturnsExceptions());
        assertEquals(List.of("Blk"), r.schema().pragmas().memberNameExceptions());
    }

    @Test
    void simpleUnionIsDesugaredAsInQemu61() throws IOException {
        LoadResult r = both(
                """
                { 'struct': 'Inet', 'data': { 'host': 'str' } }
                { 'union': 'Addr', 'data': { 'inet': 'Inet', 'fds': ['int'] } }
                { 'union': 'Other', 'data': { 'inet': 'Inet' } }
                """,
                "union misses keys 'base', 'discriminator'",
                "legacy-simple-union");
        String dump = SchemaDump.dump(r.schema());
        assertTrue(
                dump.contains(
                        """
                object q_obj_Inet-wrapper
                    member data: Inet optional=False
                object q_obj_intList-wrapper
                    member data: intList optional=False
                enum AddrKind
                    member inet
                    member fds
                object Addr
                    member type: AddrKind optional=False
                    tag type
                    case inet: q_obj_Inet-wrapper
                    case fds: q_obj_intList-wrapper
                enum OtherKind
                    member inet
                object Other
                """),
                dump);
        assertEquals(1, dump.split("object q_obj_Inet-wrapper", -1).length - 1, "one wrapper per type, shared");
        EnumType kind = (EnumType) r.schema().entity("AddrKind").get();
        assertTrue(kind.isImplicit(), "the Kind enum is implicit");
        assertFalse(r.schema().entity("Inet").get().isImplicit());
        ObjectType wrapper = r.schema().objectType("q_obj_intList-wrapper").get();
        assertTrue(wrapper.isImplicit());
        assertEquals("intList", wrapper.wrappedType().get());
        assertTrue(r.schema().objectType("Inet").get().wrappedType().isEmpty());
    }

    @Test
    void simpleUnionWithBaseOnlyStaysAnError() throws IOException {
        LoadResult r = load(
                """
                { 'struct': 'B', 'data': { 'k': 'str' } }
                { 'union': 'U', 'base': 'B', 'data': { 'a': 'B' } }
                """,
                LoadMode.TOLERANT);
        assertTrue(errors(r).endsWith("union misses key 'discriminator'\n"), errors(r));
    }

    @Test
    void oldNamingRules() throws IOException {
        LoadResult r = both(
                """
                { 'struct': 'lower_type', 'data': { 'backing_file': 'str' } }
                { 'command': 'block_resize', 'data': { 'node_name': 'str' } }
                { 'event': 'shutdown' }
                """,
                "name of struct must use CamelCase",
                "legacy-name-case");
        assertEquals(5, rules(r).size(), rules(r).toString());
        assertInstanceOf(Command.class, r.schema().entity("block_resize").get());
        // uppercase member names still need a whitelist entry (A.2)
        LoadResult upper = load("{ 'struct': 'Sx', 'data': { 'Bad': 'int' } }", LoadMode.TOLERANT);
        assertTrue(errors(upper).endsWith("name of 'data' member 'Bad' must not use uppercase or '_'\n"));
    }

    @Test
    void whitelistMayNameImplicitTypes() throws IOException {
        String text =
                """
                { 'pragma': { 'name-case-whitelist': [ 'q_obj_cmd-arg', 'q_obj_U-base' ] } }
                { 'command': 'cmd', 'data': { 'Upper': 'int' } }
                { 'enum': 'E', 'data': [ 'a' ] }
                { 'union': 'U', 'base': { 'Tag': 'E' }, 'discriminator': 'Tag', 'data': {} }
                """;
        LoadResult r = load(text, LoadMode.TOLERANT);
        assertEquals("", errors(r));
        assertTrue(r.schema().entity("cmd").isPresent());
    }

    @Test
    void cExpressionConditionsBecomeModernTrees() throws IOException {
        LoadResult r = both(
                """
                { 'struct': 'Sx', 'data': { 'a': 'int' },
                  'if': 'defined(CONFIG_A) || defined(CONFIG_B) && !defined(CONFIG_C)' }
                { 'struct': 'Tx', 'data': { 'a': 'int' }, 'if': ['defined(X)', 'defined(Y)'] }
                { 'struct': 'Vx', 'data': { 'a': 'int' }, 'if': ['defined(X)'] }
                """,
                "is not a valid identifier",
                "legacy-if-expression");
        IfCond s = r.schema().entity("Sx").get().ifCond();
        assertEquals("{'any': ['CONFIG_A', {'all': ['CONFIG_B', {'not': 'CONFIG_C'}]}]}", s.dumpForm());
        assertEquals("CONFIG_A or (CONFIG_B and not CONFIG_C)", s.docForm());
        assertEquals(
                "{'all': ['X', 'Y']}", r.schema().entity("Tx").get().ifCond().dumpForm());
        assertEquals("X", r.schema().entity("Vx").get().ifCond().dumpForm());
    }

    @Test
    void cExpressionParser() {
        assertEquals(new IfCond.Name("A"), CExprCondition.parse("defined A"));
        assertEquals(new IfCond.Name("A"), CExprCondition.parse(" ( defined(A) ) "));
        assertEquals(new IfCond.Not(new IfCond.Name("A")), CExprCondition.parse("!A"));
        assertNull(CExprCondition.parse("defined("));
        assertNull(CExprCondition.parse("A +"));
        assertNull(CExprCondition.parse(""));
        assertNull(
                CExprCondition.parse("(".repeat(5000) + "A" + ")".repeat(5000)),
                "too deep: rejected, no StackOverflowError");
        LoadResult junk;
        try {
            junk = load("{ 'struct': 'Sx', 'data': {}, 'if': 'A +' }", LoadMode.TOLERANT);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(errors(junk).endsWith("'if' condition 'A +' of struct is not a valid identifier\n"), errors(junk));
    }

    @Test
    void boxedAlternateAndConditionalArguments() throws IOException {
        both(
                """
                { 'struct': 'Obj', 'data': { 'x': 'int' } }
                { 'alternate': 'Alt', 'data': { 'i': 'int', 'o': 'Obj' } }
                { 'command': 'c', 'data': 'Alt', 'boxed': true }
                """,
                "command's 'data' cannot take alternate type 'Alt'",
                "legacy-boxed-alternate");
        both(
                """
                { 'command': 'c', 'data': { 'a': { 'type': 'int', 'if': 'X' } } }
                """,
                "conditional command arguments require 'boxed': true",
                "legacy-conditional-args");
    }

    @Test
    void styleRulesNewerThanTheSchemaAreWarnings() throws IOException {
        String text =
                """
                { 'pragma': { 'doc-required': true } }
                ##
                # @Sx:
                #
                # A line that is a good deal longer than seventy columns, as old ones were.
                # One space. Between sentences.
                #
                # @a: the member
                ##
                { 'struct': 'Sx', 'data': { 'a': 'int' } }
                """;
        LoadResult r = both(text, "documentation line longer than 70 characters", "doc-line-length");
        assertTrue(rules(r).contains("doc-sentence-spacing"));
        Doc d = r.schema().entity("Sx").get().doc();
        assertEquals(
                "A line that is a good deal longer than seventy columns, as old ones were.\n"
                        + "One space. Between sentences.",
                d.body().text());
        assertEquals("the member", d.args().get(0).text());
    }

    @Test
    void undocumentedMembersGetStubs() throws IOException {
        LoadResult r = both(
                """
                { 'pragma': { 'doc-required': true } }
                ##
                # @cmd:
                #
                # Does it.
                #
                # @a: first
                #
                # Returns: nothing at all
                ##
                { 'command': 'cmd', 'data': { 'a': 'int', 'b': 'int' }, 'features': [ 'f' ] }
                """,
                "'Returns' section, but command doesn't return anything",
                "doc-legacy-returns");
        assertTrue(rules(r).contains("doc-undocumented"), "member b, feature f");
        Doc d = r.schema().entity("cmd").get().doc();
        assertEquals(List.of("a", "b"), d.args().stream().map(Doc.Section::name).toList());
        assertTrue(d.args().get(1).isStub());
        assertEquals("f", d.features().get(0).name());
        assertTrue(d.returns().isEmpty(), "no return type for a ':return:' field");
        assertTrue(d.sections().stream().anyMatch(s -> s.text().equals("Returns: nothing at all")));
    }

    @Test
    void unknownDescriptionsAreKeptAsText() throws IOException {
        LoadResult r = both(
                """
                ##
                # @Sx:
                #
                # @a: a member
                #
                # @gone: not any more
                ##
                { 'struct': 'Sx', 'data': { 'a': 'int' } }
                """,
                "documented member 'gone' does not exist",
                "doc-unknown-description");
        Doc d = r.schema().entity("Sx").get().doc();
        assertEquals(List.of("a"), d.args().stream().map(Doc.Section::name).toList());
        assertTrue(d.sections().stream().anyMatch(s -> s.text().equals("@gone: not any more")));
    }

    @Test
    void missingDocIsAWarning() throws IOException {
        both(
                """
                { 'pragma': { 'doc-required': true } }
                { 'struct': 'Sx', 'data': { 'a': 'int' } }
                """,
                "documentation comment required",
                "doc-undocumented");
    }

    @Test
    void docForAnotherSymbolStaysAnError() throws IOException {
        LoadResult r = load(
                """
                ##
                # @Tx:
                ##
                { 'struct': 'Sx', 'data': {} }
                """,
                LoadMode.TOLERANT);
        assertTrue(errors(r).endsWith("documentation comment is for 'Tx'\n"), errors(r));
    }

    @Test
    void lexicalExtrasOf210() throws IOException {
        LoadResult r = both(
                """
                { 'struct': 'Sx', 'data': { 'a': 'int', '*b': null },
                  'base': null }
                { 'enum': 'Ex', 'data': [ 'x\\u0079' ], 'prefix': 'CAF\u00c9\\/\\n' }
                """,
                "stray 'null'",
                "legacy-lexical");
        ObjectType sx = (ObjectType) r.schema().entity("Sx").get();
        assertEquals(List.of("a"), sx.localMembers().stream().map(Member::name).toList(), "null value: key absent");
        assertNull(sx.base());
        EnumType ex = (EnumType) r.schema().entity("Ex").get();
        assertEquals("xy", ex.values().get(0).name());
        assertEquals("CAF\u00c9/\n", ex.prefix());
        LoadResult bad = load("{ 'enum': 'Ex', 'data': [ '\\u0000' ] }", LoadMode.TOLERANT);
        assertTrue(errors(bad).contains("escape only supports non-zero values"), errors(bad));
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void pathologicalLegacyDocs() throws IOException {
        StringBuilder sb = new StringBuilder("##\n# @Sx:\n#\n# Example:\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append("# prose ").append(i).append(i % 2 == 0 ? " *x*\n" : " _y_\n");
        }
        sb.append("# Note: ").append("*_".repeat(20_000)).append("\n");
        sb.append("##\n{ 'struct': 'Sx', 'data': {} }\n");
        LoadResult r = load(sb.toString(), LoadMode.TOLERANT);
        assertEquals("", errors(r));
        assertTrue(r.schema().entity("Sx").get().doc().allSections().size() >= 2);
    }

    @Test
    void unindentedContinuationsAreReadTheOldWay() throws IOException {
        LoadResult r = load(
                """
                ##
                # @Sx:
                #
                # @a: the first
                # argument
                # @b: the second
                #
                # Since: 2.10
                ##
                { 'struct': 'Sx', 'data': { 'a': 'int', 'b': 'int' } }
                """,
                LoadMode.TOLERANT);
        assertEquals("", errors(r));
        Doc d = r.schema().entity("Sx").get().doc();
        assertEquals(
                List.of("the first\n    argument", "the second"),
                d.args().stream().map(Doc.Section::text).toList(),
                "legacy reader: continuation joined (and indented as today's text is)");
        assertEquals("2.10", d.since().get().text());
    }
}
