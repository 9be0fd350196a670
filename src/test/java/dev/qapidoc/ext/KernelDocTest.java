package dev.qapidoc.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.ext.KernelDocComments.Comment;
import dev.qapidoc.ext.KernelDocComments.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kernel-doc on a small header of our own: what each comment documents, and the reST written for
 * it, following QEMU's documentation (the golden pages devel/ui.html, devel/qom-api.html).
 */
class KernelDocTest {

    private static String header() throws IOException {
        try (InputStream in = KernelDocTest.class.getResourceAsStream("/kernel-doc/widget.h")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void commentsAreClassifiedAndOneLineCommentsSkipped() throws IOException {
        List<Comment> cs = KernelDocComments.read(header());
        assertEquals(
                List.of(Kind.DOC, Kind.STRUCT, Kind.ENUM, Kind.FUNCTION, Kind.MACRO),
                cs.stream().map(Comment::kind).toList());
        assertEquals("make a widget that is new", cs.get(3).purpose());
        assertEquals(
                "static inline Widget *widget_new(int size, const char *name)",
                cs.get(3).declaration());
    }

    @Test
    void functionIsADirectiveWithParametersAndSections() throws IOException {
        String rst = String.join("\n", KernelDocRst.write(KernelDocComments.read(header()), false));
        assertTrue(
                rst.contains(".. c:function:: Widget * widget_new (int size, const char *name)\n\n"
                        + "   make a widget that is new\n\n"
                        + ".. container:: kernelindent\n\n"
                        + "   **Parameters**\n\n"
                        + "   ``int size``\n     the size\n\n"
                        + "   ``const char *name``\n     its name\n\n"
                        + "   **Description**\n\n"
                        + "   Makes a widget of **size**.\n\n"
                        + "   **Return**\n\n"
                        + "   the :c:type:`Widget`.\n"),
                rst);
    }

    @Test
    void structShowsItsPublicDefinitionAndMembers() throws IOException {
        String rst = String.join("\n", KernelDocRst.write(KernelDocComments.read(header()), false));
        assertTrue(
                rst.contains(".. c:struct:: Widget\n\n   a widget\n\n.. container:: kernelindent\n\n"
                        + "   **Definition**::\n\n"
                        + "     struct Widget {\n"
                        + "         int size;\n"
                        + "         void (*ops)(struct Widget *w, int n);\n"
                        + "     };\n\n"
                        + "   **Members**\n\n"
                        + "   ``size``\n     its size in ``WIDGET_UNIT``\n\n"
                        + "   ``ops``\n     callbacks\n\n"
                        + "**Description**\n\n"
                        + "A widget; see :c:type:`struct Widget <Widget>` and :c:type:`Widget`.\n"),
                rst);
    }

    @Test
    void enumMacroAndDocSection() throws IOException {
        String rst = String.join("\n", KernelDocRst.write(KernelDocComments.read(header()), false));
        assertTrue(
                rst.contains(".. c:enum:: WidgetKind\n\n   kinds\n\n.. container:: kernelindent\n\n"
                        + "   **Constants**\n\n   ``WIDGET_A``\n     the first\n\n   ``WIDGET_B``\n     the second\n"),
                rst);
        assertTrue(rst.contains(".. c:macro:: WIDGET_MAX\n\n``WIDGET_MAX (a, b)``\n\n"), rst);
        assertTrue(
                rst.startsWith(
                        ".. _`Widget overview`:\n\n**Widget overview**\n\n" + "Widgets are made with widget_new().\n"),
                rst);
        String bare = String.join(
                "\n",
                KernelDocRst.write(List.of(KernelDocComments.read(header()).get(0)), true));
        assertEquals("Widgets are made with widget_new().\n", bare);
    }
}
