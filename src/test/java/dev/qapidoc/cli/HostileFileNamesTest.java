package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 1: page and image file names are chosen by the source tree. A page called
 * {@code javascript:...} must not become a {@code javascript:} link, and names with {@code ?},
 * {@code #}, {@code %}, {@code :}, spaces, quotes or non-ASCII letters must still link to their
 * own files, in the navigation, toctrees, xrefs, genindex, images and the inventory.
 */
class HostileFileNamesTest {

    private static final List<String> NAMES = List.of(
            "javascript:document.title='PWNED';x",
            "a#b",
            "q?x=1",
            "50%",
            "sp ace",
            "quo\"te&amp",
            "\u00fcn\u00efcode",
            "sub/c:d",
            "sub/data:text");

    private static final Pattern ATTR = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private static String unescapeHtml(String s) {
        return s.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    @Test
    void everyHrefOfEveryPageIsAnEncodedLinkToAWrittenFile(@TempDir Path tmp) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.createDirectories(src.resolve("sub"));
        Files.writeString(src.resolve("conf.py"), "project = 'P'\n");
        Files.write(src.resolve("im#g%1\u00fc.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        StringBuilder index = new StringBuilder("Home\n====\n\n.. toctree::\n   :glob:\n\n   *\n   sub/*\n\n");
        index.append(".. image:: im#g%1 \u00fc.png\n\n");
        for (String n : NAMES) {
            index.append("* :doc:`/").append(n.replace("<", "\\<")).append("`\n");
        }
        Files.writeString(src.resolve("index.rst"), index);
        for (String n : NAMES) {
            String base = n.substring(n.lastIndexOf('/') + 1);
            String title =
                    "Page " + base.replace("*", "\\*").replace("`", "\\`").replace("_", "\\_");
            Files.writeString(
                    src.resolve(n + ".rst"),
                    title + "\n" + "=".repeat(title.length() + 4) + "\n\n.. index:: entry" + NAMES.indexOf(n)
                            + "\n\n.. _label" + NAMES.indexOf(n) + ":\n\nSection\n-------\n\nSee :ref:`label0`"
                            + " and :doc:`/index`.\n");
        }
        Path out = tmp.resolve("out");
        Main.Result r = Main.capture("build", src.toString(), out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(r.stderr().contains("WARNING"), r.stderr());

        List<Path> pages;
        try (Stream<Path> w = Files.walk(out)) {
            pages = w.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        // every page of NAMES was written under its own name
        for (String n : NAMES) {
            assertTrue(Files.isRegularFile(out.resolve(n + ".html")), n);
        }
        int checked = 0;
        List<String> targets = new ArrayList<>();
        for (Path page : pages) {
            String html = Files.readString(page);
            Matcher m = ATTR.matcher(html);
            while (m.find()) {
                String uri = unescapeHtml(m.group(1));
                if (uri.startsWith("https://") || uri.startsWith("http://")) {
                    continue;
                }
                assertFalse(SCHEME.matcher(uri).find(), page + ": " + uri);
                String path = uri.contains("#") ? uri.substring(0, uri.indexOf('#')) : uri;
                assertFalse(path.contains("?"), page + ": " + uri);
                if (path.isEmpty()) {
                    continue;
                }
                String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
                Path target = page.getParent().resolve(decoded).normalize();
                if (decoded.endsWith("/")) {
                    target = target.resolve("index.html");
                }
                assertTrue(target.startsWith(out), page + ": " + uri);
                assertTrue(Files.isRegularFile(target), page + ": " + uri + " -> " + target);
                targets.add(out.relativize(target).toString());
                checked++;
            }
        }
        assertTrue(checked > 100, "hrefs checked: " + checked);
        // the odd pages were really linked (toctree, :doc:, genindex), and the image too
        for (String n : NAMES) {
            assertTrue(targets.contains(n + ".html"), n);
        }
        assertTrue(targets.stream().anyMatch(t -> t.startsWith("_images/")), targets.toString());
        String genindex = Files.readString(out.resolve("genindex.html"));
        assertTrue(genindex.contains("href=\"javascript%3Adocument.title%3D%27PWNED%27%3Bx.html"), genindex);

        // the search index keeps the names as data, in JSON a script cannot break out of
        String js = Files.readString(out.resolve("searchindex.js"));
        assertTrue(js.startsWith("Search.setIndex(") && js.endsWith(");\n"), js);
        assertFalse(js.contains("</"), js);
        JsonNode idx = new ObjectMapper().readTree(js.substring("Search.setIndex(".length(), js.length() - 3));
        List<String> docnames = new ArrayList<>();
        idx.get("docnames").forEach(d -> docnames.add(d.asText()));
        assertTrue(docnames.containsAll(NAMES), docnames.toString());
    }
}
