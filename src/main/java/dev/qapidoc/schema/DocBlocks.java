package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.doc.DocLine;
import dev.qapidoc.doc.DocLineSource;
import dev.qapidoc.doc.DocParser;
import dev.qapidoc.source.QapiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the doc blocks that the lexer delimited (schema-language.md §5.1), either at once or on
 * one background thread while the lexer goes on with the rest of the schema.
 *
 * <p>Why: doc comments are most of QEMU's schema text and parsing them is most of the cold-start
 * cost of {@code dump}; on two cores it overlaps with lexing. The outcome is unchanged, because
 * the lexer delimits a block exactly as the doc parser would (every comment line up to the first
 * one starting with {@code ##}), and the reader re-orders errors so that a block's error wins over
 * anything found after the block started, as in QEMU's sequential parser
 * ({@link SchemaReader}).
 */
final class DocBlocks {

    /** Thrown by {@link Block#await} when a block failed or was not what the lexer assumed. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed() {
            super(null, null, false, false);
        }
    }

    /** One delimited block: its lines, the guessed symbol, and (once parsed) its result. */
    final class Block {
        final DocLine opening;
        final List<DocLine> lines;
        /** Raised by the lexer when the block is not closed (§5.1); replayed after the lines. */
        final QapiException terminal;
        /**
         * The symbol the main thread uses (for §5.3 attachment errors): guessed from the first
         * line when parsing in the background, the parsed one otherwise; verified after parsing.
         */
        String guessedSymbol;
        Doc doc;
        RuntimeException failure;
        Error error;
        boolean done;

        Block(DocLine opening, List<DocLine> lines, QapiException terminal) {
            this.opening = opening;
            this.lines = lines;
            this.terminal = terminal;
            this.guessedSymbol = guessSymbol(lines);
        }

        /** Waits for the parse; the doc, or {@link Failed}. */
        Doc await() {
            join(this);
            if (doc == null || !java.util.Objects.equals(doc.symbol(), guessedSymbol)) {
                throw new Failed();
            }
            return doc;
        }

        void parse() {
            try {
                doc = DocParser.parse(opening, new DocLineSource() {
                    private int i;

                    @Override
                    public DocLine next() {
                        if (i < lines.size()) {
                            return lines.get(i++);
                        }
                        throw terminal;
                    }
                });
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
    private final Worker worker;

    DocBlocks(boolean background) {
        if (background) {
            worker = new Worker();
            worker.start();
        } else {
            worker = null;
        }
    }

    int size() {
        synchronized (this) {
            return blocks.size();
        }
    }

    Block get(int i) {
        synchronized (this) {
            return blocks.get(i);
        }
    }

    /** True when blocks are parsed on the background thread. */
    boolean background() {
        return worker != null;
    }

    /** Adds a block; without a worker it is parsed right away, as QEMU does. */
    Block add(Block b) {
        if (worker == null) {
            b.parse();
            if (b.doc != null) {
                b.guessedSymbol = b.doc.symbol();
            }
            b.done = true;
            blocks.add(b);
            return b;
        }
        synchronized (this) {
            blocks.add(b);
            notifyAll();
        }
        return b;
    }

    /** Waits until block {@code i} is parsed. */
    Block join(int i) {
        return join(get(i));
    }

    /** Waits until {@code b} is parsed. */
    Block join(Block b) {
        synchronized (this) {
            boolean interrupted = false;
            while (!b.done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return b;
        }
    }

    /** No more blocks will come; the worker ends after the queued ones. */
    void finish() {
        if (worker != null) {
            synchronized (this) {
                worker.finished = true;
                notifyAll();
            }
        }
    }

    /** The background parser: takes blocks in order, one at a time. */
    private final class Worker extends Thread {
        boolean finished;

        Worker() {
            super("qapidoc-doc-parser");
            setDaemon(true);
        }

        @Override
        public void run() {
            int next = 0;
            while (true) {
                Block b;
                synchronized (DocBlocks.this) {
                    while (next >= blocks.size() && !finished) {
                        try {
                            DocBlocks.this.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (next >= blocks.size()) {
                        return;
                    }
                    b = blocks.get(next++);
                }
                b.parse();
                synchronized (DocBlocks.this) {
                    b.done = true;
                    DocBlocks.this.notifyAll();
                }
            }
        }
    }
}
