package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the intermediate reST of the golden QMP manual (../shared/golden/qmp.ir) with each line's
 * schema origin, parses the content of every directive the way the domain will, and checks the
 * construct counts of qapi-domain-and-html.md §8.1 and that nothing but the domain's own
 * directives is left unknown.
 */
class GoldenInputReaderTest {
    private static final Path IR = Path.of("../shared/golden/qmp.ir");
    private static final Pattern PREFIX = Pattern.compile("^\\s*(\\S+):(\\d+) \\|(?: (.*))?$");

    private static final List<RstNode> trees = new ArrayList<>();
    private static final List<SystemMessage> messages = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        assumeTrue(Files.isRegularFile(IR), "../shared/golden/qmp.ir is absent; skipping");
        List<ContentLine> lines = new ArrayList<>();
        for (String l : Files.readAllLines(IR)) {
            Matcher m = PREFIX.matcher(l);
            if (m.matches()) {
                lines.add(new ContentLine(
                        m.group(3) == null ? "" : m.group(3),
                        SourceLocation.of(m.group(1), Integer.parseInt(m.group(2)))));
            }
        }
        assertEquals(17269, lines.size());
        RstReader reader = new RstReader(
                new RstReader.Options("any", false, "default", true, (p, f) -> java.util.Optional.empty()));
        RstReader.Result r = reader.read(lines);
        messages.addAll(r.messages());
        trees.add(r.document());
        // the domain parses directive content later; do the same, iteratively
        List<RstNode> todo = new ArrayList<>(r.document().findAll(Type.DIRECTIVE));
        while (!todo.isEmpty()) {
            RstNode d = todo.remove(todo.size() - 1);
            // a qmp-example without :annotated: holds QMP code, not reST (spec §7.1)
            if (d.directive().content().isEmpty()
                    || (d.directive().name().equals("qmp-example")
                            && !d.directive().has("annotated"))) {
                continue;
            }
            RstNode holder = new RstNode(Type.CONTAINER, d.location());
            holder.addAll(reader.parseNested(d.directive().content(), false, messages::add));
            trees.add(holder);
            todo.addAll(holder.findAll(Type.DIRECTIVE));
        }
    }

    private static int count(Type t) {
        int n = 0;
        for (RstNode tree : trees) {
            n += tree.findAll(t).size();
        }
        return n;
    }

    @Test
    void noProblemsInTheGeneratedReST() {
        assertEquals(List.of(), messages.stream().map(SystemMessage::render).toList());
    }

    @Test
    void directivesLeftForTheDomain() {
        Map<String, Integer> names = new TreeMap<>();
        for (RstNode tree : trees) {
            for (RstNode d : tree.findAll(Type.DIRECTIVE)) {
                names.merge(d.directive().name(), 1, Integer::sum);
            }
        }
        assertEquals(
                Map.of(
                        "qapi:alternate",
                        6,
                        "qapi:command",
                        243,
                        "qapi:enum",
                        182,
                        "qapi:event",
                        57,
                        "qapi:module",
                        45,
                        "qapi:namespace",
                        1,
                        "qapi:object",
                        521,
                        "qmp-example",
                        255),
                names);
    }

    @Test
    void constructCountsOfSection81() {
        Map<String, Integer> fields = new TreeMap<>();
        for (RstNode tree : trees) {
            for (RstNode f : tree.findAll(Type.FIELD)) {
                String name = f.children().get(0).astext().split(" ")[0];
                fields.merge(name, 1, Integer::sum);
            }
        }
        assertEquals(2343, fields.get("memb"));
        assertEquals(1153, fields.get("value"));
        assertEquals(364, fields.get("arg"));
        assertEquals(65, fields.get("feat"));
        assertEquals(55, fields.get("error"));
        assertEquals(55, fields.get("return-nodesc"));
        assertEquals(49, fields.get("return"));
        assertEquals(14, fields.get("alt"));
        assertEquals(61, countAdmonitions("note"));
        assertEquals(2, countAdmonitions("caution"));
        assertEquals(3, countAdmonitions("admonition"));
        assertEquals(1, count(Type.TABLE));
        assertEquals(2, count(Type.BLOCK_QUOTE));
        assertEquals(72, count(Type.BULLET_LIST));
        assertEquals(8, count(Type.ENUMERATED_LIST));
        assertEquals(5, count(Type.EMPHASIS));
        assertEquals(6, count(Type.STRONG));
        assertEquals(40 + 5, count(Type.SECTION));
        int any = 0;
        for (RstNode tree : trees) {
            for (RstNode x : tree.findAll(Type.PENDING_XREF)) {
                if ("any".equals(x.attr("role"))) {
                    any++;
                }
            }
        }
        assertEquals(365, any);
        assertEquals(14, count(Type.LITERAL_BLOCK));
    }

    private static int countAdmonitions(String kind) {
        int n = 0;
        for (RstNode tree : trees) {
            for (RstNode a : tree.findAll(Type.ADMONITION)) {
                if (kind.equals(a.attr("kind"))) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void positionsComeFromTheSchemaFiles() {
        RstNode doc = trees.get(0);
        SourceLocation first = doc.findAll(Type.SECTION).get(0).location();
        assertTrue(first.file().startsWith("qapi/"), first.toString());
    }
}
