package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.emit.RstWriter;
import dev.qapidoc.rst.SystemMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-site builds: the bundled sample, escaping rules, determinism, the inventory format. */
class SiteBuilderTest {

    static SiteBuilder.Output build(Path src, boolean allowRaw) throws IOException {
        SiteConfig conf = SiteConfig.empty();
        if (Files.isRegularFile(src.resolve("conf.py"))) {
            conf = ConfPy.parse("conf.py", Files.readString(src.resolve("conf.py")))
                    .config();
        }
        // qapi-doc pages (sample-docs/reference/hmp.rst) need the schema side, as the CLI wires it
        RstWriter.Dialect dialect =
                RstWriter.Dialect.named(conf.string("qapidoc_dialect", "qemu")).orElseThrow();
        return SiteBuilder.build(new SiteBuilder.Options(src, src.toString(), conf, allowRaw, List.of())
                .withExpander(new TestSchemaExpander(src.resolve(conf.string("qapidoc_srctree", ".")), dialect)));
    }

    static String page(SiteBuilder.Output o, String name) {
        byte[] b = o.files().get(name);
        assertTrue(b != null, "missing output " + name + " in " + o.files().keySet());
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String warnings(SiteBuilder.Output o) {
        return o.messages().stream()
                .filter(m -> m.level() != SystemMessage.Level.INFO)
                .map(SystemMessage::render)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void sampleDocsBuildCleanly() throws IOException {
        SiteBuilder.Output o = build(Path.of("sample-docs"), false);
        assertEquals("", warnings(o));
        for (String f : List.of(
                "index.html",
                "getting-started.html",
                "protocol.html",
                "reference/index.html",
                "reference/commands.html",
                "genindex.html",
                "search.html",
                "searchindex.js",
                "objects.inv",
                "_static/qapidoc.css",
                "_static/qapidoc.js",
                "_static/searchtools.js")) {
            assertTrue(o.files().containsKey(f), f + " missing: " + o.files().keySet());
        }
        String commands = page(o, "reference/commands.html");
        // links from a page in a subfolder go up one level
        assertTrue(commands.contains("href=\"../protocol.html\""), commands);
        assertTrue(commands.contains("href=\"../_static/qapidoc.css\""), commands);
        // the included snippet is part of reference/index
        assertTrue(page(o, "reference/index.html").contains("<h2>Legal"), "include");
        // no network resources anywhere in the theme output
        for (Map.Entry<String, byte[]> e : o.files().entrySet()) {
            if (e.getKey().endsWith(".html")
                    || e.getKey().endsWith(".css")
                    || e.getKey().endsWith(".js")) {
                String t = new String(e.getValue(), StandardCharsets.UTF_8);
                assertFalse(
                        t.matches("(?s).*(src|href)=\"(https?:)?//(?!example\\.org).*"),
                        e.getKey() + " loads from the network");
                assertFalse(t.contains("@import"), e.getKey());
            }
        }
    }

    @Test
    void twoBuildsGiveIdenticalBytes() throws IOException {
        SiteBuilder.Output a = build(Path.of("sample-docs"), false);
        SiteBuilder.Output b = build(Path.of("sample-docs"), false);
        assertEquals(a.files().keySet(), b.files().keySet());
        for (String k : a.files().keySet()) {
            assertArrayEquals(a.files().get(k), b.files().get(k), k);
        }
    }

    @Test
    void generalIndexHasTheSampleEntries() throws IOException {
        String g = page(build(Path.of("sample-docs"), false), "genindex.html");
        assertTrue(g.contains("<a href=\"reference/commands.html#index-0\">machine-start</a>"), g);
        // a pair entry appears under both words
        assertTrue(g.contains("<li>machine"), g);
        assertTrue(g.contains("<li>snapshot"), g);
        assertTrue(g.contains("<h2 id=\"M\">M</h2>"), g);
    }

    @Test
    void inventoryIsSphinxVersionTwo() throws Exception {
        byte[] inv = build(Path.of("sample-docs"), false).files().get("objects.inv");
        String all = new String(inv, StandardCharsets.ISO_8859_1);
        String[] header = all.split("\n", 5);
        assertEquals("# Sphinx inventory version 2", header[0]);
        assertEquals("# Project: Harbor", header[1]);
        assertEquals("# Version: 2.1", header[2]);
        assertEquals("# The remainder of this file is compressed using zlib.", header[3]);
        int offset = (header[0] + header[1] + header[2] + header[3]).length() + 4;
        Inflater inf = new Inflater();
        inf.setInput(inv, offset, inv.length - offset);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!inf.finished()) {
            int n = inf.inflate(buf);
            if (n == 0 && inf.needsInput()) {
                break;
            }
            out.write(buf, 0, n);
        }
        String body = out.toString(StandardCharsets.UTF_8);
        assertTrue(body.contains("index std:doc -1 index.html Harbor user manual\n"), body);
        // anchor equal to the name is shortened to $
        assertTrue(body.contains("commands std:label -1 reference/commands.html#$ Command reference\n"), body);
        assertTrue(body.contains("genindex std:label -1 genindex.html Index\n"), body);
        assertTrue(body.contains("search std:label -1 search.html Search Page\n"), body);
        // sorted by name
        List<String> names = body.lines().map(l -> l.split(" ")[0]).toList();
        assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void searchIndexIsAScriptWithTheTerms() throws IOException {
        String js = page(build(Path.of("sample-docs"), false), "searchindex.js");
        assertTrue(js.startsWith("Search.setIndex({"), js.substring(0, 40));
        assertTrue(js.contains("\"snapshot\":["), "term missing");
        assertFalse(js.contains("</script"), "index must be safe inside a script");
    }

    private static Path site(Path dir, String index) throws IOException {
        Files.writeString(dir.resolve("conf.py"), "project = 'T<est>'\ndefault_role = 'any'\n");
        Files.writeString(dir.resolve("index.rst"), index);
        return dir;
    }

    @Test
    void htmlLookingTextIsShownAsText(@TempDir Path dir) throws IOException {
        SiteBuilder.Output o =
                build(site(dir, "<b>Title</b> & co\n================\n\n<img src=x onerror=alert(1)>\n"), false);
        String html = page(o, "index.html");
        assertFalse(html.contains("<b>Title"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("<title>&lt;b&gt;Title&lt;/b&gt; &amp; co"), html);
        assertTrue(html.contains("T&lt;est&gt;"), "project name escaped");
    }

    @Test
    void nonHttpUrlsAreNeverLinks(@TempDir Path dir) throws IOException {
        SiteBuilder.Output o = build(
                site(
                        dir,
                        "T\n=\n\n`a <javascript:alert(1)>`_ `b <jav\tascript:x>`_ `c`_ `d <//evil.example/x>`_\n"
                                + "`e <vbscript:msgbox>`_ `f <https://ok.example/>`_ `g <rel/page.html>`_\n\n"
                                + ".. _c: data:text/html;base64,PHNjcmlwdD4=\n"),
                false);
        String html = page(o, "index.html");
        String body = html.substring(html.indexOf("<div class=\"body\""));
        assertFalse(body.toLowerCase(Locale.ROOT).contains("href=\"javascript"), body);
        assertFalse(body.contains("href=\"data:"), body);
        assertFalse(body.contains("href=\"vbscript:"), body);
        assertFalse(body.contains("href=\"//evil"), body);
        assertTrue(body.contains("href=\"https://ok.example/\""), body);
        assertTrue(body.contains("href=\"rel/page.html\""), body);
    }

    @Test
    void rawIsRefusedUnlessAllowed(@TempDir Path dir) throws IOException {
        Path src = site(dir, "T\n=\n\n.. raw:: html\n\n   <script>alert('raw')</script>\n");
        SiteBuilder.Output refused = build(src, false);
        assertFalse(page(refused, "index.html").contains("alert('raw')"));
        assertTrue(
                warnings(refused).contains("WARNING: \"raw\" directive disabled. Pass --allow-raw to render it."),
                warnings(refused));
        SiteBuilder.Output allowed = build(src, true);
        assertTrue(page(allowed, "index.html").contains("<script>alert('raw')</script>"));
    }

    @Test
    void problemsAreReportedWithLocations(@TempDir Path dir) throws IOException {
        SiteBuilder.Output o = build(
                site(
                        dir,
                        "T\n=\n\nSee :doc:`missing` and :ref:`nolabel` and `nothing`.\n\n"
                                + ".. qapi:frobnicate:: x\n\n.. toctree::\n\n   ghost\n"),
                false);
        String w = warnings(o);
        String f = dir + "/index.rst";
        assertTrue(w.contains(f + ":4: WARNING: unknown document: 'missing'"), w);
        assertTrue(w.contains(f + ":4: WARNING: undefined label: 'nolabel'"), w);
        assertTrue(w.contains(f + ":4: WARNING: 'any' reference target not found: nothing"), w);
        assertTrue(w.contains(f + ":6: ERROR: Unknown directive type \"qapi:frobnicate\"."), w);
        assertTrue(w.contains(f + ":10: WARNING: toctree contains reference to nonexisting document 'ghost'"), w);
        assertTrue(o.hasErrors());
    }

    @Test
    void hostileNestingDoesNotOverflow(@TempDir Path dir) throws IOException {
        StringBuilder deep = new StringBuilder("T\n=\n\n");
        for (int i = 0; i < 3000; i++) {
            deep.append("  ".repeat(i)).append("- x\n\n");
        }
        SiteBuilder.Output o = build(site(dir, deep.toString()), false);
        assertTrue(warnings(o).contains("Maximum nesting depth"), "depth limit reported");
    }

    @Test
    void imagesAreCopiedAndFilesOutsideTheSourceAreNotRead(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("sub"));
        Files.write(src.resolve("sub/pic.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
        site(src, "T\n=\n\n.. toctree::\n\n   sub/page\n\n.. include:: ../secret.txt\n");
        Files.writeString(
                src.resolve("sub/page.rst"),
                "P\n=\n\n.. image:: pic.png\n   :alt: a picture\n\n" + ".. image:: ../../secret.txt\n");
        SiteBuilder.Output o = build(src, false);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, o.files().get("_images/pic.png"));
        assertTrue(
                page(o, "sub/page.html").contains("<img alt=\"a picture\" src=\"../_images/pic.png\">"),
                page(o, "sub/page.html"));
        for (byte[] b : o.files().values()) {
            assertFalse(new String(b, StandardCharsets.ISO_8859_1).contains("TOP SECRET"));
        }
        String w = warnings(o);
        assertTrue(w.contains("index.rst:8: CRITICAL: Problems with \"include\" directive path"), w);
        assertTrue(w.contains("sub/page.rst:7: WARNING: image file not readable: ../../secret.txt"), w);
    }

    @Test
    void documentsOutsideEveryToctreeAreReported(@TempDir Path dir) throws IOException {
        site(dir, "T\n=\n");
        Files.writeString(dir.resolve("lost.rst"), "Lost\n====\n");
        Files.writeString(dir.resolve("orphan.rst"), ":orphan:\n\nOrphan\n======\n");
        SiteBuilder.Output o = build(dir, false);
        String w = warnings(o);
        assertTrue(w.contains(dir + "/lost.rst: WARNING: document isn't included in any toctree"), w);
        assertFalse(w.contains("orphan.rst"), w);
        // the metadata field list is not content
        assertFalse(page(o, "orphan.html").contains("field-list"), page(o, "orphan.html"));
    }

    @Test
    void globToctreesAndUnknownThemes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("conf.py"), "html_theme = 'sphinx_rtd_theme'\n");
        Files.writeString(dir.resolve("index.rst"), "T\n=\n\n.. toctree::\n   :glob:\n\n   part-*\n   nothing-*\n");
        Files.writeString(dir.resolve("part-b.rst"), "B\n=\n");
        Files.writeString(dir.resolve("part-a.rst"), "A\n=\n\n.. [1] a footnote\n");
        SiteBuilder.Output o = SiteBuilder.build(new SiteBuilder.Options(
                dir,
                dir.toString(),
                ConfPy.parse("conf.py", Files.readString(dir.resolve("conf.py")))
                        .config(),
                false,
                List.of()));
        String index = page(o, "index.html");
        assertTrue(index.indexOf("href=\"part-a.html\"") < index.indexOf("href=\"part-b.html\""), index);
        String w = warnings(o);
        // a Sphinx theme stands for the built-in one with an INFO note, so -W passes on it
        assertFalse(w.contains("theme"), w);
        assertTrue(
                o.messages().stream()
                        .anyMatch(m -> m.level() == dev.qapidoc.rst.SystemMessage.Level.INFO
                                && m.message().startsWith("html_theme 'sphinx_rtd_theme' is a Sphinx theme")),
                o.messages().toString());
        assertTrue(w.contains("index.rst:8: WARNING: toctree glob pattern 'nothing-*' didn't match any documents"), w);
        // footnotes are rendered now (they were a "not supported" warning)
        assertFalse(w.contains("part-a.rst"), w);
        assertTrue(page(o, "part-a.html").contains("<aside class=\"footnote brackets\""), page(o, "part-a.html"));
        assertFalse(w.contains("isn't included"), w);
    }

    /** A stand-in for the qapi domain: turns ".. thing:: NAME" into an object description. */
    private static final SiteBuilder.Pass FAKE_DOMAIN = (docname, tree, reader, report) -> {
        for (dev.qapidoc.rst.RstNode d : tree.findAll(dev.qapidoc.rst.RstNode.Type.DIRECTIVE)) {
            if (!d.directive().name().equals("thing")) {
                continue;
            }
            var desc = new dev.qapidoc.rst.RstNode(dev.qapidoc.rst.RstNode.Type.DESC, d.location())
                    .attr("domain", "qapi")
                    .attr("objtype", "command");
            var sig = new dev.qapidoc.rst.RstNode(dev.qapidoc.rst.RstNode.Type.DESC_SIGNATURE, d.location())
                    .attr("domain", "qapi")
                    .attr("tocname", d.directive().arguments());
            sig.ids().add("command-" + d.directive().arguments());
            var name = new dev.qapidoc.rst.RstNode(dev.qapidoc.rst.RstNode.Type.DESC_NAME, d.location());
            name.add(dev.qapidoc.rst.RstNode.text(d.directive().arguments(), d.location()));
            sig.add(name);
            var content = new dev.qapidoc.rst.RstNode(dev.qapidoc.rst.RstNode.Type.DESC_CONTENT, d.location());
            content.addAll(reader.parseContent(d, false, report));
            desc.add(sig);
            desc.add(content);
            d.replaceWith(List.of(desc));
        }
    };

    @Test
    void passesRunBeforeTransformsAndObjectsGetTocEntries(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("index.rst"), "T\n=\n\n.. toctree::\n\n   cmds\n");
        Files.writeString(
                dir.resolve("cmds.rst"), "Commands\n========\n\nGroup\n-----\n\n.. thing:: do-it\n\n   Does *it*.\n");
        SiteBuilder.Output o =
                SiteBuilder.build(new SiteBuilder.Options(dir, dir.toString(), SiteConfig.empty(), false, List.of())
                        .withPasses(List.of(FAKE_DOMAIN)));
        assertEquals("", warnings(o));
        String cmds = page(o, "cmds.html");
        assertTrue(
                cmds.contains("<dl class=\"qapi command\">\n<dt class=\"sig sig-object qapi\" id=\"command-do-it\">\n"
                        + "<span class=\"sig-name descname\"><span class=\"pre\">do-it</span></span>"
                        + "<a class=\"headerlink\" href=\"#command-do-it\" title=\"Permalink to this definition\">"),
                cmds);
        assertTrue(cmds.contains("<dd><p>Does <em>it</em>.</p>\n</dd></dl>"), cmds);
        // the object is listed in its section's TOC entry, as a literal (spec §6.3)
        String index = page(o, "index.html");
        assertTrue(
                index.contains(
                        "<li class=\"toctree-l2\"><a class=\"reference internal\" href=\"cmds.html#group\">Group</a><ul>\n"
                                + "<li class=\"toctree-l3\"><a class=\"reference internal\" href=\"cmds.html#command-do-it\">"
                                + "<code class=\"docutils literal notranslate\"><span class=\"pre\">do-it</span></code></a></li>"),
                index);
    }

    @Test
    void rstEpilogSubstitutionsAreAvailableEverywhere(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("conf.py"), "rst_epilog = \"\"\"\n.. |product| replace:: Harbor\n\"\"\"\n");
        Files.writeString(dir.resolve("index.rst"), "T\n=\n\nWelcome to |product|.\n");
        SiteBuilder.Output o = build(dir, false);
        assertEquals("", warnings(o));
        assertTrue(page(o, "index.html").contains("<p>Welcome to Harbor.</p>"));
    }
    /** A stand-in domain offering one object to the any role and resolving its own role. */
    private static final XrefDomain FAKE_XREF_DOMAIN = new XrefDomain() {
        @Override
        public java.util.Set<String> roles() {
            return java.util.Set.of("fake:obj");
        }

        @Override
        public void resolve(
                String docname, dev.qapidoc.rst.RstNode x, java.util.function.Consumer<SystemMessage> report) {
            var ref = new dev.qapidoc.rst.RstNode(dev.qapidoc.rst.RstNode.Type.REFERENCE, x.location())
                    .attr("refuri", DocPaths.pageUri(docname, "index", "obj-" + x.attr("text")))
                    .attr("internal", "true");
            ref.add(dev.qapidoc.rst.RstNode.text(x.attr("text"), x.location()));
            x.replaceWith(List.of(ref));
        }

        @Override
        public Map<String, XrefDomain.PageLabel> pageLabels() {
            return Map.of("fake-index", new XrefDomain.PageLabel("fake-index", "Fake Index"));
        }

        @Override
        public List<dev.qapidoc.domain.Domain.Candidate> anyCandidates(
                String docname, dev.qapidoc.rst.RstNode xref, String target, String title) {
            if (!target.equals("Thing") && !target.equals("other")) {
                return List.of();
            }
            var lit = new dev.qapidoc.rst.RstNode(dev.qapidoc.rst.RstNode.Type.LITERAL, xref.location());
            lit.classes().addAll(List.of("xref", "any", "fake", "fake-obj"));
            lit.add(dev.qapidoc.rst.RstNode.text(target, xref.location()));
            var ref = new dev.qapidoc.rst.RstNode(dev.qapidoc.rst.RstNode.Type.REFERENCE, xref.location())
                    .attr("internal", "true")
                    .attr("refuri", DocPaths.pageUri(docname, "index", "obj-" + target))
                    .attr("reftitle", "FQ:" + target);
            ref.add(lit);
            return List.of(new dev.qapidoc.domain.Domain.Candidate(":fake:obj:`" + target + "`", ref));
        }
    };

    @Test
    void resolversTakePartInAnyAndOwnTheirRoles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("index.rst"), "T\n=\n\n.. toctree::\n\n   other\n\nSee `Thing` and `other`.\n");
        Files.writeString(dir.resolve("other.rst"), "Other\n=====\n\nBack to :fake:obj:`Thing`, see `fake-index`.\n");
        SiteBuilder.Pass claim =
                (docname, tree, reader, report) -> tree.findAll(dev.qapidoc.rst.RstNode.Type.PENDING_XREF)
                        .forEach(x -> {
                            if (x.attr("role").startsWith("fake:")) {
                                x.attr("domain", "fake");
                            }
                        });
        SiteBuilder.Output o = SiteBuilder.build(new SiteBuilder.Options(
                        dir, dir.toString(), SiteConfig.empty().with("default_role", "any"), false, List.of())
                .withPasses(List.of(claim))
                .withDomains(List.of(FAKE_XREF_DOMAIN)));
        String index = page(o, "index.html");
        assertTrue(
                index.contains(
                        "<a class=\"reference internal\" href=\"#obj-Thing\" title=\"FQ:Thing\">"
                                + "<code class=\"xref any fake fake-obj docutils literal notranslate\"><span class=\"pre\">Thing</span></code></a>"),
                index);
        // a document comes before the domain's candidate, and the ambiguity is reported as Sphinx does
        assertTrue(
                index.contains(
                        "<a class=\"reference internal\" href=\"other.html\"><span class=\"doc\">Other</span></a>"),
                index);
        assertEquals(
                dir + "/index.rst:8: WARNING: more than one target found for 'any' cross-reference 'other': "
                        + "could be :std:doc:`Other` or :fake:obj:`other`",
                warnings(o));
        assertTrue(page(o, "other.html")
                .contains("<a class=\"reference internal\" href=\"index.html#obj-Thing\">Thing</a>"));
        assertTrue(
                page(o, "other.html")
                        .contains("<a class=\"reference internal\" href=\"fake-index.html\">"
                                + "<span class=\"std std-ref\">Fake Index</span></a>"),
                page(o, "other.html"));
    }

    @Test
    void pagesHeldInMemoryBuildLikeFilesAndTheFolderIsOnlyForIncludes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("stray.rst"), "Stray\n=====\n");
        Files.writeString(dir.resolve("part.inc"), "Included *text*.\n");
        String index = "T\n=\n\n.. toctree::\n\n   other\n\n.. include:: part.inc\n\nSee :ref:`nowhere`.\n";
        String other = "Other\n=====\n\nBack to :doc:`index`.\n";
        SiteBuilder.Options opts = new SiteBuilder.Options(dir, "src", SiteConfig.empty(), false, List.of());
        SiteBuilder.Output o = SiteBuilder.build(opts.withPages(Map.of(
                "index", dev.qapidoc.rst.ContentLine.of("src/index.rst", index),
                "other", dev.qapidoc.rst.ContentLine.of("src/other.rst", other))));
        // srcdir is not searched: stray.rst is no document (and so not "isn't included in any toctree")
        assertFalse(o.files().containsKey("stray.html"), o.files().keySet().toString());
        assertEquals("src/index.rst:10: WARNING: undefined label: 'nowhere'", warnings(o));
        assertTrue(page(o, "index.html").contains("<p>Included <em>text</em>.</p>"), page(o, "index.html"));
        assertTrue(
                page(o, "other.html")
                        .contains("<a class=\"reference internal\" href=\"index.html\">"
                                + "<span class=\"doc\">T</span></a>"),
                page(o, "other.html"));

        // the same documents as files give the same bytes
        Path disk = Files.createDirectory(dir.resolve("disk"));
        Files.writeString(disk.resolve("part.inc"), "Included *text*.\n");
        Files.writeString(disk.resolve("index.rst"), index);
        Files.writeString(disk.resolve("other.rst"), other);
        SiteBuilder.Output fromFiles =
                SiteBuilder.build(new SiteBuilder.Options(disk, "src", SiteConfig.empty(), false, List.of()));
        assertEquals(warnings(fromFiles), warnings(o));
        assertEquals(fromFiles.files().keySet(), o.files().keySet());
        for (String f : o.files().keySet()) {
            assertArrayEquals(fromFiles.files().get(f), o.files().get(f), f);
        }
    }

    /**
     * The search index, index pages and highlighting run on other threads: however their timing
     * falls, and with the trees frozen under them, builds give the same bytes.
     */
    @Test
    void outputDoesNotDependOnBackgroundTiming() throws IOException {
        SiteBuilder.Output first = build(Path.of("sample-docs"), false);
        for (int i = 0; i < 3; i++) {
            SiteBuilder.Output again = build(Path.of("sample-docs"), false);
            assertEquals(first.files().keySet(), again.files().keySet());
            for (String f : first.files().keySet()) {
                assertArrayEquals(first.files().get(f), again.files().get(f), f);
            }
            assertEquals(warnings(first), warnings(again));
        }
    }
}
