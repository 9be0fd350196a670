package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.RstNode.Type;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The registry seam: a directive or role added by a caller alone (no edit of the reader) takes
 * part in reading, names match in any case, and unregistered directives still reach later passes
 * as pending nodes.
 */
class DirectiveRegistryTest {

    /** Upper-cases its content into one paragraph; its argument, if any, becomes a class. */
    private static final Directive SHOUT = (call, ctx) -> {
        RstNode p = new RstNode(Type.PARAGRAPH, call.location());
        if (!call.arguments().isEmpty()) {
            p.classes().add(call.arguments());
        }
        StringBuilder text = new StringBuilder();
        for (ContentLine l : call.content()) {
            text.append(text.length() > 0 ? " " : "").append(l.text().toUpperCase(Locale.ROOT));
        }
        p.addAll(ctx.inline(text.toString(), call.location()));
        ctx.add(p);
    };

    /** A manual-page reference shown as emphasis with the page name upper-cased. */
    private static final Role MANPAGE = (name, text, where) -> {
        RstNode n = new RstNode(Type.EMPHASIS, where);
        n.classes().add(name);
        n.add(RstNode.text(text.toUpperCase(Locale.ROOT), where));
        return n;
    };

    private static RstReader reader(DirectiveRegistry registry) {
        return new RstReader(
                new RstReader.Options("any", false, "default", false, (p, f) -> Optional.empty(), registry));
    }

    private static RstReader.Result read(RstReader reader, String text) {
        return reader.read(ContentLine.of("t.rst", text));
    }

    @Test
    void aDirectiveAndARoleRegisteredByTheCallerAreRun() {
        DirectiveRegistry registry = Directives.standard()
                .register("shout", SHOUT)
                .registerRole("unixman", MANPAGE)
                .build();
        RstReader.Result r = read(
                reader(registry),
                """
                .. shout:: loud

                   hello *world*
                   again

                See :unixman:`ls(1)`.
                """);
        assertEquals(List.of(), r.messages());
        assertEquals(
                """
                Document @1
                  Paragraph @1 classes=loud
                    Text "HELLO " @1
                    Emphasis @1
                      Text "WORLD" @1
                    Text " AGAIN" @1
                  Paragraph @6
                    Text "See " @6
                    Emphasis @6 classes=unixman
                      Text "LS(1)" @6
                    Text "." @6
                """,
                r.document().dump());
    }

    @Test
    void withoutTheRegistrationTheSameTextIsLeftPending() {
        RstReader.Result r = read(
                reader(Directives.STANDARD),
                """
                .. shout:: loud

                   hello

                See :unixman:`ls(1)`.
                """);
        RstNode d = r.document().children().get(0);
        assertEquals(Type.DIRECTIVE, d.type());
        assertEquals("shout", d.directive().name());
        RstNode x = r.document().findAll(Type.PENDING_XREF).get(0);
        assertEquals("unixman", x.attr("role"));
        assertEquals("ls(1)", x.attr("text"));
    }

    @Test
    void directiveAndRoleNamesMatchInAnyCase() {
        RstReader reader = reader(Directives.STANDARD);
        String lower = read(reader, ".. note::\n\n   Mind :strong:`this`.\n")
                .document()
                .dump();
        String upper = read(reader, ".. NOTE::\n\n   Mind :STRONG:`this`.\n")
                .document()
                .dump();
        String mixed = read(reader, ".. Note::\n\n   Mind :Strong:`this`.\n")
                .document()
                .dump();
        assertTrue(lower.contains("Admonition @1 kind=\"note\""), lower);
        assertTrue(lower.contains("Strong @3"), lower);
        assertEquals(lower, upper);
        assertEquals(lower, mixed);
        assertTrue(Directives.STANDARD.directive("Code-Block").isPresent());
        assertTrue(Directives.STANDARD.role("KBD").isPresent());
    }

    @Test
    void anUnknownDirectiveReachesTheLaterPassAsBefore() {
        RstReader reader = reader(Directives.STANDARD);
        RstReader.Result r = read(
                reader,
                """
                .. highlight:: QMP

                .. frob:: arg one
                   :opt: value

                   Body::

                      -> { "execute": "x" }
                """);
        assertEquals(List.of(), r.messages());
        RstNode d = r.document().children().get(0);
        assertEquals(Type.DIRECTIVE, d.type());
        assertEquals("frob", d.directive().name());
        assertEquals("arg one", d.directive().arguments());
        assertEquals("value", d.directive().options().get("opt"));
        assertEquals("QMP", d.attr("highlight"));
        // the later pass parses the content with the language in effect at the directive
        List<RstNode> body = reader.parseContent(d, false, m -> {});
        assertEquals(Type.LITERAL_BLOCK, body.get(1).type());
        assertEquals("QMP", body.get(1).attr("language"));
    }

    @Test
    void aDeferredRegistrationOverridesAStandardDirective() {
        DirectiveRegistry registry =
                Directives.standard().register("note", Directive.deferred()).build();
        RstNode d =
                read(reader(registry), ".. note:: text\n").document().children().get(0);
        assertEquals(Type.DIRECTIVE, d.type());
        assertEquals("text", d.directive().arguments());
        assertNotEquals(
                Type.DIRECTIVE,
                read(reader(Directives.STANDARD), ".. note:: text\n")
                        .document()
                        .children()
                        .get(0)
                        .type());
    }

    @Test
    void substitutionDirectivesOnlyDefineSubstitutions() {
        RstReader.Result r = read(
                reader(Directives.STANDARD),
                """
                .. |c| unicode:: U+00A9
                .. |r| replace:: *big*
                   deal

                |c| |r|

                .. replace:: not here
                """);
        assertEquals(List.of(), r.messages());
        RstNode p = r.document().findAll(Type.PARAGRAPH).get(0);
        assertEquals("\u00a9 big\ndeal", p.astext());
        assertEquals(
                Type.DIRECTIVE,
                r.document().children().get(r.document().children().size() - 1).type());
        RstReader.Result bad = read(reader(Directives.STANDARD), ".. |i| image:: x.png\n");
        assertEquals(
                "Substitution definition \"i\" uses the \"image\" directive, which is not supported here.",
                bad.messages().get(0).message());
    }
}
