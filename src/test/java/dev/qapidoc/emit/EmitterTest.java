package dev.qapidoc.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.source.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emission primitives and text rules of doc-comments-and-rest.md §2.1, §2.2 and §2.7. */
class EmitterTest {
    private static final SourceLocation AT = SourceLocation.of("a.json", 10);

    @Test
    void emitIndentsAndStripsTrailingNewlinesOnly() {
        Emitter e = new Emitter();
        e.indent();
        e.emit("text\n\n", AT);
        e.emit(" \t ", AT);
        e.emit("a\nb", AT);
        assertEquals(
                List.of("   text", "", "   a\nb"),
                e.lines().stream().map(ContentLine::text).toList());
    }

    @Test
    void emitBlockCreditsConsecutiveLinesAndEnsureBlankInheritsTheLast() {
        Emitter e = new Emitter();
        e.emitBlock("one\n\nthree", AT);
        e.ensureBlank();
        e.ensureBlank();
        assertEquals(
                List.of(10, 11, 12, 13),
                e.lines().stream().map(l -> l.where().line()).toList());
        assertEquals(
                List.of("one", "", "three", ""),
                e.lines().stream().map(ContentLine::text).toList());
        Emitter empty = new Emitter();
        empty.emitBlock("", AT);
        empty.ensureBlank();
        assertEquals(0, empty.lines().size());
    }

    @Test
    void splitLinesIsPythons() {
        assertEquals(List.of("a", "b", "", "c"), Emitter.splitLines("a\r\nb\r\u2028c\n"));
        assertEquals(List.of(), Emitter.splitLines(""));
    }

    @Test
    void atReferencesBecomeLiteralsEvenInMailAddresses() {
        assertEquals(
                "see ``foo-bar`` and a``b``.c, ``Größe`` @",
                SchemaFacts.rewriteRefs("see @foo-bar and a@b.c, @Größe @"));
    }

    @Test
    void sourceMapIsRightAlignedZeroBasedAndRelative() {
        List<ContentLine> lines = List.of(
                new ContentLine("x", SourceLocation.of("d/../long-name.json", 1)),
                new ContentLine("", SourceLocation.of("b.json", 12_345)));
        assertEquals(
                "long-name.json:0000 | x\n       b.json:12344 |\n", RstWriter.render(lines, true, Path.of("/tmp")));
        assertEquals("x\n\n", RstWriter.render(lines, false, Path.of("/tmp")));
    }

    @Test
    void moduleStemDropsDirectoryAndLastExtension() {
        assertEquals("qapi-schema", SchemaFacts.moduleStem("qapi/qapi-schema.json"));
        assertEquals("a.b", SchemaFacts.moduleStem("../x/a.b.json"));
        assertEquals("noext", SchemaFacts.moduleStem("noext"));
    }
}
