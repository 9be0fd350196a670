package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapidoc.rst.RstNode.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a later pass (the qapi domain) parses the content of generic directives (spec §8.2). */
class ParseNestedTest {
    private final RstReader reader =
            new RstReader(new RstReader.Options("any", false, "default", true, (p, f) -> Optional.empty()));

    @Test
    void contentKeepsPositionsAndTheHighlightLanguage() {
        RstReader.Result r = reader.read(
                ContentLine.of(
                        "seed.rst",
                        """
                .. highlight:: QMP

                .. qapi:command:: example-command
                   :since: 42.0

                   Example::

                      -> { "execute": "example-command" }
                """));
        RstNode d = r.document().findAll(Type.DIRECTIVE).get(0);
        assertEquals("example-command", d.directive().arguments());
        assertEquals("42.0", d.directive().options().get("since"));
        List<SystemMessage> msgs = new ArrayList<>();
        List<RstNode> body = reader.parseContent(d, false, msgs::add);
        assertEquals(List.of(), msgs);
        assertEquals(Type.PARAGRAPH, body.get(0).type());
        assertEquals(6, body.get(0).location().line());
        RstNode block = body.get(1);
        assertEquals(Type.LITERAL_BLOCK, block.type());
        assertEquals("QMP", block.attr("language"));
        assertEquals(8, block.location().line());
        assertEquals("seed.rst", block.location().file());
    }

    @Test
    void titlesGetAFreshStyleMemory() {
        // the outer page uses "=" for its title; inside, "=" starts a new, nested style (§8.2.1)
        RstReader.Result r = reader.read(
                ContentLine.of(
                        "p.rst",
                        """
                Page
                ====

                .. qapi:module:: block-core

                   Block core
                   ==========

                   Text.

                   Sub
                   ---

                   More.
                """));
        RstNode d = r.document().findAll(Type.DIRECTIVE).get(0);
        List<RstNode> nodes = reader.parseContent(d, true, m -> {});
        assertEquals(1, nodes.size());
        RstNode sec = nodes.get(0);
        assertEquals(Type.SECTION, sec.type());
        assertEquals("Block core", sec.children().get(0).astext());
        assertEquals(Type.SECTION, sec.children().get(2).type());
        assertEquals("Sub", sec.children().get(2).children().get(0).astext());
    }

    @Test
    void titlesAreRefusedInObjectContent() {
        RstReader.Result r = reader.read(ContentLine.of("p.rst", ".. qapi:command:: x\n\n   Title\n   =====\n"));
        List<SystemMessage> msgs = new ArrayList<>();
        reader.parseContent(r.document().findAll(Type.DIRECTIVE).get(0), false, msgs::add);
        assertEquals(
                "p.rst:3: CRITICAL: Unexpected section title.\n\nTitle",
                msgs.get(0).render());
    }

    @Test
    void fieldListsAreStructured() {
        RstReader.Result r =
                reader.read(ContentLine.of("p.rst", ":arg [Foo]? bar: the *bar*\n   continued\n:see also: x\n"));
        RstNode list = r.document().children().get(0);
        assertEquals(Type.FIELD_LIST, list.type());
        RstNode first = list.children().get(0);
        assertEquals("arg [Foo]? bar", first.children().get(0).astext());
        assertEquals("the bar\ncontinued", first.children().get(1).astext());
        assertEquals("see also", list.children().get(1).children().get(0).astext());
    }
}
