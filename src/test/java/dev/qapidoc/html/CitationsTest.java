package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.SystemMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sphinx makes citations global: a {@code [CIT]_} resolves to the page that defines the citation,
 * backlinks stay on the defining page, and a citation defined nowhere is reported.
 */
class CitationsTest {

    @Test
    void aCitationDefinedOnAnotherPageIsLinked(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("conf.py"), "project = 'T'\n");
        Files.writeString(
                dir.resolve("index.rst"), "Home\n====\n\n.. toctree::\n\n   sub/refs\n   other\n\nSee [LoPAR]_.\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(
                dir.resolve("sub/refs.rst"), "Refs\n====\n\nHere [LoPAR]_.\n\n.. [LoPAR] The reference document.\n");
        Files.writeString(dir.resolve("other.rst"), "Other\n=====\n\nMissing [NOPE]_.\n");
        SiteBuilder.Output o = SiteBuilderTest.build(dir, false);
        String index = SiteBuilderTest.page(o, "index.html");
        assertTrue(
                index.contains("<a class=\"reference internal\" href=\"sub/refs.html#lopar\" id=\"id1\">"
                        + "<span>[LoPAR]</span></a>"),
                index);
        String refs = SiteBuilderTest.page(o, "sub/refs.html");
        // the defining page's backlink is its own reference only, as in Sphinx
        assertTrue(
                refs.contains("<span class=\"label\"><span class=\"fn-bracket\">[</span>"
                        + "<a role=\"doc-backlink\" href=\"#id1\">LoPAR</a>"),
                refs);
        String warnings = o.messages().stream()
                .filter(m -> m.level() != SystemMessage.Level.INFO)
                .map(SystemMessage::render)
                .collect(Collectors.joining("\n"));
        assertTrue(warnings.contains("other.rst:4: WARNING: citation not found: NOPE"), warnings);
        assertFalse(warnings.contains("LoPAR"), warnings);
    }
}
