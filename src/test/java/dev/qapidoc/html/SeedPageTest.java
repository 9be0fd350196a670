package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.rst.SystemMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed page ({@code ../shared/seeds/000_47ceb33ca2132d20.txt}) built as a site's index page
 * renders every construct of both dialects, with the union dialect's expected figures of
 * qapi-domain-and-html.md §10.5 and the fragments of §2.4, §2.9, §2.10, §3.5, §4.7 and Appendix B.
 * Skipped when {@code ../shared} is absent.
 */
class SeedPageTest {

    private static final Path SEED = Path.of("../shared/seeds/000_47ceb33ca2132d20.txt");

    @TempDir
    static Path dir;

    static SiteBuilder.Output out;
    static String page;
    static String content;

    @BeforeAll
    static void build() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(SEED), "../shared/seeds not present; seed page test skipped");
        Files.copy(SEED, dir.resolve("index.rst"));
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("project", "QEMU");
        conf.put("default_role", "any");
        conf.put("qapi_allowed_fields", List.of("see also", "example"));
        conf.put("qapi_namespaces", List.of("QGA", "QMP", "QSD"));
        out = SiteBuilder.build(
                new SiteBuilder.Options(dir, "seed", new SiteConfig(conf), false, List.of(Path.of("themes"))));
        page = new String(out.files().get("index.html"), StandardCharsets.UTF_8);
        int from = page.indexOf("<section id=\"qapi-domain-test\">");
        content = page.substring(from, page.lastIndexOf("</section>") + "</section>".length());
    }

    private static Map<String, Integer> count(String regex, String text) {
        Map<String, Integer> m = new TreeMap<>();
        Matcher x = Pattern.compile(regex).matcher(text);
        while (x.find()) {
            m.merge(x.group(1), 1, Integer::sum);
        }
        return m;
    }

    @Test
    void noUnknownDirectiveOptionOrField() {
        List<String> bad = new ArrayList<>();
        for (SystemMessage m : out.messages()) {
            String t = m.message();
            if ((m.level() != SystemMessage.Level.INFO && m.level() != SystemMessage.Level.WARNING)
                    || t.contains("Unknown directive")
                    || t.contains("unknown option")
                    || t.contains("Unrecognized field")
                    || t.contains("docfield")
                    || t.contains("Unexpected section title")) {
                bad.add(m.render());
            }
        }
        assertEquals(List.of(), bad);
        // what is left: the unresolved non-built-in types and the unknown document (§10.5)
        List<String> warnings = out.messages().stream()
                .filter(m -> m.level() == SystemMessage.Level.WARNING)
                .map(SystemMessage::message)
                .toList();
        assertEquals(10, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.contains("unknown document: '/interop/bitmaps'"), warnings.toString());
        assertTrue(warnings.contains("qapi:type reference target not found: 'SomeTypeName'"), warnings.toString());
    }

    @Test
    void fifteenContentIds() {
        Map<String, Integer> ids = count("\\bid=\"([^\"]+)\"", content);
        assertEquals(15, ids.size(), ids.toString());
        for (String id : List.of(
                "qapi-domain-test",
                "module-bar-module",
                "block-core-vm-unrelated",
                "module-block-core",
                "command-block-core.example-command",
                "command-block-core.fake-command",
                "enum-block-core.BitmapSyncMode",
                "alternate-block-core.BlockDirtyBitmapOrStr",
                "event-block-core.BLOCK_JOB_COMPLETED",
                "struct-block-core.BackupPerf",
                "union-block-core.RbdEncryptionOptions",
                "command-block-core.blockdev-backup",
                "command-block-core.x-debug-query-block-graph",
                "struct-block-core.XDbgBlockGraph",
                "struct-block-core.XDbgBlockGraphNode")) {
            assertEquals(1, ids.getOrDefault(id, 0), id);
        }
    }

    @Test
    void thirtyOneResolvedReferences() {
        Map<String, Integer> want = new TreeMap<>(Map.of(
                "#command-block-core.example-command",
                11,
                "genindex.html",
                4,
                "qapi-index.html",
                4,
                "#enum-block-core.BitmapSyncMode",
                3,
                "#module-bar-module",
                2,
                "#module-block-core",
                2,
                "#struct-block-core.XDbgBlockGraphNode",
                2,
                "#union-block-core.RbdEncryptionOptions",
                1,
                "#struct-block-core.BackupPerf",
                1,
                "#struct-block-core.XDbgBlockGraph",
                1));
        assertEquals(want, count("<a class=\"reference internal\" href=\"([^\"]+)\"", content));
    }

    @Test
    void thirtyNineUnresolvedTypes() {
        Map<String, Integer> want = new TreeMap<>(Map.ofEntries(
                Map.entry("str", 15),
                Map.entry("int", 8),
                Map.entry("bool", 4),
                Map.entry("int64", 2),
                Map.entry("BlockdevOnError", 2),
                Map.entry("SomeTypeName", 1),
                Map.entry("BlockDirtyBitmap", 1),
                Map.entry("JobType", 1),
                Map.entry("RbdImageEncryptionFormat", 1),
                Map.entry("MirrorSyncMode", 1),
                Map.entry("XDbgBlockGraphEdge", 1),
                Map.entry("uint64", 1),
                Map.entry("XDbgBlockGraphNodeType", 1)));
        assertEquals(
                want,
                count(
                        "(?<!\">)<code class=\"xref qapi qapi-type docutils literal notranslate\"><span "
                                + "class=\"pre\">([^<]*)</span></code>(?!</a>)",
                        content));
        assertEquals(Map.of("/interop/bitmaps", 1), count("<span class=\"xref std std-doc\">([^<]*)</span>", content));
    }

    @Test
    void allTenExampleCommandFormsResolve() {
        Map<String, Integer> texts = count(
                "href=\"#command-block-core.example-command\" title=\"block-core."
                        + "example-command\"><code class=\"xref [^\"]*\"><span class=\"pre\">([^<]*)</span>",
                content);
        // line 65 plus the ten forms of lines 76-85 (§4.7): seven short, three qualified texts
        assertEquals(Map.of("example-command", 8, "block-core.example-command", 3), texts);
        assertEquals(4, count("(xref qapi qapi-obj) docutils", content).getOrDefault("xref qapi qapi-obj", 0));
        // foo-module has :no-index: and does not resolve
        assertTrue(
                content.contains("<code class=\"docutils literal notranslate\"><span class=\"pre\">`foo-module`"),
                content);
        assertFalse(content.contains("#module-foo-module"));
    }

    @Test
    void modulesRenderAsTheUnionDialectExpects() {
        assertTrue(
                content.contains(
                        "<span class=\"target\" id=\"module-bar-module\"></span><section "
                                + "id=\"block-core-vm-unrelated\">\n<span id=\"module-block-core\"></span><h2>Block core (VM unrelated)"),
                content);
        assertTrue(
                content.contains("<p>This starts a hypothetical module named <code class=\"docutils literal "
                        + "notranslate\"><span class=\"pre\">foo-module</span></code>"),
                content);
        assertFalse(content.contains("will not be rendered"), content);
        // the section closes after the module's content; the next paragraph follows it
        assertTrue(content.contains("</section>\n<p>QAPI modules can now be cross-referenced"), content);
    }

    @Test
    void fakeCommandHasBranchesTypedErrorsAndOneList() {
        int from = content.indexOf("id=\"command-block-core.fake-command\"");
        String fake = content.substring(from, content.indexOf("<dl class=\"qapi", from));
        List<String> labels = new ArrayList<>();
        Matcher m = Pattern.compile("<dt class=\"(field-odd|field-even)\">([^<]*)<span")
                .matcher(fake);
        while (m.find()) {
            labels.add(m.group(1) + " " + m.group(2));
        }
        assertEquals(
                List.of(
                        "field-odd Arguments",
                        "field-even [discrim = on-success]",
                        "field-odd [discrim = never]",
                        "field-even Features",
                        "field-odd Errors",
                        "field-even Return",
                        "field-odd Example",
                        "field-even See also"),
                labels);
        assertTrue(fake.contains("<dl class=\"field-list\">"), fake);
        assertTrue(fake.contains("<li><p><strong>CommandNotFound</strong> – When you try to use this command"), fake);
        assertTrue(
                fake.contains("<strong>rab</strong> (<span><code class=\"docutils literal notranslate\"><span "
                        + "class=\"pre\">[</span></code><a class=\"reference internal\" href=\"#struct-block-core."
                        + "XDbgBlockGraphNode\""),
                fake);
        assertTrue(fake.contains("<div class=\"highlight-QMP notranslate\">"), fake);
    }

    @Test
    void indicesAndToc() {
        String gen = new String(out.files().get("genindex.html"), StandardCharsets.UTF_8);
        assertEquals(
                13,
                count("<li><a href=\"([^\"]+)\"", gen).values().stream()
                        .mapToInt(Integer::intValue)
                        .sum());
        assertTrue(gen.contains(">bar-module (QMP module)</a>"), gen);
        String idx = new String(out.files().get("qapi-index.html"), StandardCharsets.UTF_8);
        assertEquals(
                List.of("Alternates", "Commands", "Enums", "Events", "Modules", "Structs", "Unions", "B"),
                new ArrayList<>(count("id=\"cap-([^\"]+)\"", idx).keySet())
                        .stream()
                                .sorted((a, b) -> idx.indexOf("cap-" + a + "\"") - idx.indexOf("cap-" + b + "\""))
                                .toList());
        // the page's own TOC: one section and the 11 objects
        String local = page.substring(page.lastIndexOf("</section>"));
        assertEquals(
                11,
                count("href=\"#((?:command|enum|event|alternate|struct|union)-[^\"]+)\"><code", local)
                        .size(),
                local);
        assertTrue(local.contains("href=\"#block-core-vm-unrelated\""), local);
        // REF texts keep the module (§6.2)
        assertTrue(local.contains("<span class=\"pre\">block-core.example-command</span></code></a>"), local);
        assertFalse(out.files().containsKey("qapi-qmp-index.html"));
    }
}
