package dev.qapidoc.doc;

import static dev.qapidoc.doc.DocBlocks.parseFirst;
import static dev.qapidoc.doc.DocParserTest.dump;
import static dev.qapidoc.doc.DocParserTest.kinds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.doc.Doc.Kind;
import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.Diagnostics;
import dev.qapidoc.source.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Binding a parsed doc to its definition: doc-comments-and-rest.md §1.8 (definition checks), §1.9
 * (connecting members and features, P6 leftovers), §1.10 (stub placement) and the dump (§1.12).
 * The calls mimic what the schema check does, in QEMU's connect order.
 */
class DocBindingTest {

    private final Diagnostics sink = new Diagnostics();

    private static SourceLocation at(int line) {
        return SourceLocation.of("t.json", line);
    }

    private List<String> rendered() {
        return sink.all().stream().map(Diagnostic::render).toList();
    }

    @Test
    void symbolMustMatchTheDefinition() { // E22, doc-bad-symbol, exp. e16
        Doc d = parseFirst("##\n# @food:\n##\n");
        d.checkDefinition("command", "foo", false, at(4), "command 'foo'", sink);
        assertEquals(List.of("t.json: In command 'foo':\nt.json:4: documentation comment is for 'food'"), rendered());
    }

    @Test
    void matchingSymbolIsQuiet() {
        Doc d = parseFirst("##\n# @foo:\n#\n# Returns: x\n#\n# Errors: y\n##\n");
        d.checkDefinition("command", "foo", true, at(8), "command 'foo'", sink);
        assertTrue(sink.isEmpty());
    }

    @Test
    void returnsOnlyForCommandsThatReturn() { // E24, E25
        Doc d = parseFirst("##\n# @foo:\n# Returns: blah\n##\n");
        d.checkDefinition("command", "foo", false, at(5), "command 'foo'", sink);
        assertEquals(List.of("t.json:3: 'Returns' section, but command doesn't return anything"), rendered());

        Diagnostics other = new Diagnostics();
        parseFirst("##\n# @Foo:\n#\n# Returns: blah\n##\n")
                .checkDefinition("struct", "Foo", false, at(6), "struct 'Foo'", other);
        assertEquals(
                "t.json:4: 'Returns' section is only valid for commands",
                other.all().get(0).render());
    }

    @Test
    void errorsOnlyForCommands() { // E26, exp. e12
        Doc d = parseFirst("##\n# @FOO:\n#\n# Errors: sometimes\n##\n");
        d.checkDefinition("event", "FOO", false, at(6), "event 'FOO'", sink);
        assertEquals(List.of("t.json:4: 'Errors' section is only valid for commands"), rendered());
    }

    @Test
    void undocumentedValueLacksDocumentation() { // E27, exp. e03
        Doc d = parseFirst("##\n# @Foo:\n#\n# @a: x\n#\n# Since: 1\n##\n");
        d.connectMember(Doc.Role.VALUE, "a", false, at(8), "enum 'Foo'", sink);
        d.connectMember(Doc.Role.VALUE, "b", false, at(8), "enum 'Foo'", sink);
        assertEquals(List.of("t.json: In enum 'Foo':\nt.json:8: value 'b' lacks documentation"), rendered());
        assertEquals("a", d.args().get(0).linkedMember());
        assertEquals(Doc.Role.VALUE, d.args().get(0).linkedRole());
        assertEquals(1, d.args().size(), "no stub without the exemption");
    }

    @Test
    void undocumentedFeatureIsNeverExempt() { // E28, doc-undoc-feature, exp. e13
        Doc d = parseFirst("##\n# @foo:\n#\n# Features:\n# @doc: d\n##\n");
        d.connectFeature("undoc", at(9), "command 'foo'", sink);
        d.connectFeature("doc", at(9), "command 'foo'", sink);
        assertEquals(List.of("t.json: In command 'foo':\nt.json:9: feature 'undoc' lacks documentation"), rendered());
        assertEquals("doc", d.features().get(0).linkedMember());
    }

    @Test
    void memberStubsFollowTheDocumentedMembersInConnectOrder() { // W6, §1.10
        Doc d = parseFirst(
                """
                ##
                # @ImageInfoSpecificKind:
                #
                # @luks: Since 2.7
                #
                # @rbd: Since 6.1
                #
                # @file: Since 8.0
                #
                # Since: 1.7
                ##
                """);
        for (String v : List.of("qcow2", "vmdk", "luks", "rbd", "file")) {
            d.connectMember(Doc.Role.VALUE, v, true, at(12), "enum 'ImageInfoSpecificKind'", sink);
        }
        d.checkUnlinked(sink);
        assertTrue(sink.isEmpty(), () -> rendered().toString());
        assertEquals(
                """
                doc symbol=ImageInfoSpecificKind
                    body=

                    arg=luks
                Since 2.7
                    arg=rbd
                Since 6.1
                    arg=file
                Since 8.0
                    arg=qcow2

                    arg=vmdk

                    section=Since
                1.7
                """,
                dump(d));
        List<Doc.Section> all = d.allSections();
        assertEquals(
                List.of("luks", "rbd", "file", "qcow2", "vmdk"),
                all.subList(1, 6).stream().map(Doc.Section::name).toList());
        Doc.Section stub = all.get(4);
        assertTrue(stub.isStub());
        assertEquals("", stub.text());
        assertEquals(1, stub.location().line(), "member stubs are credited to the ## line");
        assertEquals("qcow2", stub.linkedMember());
        assertEquals(Kind.SINCE, all.get(6).kind());
        assertFalse(all.get(1).isStub());
    }

    @Test
    void memberStubGoesBeforeTheFeatures() { // doc-good Enum
        Doc d = parseFirst(
                """
                ##
                # @Enum:
                #
                # @one: The _one_ {and only}, description on the same line
                #
                # Features:
                # @enum-feat: Also _one_ {and only}
                # @enum-member-feat: a member feature
                #
                # @two is undocumented
                ##
                """);
        d.connectFeature("enum-feat", at(12), "enum 'Enum'", sink);
        d.connectMember(Doc.Role.VALUE, "one", true, at(12), "enum 'Enum'", sink);
        d.connectFeature("enum-member-feat", at(12), "enum 'Enum'", sink);
        d.connectMember(Doc.Role.VALUE, "two", true, at(12), "enum 'Enum'", sink);
        d.checkUnlinked(sink);
        assertTrue(sink.isEmpty());
        assertEquals(List.of(Kind.PLAIN, Kind.MEMBER, Kind.MEMBER, Kind.FEATURE, Kind.FEATURE, Kind.PLAIN), kinds(d));
        assertEquals("two", d.allSections().get(2).name());
        assertTrue(d.sections().stream().noneMatch(Doc.Section::isStub));
    }

    @Test
    void memberStubIsAppendedWhenOnlyMembersFollowTheBody() { // exp. t1: QEMU crashes here
        Doc d = parseFirst("##\n# @Foo:\n#\n# @a: foo\n##\n");
        d.connectMember(Doc.Role.MEMBER, "a", true, at(6), "struct 'Foo'", sink);
        d.connectMember(Doc.Role.MEMBER, "b", true, at(6), "struct 'Foo'", sink);
        assertEquals(List.of("a", "b"), d.args().stream().map(Doc.Section::name).toList());
        assertEquals(List.of(Kind.PLAIN, Kind.MEMBER, Kind.MEMBER), kinds(d));
    }

    @Test
    void returnsStubRightAfterTheBody() { // W3
        Doc d = parseFirst(
                """
                ##
                # @query-status:
                #
                # Query the run status of the VM
                #
                # Since: 0.14
                #
                # .. qmp-example::
                #
                #     -> { "execute": "query-status" }
                ##
                """);
        d.addReturnsStub(at(13));
        assertEquals(List.of(Kind.PLAIN, Kind.RETURNS, Kind.SINCE, Kind.PLAIN), kinds(d));
        Doc.Section stub = d.allSections().get(1);
        assertTrue(stub.isStub());
        assertEquals(13, stub.location().line(), "the Returns stub is credited to the definition");
        assertTrue(d.returns().isEmpty());
        assertEquals(2, d.sections().size());
        assertFalse(dump(d).contains("Returns"), "the stub is not in the dump");
    }

    @Test
    void returnsStubBeforeTheLastFeature() { // W4 and exp. t2 (between two features)
        Doc one = parseFirst("##\n# @x:\n#\n# Get the block graph.\n#\n# Features:\n#\n"
                + "# @unstable: This command is meant for debugging.\n#\n# Since: 4.0\n##\n");
        one.addReturnsStub(at(12));
        assertEquals(List.of(Kind.PLAIN, Kind.RETURNS, Kind.FEATURE, Kind.SINCE), kinds(one));

        Doc two = parseFirst("##\n# @query-foo:\n#\n# Do foo.\n#\n# Features:\n#\n"
                + "# @unstable: experimental\n#\n# @deprecated: old\n#\n# Since: 1.0\n##\n");
        two.addReturnsStub(at(14));
        assertEquals(List.of(Kind.PLAIN, Kind.FEATURE, Kind.RETURNS, Kind.FEATURE, Kind.SINCE), kinds(two));
    }

    @Test
    void returnsStubAfterTheLastMemberOrBeforeTheLastErrors() {
        Doc members = parseFirst("##\n# @foo:\n#\n# @a: x\n#\n# Errors: e\n#\n# Features:\n# @f: y\n##\n");
        members.connectMember(Doc.Role.MEMBER, "a", false, at(11), "command 'foo'", sink);
        members.connectMember(Doc.Role.MEMBER, "b", true, at(11), "command 'foo'", sink);
        members.addReturnsStub(at(11));
        assertEquals(
                List.of(Kind.PLAIN, Kind.MEMBER, Kind.MEMBER, Kind.RETURNS, Kind.ERRORS, Kind.FEATURE), kinds(members));

        Doc errors = parseFirst("##\n# @foo:\n#\n# Body\n#\n# Errors: e\n#\n# Features:\n# @f: y\n##\n");
        errors.addReturnsStub(at(11));
        assertEquals(List.of(Kind.PLAIN, Kind.RETURNS, Kind.ERRORS, Kind.FEATURE), kinds(errors));

        Doc after = parseFirst("##\n# @foo:\n#\n# Features:\n# @f: y\n#\n# Errors: e\n#\n# More\n##\n");
        after.addReturnsStub(at(11));
        assertEquals(List.of(Kind.PLAIN, Kind.FEATURE, Kind.RETURNS, Kind.ERRORS, Kind.PLAIN), kinds(after));
    }

    @Test
    void noReturnsStubWhenDocumented() {
        Doc d = parseFirst("##\n# @foo:\n#\n# Returns: @Object\n##\n");
        d.addReturnsStub(at(6));
        assertEquals(List.of(Kind.PLAIN, Kind.RETURNS), kinds(d));
        assertFalse(d.allSections().get(1).isStub());
    }

    @Test
    void unlinkedDescriptionsSingularAndPlural() { // E29, E30, doc-bad-*-member, exp. e14
        Doc d = parseFirst(
                """
                ##
                # @AorB:
                # @a: a
                # @b: b
                # @aa: a
                # @bb: b
                #
                # Features:
                # @f1: a
                ##
                """);
        d.connectMember(Doc.Role.BRANCH, "a", false, at(11), "alternate 'AorB'", sink);
        d.connectMember(Doc.Role.BRANCH, "b", false, at(11), "alternate 'AorB'", sink);
        d.checkUnlinked(sink);
        assertEquals(
                List.of(
                        "t.json:5: documented members 'aa', 'bb' do not exist",
                        "t.json:9: documented feature 'f1' does not exist"),
                rendered());
        assertNull(d.args().get(2).linkedMember());

        Diagnostics other = new Diagnostics();
        Doc e14 = parseFirst("##\n# @Foo:\n#\n# @a: x\n#\n# Features:\n# @f1: a\n# @f2: b\n##\n");
        e14.connectMember(Doc.Role.MEMBER, "a", false, at(10), "struct 'Foo'", other);
        e14.checkUnlinked(other);
        assertEquals(
                List.of("t.json:7: documented features 'f1', 'f2' do not exist"),
                other.all().stream().map(Diagnostic::render).toList());

        Diagnostics third = new Diagnostics();
        parseFirst("##\n# @cmd-boxed:\n# @a: bogus\n##\n").checkUnlinked(third);
        assertEquals(
                "t.json:3: documented member 'a' does not exist",
                third.all().get(0).render());
    }

    @Test
    void dumpOfAFeatureOnlyDocAndAnEmptyBody() { // doc-good Object / Variant2
        StringBuilder sb = new StringBuilder();
        parseFirst("##\n# @Object:\n#\n# Features:\n# @union-feat1: a feature\n##\n")
                .appendTestDump(sb);
        parseFirst("##\n# @Variant2:\n#\n##\n").appendTestDump(sb);
        assertEquals(
                """
                doc symbol=Object
                    body=

                    feature=union-feat1
                a feature
                doc symbol=Variant2
                    body=

                """,
                sb.toString());
    }
}
