package dev.qapidoc.doc;

import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.QapiException;
import dev.qapidoc.source.RuleId;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper standing in for the schema lexer: cuts schema text into lines and hands the doc
 * parser its comment tokens, as {@link DocLineSource} specifies (doc-comments-and-rest.md §1.2).
 *
 * <p>It is deliberately crude: a block opens at a line whose first non-blank text starts with
 * {@code ##} and that is not inside a block; JSON is not lexed. That is enough for doc snippets
 * and for QEMU's schemas, whose blocks always start on their own line.
 */
final class DocBlocks {
    private final String file;
    private final List<String> lines;
    private final SourceLocation includedFrom;

    private DocBlocks(String file, String text, SourceLocation includedFrom) {
        this.file = file;
        this.includedFrom = includedFrom;
        // §1.1: universal newlines; a final LF is implied
        String norm = text.replace("\r\n", "\n").replace('\r', '\n');
        if (norm.endsWith("\n")) {
            norm = norm.substring(0, norm.length() - 1);
        }
        this.lines = List.of(norm.split("\n", -1));
    }

    static DocBlocks of(String file, String text) {
        return new DocBlocks(file, text, null);
    }

    static DocBlocks of(String file, String text, SourceLocation includedFrom) {
        return new DocBlocks(file, text, includedFrom);
    }

    /** Parses the first block in {@code text} (file name {@code t.json}). */
    static Doc parseFirst(String text) {
        List<Doc> docs = of("t.json", text).parseAll();
        if (docs.isEmpty()) {
            throw new AssertionError("no ## block in test input");
        }
        return docs.get(0);
    }

    /** Parses the first block and returns the error it raises, or fails if there is none. */
    static Diagnostic errorOf(String text) {
        try {
            parseFirst(text);
        } catch (QapiException e) {
            return e.diagnostic();
        }
        throw new AssertionError("expected a QapiException");
    }

    /** Every block of the text, in order. */
    List<Doc> parseAll() {
        List<Doc> docs = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            int hash = firstNonBlank(line);
            if (hash >= 0 && line.startsWith("##", hash)) {
                if (!line.substring(hash).equals("##")) { // the lexer's check, §1.2
                    throw new QapiException(Diagnostic.error(
                            RuleId.QAPI_DOC,
                            loc(i).withColumn(PyText.column(line, hash)),
                            "junk after '##' at start of documentation comment"));
                }
                Source src = new Source(i + 1);
                docs.add(DocParser.parse(docLine(i, hash), src));
                i = src.pos;
            } else {
                i++;
            }
        }
        return docs;
    }

    private DocLine docLine(int index, int hash) {
        String line = lines.get(index);
        return new DocLine(line.substring(hash), loc(index), line, hash);
    }

    private SourceLocation loc(int index) {
        return new SourceLocation(file, index + 1, 0, includedFrom);
    }

    private static int firstNonBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '\f' && c != '\u000b') {
                return i;
            }
        }
        return -1;
    }

    /** The lexer in "comments returned" mode: skips blank lines, insists on comment tokens. */
    private final class Source implements DocLineSource {
        /** Index of the next line to read; after the block, the line after the closing ##. */
        int pos;

        Source(int pos) {
            this.pos = pos;
        }

        @Override
        public DocLine next() {
            while (pos < lines.size()) {
                String line = lines.get(pos);
                int start = firstNonBlank(line);
                if (start < 0) {
                    pos++;
                    continue;
                }
                if (line.charAt(start) != '#') {
                    throw new QapiException(Diagnostic.error(
                            RuleId.QAPI_DOC,
                            loc(pos).withColumn(PyText.column(line, start)),
                            "documentation comment must end with '##'"));
                }
                return docLine(pos++, start);
            }
            // End of input: reported at the final LF, one past the last line's last character.
            int last = lines.size() - 1;
            String line = lines.get(last);
            throw new QapiException(Diagnostic.error(
                    RuleId.QAPI_DOC,
                    loc(last).withColumn(PyText.column(line, line.length())),
                    "documentation comment must end with '##'"));
        }
    }
}
