package dev.qapidoc.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qapidoc.source.QapiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The doc parser over QEMU's real material, read in place from {@code ../shared/corpus}: the
 * {@code doc-*} conformance vectors, the doc part of {@code doc-good.out}, and every block of the
 * QMP, guest-agent and storage-daemon schemas (valid, so no block may fail; for QMP the dump is
 * compared with {@code ../shared/golden/qmp.dump}). Skipped when {@code ../shared} is absent.
 *
 * <p>Binding is the schema stage's job, so member stubs cannot appear in a parser-only dump; they
 * are removed from the expected text (an {@code arg=} header followed by an empty text line can
 * only be a stub, since a documented member needs text).
 */
class DocCorpusTest {
    private static final Path CORPUS = Path.of("../shared/corpus/qemu-master");
    private static final Path VECTORS = CORPUS.resolve("tests/qapi-schema");
    private static final Path GOLDEN_DUMP = Path.of("../shared/golden/qmp.dump");

    /** Messages the doc parser (or the lexer around it) raises: E1–E19 of §1.11.1. */
    private static final Pattern PARSER_MESSAGE =
            Pattern.compile("junk after '##'|documentation comment must end with|missing space after #"
                    + "|documentation line longer|Use two spaces|line should end with|name required after"
                    + "|duplicated 'Features:'|feature descriptions expected|description of '@"
                    + "|The '.*' section is no longer supported|not allowed in free-form"
                    + "|unexpected de-indent|invalid parameter name|parameter name duplicated"
                    + "|duplicated '(Returns|Errors|Since)' section|text required after");

    private static final Pattern INCLUDE = Pattern.compile("^\\{ *'include': *'([^']+)' *\\}");

    static Stream<String> docVectors() throws IOException {
        if (!Files.isDirectory(VECTORS)) {
            return Stream.of("(../shared absent)");
        }
        try (Stream<Path> s = Files.list(VECTORS)) {
            return s
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("doc-") && n.endsWith(".json"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("docVectors")
    void docVector(String name) throws IOException {
        assumeTrue(Files.isDirectory(VECTORS), "../shared/corpus absent: QEMU vectors not checked");
        String json = read(VECTORS.resolve(name));
        String expectedErr = read(VECTORS.resolve(name.replace(".json", ".err")));
        String actualErr = "";
        try {
            DocBlocks.of(name, json).parseAll();
        } catch (QapiException e) {
            actualErr = e.diagnostic().render() + "\n";
        }
        if (PARSER_MESSAGE.matcher(expectedErr).find()) {
            assertEquals(expectedErr, actualErr);
        } else {
            assertEquals("", actualErr, "error belongs to a later stage: " + expectedErr);
        }
    }

    @Test
    void docGoodDump() throws IOException {
        assumeTrue(Files.isDirectory(VECTORS), "../shared/corpus absent: doc-good not checked");
        StringBuilder actual = new StringBuilder();
        for (Doc d : DocBlocks.of("doc-good.json", read(VECTORS.resolve("doc-good.json")))
                .parseAll()) {
            d.appendTestDump(actual);
        }
        String out = read(VECTORS.resolve("doc-good.out"));
        String expected = withoutStubs(out.substring(out.indexOf("doc freeform\n")));
        assertEquals(expected, actual.toString());
    }

    @Test
    void qmpSchemaDumpMatchesGolden() throws IOException {
        assumeTrue(Files.isRegularFile(GOLDEN_DUMP), "../shared/golden absent: QMP dump not checked");
        List<Doc> docs = parseWithIncludes(CORPUS.resolve("qapi/qapi-schema.json"));
        StringBuilder actual = new StringBuilder();
        for (Doc d : docs) {
            d.appendTestDump(actual);
        }
        String golden = read(GOLDEN_DUMP);
        int start = golden.indexOf("\ndoc ") + 1;
        assertTrue(start > 0, "golden dump has a doc part");
        assertEquals(withoutStubs(golden.substring(start)), actual.toString());
        assertEquals(1055, docs.size(), "number of doc blocks in the golden dump");
    }

    /**
     * The section locations and texts are what the reST emitter credits its lines with (Part 2
     * §2.2, §2.4, §2.5.3: text line i of a section goes to its info line + i). Checks every line
     * of every Plain section, free-form body and description of the QMP schema against
     * {@code golden/qmp.ir}, with the {@code @name} rewrite of §2.7 applied.
     */
    @Test
    void qmpSectionLinesLandWhereTheGoldenIrHasThem() throws IOException {
        Path irFile = GOLDEN_DUMP.resolveSibling("qmp.ir");
        assumeTrue(Files.isRegularFile(irFile), "../shared/golden absent: IR not checked");
        Map<String, List<String>> ir = new HashMap<>();
        Matcher lm = Pattern.compile("^ *(\\S+):(\\d{4,}) \\|(?: (.*))?$").matcher("");
        for (String line : read(irFile).split("\n")) {
            if (lm.reset(line).matches()) {
                ir.computeIfAbsent(lm.group(1) + ":" + Integer.parseInt(lm.group(2)), k -> new ArrayList<>())
                        .add(lm.group(3) == null ? "" : lm.group(3));
            }
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Doc d : parseWithIncludes(CORPUS.resolve("qapi/qapi-schema.json"))) {
            String file = CORPUS.relativize(Path.of(d.location().file()))
                    .normalize()
                    .toString()
                    .replace('\\', '/');
            if (d.isFreeForm()) {
                checked +=
                        expectLines(ir, file, d.location().line(), "", d.body().lines(), 0, problems);
                continue;
            }
            for (Doc.Section s : d.allSections()) {
                List<Doc.TextLine> lines = s.lines();
                if (lines.isEmpty()) {
                    continue;
                }
                int c = s.location().line();
                switch (s.kind()) {
                    case PLAIN -> checked += expectLines(ir, file, c, "   ", lines, 0, problems);
                    case SINCE ->
                        checked += expectStarts(
                                ir, file, c, "   :since: " + lines.get(0).text(), problems);
                    case TODO -> {}
                    default -> {
                        int from = 1;
                        String first = rewrite(lines.get(0).text());
                        if (s.kind() == Doc.Kind.ERRORS
                                && PyText.isSpace(s.text().charAt(0))) {
                            // ":error:" + LF + T: the text starts one line later (§2.5.3)
                            c++;
                            from = 0;
                        } else {
                            checked += expectEnds(ir, file, c, ": " + first, problems);
                        }
                        checked += expectLines(ir, file, c, "   ", lines, from, problems);
                    }
                }
            }
        }
        assertEquals(List.of(), problems.subList(0, Math.min(problems.size(), 10)));
        assertTrue(checked > 10000, "IR lines checked: " + checked);
    }

    private static int expectLines(
            Map<String, List<String>> ir,
            String file,
            int credit,
            String indent,
            List<Doc.TextLine> lines,
            int from,
            List<String> problems) {
        for (int i = from; i < lines.size(); i++) {
            String t = lines.get(i).text();
            String want = t.isBlank() ? "" : indent + rewrite(t);
            List<String> got = ir.getOrDefault(file + ":" + (credit - 1 + i), List.of());
            if (!got.contains(want)) {
                problems.add(file + ":" + (credit - 1 + i) + " want [" + want + "] got " + got);
            }
        }
        return lines.size() - from;
    }

    private static int expectStarts(
            Map<String, List<String>> ir, String file, int credit, String want, List<String> problems) {
        List<String> got = ir.getOrDefault(file + ":" + (credit - 1), List.of());
        if (got.stream().noneMatch(g -> g.startsWith(want))) {
            problems.add(file + ":" + (credit - 1) + " want prefix [" + want + "] got " + got);
        }
        return 1;
    }

    private static int expectEnds(
            Map<String, List<String>> ir, String file, int credit, String want, List<String> problems) {
        List<String> got = ir.getOrDefault(file + ":" + (credit - 1), List.of());
        if (got.stream().noneMatch(g -> g.endsWith(want))) {
            problems.add(file + ":" + (credit - 1) + " want suffix [" + want + "] got " + got);
        }
        return 1;
    }

    /** §2.7: {@code @name} becomes a literal; applied to everything but {@code :since:}. */
    private static String rewrite(String text) {
        return REF.matcher(text).replaceAll("``$1``");
    }

    private static final Pattern REF = Pattern.compile("@([\\w-]+)", Pattern.UNICODE_CHARACTER_CLASS);

    @Test
    void guestAgentAndStorageDaemonSchemasParse() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus absent: QGA/QSD not checked");
        List<Doc> qga = parseWithIncludes(CORPUS.resolve("qga/qapi-schema.json"));
        List<Doc> qsd = parseWithIncludes(CORPUS.resolve("storage-daemon/qapi/qapi-schema.json"));
        assertTrue(qga.size() > 50, "QGA blocks: " + qga.size());
        assertTrue(qsd.size() > 50, "QSD blocks: " + qsd.size());
        for (Doc d : qga) {
            assertTrue(d.isFreeForm() || !d.symbol().isEmpty());
        }
    }

    @Test
    void everyQapiFileParsesOnItsOwn() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus absent: schemas not checked");
        int files = 0;
        try (Stream<Path> s = Files.list(CORPUS.resolve("qapi"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
                DocBlocks.of(p.getFileName().toString(), read(p)).parseAll();
                files++;
            }
        }
        assertTrue(files > 40, "files: " + files);
    }

    /** Doc blocks in include-expanded order (§1.7); a file already included contributes nothing. */
    private static List<Doc> parseWithIncludes(Path root) throws IOException {
        List<Doc> docs = new ArrayList<>();
        collect(root, root.toString(), null, new HashSet<>(), docs, 0);
        return docs;
    }

    private static void collect(
            Path file,
            String shownName,
            dev.qapidoc.source.SourceLocation from,
            Set<Path> seen,
            List<Doc> docs,
            int depth)
            throws IOException {
        if (depth > 20 || !seen.add(file.toAbsolutePath().normalize())) {
            return;
        }
        String text = read(file);
        // Split the file at its include lines so that included docs land in place.
        String[] lines = text.split("\n", -1);
        StringBuilder chunk = new StringBuilder();
        int chunkStart = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = INCLUDE.matcher(lines[i]);
            if (m.find()) {
                docs.addAll(parseChunk(shownName, chunk.toString(), chunkStart, from));
                chunk.setLength(0);
                chunkStart = i + 1;
                Path inc = file.resolveSibling(m.group(1));
                collect(
                        inc,
                        inc.toString(),
                        dev.qapidoc.source.SourceLocation.of(shownName, i + 1),
                        seen,
                        docs,
                        depth + 1);
            } else {
                chunk.append(lines[i]).append('\n');
            }
        }
        docs.addAll(parseChunk(shownName, chunk.toString(), chunkStart, from));
    }

    /** Parses a run of lines; blank padding keeps the line numbers of the real file. */
    private static List<Doc> parseChunk(
            String name, String chunk, int firstLine, dev.qapidoc.source.SourceLocation from) {
        return DocBlocks.of(name, "\n".repeat(firstLine) + chunk, from).parseAll();
    }

    private static String withoutStubs(String dump) {
        return dump.replaceAll("(?m)^    arg=[^\n]*\n\n", "");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
