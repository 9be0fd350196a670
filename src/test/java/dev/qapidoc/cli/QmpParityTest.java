package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity with Sphinx on the QMP manual, measured as qapi-domain-and-html.md §10 describes: the
 * two-file source set of §8.3 built over {@code ../shared/corpus/qemu-master} against the golden
 * Sphinx 5.3 output in {@code ../shared/golden/sphinx-qmp}, and the same schema through
 * {@code qapidoc html}. Skipped when {@code ../shared} is absent.
 */
class QmpParityTest {

    private static final Path SHARED = Path.of("../shared");
    private static final Path GOLDEN = SHARED.resolve("golden/sphinx-qmp");
    private static final Path QEMU = SHARED.resolve("corpus/qemu-master");
    private static final Pattern OBJ_ID =
            Pattern.compile("id=\"((?:alternate|command|enum|event|module|object)-QMP-[^\"]+)\"");
    private static final Pattern OBJ_HREF =
            Pattern.compile("href=\"([^\"#]*)#((?:alternate|command|enum|event|module|object)-QMP-[^\"]+)\"");

    @TempDir
    static Path tmp;

    static Path site;
    static Main.Result build;

    @BeforeAll
    static void buildManual() throws IOException {
        Assumptions.assumeTrue(
                Files.isDirectory(GOLDEN) && Files.isDirectory(QEMU.resolve("qapi")),
                "../shared (golden Sphinx output and QEMU corpus) not present; parity test skipped");
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("index.rst"), "QEMU docs\n=========\n\n.. toctree::\n\n   qemu-qmp-ref\n");
        Files.writeString(
                src.resolve("qemu-qmp-ref.rst"),
                ".. _QMP Ref:\n\nQEMU QMP Reference Manual\n"
                        + "=========================\n\n.. contents::\n   :local:\n\n.. qapi-doc:: qapi/qapi-schema.json\n"
                        + "   :namespace: QMP\n");
        Files.writeString(
                src.resolve("conf.py"),
                "project = 'QEMU'\ndefault_role = 'any'\nmaster_doc = 'index'\n"
                        + "qapi_allowed_fields = {'see also'}\nqapi_namespaces = {'QGA', 'QMP', 'QSD'}\nqapidoc_srctree = '"
                        + QEMU.toAbsolutePath().normalize() + "'\n");
        site = tmp.resolve("out");
        build = Main.capture("build", src.toString(), "-o", site.toString());
        assertEquals(0, build.exitCode(), build.stderr());
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static Set<String> all(Pattern p, String text, int group) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(group));
        }
        return out;
    }

    private static Map<String, Integer> count(Pattern p, String text, int group) {
        Map<String, Integer> out = new TreeMap<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.merge(m.group(group), 1, Integer::sum);
        }
        return out;
    }

    @Test
    void sameObjectAnchors() throws IOException {
        Set<String> want = all(OBJ_ID, read(GOLDEN.resolve("qemu-qmp-ref.html")), 1);
        assertEquals(1054, want.size());
        assertEquals(want, all(OBJ_ID, read(site.resolve("qemu-qmp-ref.html")), 1));
    }

    @Test
    void sameLinksToObjects() throws IOException {
        assertSameLinks(site);
    }

    /** Every golden link to a QAPI object has a counterpart with the same target (html_parity.py). */
    private static void assertSameLinks(Path out) throws IOException {
        Map<String, Integer> want = count(OBJ_HREF, read(GOLDEN.resolve("qemu-qmp-ref.html")), 2);
        assertEquals(3400, want.values().stream().mapToInt(Integer::intValue).sum());
        Map<String, Integer> have = new HashMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String f = p.getFileName().toString();
                if (f.endsWith(".html")
                        && !f.equals("genindex.html")
                        && !f.startsWith("qapi-")
                        && !f.contains("search")) {
                    count(OBJ_HREF, read(p), 2).forEach((k, v) -> have.merge(k, v, Integer::sum));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        want.forEach((k, v) -> {
            if (have.getOrDefault(k, 0) < v) {
                missing.add(k + " x" + (v - have.getOrDefault(k, 0)));
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void noDanglingInternalLinks() throws IOException {
        assertNoDangling(site);
    }

    private static void assertNoDangling(Path out) throws IOException {
        Pattern anyId = Pattern.compile("\\bid=\"([^\"]+)\"");
        Pattern href = Pattern.compile("href=\"([^\":]*\\.html)?#([^\"]+)\"");
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.toString().endsWith(".html")) {
                    String t = read(p);
                    texts.put(p.getFileName().toString(), t);
                    ids.put(p.getFileName().toString(), all(anyId, t, 1));
                }
            }
        }
        List<String> dangling = new ArrayList<>();
        texts.forEach((file, t) -> {
            Matcher m = href.matcher(t);
            while (m.find()) {
                String target = m.group(1) == null ? file : m.group(1);
                if (!ids.getOrDefault(target, Set.of()).contains(m.group(2))) {
                    dangling.add(file + " -> " + target + "#" + m.group(2));
                }
            }
        });
        assertEquals(List.of(), dangling);
    }

    private static final Pattern GENINDEX_ENTRY = Pattern.compile("<li><a href=\"([^\"]+)\">([^<]+)</a>");

    @Test
    void sameGeneralIndexEntries() throws IOException {
        List<String> want = entries(GENINDEX_ENTRY, read(GOLDEN.resolve("genindex.html")));
        assertEquals(1054, want.size());
        assertEquals(want, entries(GENINDEX_ENTRY, read(site.resolve("genindex.html"))));
    }

    private static final Pattern QAPI_ROW = Pattern.compile(
            "<tr class=\"cap\" id=\"(cap-[^\"]+)\"|<a href=\"([^\"]+)\"><code class=\"xref\">([^<]+)</code></a>( <em>[^<]*</em>)?");

    @Test
    void sameQmpIndexRows() throws IOException {
        List<String> want = entries(QAPI_ROW, read(GOLDEN.resolve("qapi-qmp-index.html")));
        assertEquals(2108 + 23, want.size());
        assertEquals(want, entries(QAPI_ROW, read(site.resolve("qapi-qmp-index.html"))));
    }

    private static List<String> entries(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            StringBuilder sb = new StringBuilder();
            for (int g = 1; g <= m.groupCount(); g++) {
                sb.append(m.group(g)).append('|');
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void sameSixWarnings() {
        Set<String> got = new TreeSet<>(
                build.stderr().lines().filter(l -> l.contains("WARNING")).toList());
        assertEquals(
                new TreeSet<>(List.of(
                        "qapi/qapi-schema.json:22: WARNING: unknown document: '/interop/qmp-spec'",
                        "qapi/migration.json:641: WARNING: 'any' reference target not found: guest-suspend-ram",
                        "qapi/control.json:27: WARNING: unknown document: '/interop/qmp-spec'",
                        "qapi/introspect.json:278: WARNING: unknown document: '/devel/qapi-code-gen'",
                        "qapi/machine.json:941: WARNING: undefined label: 'cpu-topology-s390x'",
                        "qapi/misc-i386.json:9: WARNING: 'any' reference target not found: guest-set-time")),
                got);
        assertEquals(6, build.stderr().lines().count(), build.stderr());
    }

    @Test
    void sameTocInTheRootToctree() throws IOException {
        Pattern li = Pattern.compile("<li class=\"(toctree-l\\d)\"><a class=\"reference internal\" href=\"([^\"]+)\">");
        String golden = read(GOLDEN.resolve("index.html"));
        String ours = read(site.resolve("index.html"));
        String g = golden.substring(golden.indexOf("<div class=\"toctree-wrapper compound\">"));
        String o = ours.substring(ours.indexOf("<div class=\"toctree-wrapper compound\">"));
        List<String> want = entries(li, g.substring(0, g.indexOf("</div>")));
        assertEquals(1 + 40 + 729 + 285, want.size());
        assertEquals(want, entries(li, o.substring(0, o.indexOf("</div>"))));
    }

    @Test
    void htmlCommandGivesTheSameAnchorsAndLinks() throws IOException {
        Path out = tmp.resolve("html");
        Main.Result r = Main.capture(
                "html",
                "--namespace",
                "QMP",
                "-o",
                out.toString(),
                QEMU.resolve("qapi/qapi-schema.json").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        Set<String> want = all(OBJ_ID, read(GOLDEN.resolve("qemu-qmp-ref.html")), 1);
        assertEquals(want, all(OBJ_ID, read(out.resolve("index.html")), 1));
        assertSameLinks(out);
        assertNoDangling(out);
        assertTrue(Files.isRegularFile(out.resolve("qapi-qmp-index.html")));
        assertTrue(Files.isRegularFile(out.resolve("objects.inv")));
    }

    @Test
    void sameObjectDescriptionShapes() throws IOException {
        // spec §10.2 C5/C7: per field label, pip and code block class, the same counts as Sphinx
        String golden = read(GOLDEN.resolve("qemu-qmp-ref.html"));
        String ours = read(site.resolve("qemu-qmp-ref.html"));
        for (String re : List.of(
                "<dt class=\"field-(?:odd|even)\">([^<]+)<span class=\"colon\">",
                "<div class=\"(qapi-infopips?[^\"]*)\"",
                "<div class=\"(highlight-[^ ]+) notranslate\">",
                "<dl class=\"(qapi [a-z]+)\">",
                "<(h[1-6])>",
                "<dl class=\"(field-list[^\"]*)\">")) {
            Pattern p = Pattern.compile(re);
            assertEquals(count(p, golden, 1), count(p, ours, 1), re);
        }
        assertEquals(
                Map.of(
                        "Alternatives",
                        6,
                        "Arguments",
                        159,
                        "Errors",
                        55,
                        "Features",
                        63,
                        "Members",
                        568,
                        "Return",
                        104,
                        "Values",
                        182),
                count(Pattern.compile("<dt class=\"field-(?:odd|even)\">([^<]+)<span class=\"colon\">"), ours, 1));
    }
}
