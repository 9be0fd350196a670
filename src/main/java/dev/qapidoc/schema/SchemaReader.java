package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.doc.DocLine;
import dev.qapidoc.doc.DocLineSource;
import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.QapiException;
import dev.qapidoc.source.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phase P1 (schema-language.md §1–§7): reads the root file and, depth first, every included file;
 * lexes, parses, handles {@code include} and {@code pragma}, delimits doc comments and attaches
 * them. The result is one flat list of expressions and one flat list of docs.
 *
 * <p>QEMU stops at the first error; so does this phase (the first error ends reading), because
 * what follows a syntax error cannot be trusted.
 *
 * <p>Doc blocks are delimited here and parsed by {@link DocBlocks}, by default on a second thread;
 * {@link #readRoot} and {@link #settleDocs} put errors back into QEMU's sequential order.
 */
final class SchemaReader {

    /** Parser nesting limit: deeper input gets a diagnostic instead of a stack overflow. */
    static final int MAX_DEPTH = 1000;

    private final Path workDir;
    private final Contexts contexts;
    private final Set<Path> included = new HashSet<>();
    /** The flat expression list (§0 P1), valid after {@link #readRoot}. */
    final List<Expr> exprs = new ArrayList<>();
    /** The flat doc list (§5.3), valid after {@link #settleDocs}. */
    final List<Doc> docs = new ArrayList<>();
    final PragmaState pragmas = new PragmaState();

    /** An expression as parsed, with its doc block (parsed later, see {@link DocBlocks}). */
    private record Raw(Map<String, Object> data, SourceLocation location, DocBlocks.Block block) {}

    private final List<Raw> raw = new ArrayList<>();
    private DocBlocks blocks;

    /** Stops the parse at a doc block that is known to fail; that block's error is reported. */
    private static final class StopAtBlock extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopAtBlock() {
            super(null, null, false, false);
        }
    }

    /** The mutable pragma state shared by every file (§7). */
    static final class PragmaState {
        boolean docRequired;
        List<String> commandNameExceptions = List.of();
        List<String> commandReturnsExceptions = List.of();
        List<String> documentationExceptions = List.of();
        List<String> memberNameExceptions = List.of();

        Pragmas freeze() {
            return new Pragmas(docRequired, commandNameExceptions, commandReturnsExceptions,
                    documentationExceptions, memberNameExceptions);
        }
    }

    private final boolean parallelDocs;

    /** @param parallelDocs parse doc blocks on a background thread (see {@link DocBlocks}) */
    SchemaReader(Path workDir, Contexts contexts, boolean parallelDocs) {
        this.workDir = workDir;
        this.contexts = contexts;
        this.parallelDocs = parallelDocs;
    }

    /**
     * Reads the root file (P1). Returns false when an error was recorded. On success the
     * expressions are in {@link #exprs}, but with background doc parsing their doc blocks may
     * still be in progress: call {@link #settleDocs} before relying on the outcome.
     */
    boolean readRoot(String fname) {
        blocks = new DocBlocks(parallelDocs);
        QapiException mainError = null;
        boolean stopped = false;
        try {
            Path abs = abspath(fname);
            included.add(abs);
            String text;
            try {
                text = readText(fname, null);
            } catch (IOException e) {
                contexts.sink.add(Diagnostic.error(null,
                        "can't read schema file '" + fname + "': " + strerror(e, fname)));
                return false;
            }
            new FileParser(fname, text, null).parse();
        } catch (QapiException e) {
            mainError = e;
        } catch (StopAtBlock e) {
            stopped = true;
        } finally {
            blocks.finish();
        }
        if (mainError == null && !stopped) {
            for (Raw r : raw) {
                exprs.add(new Expr(r.data(), r.location(), r.block()));
            }
            return true;
        }
        // The lexer stopped. A block that began before that point and fails outranks its error.
        Outcome o = settleBlocks(blocks.size());
        if (o == Outcome.ERROR) {
            return false;
        }
        if (o == Outcome.RERUN) {
            rerun = true;
            return false;
        }
        contexts.sink.add(mainError.diagnostic());
        return false;
    }

    /** What joining the doc blocks found. */
    enum Outcome { OK, ERROR, RERUN }

    /** Set when a doc symbol guess was wrong: the caller must load again in line. */
    boolean rerun;

    /**
     * Waits for every doc block and applies QEMU's order: the first failing block's error is the
     * P1 error (recorded; ERROR). RERUN when a block's symbol differs from the lexer's guess
     * (cannot happen for blocks the parser accepts, but the in-line path is the reference).
     */
    Outcome settleDocs() {
        Outcome o = settleBlocks(blocks.size());
        if (o == Outcome.OK) {
            for (int i = 0; i < blocks.size(); i++) {
                docs.add(blocks.get(i).doc);
            }
        } else if (o == Outcome.RERUN) {
            rerun = true;
        }
        return o;
    }

    private Outcome settleBlocks(int n) {
        for (int i = 0; i < n; i++) {
            DocBlocks.Block b = blocks.join(i);
            if (b.error != null) {
                throw b.error;
            }
            if (b.failure != null) {
                if (b.failure instanceof QapiException q) {
                    contexts.sink.add(q.diagnostic());
                    return Outcome.ERROR;
                }
                throw b.failure;
            }
            if (!java.util.Objects.equals(b.doc.symbol(), b.guessedSymbol)) {
                return Outcome.RERUN;
            }
        }
        return Outcome.OK;
    }

    // ---- files and paths ----

    Path abspath(String fname) {
        return workDir.resolve(fname).toAbsolutePath().normalize();
    }

    /**
     * Reads a file as strict UTF-8 with universal newlines and a guaranteed final LF (§1.1).
     * Invalid UTF-8 (QEMU crashes) becomes {@code FILE:LINE: invalid UTF-8 byte sequence}.
     */
    private String readText(String fname, SourceLocation parent) throws IOException {
        Path p = workDir.resolve(fname);
        if (Files.isDirectory(p)) {
            throw new IOException("Is a directory");
        }
        byte[] bytes = Files.readAllBytes(p);
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        if (r.isError()) {
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new QapiException(new SourceLocation(fname, line, 0, parent),
                    "invalid UTF-8 byte sequence");
        }
        out.flip();
        return normaliseNewlines(out.toString());
    }

    /** Universal newlines and the appended final LF (§1.1). */
    static String normaliseNewlines(String s) {
        if (s.indexOf('\r') >= 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (s.isEmpty() || s.charAt(s.length() - 1) != '\n') {
            s = s + "\n";
        }
        return s;
    }

    /** The C library's message for an open failure, as Python's {@code strerror} prints it. */
    private String strerror(IOException e, String fname) {
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return e instanceof NotDirectoryException ? "Not a directory" : "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if ("Is a directory".equals(e.getMessage())) {
            return "Is a directory";
        }
        Path p = workDir.resolve(fname);
        if (!Files.exists(p)) {
            return "No such file or directory";
        }
        if (!Files.isReadable(p)) {
            return "Permission denied";
        }
        String m = e.getMessage();
        return m == null ? "Input/output error" : m;
    }

    /** Python {@code os.path.dirname}. */
    static String dirname(String f) {
        int i = f.lastIndexOf('/') + 1;
        String head = f.substring(0, i);
        boolean allSlashes = true;
        for (int k = 0; k < head.length(); k++) {
            allSlashes &= head.charAt(k) == '/';
        }
        if (!head.isEmpty() && !allSlashes) {
            int e = head.length();
            while (e > 0 && head.charAt(e - 1) == '/') {
                e--;
            }
            head = head.substring(0, e);
        }
        return head;
    }

    /** Python {@code os.path.join} of two parts. */
    static String join(String dir, String name) {
        if (name.startsWith("/") || dir.isEmpty()) {
            return name;
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    // ---- Python str.isspace() (§3.2 step 7) ----

    static boolean isSpace(char c) {
        if (c <= 0x20) {
            return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** The column of {@code pos} on the line starting at {@code lineStart} (§2.3 tab rule). */
    static int column(String text, int lineStart, int pos) {
        int col = 1;
        int i = lineStart;
        while (i < pos) {
            int cp = text.codePointAt(i);
            if (cp == '\t') {
                col = (col + 7) % 8 + 1;
            } else {
                col++;
            }
            i += Character.charCount(cp);
        }
        return col;
    }

    // ---- one file ----

    private static final int T_EOF = -1;
    private static final int T_STRING = '\'';
    private static final int T_TRUE = 't';
    private static final int T_FALSE = 'f';
    private static final int T_DOC = '#';

    /** Lexer and recursive-descent parser for one file (§3, §4), with doc handling (§5). */
    private final class FileParser implements DocLineSource {
        final String fname;
        final String text;
        final SourceLocation parent;
        SourceLocation info;
        int line = 1;
        int lineStart;
        int cursor;
        int tok;
        int pos;
        Object val;
        int depth;

        FileParser(String fname, String text, SourceLocation parent) {
            this.fname = fname;
            this.text = text;
            this.parent = parent;
            this.info = new SourceLocation(fname, 1, 0, parent);
        }

        QapiException parseError(String msg) {
            return new QapiException(info.withColumn(column(text, lineStart, pos)), msg);
        }

        QapiException semError(SourceLocation where, String msg) {
            return new QapiException(contexts.error(where, msg));
        }

        /** §3.2: reads the next token; comments are skipped unless {@code skipComment} is false. */
        void accept(boolean skipComment) {
            final String src = text;
            while (true) {
                char c = src.charAt(cursor);
                pos = cursor;
                cursor++;
                val = null;
                if (c == '#') {
                    boolean doc = src.charAt(cursor) == '#';
                    int end = src.indexOf('\n', cursor);
                    cursor = end;
                    if (doc || !skipComment) {
                        tok = T_DOC;
                        val = src.substring(pos, end);
                        return;
                    }
                } else if (c == '{' || c == '}' || c == ':' || c == ',' || c == '[' || c == ']') {
                    tok = c;
                    return;
                } else if (c == '\'') {
                    lexString();
                    return;
                } else if (src.startsWith("true", pos)) {
                    tok = T_TRUE;
                    val = Boolean.TRUE;
                    cursor = pos + 4;
                    return;
                } else if (src.startsWith("false", pos)) {
                    tok = T_FALSE;
                    val = Boolean.FALSE;
                    cursor = pos + 5;
                    return;
                } else if (c == '\n') {
                    if (cursor == src.length()) {
                        tok = T_EOF;
                        return;
                    }
                    line++;
                    lineStart = cursor;
                    info = new SourceLocation(fname, line, 0, parent);
                } else if (!isSpace(c)) {
                    int end = pos;
                    while (end < src.length()) {
                        char d = src.charAt(end);
                        if (d == '[' || d == ']' || d == '{' || d == '}' || d == ':' || d == ','
                                || d == '\'' || isSpace(d)) {
                            break;
                        }
                        end++;
                    }
                    throw parseError("stray '" + src.substring(pos, end) + "'");
                }
            }
        }

        /** §3.3: only the {@code \\} escape; printable ASCII only; errors at the opening quote. */
        private void lexString() {
            final String src = text;
            StringBuilder sb = new StringBuilder();
            boolean esc = false;
            while (true) {
                int cp = src.codePointAt(cursor);
                cursor += Character.charCount(cp);
                if (cp == '\n') {
                    throw parseError("missing terminating \"'\"");
                }
                if (esc) {
                    if (cp != '\\') {
                        throw parseError("unknown escape \\" + new String(Character.toChars(cp)));
                    }
                    esc = false;
                } else if (cp == '\\') {
                    esc = true;
                    continue;
                } else if (cp == '\'') {
                    break;
                }
                if (cp < 32 || cp >= 127) {
                    throw parseError("funny character in string");
                }
                sb.append((char) cp);
            }
            tok = T_STRING;
            val = sb.toString();
        }

        // ---- values (§4.1) ----

        Object getExpr() {
            if (tok == '{' || tok == '[') {
                if (depth >= MAX_DEPTH) {
                    throw parseError("nesting deeper than " + MAX_DEPTH + " levels");
                }
                depth++;
                Object v;
                if (tok == '{') {
                    accept(true);
                    v = getMembers();
                } else {
                    accept(true);
                    v = getValues();
                }
                depth--;
                return v;
            }
            if (tok == T_STRING || tok == T_TRUE || tok == T_FALSE) {
                Object v = val;
                accept(true);
                return v;
            }
            throw parseError("expected '{', '[', string, or boolean");
        }

        Map<String, Object> getMembers() {
            Map<String, Object> expr = new LinkedHashMap<>();
            if (tok == '}') {
                accept(true);
                return expr;
            }
            if (tok != T_STRING) {
                throw parseError("expected string or '}'");
            }
            while (true) {
                String key = (String) val;
                accept(true);
                if (tok != ':') {
                    throw parseError("expected ':'");
                }
                accept(true);
                if (expr.containsKey(key)) {
                    throw parseError("duplicate key '" + key + "'");
                }
                expr.put(key, getExpr());
                if (tok == '}') {
                    accept(true);
                    return expr;
                }
                if (tok != ',') {
                    throw parseError("expected ',' or '}'");
                }
                accept(true);
                if (tok != T_STRING) {
                    throw parseError("expected string");
                }
            }
        }

        List<Object> getValues() {
            List<Object> expr = new ArrayList<>();
            if (tok == ']') {
                accept(true);
                return expr;
            }
            if (tok != '{' && tok != '[' && tok != T_STRING && tok != T_TRUE && tok != T_FALSE) {
                throw parseError("expected '{', '[', ']', string, or boolean");
            }
            while (true) {
                expr.add(getExpr());
                if (tok == ']') {
                    accept(true);
                    return expr;
                }
                if (tok != ',') {
                    throw parseError("expected ',' or ']'");
                }
                accept(true);
            }
        }

        // ---- top level (§4.2, §5.3, §6, §7) ----

        void parse() {
            DocBlocks.Block pending = null;
            accept(true);
            while (tok != T_EOF) {
                SourceLocation where = info;
                if (tok == T_DOC) {
                    rejectExprDoc(pending);
                    pending = getDoc();
                    continue;
                }
                Object v = getExpr();
                if (!(v instanceof Map)) {
                    throw semError(where, "top-level expression must be an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> expr = (Map<String, Object>) v;
                if (expr.containsKey("include")) {
                    rejectExprDoc(pending);
                    include(expr, where);
                } else if (expr.containsKey("pragma")) {
                    rejectExprDoc(pending);
                    pragma(expr, where);
                } else {
                    if (pending != null && pending.guessedSymbol == null) {
                        throw semError(pending.opening.location(), "definition documentation required");
                    }
                    raw.add(new Raw(expr, where, pending));
                }
                pending = null;
            }
            rejectExprDoc(pending);
        }

        private void rejectExprDoc(DocBlocks.Block doc) {
            if (doc != null && doc.guessedSymbol != null) {
                throw semError(doc.opening.location(), "documentation for '" + doc.guessedSymbol
                        + "' is not followed by the definition");
            }
        }

        /**
         * §5.1: delimits one block (every comment line up to the first starting with {@code ##})
         * and hands it to the doc parser; an unclosed block stops the parse at once.
         */
        private DocBlocks.Block getDoc() {
            if (!"##".equals(val)) {
                throw parseError("junk after '##' at start of documentation comment");
            }
            DocLine opening = docLine();
            List<DocLine> lines = new ArrayList<>();
            QapiException terminal = null;
            while (true) {
                DocLine l;
                try {
                    l = next();
                } catch (QapiException e) {
                    terminal = e;
                    break;
                }
                lines.add(l);
                if (l.text().startsWith("##")) {
                    break;
                }
            }
            DocBlocks.Block b = blocks.add(blocks.new Block(opening, lines, terminal));
            if (terminal != null || (!blocks.background() && (b.failure != null || b.error != null))) {
                throw new StopAtBlock();
            }
            accept(true);
            return b;
        }

        private DocLine docLine() {
            String token = (String) val;
            if (pos == lineStart) {
                // The comment is the whole line (the usual case): no second copy.
                return new DocLine(token, info, token, 0);
            }
            int end = text.indexOf('\n', lineStart);
            return new DocLine(token, info, text.substring(lineStart, end), pos - lineStart);
        }

        /** Doc mode (§5.1): the next token must be a comment. */
        @Override
        public DocLine next() {
            accept(false);
            if (tok != T_DOC) {
                throw parseError("documentation comment must end with '##'");
            }
            return docLine();
        }

        private void include(Map<String, Object> expr, SourceLocation where) {
            if (expr.size() != 1) {
                throw semError(where, "invalid 'include' directive");
            }
            if (!(expr.get("include") instanceof String value)) {
                throw semError(where, "value of 'include' must be a string");
            }
            String inclFname = join(dirname(fname), value);
            Map<String, Object> ie = new LinkedHashMap<>();
            ie.put("include", inclFname);
            raw.add(new Raw(ie, where, null));
            Path abs = abspath(inclFname);
            for (SourceLocation inf = where; inf != null; inf = inf.includedFrom()) {
                if (abs.equals(abspath(inf.file()))) {
                    throw semError(where, "inclusion loop for " + value);
                }
            }
            if (!included.add(abs)) {
                return;
            }
            String sub;
            try {
                sub = readText(inclFname, where);
            } catch (IOException e) {
                throw semError(where, "can't read include file '" + inclFname + "': "
                        + strerror(e, inclFname));
            }
            new FileParser(inclFname, sub, where).parse();
        }

        private void pragma(Map<String, Object> expr, SourceLocation where) {
            if (expr.size() != 1) {
                throw semError(where, "invalid 'pragma' directive");
            }
            if (!(expr.get("pragma") instanceof Map<?, ?> map)) {
                throw semError(where, "value of 'pragma' must be an object");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String name = (String) e.getKey();
                Object value = e.getValue();
                switch (name) {
                    case "doc-required" -> {
                        if (!(value instanceof Boolean b)) {
                            throw semError(where, "pragma 'doc-required' must be boolean");
                        }
                        pragmas.docRequired = b;
                    }
                    case "command-name-exceptions" ->
                            pragmas.commandNameExceptions = listOfStr(name, value, where);
                    case "command-returns-exceptions" ->
                            pragmas.commandReturnsExceptions = listOfStr(name, value, where);
                    case "documentation-exceptions" ->
                            pragmas.documentationExceptions = listOfStr(name, value, where);
                    case "member-name-exceptions" ->
                            pragmas.memberNameExceptions = listOfStr(name, value, where);
                    default -> throw semError(where, "unknown pragma '" + name + "'");
                }
            }
        }

        private List<String> listOfStr(String name, Object value, SourceLocation where) {
            if (value instanceof List<?> l) {
                List<String> out = new ArrayList<>();
                for (Object o : l) {
                    if (o instanceof String str) {
                        out.add(str);
                    }
                }
                if (out.size() == l.size()) {
                    return out;
                }
            }
            throw semError(where, "pragma " + name + " must be a list of strings");
        }
    }
}
