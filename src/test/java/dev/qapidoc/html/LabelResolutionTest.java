package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code :ref:} links point, compared with Sphinx 5.3's output for QEMU's docs tree. */
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
}
