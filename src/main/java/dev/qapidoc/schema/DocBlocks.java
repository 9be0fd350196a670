package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.doc.DocLine;
import dev.qapidoc.doc.DocLineSource;
import dev.qapidoc.doc.DocParser;
import dev.qapidoc.doc.LegacyDocParser;
import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.QapiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the doc blocks that the lexer delimited (schema-language.md §5.1), each as soon as it is
 * delimited, as QEMU does. The lexer delimits a block exactly as the doc parser would (every
 * comment line up to the first one starting with {@code ##}); the reader then decides, in
 * QEMU's order, whether a block's failure is the error to report ({@link SchemaReader}).
 */
final class DocBlocks {

    /**
     * Which reader parses the blocks: today's rules; today's with the style checks as warnings
     * (tolerant mode, first try); or the rules of QEMU 2.10–9.0 (tolerant mode, when some block
     * fails today's section rules; doc-comments-and-rest.md Part 3).
     */
    enum DocMode {
        STRICT,
        LENIENT,
        LEGACY
    }

    /** One delimited block: its lines, the guessed symbol, and (once parsed) its result. */
    final class Block {
        final DocLine opening;
        final List<DocLine> lines;
        /** Raised by the lexer when the block is not closed (§5.1); replayed after the lines. */
        final QapiException terminal;
        /**
         * The symbol used for §5.3 attachment errors: the parsed one, or, when the block failed,
         * the one its first line names (lint mode goes on after a failed block).
         */
        String guessedSymbol;

        Doc doc;
        RuntimeException failure;
        Error error;
        /** Tolerant mode: what the reader relaxed in this block. */
        final List<Diagnostic> warnings = new ArrayList<>();

        Block(DocLine opening, List<DocLine> lines, QapiException terminal) {
            this.opening = opening;
            this.lines = lines;
            this.terminal = terminal;
            this.guessedSymbol = guessSymbol(lines);
        }

        void parse() {
            try {
                DocLineSource src = new DocLineSource() {
                    private int i;

                    @Override
                    public DocLine next() {
                        if (i < lines.size()) {
                            return lines.get(i++);
                        }
                        throw terminal;
                    }
                };
                doc = switch (mode) {
                    case STRICT -> DocParser.parse(opening, src);
                    case LENIENT -> DocParser.parseLenient(opening, src, warnings);
                    case LEGACY -> LegacyDocParser.parse(opening, src, warnings);
                };
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                error = e;
            }
        }

        /**
         * doc-comments-and-rest.md §1.4: a first line {@code # @SYM:} makes a definition doc.
         * Anything the doc parser would reject makes the block fail, which outranks every use
         * of the guess; a successful parse is checked against it.
         */
        private String guessSymbol(List<DocLine> lines) {
            if (lines.isEmpty()) {
                return null;
            }
            String t = lines.get(0).text();
            if (t.length() < 3 || t.charAt(1) != ' ' || t.startsWith("##")) {
                return null;
            }
            int end = t.length();
            while (end > 2 && SchemaReader.isSpace(t.charAt(end - 1))) {
                end--;
            }
            String text = t.substring(2, end);
            if (!text.startsWith("@") || !text.endsWith(":") || text.length() < 2) {
                return null;
            }
            return text.substring(1, text.length() - 1);
        }
    }

    private final List<Block> blocks = new ArrayList<>();
    private final DocMode mode;

    DocBlocks(DocMode mode) {
        this.mode = mode;
    }

    int size() {
        return blocks.size();
    }

    Block get(int i) {
        return blocks.get(i);
    }

    /** Parses {@code b} and adds it. */
    Block add(Block b) {
        b.parse();
        if (b.doc != null) {
            b.guessedSymbol = b.doc.symbol();
        }
        blocks.add(b);
        return b;
    }
}
