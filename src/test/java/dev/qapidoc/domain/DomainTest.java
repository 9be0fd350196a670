package dev.qapidoc.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.RstReader;
import dev.qapidoc.rst.SystemMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The domain without a site: registry, name splitting, lookup rules and role text (spec §1, §3, §4). */
class DomainTest {

    private static final RstReader READER =
            new RstReader(new RstReader.Options("any", false, "default", true, (p, f) -> Optional.empty()));

    private static Domain domain(boolean splitModule) {
        return new Domain(
                new DomainConfig(Set.of(), Set.of("QMP", "QGA"), splitModule, false, "domain", true),
                SchemaExpander.NONE);
    }

    private static RstNode read(Domain d, String docname, String text, List<SystemMessage> messages) {
        RstNode tree = READER.read(ContentLine.of(docname + ".rst", text)).document();
        d.read(docname, tree, READER, messages::add);
        return tree;
    }

    private static List<String> fqns(List<ObjectEntry> entries) {
        return entries.stream().map(ObjectEntry::fqn).toList();
    }

    @Test
    void registersWithIdsAndContext() {
        Domain d = domain(false);
        List<SystemMessage> msgs = new ArrayList<>();
        read(
                d,
                "a",
                """
                .. qapi:namespace:: QMP
                .. qapi:module:: block-core

                .. qapi:command:: blockdev-backup

                .. qapi:struct:: BackupPerf
                   :namespace: QGA
                """,
                msgs);
        assertEquals(List.of(), msgs);
        assertEquals(
                List.of(
                        new ObjectEntry("QMP:block-core", "a", "module-QMP-block-core", Kind.MODULE, "block-core"),
                        new ObjectEntry(
                                "QMP:block-core.blockdev-backup",
                                "a",
                                "command-QMP-block-core.blockdev-backup",
                                Kind.COMMAND,
                                "blockdev-backup"),
                        new ObjectEntry(
                                "QGA:block-core.BackupPerf",
                                "a",
                                "struct-QGA-block-core.BackupPerf",
                                Kind.STRUCT,
                                "BackupPerf")),
                d.objects());
    }

    @Test
    void contextIsPerDocument() {
        Domain d = domain(false);
        List<SystemMessage> msgs = new ArrayList<>();
        read(d, "a", ".. qapi:namespace:: QMP\n.. qapi:module:: m\n", msgs);
        read(d, "b", ".. qapi:command:: c\n", msgs);
        assertEquals("c", d.objects().get(1).fqn());
        assertEquals("command-c", d.objects().get(1).id());
    }

    @Test
    void splitRefKeepsTheModuleInTheName() {
        assertEquals(List.of("QMP", "", "block-core.x"), List.of(domain(false).split("QMP:block-core.x")));
        assertEquals(List.of("QMP", "block-core", "x"), List.of(domain(true).split("QMP:block-core.x")));
        assertEquals(List.of("", "", "a.b.c"), List.of(domain(false).split("a.b.c")));
        assertEquals(List.of("", "a", "b.c"), List.of(domain(true).split("a.b.c")));
    }

    private static Domain twoNamespaces(boolean split) {
        Domain d = domain(split);
        read(
                d,
                "a",
                """
                .. qapi:namespace:: QMP
                .. qapi:module:: mod-b

                .. qapi:command:: cmd-two

                .. qapi:namespace:: QGA

                .. qapi:command:: cmd-two

                .. qapi:module:: mod-c

                .. qapi:enum:: cmd-two
                """,
                new ArrayList<>());
        return d;
    }

    @Test
    void lookupFollowsTheSpecOrder() {
        for (boolean split : new boolean[] {false, true}) {
            Domain d = twoNamespaces(split);
            // exact key
            assertEquals(List.of("QMP:mod-b.cmd-two"), fqns(d.find("QGA", "x", "QMP:mod-b.cmd-two", Kind.ALL)));
            // the context's namespace is preferred (pattern c)
            assertEquals(List.of("QMP:mod-b.cmd-two"), fqns(d.find("QMP", "mod-a", "cmd-two", Kind.ALL)));
            assertEquals(
                    List.of("QGA:mod-b.cmd-two", "QGA:mod-c.cmd-two"),
                    fqns(d.find("QGA", "mod-a", "cmd-two", Kind.ALL)));
            // implicit FQN from context wins before any fuzzy match
            assertEquals(List.of("QGA:mod-c.cmd-two"), fqns(d.find("QGA", "mod-c", "cmd-two", Kind.ALL)));
            // an explicit namespace (pattern a)
            assertEquals(List.of("QMP:mod-b.cmd-two"), fqns(d.find("QGA", "mod-c", "QMP:cmd-two", Kind.ALL)));
            // kinds restrict every step
            assertEquals(List.of("QGA:mod-c.cmd-two"), fqns(d.find("QGA", "", "cmd-two", Set.of(Kind.ENUM))));
            // no context: every key ending in .NAME (pattern e), registry order
            assertEquals(3, d.find("", "", "cmd-two", Kind.ALL).size());
            assertEquals(List.of(), d.find("", "", "", Kind.ALL));
            assertEquals(List.of(), d.find("", "", "wo", Kind.ALL));
        }
    }

    @Test
    void moduleQualifiedTargetsDependOnSplitting() {
        Domain ref = twoNamespaces(false);
        Domain ups = twoNamespaces(true);
        // REF: "mod-b.cmd-two" is a name; it still resolves through the namespace pattern
        assertEquals(List.of("QMP:mod-b.cmd-two"), fqns(ref.find("QMP", "mod-a", "mod-b.cmd-two", Kind.ALL)));
        // UPS: an explicit module (pattern b) searches every namespace
        assertEquals(
                List.of("QMP:mod-b.cmd-two", "QGA:mod-b.cmd-two"),
                fqns(ups.find("QSD", "", "mod-b.cmd-two", Kind.ALL)));
    }

    @Test
    void roleTextIsTakenApart() {
        assertEquals(new Xref("cmd-two", "Custom", false, false, false), Xref.parse("Custom <cmd-two>"));
        assertEquals(new Xref("QMP:mod-b.cmd-two", "cmd-two", false, false, false), Xref.parse("~QMP:mod-b.cmd-two"));
        assertEquals(new Xref("QMP:Foo", "QMP:Foo", false, false, false), Xref.parse("~QMP:Foo"));
        assertEquals(new Xref("ObjA", "ObjA", false, true, true), Xref.parse("[ObjA]?"));
        assertEquals(new Xref("x", "x", true, false, false), Xref.parse("!x"));
        assertEquals(new Xref("a<b>", "a<b>", false, false, false), Xref.parse("a\\<b>"));
        assertEquals(new Xref("<x>", "<x>", false, false, false), Xref.parse("<x>"));
    }

    @Test
    void directiveErrorsDropTheDirective() {
        Domain d = domain(false);
        List<SystemMessage> msgs = new ArrayList<>();
        RstNode tree = read(
                d,
                "a",
                """
                .. qapi:namespace:: QMP

                   content

                .. qapi:command::

                .. qapi:enum:: a b
                """,
                msgs);
        assertEquals(
                List.of(
                        "a.rst:1: ERROR: Error in \"qapi:namespace\" directive:\nno content permitted.\n\n"
                                + ".. qapi:namespace:: QMP\n\n   content",
                        "a.rst:5: ERROR: Error in \"qapi:command\" directive:\n1 argument(s) required, 0 supplied.\n\n"
                                + ".. qapi:command::",
                        "a.rst:7: ERROR: Error in \"qapi:enum\" directive:\nmaximum 1 argument(s) allowed, 2 supplied.\n\n"
                                + ".. qapi:enum:: a b"),
                msgs.stream().map(SystemMessage::render).toList());
        assertTrue(d.objects().isEmpty());
        assertTrue(tree.findAll(Type.DIRECTIVE).isEmpty());
        assertTrue(tree.findAll(Type.DESC).isEmpty());
    }

    @Test
    void referencesRecordTheirContext() {
        Domain d = domain(false);
        RstNode tree = read(
                d,
                "a",
                """
                Before `x`.

                .. qapi:namespace:: QMP
                .. qapi:module:: m

                .. qapi:command:: c
                   :module: other

                   Inside `y`.

                After `z`.
                """,
                new ArrayList<>());
        List<String> ctx = new ArrayList<>();
        for (RstNode x : tree.findAll(Type.PENDING_XREF)) {
            ctx.add(x.attr("text") + "@" + x.attr("qapi-ns") + ":" + x.attr("qapi-mod"));
        }
        assertEquals(List.of("x@:", "y@QMP:other", "z@QMP:m"), ctx);
    }

    @Test
    void roleNamesAndDirectiveNames() {
        assertTrue(Domain.handlesRole("qapi:cmd"));
        assertTrue(Domain.handlesRole("qapi:union"));
        assertFalse(Domain.handlesRole("qapi:frob"));
        assertFalse(Domain.handlesRole("cmd"));
        assertTrue(Domain.handlesDirective("qapi:branch"));
        assertTrue(Domain.handlesDirective("qmp-example"));
        assertTrue(Domain.handlesDirective("qapi-doc"));
        assertFalse(Domain.handlesDirective("qapi:frob"));
        assertEquals("'it'", Domain.repr("it"));
        assertEquals("\"it's\"", Domain.repr("it's"));
    }

    @Test
    void theDomainRegistersItsDirectivesAsDeferred() {
        dev.qapidoc.rst.DirectiveRegistry r =
                Domain.register(dev.qapidoc.rst.DirectiveRegistry.builder()).build();
        assertEquals(
                java.util.Set.of(
                        "qmp-example",
                        "qapi-doc",
                        "qapi:namespace",
                        "qapi:branch",
                        "qapi:module",
                        "qapi:command",
                        "qapi:event",
                        "qapi:enum",
                        "qapi:object",
                        "qapi:alternate",
                        "qapi:struct",
                        "qapi:union"),
                r.directiveNames());
        assertTrue(r.directive("QAPI:Command").isPresent());
        assertTrue(Domain.handlesDirective("QMP-Example"));
        // a domain directive written in capitals is still the domain's (Sphinx lower-cases names)
        RstReader reader = new RstReader(READER.options().withRegistry(r));
        RstNode doc =
                reader.read(ContentLine.of("t.rst", ".. QAPI:Command:: frob\n")).document();
        List<SystemMessage> msgs = new ArrayList<>();
        new Domain(DomainConfig.defaults(), SchemaExpander.NONE).read("t", doc, reader, msgs::add);
        assertEquals(List.of(), msgs);
        assertTrue(doc.findAll(Type.DIRECTIVE).isEmpty(), doc.dump());
    }
}
