package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.SystemMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QEMU's file-reading extensions in a whole site build, example by example: an input of our own
 * (a small {@code .hx} file, a small D-Bus XML file) and the HTML Sphinx writes for it (the
 * conventions of QEMU's manual: {@code <section id="hxtool-0">}, the {@code SRST(label)} id on
 * the element after it, {@code dbus} object descriptions).
 */
class QemuExtensionsSiteTest {

    @TempDir
    Path dir;

    private SiteBuilder.Output build(String index, SiteConfig conf) throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("index.rst"), index);
        return SiteBuilder.build(new SiteBuilder.Options(docs, "docs", conf, false, List.of()));
    }

    private static String page(SiteBuilder.Output o, String name) {
        return new String(o.files().get(name), StandardCharsets.UTF_8);
    }

    private static String messages(SiteBuilder.Output o) {
        return o.messages().stream().map(SystemMessage::render).collect(Collectors.joining("\n"));
    }

    private static final String HX = String.join(
            "\n",
            "HXCOMM comment, dropped",
            "DEFHEADING(Standard options:)",
            "DEF(\"h\", 0, QEMU_OPTION_h, \"-h\\n\", QEMU_ARCH_ALL)",
            "SRST",
            "``-h``",
            "    Display help",
            "ERST",
            "DEFHEADING()",
            "SRST(initrd)",
            "``-initrd file``",
            "    Use file.",
            "ERST",
            "ARCHHEADING(, QEMU_ARCH_I386)",
            "ARCHHEADING(i386 target only:, QEMU_ARCH_I386)",
            "SRST",
            "See :ref:`initrd <index-t-initrd>`.",
            "ERST",
            "");

    @Test
    void hxtoolSectionsHeadingsAndLabels() throws IOException {
        Files.writeString(dir.resolve("t.hx"), HX);
        SiteBuilder.Output o =
                build("Doc\n===\n\n.. hxtool-doc:: t.hx\n", SiteConfig.empty().with("hxtool_srctree", ".."));
        assertEquals("", messages(o));
        String html = page(o, "index.html");
        String expected = String.join(
                "\n",
                "<section id=\"hxtool-0\">",
                "<h2>Standard options<a class=\"headerlink\" href=\"#hxtool-0\" title=\"Permalink to this heading\">¶</a></h2>",
                "<dl class=\"simple\">",
                "<dt><code class=\"docutils literal notranslate\"><span class=\"pre\">-h</span></code></dt>",
                "<dd><p>Display help</p>",
                "</dd>",
                "</dl>",
                "<dl class=\"simple\" id=\"index-t-initrd\">",
                "<dt><code class=\"docutils literal notranslate\"><span class=\"pre\">-initrd</span> <span class=\"pre\">file</span></code></dt>",
                "<dd><p>Use file.</p>",
                "</dd>",
                "</dl>",
                "</section>",
                "<section id=\"hxtool-1\">",
                "<h2>i386 target only<a class=\"headerlink\" href=\"#hxtool-1\" title=\"Permalink to this heading\">¶</a></h2>",
                "<p>See <a class=\"reference internal\" href=\"#index-t-initrd\"><span class=\"std std-ref\">initrd</span></a>.</p>",
                "</section>",
                "</section>");
        assertTrue(html.contains(expected), html);
        assertTrue(!html.contains("HXCOMM") && !html.contains("DEF("), html);
    }

    @Test
    void hxtoolMissingFileIsAnErrorAtTheDirective() throws IOException {
        SiteBuilder.Output o = build(
                "Doc\n===\n\n.. hxtool-doc:: none.hx\n", SiteConfig.empty().with("hxtool_srctree", ".."));
        assertEquals(
                "docs/index.rst:4: ERROR: Problems with \"hxtool-doc\" directive path:\n"
                        + "InputError: [Errno 2] No such file or directory: 'none.hx'.",
                messages(o));
    }

    @Test
    void hxtoolReadsNothingOutsideItsTreeOrTheSourceFolder() throws IOException {
        // the tree is docs/hx; a path climbing out of it (or a symlink pointing out) is not read
        Files.createDirectories(dir.resolve("docs/hx"));
        Files.writeString(dir.resolve("secret.hx"), "SRST\nsecret text\nERST\n");
        Files.createSymbolicLink(dir.resolve("docs/hx/link.hx"), dir.resolve("secret.hx"));
        SiteConfig conf = SiteConfig.empty().with("hxtool_srctree", "hx");
        SiteBuilder.Output o = build("Doc\n===\n\n.. hxtool-doc:: ../../secret.hx\n\n.. hxtool-doc:: link.hx\n", conf);
        assertFalse(page(o, "index.html").contains("secret text"), page(o, "index.html"));
        assertEquals(2, o.messages().size(), messages(o));
    }

    private static final String XML = String.join(
            "\n",
            "<node>",
            "  <!--",
            "      org.example.Thing:",
            "",
            "      A thing; see :dbus:prop:`Size`.",
            "  -->",
            "  <interface name=\"org.example.Thing\">",
            "    <!--",
            "        Get:",
            "        @key: the key.",
            "        @value: the value.",
            "",
            "        Gets a value.",
            "    -->",
            "    <method name=\"Get\">",
            "      <arg type=\"s\" name=\"key\" direction=\"in\"/>",
            "      <arg type=\"ay\" name=\"value\" direction=\"out\"/>",
            "    </method>",
            "    <!--",
            "        Size:",
            "",
            "        The size.",
            "    -->",
            "    <property name=\"Size\" type=\"u\" access=\"read\"/>",
            "  </interface>",
            "</node>",
            "");

    @Test
    void dbusInterfaceMethodPropertyAndReference() throws IOException {
        Files.writeString(dir.resolve("t.xml"), XML);
        SiteBuilder.Output o =
                build("Doc\n===\n\n.. dbus-doc:: t.xml\n", SiteConfig.empty().with("dbusdoc_srctree", ".."));
        assertEquals("", messages(o));
        String html = page(o, "index.html");
        for (String expected : List.of(
                "<section id=\"org.example.Thing-section\">\n<h2>org.example.Thing interface<a",
                "<dl class=\"dbus interface\">\n<dt class=\"sig sig-object dbus\" id=\"org.example.Thing\">\n"
                        + "<em class=\"property\"><span class=\"pre\">interface</span> </em>"
                        + "<span class=\"sig-name descname\"><span class=\"pre\">org.example.Thing</span></span>",
                "<p>A thing; see <a class=\"reference internal\" href=\"#org.example.Thing.Size\">"
                        + "<code class=\"xref dbus dbus-prop docutils literal notranslate\"><span class=\"pre\">Size</span></code></a>.</p>",
                "<dl class=\"dbus method\">\n<dt class=\"sig sig-object dbus\" id=\"org.example.Thing.Get\">\n"
                        + "<em class=\"property\"><span class=\"pre\">method</span> </em>"
                        + "<span class=\"sig-name descname\"><span class=\"pre\">Get</span></span>"
                        + "<span class=\"sig-paren\">(</span><em class=\"sig-param\"><span class=\"kt\"><span class=\"pre\">s</span></span>"
                        + "<span class=\"w\"> </span><span class=\"n\"><span class=\"pre\">key</span></span></em>"
                        + "<span class=\"sig-paren\">)</span> <span class=\"sig-return\"><span class=\"sig-return-icon\">\u2192</span> "
                        + "<span class=\"sig-return-typehint\"><span class=\"sig-paren\">(</span><em class=\"sig-param\">"
                        + "<span class=\"kt\"><span class=\"pre\">ay</span></span><span class=\"w\"> </span>"
                        + "<span class=\"n\"><span class=\"pre\">value</span></span></em><span class=\"sig-paren\">)</span></span></span>",
                "<strong>key</strong> (<em>s</em>) \u2013 the key.",
                "<strong>value</strong> (<em>ay</em>) \u2013 the value.",
                "<p>Gets a value.</p>",
                "<dl class=\"dbus member\">\n<dt class=\"sig sig-object dbus\" id=\"org.example.Thing.Size\">",
                "<span class=\"p\"><span class=\"pre\">:</span></span><span class=\"kt\"><span class=\"pre\">u</span></span>",
                "read-only",
                "<p>The size.</p>")) {
            assertTrue(html.contains(expected), expected + "\n---\n" + html);
        }
    }

    private static final String TWO = String.join(
            "\n",
            "<node>",
            "  <!--",
            "      org.example.Alpha:",
            "",
            "      Once :dbus:meth:`Register`'ed; see :dbus:meth:`~org.example.Gone.Register`.",
            "  -->",
            "  <interface name=\"org.example.Alpha\">",
            "    <!--",
            "        Register:",
            "        @flag: the flag.",
            "",
            "        Uses :dbus:meth:`Register`.",
            "    -->",
            "    <method name=\"Register\">",
            "      <arg type=\"b\" name=\"flag\" direction=\"in\"/>",
            "      <arg type=\"u\" name=\"quiet\" direction=\"in\"/>",
            "    </method>",
            "    <property name=\"Name\" type=\"s\" access=\"read\"/>",
            "  </interface>",
            "  <interface name=\"org.example.Beta\">",
            "    <method name=\"Register\"/>",
            "  </interface>",
            "  <interface name=\"net.other.Gamma\"/>",
            "</node>",
            "");

    /**
     * Names not found as written resolve by their last part to the object described last; an
     * interface's own text is outside the interface; every argument has its dash.
     */
    @Test
    void dbusReferencesByShortNameLastDescribedWins() throws IOException {
        Files.writeString(dir.resolve("t.xml"), TWO);
        SiteBuilder.Output o =
                build("Doc\n===\n\n.. dbus-doc:: t.xml\n", SiteConfig.empty().with("dbusdoc_srctree", ".."));
        assertEquals("", messages(o));
        String html = page(o, "index.html");
        String toBeta = "<p>Once <a class=\"reference internal\" href=\"#org.example.Beta.Register\">"
                + "<code class=\"xref dbus dbus-meth docutils literal notranslate\"><span class=\"pre\">Register</span>"
                + "</code></a>\u2019ed; see <a class=\"reference internal\" href=\"#org.example.Beta.Register\">";
        assertTrue(html.contains(toBeta), html);
        // inside the interface, its own member
        assertTrue(
                html.contains("<p>Uses <a class=\"reference internal\" href=\"#org.example.Alpha.Register\">"), html);
        assertTrue(html.contains("<strong>quiet</strong> (<em>u</em>) \u2013 </p>"), html);
    }

    /** The interface index (dbus-dbusindex) and the members' general-index entries. */
    @Test
    void dbusIndexPageAndGeneralIndexEntries() throws IOException {
        Files.writeString(dir.resolve("t.xml"), TWO);
        SiteBuilder.Output o = build(
                "Doc\n===\n\n.. dbus-doc:: t.xml\n",
                SiteConfig.empty()
                        .with("dbusdoc_srctree", "..")
                        .with("dbus_index_common_prefix", List.of("org.example.", "org.")));
        String index = page(o, "dbus-dbusindex.html");
        assertTrue(index.contains("<h1>D-Bus Interfaces Index</h1>"), index);
        assertTrue(
                index.contains("<a href=\"#cap-a\"><strong>a</strong></a> | \n"
                        + "<a href=\"#cap-b\"><strong>b</strong></a> | \n"
                        + "<a href=\"#cap-n\"><strong>n</strong></a>\n</div>"),
                index);
        assertTrue(
                index.contains(
                        "<a href=\"index.html#org.example.Alpha\"><code class=\"xref\">org.example.Alpha</code></a>"),
                index);
        String gen = page(o, "genindex.html");
        assertTrue(gen.contains("Register() (org.example.Alpha method)"), gen);
        assertTrue(gen.contains("(org.example.Beta method)"), gen);
        assertTrue(
                gen.contains("<a href=\"index.html#org.example.Alpha.Name\">Name (org.example.Alpha property)</a>"),
                gen);
        assertTrue(!gen.contains("interface)"), gen);
    }

    /** No D-Bus description, no index page: Sphinx writes no empty domain index. */
    @Test
    void noDbusIndexWithoutInterfaces() throws IOException {
        SiteBuilder.Output o = build("Doc\n===\n\nText.\n", SiteConfig.empty());
        assertTrue(
                !o.files().containsKey("dbus-dbusindex.html"),
                o.files().keySet().toString());
    }

    /**
     * docutils' contents lists the sections that are children of its scope; those inside an
     * {@code only} node are not yet (Sphinx drops the node later), so the empty topic goes.
     */
    @Test
    void contentsSkipsSectionsInsideOnly() throws IOException {
        SiteBuilder.Output o = build(
                "Doc\n===\n\n.. contents::\n   :local:\n\n.. only:: html\n\n   .. dbus-doc:: t.xml\n\n"
                        + "Plain\n-----\n\nText.\n",
                SiteConfig.empty().with("dbusdoc_srctree", ".."));
        // t.xml does not exist here: only the plain section is listed
        String html = page(o, "index.html");
        assertTrue(html.contains("<a class=\"reference internal\" href=\"#plain\" id=\"id1\">Plain</a>"), html);
        Files.writeString(dir.resolve("t.xml"), TWO);
        html = page(
                o = build(
                        "Doc\n===\n\n.. contents::\n   :local:\n\n.. only:: html\n\n   .. dbus-doc:: t.xml\n",
                        SiteConfig.empty().with("dbusdoc_srctree", "..")),
                "index.html");
        assertTrue(
                html.contains("<section id=\"org.example.Alpha-section\">\n<h2>org.example.Alpha interface<a"), html);
        assertTrue(!html.contains("class=\"contents"), html);
        assertTrue(!html.contains("toc-backref"), html);
    }

    /**
     * Files are read from the source tree only: SRCDIR and the srctrees conf.py names, with
     * symbolic links resolved; anything else is refused with a message saying so.
     */
    @Test
    void includesReadFromTheConfiguredSrctreesOnly() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createDirectories(tree.resolve("ui"));
        Files.writeString(tree.resolve("ui/a.xml"), "<node>INSIDETREE</node>\n");
        Files.writeString(dir.resolve("secret.txt"), "TOPSECRET\n");
        Path docs = Files.createDirectories(tree.resolve("docs"));
        Files.createSymbolicLink(docs.resolve("link.txt"), dir.resolve("secret.txt"));
        Files.writeString(
                docs.resolve("index.rst"),
                "Doc\n===\n\n.. only:: not sphinx4\n\n   .. literalinclude:: ../ui/a.xml\n\n"
                        + ".. literalinclude:: ../../secret.txt\n\n.. literalinclude:: link.txt\n");
        SiteBuilder.Output o = SiteBuilder.build(new SiteBuilder.Options(
                docs, "docs", SiteConfig.empty().with("dbusdoc_srctree", ".."), false, List.of()));
        String html = page(o, "index.html");
        // read while the only node's content is parsed, as Sphinx does, and kept (the tag is unset)
        assertTrue(html.contains("INSIDETREE"), html);
        assertTrue(!html.contains("TOPSECRET"), html);
        assertEquals(
                "docs/index.rst:8: WARNING: File '../../secret.txt' is outside the source tree (the source folder"
                        + " and the srctrees conf.py names): not read\n"
                        + "docs/index.rst:10: WARNING: File 'link.txt' is outside the source tree (the source folder"
                        + " and the srctrees conf.py names): not read",
                messages(o));
        o = SiteBuilder.build(new SiteBuilder.Options(docs, "docs", SiteConfig.empty(), false, List.of()));
        assertTrue(
                messages(o).contains("docs/index.rst:6: WARNING: File '../ui/a.xml' is outside the source tree"),
                messages(o));
    }
}
