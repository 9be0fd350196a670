package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qapidoc html} in-process: a one-manual site, schema errors as build errors, usage errors. */
class HtmlCommandTest {

    @Test
    void writesTheManualAsIndexWithIndices(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("site");
        Main.Result r = Main.capture(
                "html",
                "--namespace",
                "HMP",
                "--title",
                "Harbor reference",
                "-o",
                out.toString(),
                "sample-docs/schema/harbor.json");
        assertEquals(0, r.exitCode(), r.stderr());
        // outside the sample site the schema's :doc: link has no target; the warning points into
        // the schema with Sphinx's source-map line (QEMU credits free-form text one line early)
        assertEquals("sample-docs/schema/harbor.json:12: WARNING: unknown document: '/protocol'\n", r.stderr());
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("<h1>Harbor reference"), index);
        assertTrue(index.contains("id=\"command-HMP-machines.machine-start\""), index);
        assertTrue(index.contains("<nav class=\"contents local\" id=\"contents\">"), index);
        assertTrue(Files.readString(out.resolve("qapi-hmp-index.html")).contains("machines.machine-start"));
        assertTrue(Files.readString(out.resolve("genindex.html")).contains("machine-start (QMP command)"));
        assertTrue(Files.readString(out.resolve("searchindex.js")).contains("\"HMP:machines.machine-start\""));
        assertTrue(Files.isRegularFile(out.resolve("objects.inv")));
    }

    @Test
    void sidebarShowsTheManualsSectionTree(@TempDir Path tmp) throws IOException {
        // the manual has no toctree, so the sidebar lists the page and its sections (module
        // headings), as a build site's sidebar lists the page being read; objects stay in "On this page"
        Path out = tmp.resolve("site");
        Main.Result r =
                Main.capture("html", "--namespace", "HMP", "-o", out.toString(), "sample-docs/schema/harbor.json");
        assertEquals(0, r.exitCode(), r.stderr());
        String index = Files.readString(out.resolve("index.html"));
        String sidebar = globaltoc(index);
        assertTrue(
                sidebar.contains("<li class=\"toctree-l1 current\"><a class=\"reference internal current\" "
                        + "href=\"index.html\">HMP Reference Manual</a>"),
                sidebar);
        assertTrue(
                sidebar.contains("<a class=\"reference internal\" href=\"index.html#machines\">Machines</a>"), sidebar);
        assertTrue(
                sidebar.contains("<a class=\"reference internal\" href=\"index.html#storage\">Storage</a>"), sidebar);
        assertFalse(sidebar.contains("machine-start"), sidebar);
        assertTrue(
                index.lastIndexOf("href=\"#command-HMP-machines.machine-start\"") > index.indexOf("On this page"),
                index);
        // the other pages link back into the manual, without marking it current
        String genindex = globaltoc(Files.readString(out.resolve("genindex.html")));
        assertTrue(
                genindex.contains("<li class=\"toctree-l1\"><a class=\"reference internal\" href=\"index.html\">"),
                genindex);
        assertTrue(genindex.contains("href=\"index.html#machines\""), genindex);
    }

    private static String globaltoc(String page) {
        int start = page.indexOf("<div class=\"globaltoc\">");
        assertTrue(start >= 0, page);
        return page.substring(start, page.indexOf("</div>", start));
    }

    @Test
    void schemaErrorsFailTheBuild(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{ 'command': 'x', 'data': { 'a': 'Nope' } }\n");
        Path out = tmp.resolve("site");
        Main.Result r = Main.capture("html", "-o", out.toString(), bad.toString());
        assertEquals(1, r.exitCode());
        // the user's schema and its line, not the root page qapidoc generated around it
        assertTrue(r.stderr().contains(bad + ":1: parameter 'a' uses unknown type 'Nope'\n"), r.stderr());
        assertFalse(r.stderr().contains("index.rst"), r.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void usageErrors() {
        assertEquals(2, Main.capture("html").exitCode());
        assertEquals(2, Main.capture("html", "--namespace", "a b", "x.json").exitCode());
        assertEquals(2, Main.capture("html", "--dialect", "klingon", "x.json").exitCode());
        assertEquals(2, Main.capture("html", "--frob", "x.json").exitCode());
    }
}
