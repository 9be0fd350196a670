package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code :ref:} and {@code any} links point, compared with Sphinx 5.3's output for QEMU's
 * docs tree.
 */
class LabelResolutionTest {

    @Test
    void aLabelNamedLikeItsSectionLinksToTheSectionsOwnId(@TempDir Path dir) throws IOException {
        // system/images.rst: ".. _disk images:" before "Disk Images"; Sphinx links #disk-images
        Files.writeString(
                dir.resolve("index.rst"),
                ".. _disk images:\n\nDisk Images\n-----------\n\n.. _other:\n\nNamed\n-----\n\n"
                        + "See :ref:`disk images` and :ref:`other`.\n");
        String html = SiteBuilderTest.page(SiteBuilderTest.build(dir, false), "index.html");
        assertTrue(html.contains("<section id=\"disk-images\">\n<span id=\"id1\"></span>"), html);
        assertTrue(html.contains("href=\"#disk-images\"><span class=\"std std-ref\">Disk Images"), html);
        // a label of another name keeps its own id
        assertTrue(html.contains("href=\"#other\"><span class=\"std std-ref\">Named"), html);
    }

    @Test
    void anyAsksTheCDomainToo(@TempDir Path dir) throws IOException {
        // devel/memory.rst: `memory_region_add_subregion` with default_role = 'any'
        Files.writeString(dir.resolve("conf.py"), "default_role = 'any'\n");
        Files.writeString(
                dir.resolve("index.rst"),
                "T\n=\n\n.. c:function:: void region_add (int x)\n\n   Adds.\n\nSee `region_add`.\n");
        SiteBuilder.Output o = SiteBuilderTest.build(dir, false);
        String html = SiteBuilderTest.page(o, "index.html");
        assertTrue(
                html.contains("<a class=\"reference internal\" href=\"#c.region_add\" title=\"region_add\">"
                        + "<code class=\"xref any c c-func docutils literal notranslate\">"),
                html);
        assertTrue(
                o.messages().stream().noneMatch(m -> m.render().contains("'any'")),
                o.messages().toString());
    }
}
