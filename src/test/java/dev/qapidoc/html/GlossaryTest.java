package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.SystemMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sphinx's glossary directive and :term: role, as Sphinx documents and renders them. */
class GlossaryTest {

    @TempDir
    Path dir;

    private static final String INDEX =
            """
            Title
            =====

            .. glossary::
               :sorted:

               Zebra
                  An animal.

               Environment
               Env
                  Where information is saved.

                  Second paragraph.

            See :term:`environment`, :term:`the zebra <Zebra>` and :term:`nothing`.
            """;

    private static final String OTHER =
            """
            Other
            =====

            An :term:`Env` from another page.
            """;

    private SiteBuilder.Output build() throws IOException {
        return SiteBuilder.build(new SiteBuilder.Options(dir, "src", SiteConfig.empty(), false, List.of())
                .withPages(Map.of(
                        "index", ContentLine.of("src/index.rst", INDEX + "\n.. toctree::\n\n   other\n"),
                        "other", ContentLine.of("src/other.rst", OTHER))));
    }

    private static String page(SiteBuilder.Output o, String name) {
        return new String(o.files().get(name), StandardCharsets.UTF_8);
    }

    @Test
    void termsSortedWithIdsAndSeveralTermsPerEntry() throws IOException {
        String html = page(build(), "index.html");
        int env = html.indexOf("<dt id=\"term-Environment\">Environment</dt>");
        int alias = html.indexOf("<dt id=\"term-Env\">Env</dt>");
        int zebra = html.indexOf("<dt id=\"term-Zebra\">Zebra</dt>");
        assertTrue(env > 0 && alias > env && zebra > alias, html);
        assertTrue(html.contains("<dl class=\"glossary\">"), html);
        assertTrue(html.contains("<p>Second paragraph.</p>"), html);
    }

    @Test
    void termReferencesIgnoreCaseAndLinkAcrossPages() throws IOException {
        SiteBuilder.Output o = build();
        assertTrue(page(o, "index.html")
                .contains("<a class=\"reference internal\" href=\"#term-Environment\">"
                        + "<span class=\"xref std std-term\">environment</span></a>"));
        assertTrue(page(o, "index.html").contains("href=\"#term-Zebra\"><span class=\"xref std std-term\">the zebra"));
        assertTrue(page(o, "other.html").contains("href=\"index.html#term-Env\""), page(o, "other.html"));
        List<String> warnings = o.messages().stream().map(SystemMessage::render).toList();
        assertEquals(List.of("src/index.rst:16: WARNING: term not in glossary: 'nothing'"), warnings);
    }

    @Test
    void termsAreIndexedAndInTheInventory() throws IOException {
        SiteBuilder.Output o = build();
        String genindex = page(o, "genindex.html");
        assertTrue(genindex.contains("index.html#term-Zebra"), genindex);
        assertTrue(genindex.contains("index.html#term-Env"), genindex);
    }
}
