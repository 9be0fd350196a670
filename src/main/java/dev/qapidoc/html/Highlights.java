package dev.qapidoc.html;

import dev.qapidoc.rst.RstNode;
import dev.qapidoc.source.Background;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Code-block highlighting done ahead on the spare core. Highlighting is about two fifths of
 * writing a QMP manual page, and it is a pure function of a block's language and text, which are
 * final once a document has been read; the page writer runs only after cross-references are
 * resolved. So {@link #prepare} hands the literal blocks of a freshly read document to a worker,
 * which highlights them (last first) while the main thread runs the transforms and resolution,
 * and the writer takes finished results with {@link #take}, highlighting any block the worker has
 * not reached itself. A result is used only for the same language and the very same text object,
 * so the output never depends on timing.
 */
final class Highlights {
    private record Done(String lang, String code, Highlighter.Result result) {}

    private final Map<RstNode, Done> done = new ConcurrentHashMap<>();
    private final Background.Lane worker = Background.lane("qapidoc-highlight");

    /** The language a literal block is highlighted in. */
    static String language(RstNode n) {
        return n.attr("language") == null ? "default" : n.attr("language");
    }

    /** The code of a literal block. */
    static String code(RstNode n) {
        return n.text() == null ? "" : n.text();
    }

    /**
     * Queues {@code blocks} (literal blocks of a document that was just read; the caller's list,
     * not the tree, which the main thread goes on changing).
     */
    void prepare(List<RstNode> blocks) {
        // language and text are read here, on the thread that built the nodes
        String[] langs = new String[blocks.size()];
        String[] codes = new String[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            langs[i] = language(blocks.get(i));
            codes[i] = code(blocks.get(i));
        }
        // the worker never touches a node but as a map key: it gets the strings read here
        worker.submit(() -> {
            for (int i = blocks.size() - 1; i >= 0; i--) {
                if (!done.containsKey(blocks.get(i))) {
                    done.put(blocks.get(i), new Done(langs[i], codes[i], Highlighter.highlight(langs[i], codes[i])));
                }
            }
        });
    }

    /** The highlighting of {@code n}, from the worker when it has it, else computed here. */
    @SuppressWarnings("ReferenceEquality") // the very same text object (see above), not a char-by-char compare
    Highlighter.Result take(RstNode n) {
        String lang = language(n);
        String code = code(n);
        Done d = done.get(n);
        if (d != null && d.code() == code && d.lang().equals(lang)) {
            return d.result();
        }
        Highlighter.Result r = Highlighter.highlight(lang, code);
        done.put(n, new Done(lang, code, r));
        return r;
    }

    /** Stops the worker (unfinished work is simply not needed any more). */
    void close() {
        worker.close();
    }
}
