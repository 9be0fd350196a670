package dev.qapidoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces the package rules of EXAMPLES.md §5 and README's layout table: each pipeline stage may
 * use only the stages listed for it, so the design stays a pipeline. The table is the real rule,
 * not a linear order: the reST reader knows nothing but locations (it reads any reST, not only
 * generated reST), the emitter is the one bridge from the schema model to reST, the domain and the
 * HTML writer never see the schema model (they get reST, whatever produced it), lint works on the
 * model and doc comments without the reader, and only {@code cli} prints or exits.
 */
class ArchitectureTest {

    private static final Path ROOT = Path.of("src/main/java/dev/qapidoc");

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("source", Set.of()),
            Map.entry("doc", Set.of("source")),
            Map.entry("schema", Set.of("source", "doc")),
            Map.entry("introspect", Set.of("source", "schema")),
            Map.entry("rst", Set.of("source")),
            Map.entry("emit", Set.of("source", "doc", "schema", "rst")),
            Map.entry("domain", Set.of("source", "rst")),
            Map.entry("ext", Set.of("source", "rst")),
            Map.entry("html", Set.of("source", "rst", "domain", "ext")),
            Map.entry("lint", Set.of("source", "doc", "schema")),
            Map.entry(
                    "cli",
                    Set.of("source", "doc", "schema", "introspect", "rst", "emit", "domain", "ext", "html", "lint")));

    private static final Pattern IMPORT =
            Pattern.compile("^import\\s+(?:static\\s+)?dev\\.qapidoc\\.([a-z]+)\\.", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.qapidoc\\.([a-z]+)\\.[A-Z]");
    /** Ways to print or end the process; outside {@code cli} each is a design error. */
    private static final Pattern PRINTS_OR_EXITS = Pattern.compile(
            "\\bSystem\\s*\\.\\s*(?:out|err|exit|console)\\b|\\.printStackTrace\\s*\\(|\\bRuntime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(?:halt|exit)\\b");

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void everyPackageIsInTheTable() throws IOException {
        Set<String> present = new TreeSet<>();
        for (Path f : sources()) {
            present.add(ROOT.relativize(f).getName(0).toString());
        }
        assertEquals(new TreeSet<>(ALLOWED.keySet()), present, "packages on disk vs the layout table");
    }

    @Test
    void importsFollowThePipeline() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : sources()) {
            String pkg = ROOT.relativize(f).getName(0).toString();
            Set<String> allowed = ALLOWED.getOrDefault(pkg, Set.of());
            String text = Files.readString(f);
            for (Pattern p : List.of(IMPORT, QUALIFIED)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.equals(pkg) && !allowed.contains(target)) {
                        violations.add(f + ": " + pkg + " may not use " + target);
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @Test
    void domainAndHtmlNeverSeeTheSchemaModel() {
        for (String pkg : List.of("domain", "html", "rst")) {
            assertTrue(
                    !ALLOWED.get(pkg).contains("schema")
                            && !ALLOWED.get(pkg).contains("emit")
                            && !ALLOWED.get(pkg).contains("doc"),
                    pkg);
        }
        assertTrue(!ALLOWED.get("lint").contains("rst"), "lint does not read reST");
    }

    @Test
    void onlyCliPrintsOrExits() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : sources()) {
            if (ROOT.relativize(f).getName(0).toString().equals("cli")) {
                continue;
            }
            String code = COMMENT.matcher(Files.readString(f)).replaceAll(" ");
            Matcher m = PRINTS_OR_EXITS.matcher(code);
            while (m.find()) {
                violations.add(f + ": " + m.group());
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
