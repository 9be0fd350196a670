package dev.qapidoc.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.Directives;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.RstReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The c domain's directives: ids, index entries and signature text as Sphinx shows them. */
class CDomainDirectivesTest {

    private static RstNode read(String rst) {
        RstReader r = new RstReader(RstReader.Options.defaults()
                .withRegistry(CDomainDirectives.register(Directives.standard()).build()));
        return r.read(ContentLine.of("t.rst", rst)).document();
    }

    @Test
    void functionSignature() {
        RstNode doc = read(
                ".. c:function:: Object * object_new (const char *typename, Error **errp, ...)\n\n   Makes one.\n");
        RstNode sig = doc.findAll(Type.DESC_SIGNATURE).get(0);
        assertEquals(List.of("c.object_new"), sig.ids());
        assertEquals("Object *object_new(const char *typename, Error **errp, ...)", sig.astext());
        assertEquals(
                "single:object_new (C function)", doc.findAll(Type.INDEX).get(0).attr("entry0"));
        // the type name is a reference for the html side to resolve; the parameter names are not
        assertEquals(2, sig.findAll(Type.PENDING_XREF).size());
        assertEquals("function", doc.findAll(Type.DESC).get(0).attr("objtype"));
        // C objects are not table-of-contents entries in Sphinx
        assertEquals(null, sig.attr("tocname"));
    }

    @Test
    void structAndMacro() {
        RstNode doc = read(".. c:struct:: Widget\n\n.. c:macro:: WIDGET_MAX\n");
        List<RstNode> sigs = doc.findAll(Type.DESC_SIGNATURE);
        assertEquals("struct Widget", sigs.get(0).astext());
        assertEquals(List.of("c.WIDGET_MAX"), sigs.get(1).ids());
        assertEquals("WIDGET_MAX", sigs.get(1).astext());
    }
}
