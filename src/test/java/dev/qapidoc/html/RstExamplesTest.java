package dev.qapidoc.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstReader;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.rst.Transforms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reST example files: each example's input is read, run through the per-document transforms
 * and rendered; the tree dump (with messages) and the HTML must match. With
 * {@code -Dqapidoc.regenerate=true} the files are rewritten from the actual output instead (then
 * review the diff).
 */
class RstExamplesTest {
    private static final Path DIR = Path.of("src/test/resources/examples");
    private static final boolean REGENERATE = Boolean.getBoolean("qapidoc.regenerate");

    /** The files the examples' {@code include}, {@code literalinclude} and {@code csv-table :file:} read. */
    private static final java.util.Map<String, String> FILES = java.util.Map.of(
            "inc.rst", "Included *text*.\n",
            "data.csv", "Name,Value\n\"Smith, J.\",\"say \"\"hi\"\"\"\n",
            "code.c", "/* header */\nint main(void)\n{\n    return 0;\n}\n/* end */\n");

    static Stream<ExampleReader.Example> examples() throws IOException {
        List<ExampleReader.Example> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".examples"))
                    .sorted()
                    .toList()) {
                all.addAll(ExampleReader.read(f));
            }
        }
        return all.stream();
    }

    /** Reads, transforms and renders one example: {tree dump + messages, html}. */
    static String[] run(ExampleReader.Example e) {
        List<SystemMessage> msgs = new ArrayList<>();
        RstReader reader = new RstReader(
                new RstReader.Options("any", false, "default", true, (p, f) -> Optional.ofNullable(FILES.get(p))
                        .map(text -> ContentLine.of(p, text))));
        RstReader.Result r = reader.read(ContentLine.of("t.rst", e.source()));
        msgs.addAll(r.messages());
        RstNode doc = r.document();
        Transforms.apply(doc, msgs::add);
        StringBuilder tree = new StringBuilder(doc.dump());
        for (SystemMessage m : msgs) {
            if (m.level() != SystemMessage.Level.INFO) {
                tree.append("! ").append(m.render().replace("\n", "\\n")).append('\n');
            }
        }
        String html = HtmlTranslator.render(doc, new HtmlTranslator.Context() {
            @Override
            public String toctree(RstNode t) {
                return "<!-- toctree -->\n";
            }

            @Override
            public String image(RstNode i) {
                return i.attr("uri");
            }

            @Override
            public void report(SystemMessage m) {}
        });
        return new String[] {tree.toString(), html};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void treeAndHtml(ExampleReader.Example e) {
        if (REGENERATE) {
            return;
        }
        String[] got = run(e);
        // the source is appended to both sides so that a failing diff shows the input too
        assertEquals(e.tree() + "\n--- source ---\n" + e.source(), got[0] + "\n--- source ---\n" + e.source(), "tree");
        assertEquals(e.html() + "\n--- source ---\n" + e.source(), got[1] + "\n--- source ---\n" + e.source(), "html");
    }

    @AfterAll
    static void regenerate() throws IOException {
        if (!REGENERATE) {
            return;
        }
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".examples"))
                    .sorted()
                    .toList()) {
                ExampleReader.rewrite(f, RstExamplesTest::run);
            }
        }
    }
}
