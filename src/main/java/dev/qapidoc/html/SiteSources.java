package dev.qapidoc.html;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link SiteBuilder} turns source files into the lines and metadata of a document: strict
 * UTF-8 decoding, the rst_prolog/rst_epilog snippets and file-wide metadata fields. Kept apart so
 * the builder holds only the build's phases.
 */
final class SiteSources {
    private SiteSources() {}

    /** rst_prolog / rst_epilog from conf.py, with their own pseudo file name as Sphinx reports them. */
    static List<ContentLine> snippet(String name, String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<ContentLine> out = new ArrayList<>();
        out.add(new ContentLine("", SourceLocation.of(name, 0)));
        out.addAll(ContentLine.of(name, text));
        out.add(new ContentLine("", SourceLocation.of(name, 0)));
        return out;
    }

    /**
     * A field list before anything else in the document is file-wide metadata ({@code :orphan:},
     * {@code :tocdepth:} ...), not content: it is removed and kept as {@code meta:NAME} attributes
     * of the document node, as Sphinx does.
     */
    static void metadata(SourceDoc d) {
        for (RstNode c : List.copyOf(d.tree.children())) {
            if (c.type() == Type.COMMENT || c.type() == Type.SUBSTITUTION_DEFINITION || c.type() == Type.TARGET) {
                continue;
            }
            if (c.type() == Type.FIELD_LIST) {
                for (RstNode f : c.children()) {
                    String name = f.children().get(0).astext().strip();
                    d.tree.attr(
                            "meta:" + name,
                            f.children().size() > 1
                                    ? f.children().get(1).astext().strip()
                                    : "");
                }
                d.tree.remove(c);
            }
            return;
        }
    }

    static String decode(byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not valid UTF-8");
        }
    }

    /**
     * Stops the build when the name of a file found in the source folder cannot be turned back
     * into a path: the JVM decodes file names with the locale's charset ({@code sun.jnu.encoding},
     * fixed at start-up), so under {@code LC_ALL=C} or {@code env -i} a name with non-ASCII bytes
     * comes back with replacement characters and names no file. Nothing can be done about that
     * from inside the JVM; the message names the file and the fix.
     */
    static void requireDecodableName(Path srcdir, String rel, String shown) throws IOException {
        try {
            if (Files.exists(srcdir.resolve(rel))) {
                return;
            }
        } catch (java.nio.file.InvalidPathException e) {
            // reported below
        }
        throw new IOException(shown + ": this file name cannot be decoded in the current locale ("
                + System.getProperty("sun.jnu.encoding", "unknown charset")
                + "); run qapidoc in a UTF-8 locale (e.g. LC_ALL=C.UTF-8), or rename the file");
    }
}
