package dev.qapidoc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.source.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7 acceptance at the frontend level: every schema of the old QEMU releases in
 * {@code ../shared/corpus} (QMP, QGA, QSD where present) loads in tolerant mode without errors,
 * every command written in its files is in the model with its doc bound, and every definition
 * has its documentation. Skipped when the corpus is absent.
 */
class TolerantCorpusTest {
    static final Path CORPUS = Path.of("../shared/corpus");

    /** One schema of one release: the release directory and the root file relative to it. */
    record Case(String release, String root) {
        @Override
        public String toString() {
            return release + " " + root;
        }
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String rel : List.of("qemu-2.10.0", "qemu-5.0.0", "qemu-5.1.0", "qemu-7.2.0")) {
            for (String root : List.of(
                    "qapi-schema.json",
                    "qapi/qapi-schema.json",
                    "qga/qapi-schema.json",
                    "storage-daemon/qapi/qapi-schema.json")) {
                if (Files.isRegularFile(CORPUS.resolve(rel).resolve(root))) {
                    out.add(new Case(rel, root));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(new Case("(../shared/corpus absent)", ""));
        }
        return out.stream();
    }

    private static final Pattern COMMAND = Pattern.compile("\\{\\s*'command'\\s*:\\s*'([^']+)'");

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loadsWithEveryCommandDocumented(Case c) throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus absent: old QEMU schemas not available");
        Path dir = CORPUS.resolve(c.release()).toAbsolutePath();
        LoadResult r = SchemaLoader.load(c.root(), LoadOptions.tolerant(dir));
        Map<String, Integer> byRule = new TreeMap<>();
        for (Diagnostic d : r.warnings()) {
            byRule.merge(d.rule(), 1, Integer::sum);
        }
        System.out.println("tolerant " + c + ": errors=" + r.errors().size() + " warnings=" + byRule);
        assertEquals(List.of(), render(r.errors()), "errors of " + c);
        Schema s = r.schema();

        // every file the schema read: the root and each include
        Set<String> files = new LinkedHashSet<>();
        files.add(c.root());
        for (Entity e : s.entities()) {
            if (e instanceof Include i) {
                files.add(i.fileName());
            }
        }
        int commands = 0;
        for (String f : files) {
            String text = Files.readString(dir.resolve(f), StandardCharsets.UTF_8);
            Matcher m = COMMAND.matcher(text);
            while (m.find()) {
                commands++;
                String name = m.group(1);
                Entity e = s.entity(name).orElse(null);
                assertTrue(e instanceof Command, "command " + name + " of " + f + " in the model");
                assertNotNull(e.doc(), "command " + name + " has its doc");
                assertEquals(name, e.doc().symbol(), "doc bound to " + name);
            }
        }
        assertTrue(commands > 0, "the schema has commands");

        for (Entity e : s.entities()) {
            if (e.isImplicit() || e instanceof Include || e.location() == null) {
                continue;
            }
            if (s.pragmas().docRequired()) {
                assertNotNull(e.doc(), e.describe() + " has its documentation");
            }
            Doc d = e.doc();
            if (d != null) {
                for (Doc.Section sec : d.allSections()) {
                    if (sec.kind() == Doc.Kind.MEMBER || sec.kind() == Doc.Kind.FEATURE) {
                        assertNotNull(
                                sec.linkedRole(), "section " + sec + " of " + e.describe() + " bound to a member");
                    }
                }
            }
        }
        // no section text still carries legacy tags as sections would in QEMU <= 9.0
        for (Doc d : s.docs()) {
            for (Doc.Section sec : d.allSections()) {
                for (Doc.TextLine l : sec.lines()) {
                    assertFalse(l.text().startsWith("| "), "2017 '| ' line left in " + d);
                }
            }
        }
    }

    private static List<String> render(List<Diagnostic> ds) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : ds) {
            out.add(d.render());
        }
        return out;
    }
}
