package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.ContentLine;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** |version|, |release| and |today|: values, the date's sources in order, and pages' own definitions. */
class DefaultSubstitutionsTest {
    private static final LocalDate BUILD = LocalDate.of(2020, 5, 6);

    @Test
    void todayIsConfThenSourceDateEpochThenTheBuildDate() {
        SiteConfig c = SiteConfig.empty();
        assertEquals("Feb 03, 2001", new DefaultSubstitutions(c.with("today", "Feb 03, 2001"), "0", BUILD).today());
        assertEquals("Feb 03, 2001", new DefaultSubstitutions(c, "981158400", BUILD).today());
        assertEquals(
                "2001-02-03 Saturday",
                new DefaultSubstitutions(c.with("today_fmt", "%Y-%m-%d %A"), "981158400", BUILD).today());
        assertEquals("May 06, 2020", new DefaultSubstitutions(c, null, BUILD).today());
        assertEquals("May 06, 2020", new DefaultSubstitutions(c, "not a number", BUILD).today());
    }

    @Test
    void aPageKeepsItsOwnDefinitionAndValuesAreLiteral() {
        DefaultSubstitutions d = new DefaultSubstitutions(SiteConfig.empty().with("version", "1.*2*"), null, BUILD);
        List<ContentLine> page = ContentLine.of("p.rst", ".. |version| replace:: mine\n");
        List<String> lines = d.lines(page).stream().map(ContentLine::text).toList();
        assertEquals(List.of("", ".. |release| replace:: 1\\.\\*2\\*", ".. |today| replace:: May 06\\, 2020"), lines);
        assertTrue(d.lines(List.of()).get(1).text().startsWith(".. |version| replace:: 1\\.\\*2\\*"));
    }

    @Test
    void substitutionsAppearInPagesWithoutTheirDefinitions() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("qapidoc-subst");
        SiteBuilder.Output o = SiteBuilder.build(new SiteBuilder.Options(
                        dir,
                        "src",
                        SiteConfig.empty().with("version", "4.5").with("today", "Someday"),
                        false,
                        List.of())
                .withPages(java.util.Map.of(
                        "index", ContentLine.of("src/index.rst", "T\n=\n\nv |version| r |release| |today|\n"))));
        assertEquals(List.of(), o.messages());
        String html = new String(o.files().get("index.html"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(html.contains("v 4.5 r 4.5 Someday"), html);
        String search = new String(o.files().get("searchindex.js"), java.nio.charset.StandardCharsets.UTF_8);
        // the added definitions are gone from the tree: the search text has the value once
        assertEquals(2, search.split("Someday", -1).length, search);
    }
}
