package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a {@code toctree} shows of the documents it lists, compared with what Sphinx 5.3 writes
 * for QEMU's docs tree (golden {@code sphinx-docs-master}).
 */
class ToctreeNavigationTest {

    /** The HTML of the first toctree in the page body (the sidebar repeats the navigation). */
    private static String toctree(String page) {
        int start = page.indexOf("<div class=\"toctree-wrapper compound\">");
        assertTrue(start >= 0, page);
        return page.substring(start, page.indexOf("</div>", start));
    }

    @Test
    void everyTopLevelSectionOfAListedDocumentIsAnEntry(@TempDir Path dir) throws IOException {
        // devel/testing/ci.rst: an included file adds sections of the title's own style
        Files.writeString(dir.resolve("index.rst"), "Root\n====\n\n.. toctree::\n   :maxdepth: 2\n\n   ci\n");
        Files.writeString(
                dir.resolve("ci.rst"),
                "CI\n==\n\nText.\n\nVariables\n=========\n\nSet one\n-------\n\nRunners\n=======\n\nDeep\n----\n\n"
                        + "Deeper\n~~~~~~\n");
        String html = toctree(SiteBuilderTest.page(SiteBuilderTest.build(dir, false), "index.html"));
        // the first links to the page, the others to their sections, all at the same level
        assertTrue(
                html.contains("<li class=\"toctree-l1\"><a class=\"reference internal\" href=\"ci.html\">CI</a></li>"),
                html);
        assertTrue(
                html.contains(
                        "<li class=\"toctree-l1\"><a class=\"reference internal\" href=\"ci.html#variables\">Variables</a>"),
                html);
        assertTrue(
                html.contains(
                        "<li class=\"toctree-l2\"><a class=\"reference internal\" href=\"ci.html#set-one\">Set one</a>"),
                html);
        assertTrue(
                html.contains(
                        "<li class=\"toctree-l1\"><a class=\"reference internal\" href=\"ci.html#runners\">Runners</a>"),
                html);
        // :maxdepth: 2 holds for the later sections too
        assertTrue(html.contains("ci.html#deep\""), html);
        assertFalse(html.contains("ci.html#deeper\""), html);
        assertEquals(3, html.split("toctree-l1", -1).length - 1, html);
    }

    @Test
    void cFunctionsAreNoTocEntries(@TempDir Path dir) throws IOException {
        // devel/testing/qtest.rst: kernel-doc's c:function descriptions are not listed by Sphinx
        Files.writeString(dir.resolve("index.rst"), "Root\n====\n\n.. toctree::\n\n   api\n");
        Files.writeString(
                dir.resolve("api.rst"),
                "API\n===\n\n.. c:function:: int qtest_init (const char *args)\n\n   Starts.\n");
        String html = toctree(SiteBuilderTest.page(SiteBuilderTest.build(dir, false), "index.html"));
        assertFalse(html.contains("qtest_init"), html);
        assertTrue(html.contains("href=\"api.html\">API</a>"), html);
    }
}
