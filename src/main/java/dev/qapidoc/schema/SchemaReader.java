package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.doc.DocLine;
import dev.qapidoc.doc.DocLineSource;
import dev.qapidoc.doc.LegacyDocParser;
import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.QapiException;
import dev.qapidoc.source.RuleId;
import dev.qapidoc.source.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * <p>Doc blocks are delimited here and parsed in line by {@link DocBlocks}, as QEMU does.
 */
final class SchemaReader {

    /** Parser nesting limit: deeper input gets a diagnostic instead of a stack overflow. */
    static final int MAX_DEPTH = 1000;

    private final Path workDir;
    private final Contexts contexts;
    private final Set<Path> included = new HashSet<>();
    /** The flat expression list (§0 P1), valid after {@link #readRoot}. */
    final List<Expr> exprs = new ArrayList<>();
    /** The flat doc list (§5.3), valid after {@link #readRoot}. */
    final List<Doc> docs = new ArrayList<>();

    final PragmaState pragmas = new PragmaState();

    /** An expression as parsed, with its doc block. */
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
            return new Pragmas(
                    docRequired,
                    commandNameExceptions,
                    commandReturnsExceptions,
                    documentationExceptions,
                    memberNameExceptions);
        }
    }

    private final Tolerance tolerance;
    private final DocBlocks.DocMode docMode;
    /** Set when a doc block failed (tolerant mode then retries with the legacy reader). */
    boolean docBlockFailed;

    SchemaReader(Path workDir, Contexts contexts, Tolerance tolerance, DocBlocks.DocMode docMode) {
        this.workDir = workDir;
        this.contexts = contexts;
        this.tolerance = tolerance;
        this.docMode = docMode;
    }

    /**
     * Lint mode ({@link LoadOptions#keepGoing()}): errors
     * that leave the token stream intact — failing doc blocks, pragma and include directives,
     * doc placement — are recorded in order and reading goes on, so lint sees every independent
     * problem; the first one recorded is still the one QEMU stops at. Syntax errors still end
     * the read (also those in an included file, which pass through include()).
     */
    boolean keepGoing;

    /**
     * Reads the root file (P1). Returns false when an error was recorded. On success the
     * expressions are in {@link #exprs}, the docs in {@link #docs}, and the doc blocks' tolerant
     * warnings in the sink.
     */
    boolean readRoot(String fname) {
        blocks = new DocBlocks(docMode);
        QapiException mainError = null;
        boolean stopped = false;
        try {
            Path abs = abspath(fname);
            included.add(abs);
            String text;
            try {
                text = readText(fname, null);
            } catch (IOException e) {
                contexts.sink.add(Diagnostic.error(
                        RuleId.QAPI_SCHEMA, null, "can't read schema file '" + fname + "': " + strerror(e, fname)));
                return false;
            }
            new FileParser(fname, text, null).parse();
        } catch (QapiException e) {
            mainError = e;
        } catch (StopAtBlock e) {
            stopped = true;
        }
        if (mainError == null && !stopped) {
            for (Raw r : raw) {
                exprs.add(new Expr(r.data(), r.location(), r.block()));
            }
            if (docMode == DocBlocks.DocMode.LEGACY) {
                convertLegacyDocs();
            }
            return collectDocs();
        }
        // The lexer stopped. A block that began before that point and fails outranks its error.
        if (!firstFailure()) {
            contexts.sink.add(mainError.diagnostic());
        }
        return false;
    }

    /**
     * Legacy docs (always parsed in line): the markup is a property of the whole schema, so it
     * is chosen once all blocks are read, then every doc's text is rewritten into reST before
     * anything (P2's doc checks, binding) looks at it (doc-comments-and-rest.md Part 3 §3.6).
     */
    private void convertLegacyDocs() {
        List<Doc> all = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).doc != null) {
                all.add(blocks.get(i).doc);
            }
        }
        LegacyDocParser.Markup markup = LegacyDocParser.detect(all);
        for (Doc d : all) {
            LegacyDocParser.convert(d, markup);
        }
    }

    /**
     * Tolerant mode, after a lenient read that failed nowhere: true when the docs use the 2017
     * markup ({@code | } example lines) and nothing of reST ({@code ::} line ends, {@code ``},
     * {@code **}, {@code .. } directives). The loader then reads an old schema (one that needed
     * some relaxation) again with the legacy reader so its markup is converted
     * (doc-comments-and-rest.md Part 3 §3.6).
     */
    boolean uses2017Markup() {
        boolean pipes = false;
        for (int i = 0; i < blocks.size(); i++) {
            for (DocLine l : blocks.get(i).lines) {
                String t = l.text().length() > 2 ? l.text().substring(2).strip() : "";
                if (t.endsWith("::") || t.contains("``") || t.contains("**") || t.startsWith(".. ")) {
                    return false;
                }
                pipes |= t.equals("|") || t.startsWith("| ");
            }
        }
        return pipes;
    }

    /**
     * After a read that reached the end: the docs in order and the warnings of their blocks
     * (tolerant mode). Returns false when a failing block's error was recorded (lint mode
     * records failures as they are read, so there it is always true).
     */
    private boolean collectDocs() {
        if (firstFailure()) {
            return false;
        }
        for (int i = 0; i < blocks.size(); i++) {
            DocBlocks.Block b = blocks.get(i);
            if (b.doc != null) {
                docs.add(b.doc);
            }
            for (Diagnostic w : b.warnings) {
                contexts.sink.add(w);
            }
        }
        return true;
    }

    /**
     * QEMU's order: the first failing block's error is the P1 error. Records it and returns
     * true, unless lint mode reported it already when the block was read.
     */
    private boolean firstFailure() {
        for (int i = 0; i < blocks.size(); i++) {
            DocBlocks.Block b = blocks.get(i);
            if (b.error != null) {
                throw b.error;
            }
            if (b.failure != null) {
                docBlockFailed = true;
                if (keepGoing && b.failure instanceof QapiException && b.terminal == null) {
                    continue; // reported when it was read (lint mode)
                }
                if (b.failure instanceof QapiException q) {
                    contexts.sink.add(q.diagnostic());
                    return true;
                }
                throw b.failure;
            }
        }
        return false;
    }

    // ---- files and paths ----

    Path abspath(String fname) {
        return workDir.resolve(fname).toAbsolutePath().normalize();
    }

    /**
     * Largest schema file read (QEMU's whole QMP schema is about 1 MiB). Beyond it the file is
     * reported with strerror's {@code File too large}.
     */
    static final int MAX_FILE_BYTES = 64 << 20;

    /**
     * Reads a file as strict UTF-8 with universal newlines and a guaranteed final LF (§1.1).
     * Invalid UTF-8 (QEMU crashes) becomes {@code FILE:LINE: invalid UTF-8 byte sequence}.
     */
    private String readText(String fname, SourceLocation parent) throws IOException {
        Path p = workDir.resolve(fname);
        if (Files.isDirectory(p)) {
            throw new IOException("Is a directory");
        }
        byte[] bytes;
        try (java.io.InputStream stream = Files.newInputStream(p)) {
            // bounded: a device such as /dev/zero must end in a diagnostic, not a hang
            bytes = stream.readNBytes(MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IOException("File too large");
        }
        CharsetDecoder dec = StandardCharsets.UTF_8
                .newDecoder()
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
            throw new QapiException(
                    RuleId.QAPI_SCHEMA, new SourceLocation(fname, line, 0, parent), "invalid UTF-8 byte sequence");
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

    /**
     * The C library's message for an open failure, as Python's {@code strerror} prints it. Java
     * maps ENOENT and EACCES to their own exception types and keeps {@code strerror} as the
     * reason of every other {@link FileSystemException} (e.g. {@code Not a directory}).
     */
    private String strerror(IOException e, String fname) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        if ("Is a directory".equals(e.getMessage())) {
            return "Is a directory";
        }
        Path p = workDir.resolve(fname);
        if (!Files.exists(p)) {
            return "No such file or directory";
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
        return c == 0x85
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000;
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
    /** Tolerant mode only: 2.10's {@code null} literal (Appendix A R9). */
    private static final int T_NULL = 'n';
    /** The value of a {@code null} literal: a key with it counts as absent. */
    private static final Object NULL = new Object();

    private static final int T_DOC = '#';

    /** Lexer and recursive-descent parser for one file (§3, §4), with doc handling (§5). */
    private final class FileParser implements DocLineSource {
        final String fname;
        final String text;
        /** The text as an array: the lexer's inner loops index it directly (§3.2). */
        final char[] buf;

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
            this.buf = text.toCharArray();
            this.parent = parent;
            this.info = new SourceLocation(fname, 1, 0, parent);
        }

        /** A lexical or syntax error at the current token (§2.1: the only errors with a column). */
        QapiException parseError(String msg) {
            return parseError(RuleId.QAPI_SYNTAX, msg);
        }

        QapiException parseError(RuleId rule, String msg) {
            return new QapiException(rule, info.withColumn(column(text, lineStart, pos)), msg);
        }

        QapiException semError(SourceLocation where, String msg) {
            return semError(RuleId.QAPI_SCHEMA, where, msg);
        }

        QapiException semError(RuleId rule, SourceLocation where, String msg) {
            return new QapiException(contexts.error(rule, where, msg));
        }

        /** §3.2: reads the next token; comments are skipped unless {@code skipComment} is false. */
        void accept(boolean skipComment) {
            final char[] src = buf;
            while (true) {
                char c = src[cursor];
                pos = cursor;
                cursor++;
                val = null;
                if (c == '#') {
                    boolean doc = src[cursor] == '#';
                    int end = cursor;
                    while (src[end] != '\n') {
                        end++;
                    }
                    cursor = end;
                    if (doc || !skipComment) {
                        tok = T_DOC;
                        val = text.substring(pos, end);
                        return;
                    }
                } else if (c == '{' || c == '}' || c == ':' || c == ',' || c == '[' || c == ']') {
                    tok = c;
                    return;
                } else if (c == '\'') {
                    lexString();
                    return;
                } else if (c == 't' && startsWith(src, pos, "true")) {
                    tok = T_TRUE;
                    val = Boolean.TRUE;
                    cursor = pos + 4;
                    return;
                } else if (c == 'f' && startsWith(src, pos, "false")) {
                    tok = T_FALSE;
                    val = Boolean.FALSE;
                    cursor = pos + 5;
                    return;
                } else if (c == 'n' && tolerance.on() && startsWith(src, pos, "null")) {
                    contexts.sink.add(Tolerance.warning(
                            contexts.error(info.withColumn(column(text, lineStart, pos)), "stray 'null'"),
                            RuleId.LEGACY_LEXICAL));
                    tok = T_NULL;
                    val = NULL;
                    cursor = pos + 4;
                    return;
                } else if (c == '\n') {
                    if (cursor == src.length) {
                        tok = T_EOF;
                        return;
                    }
                    line++;
                    lineStart = cursor;
                    info = new SourceLocation(fname, line, 0, parent);
                } else if (!isSpace(c)) {
                    int end = pos;
                    while (end < src.length) {
                        char d = src[end];
                        if (d == '['
                                || d == ']'
                                || d == '{'
                                || d == '}'
                                || d == ':'
                                || d == ','
                                || d == '\''
                                || isSpace(d)) {
                            break;
                        }
                        end++;
                    }
                    throw parseError("stray '" + text.substring(pos, end) + "'");
                }
            }
        }

        /** §3.3: only the {@code \\} escape; printable ASCII only; errors at the opening quote. */
        private void lexString() {
            final char[] src = buf;
            StringBuilder sb = new StringBuilder();
            boolean esc = false;
            while (true) {
                int cp = Character.codePointAt(src, cursor);
                cursor += Character.charCount(cp);
                if (cp == '\n') {
                    throw parseError("missing terminating \"'\"");
                }
                if (esc) {
                    esc = false;
                    if (cp != '\\') {
                        if (!tolerance.on()) {
                            throw parseError("unknown escape \\" + new String(Character.toChars(cp)));
                        }
                        legacyEscape(cp, sb); // Appendix A R9
                        continue;
                    }
                } else if (cp == '\\') {
                    esc = true;
                    continue;
                } else if (cp == '\'') {
                    break;
                }
                if (cp < 32 || cp >= 127) {
                    if (!tolerance.on()) {
                        throw parseError("funny character in string");
                    }
                    // 2.10 took any character but newline (Appendix A.2)
                    contexts.sink.add(Tolerance.warning(
                            contexts.error(info.withColumn(column(text, lineStart, pos)), "funny character in string"),
                            RuleId.LEGACY_LEXICAL));
                }
                sb.appendCodePoint(cp);
            }
            tok = T_STRING;
            val = sb.toString();
        }

        private static boolean startsWith(char[] src, int pos, String word) {
            if (pos + word.length() > src.length) {
                return false;
            }
            for (int i = 0; i < word.length(); i++) {
                if (src[pos + i] != word.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** 2.10's escapes: {@code \/ \' \" \b \f \n \r \t} and {@code \\uXXXX} (1..0x7F). */
        private void legacyEscape(int cp, StringBuilder sb) {
            String simple = "/'\"bfnrt";
            String value = "/'\"\b\f\n\r\t";
            int k = simple.indexOf(cp);
            if (k >= 0) {
                sb.append(value.charAt(k));
            } else if (cp == 'u') {
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(buf[cursor], 16);
                    if (d < 0) {
                        throw parseError("\\u escape needs 4 hex digits");
                    }
                    v = v * 16 + d;
                    cursor++;
                }
                if (v < 1 || v > 0x7F) {
                    throw parseError("for now, \\u escape only supports non-zero values up to \\u007f");
                }
                sb.append((char) v);
            } else {
                throw parseError("unknown escape \\" + new String(Character.toChars(cp)));
            }
            contexts.sink.add(Tolerance.warning(
                    contexts.error(
                            info.withColumn(column(text, lineStart, pos)),
                            "unknown escape \\" + new String(Character.toChars(cp))),
                    RuleId.LEGACY_LEXICAL));
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
            if (tok == T_STRING || tok == T_TRUE || tok == T_FALSE || tok == T_NULL) {
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
                Object value = getExpr();
                if (value != NULL) {
                    expr.put(key, value); // R9: a null value is an absent key
                }
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
            if (tok != '{' && tok != '[' && tok != T_STRING && tok != T_TRUE && tok != T_FALSE && tok != T_NULL) {
                throw parseError("expected '{', '[', ']', string, or boolean");
            }
            while (true) {
                Object value = getExpr();
                if (value != NULL) {
                    expr.add(value);
                }
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
                    report(pending);
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
                    report(pending);
                    include(expr, where);
                } else if (expr.containsKey("pragma")) {
                    report(pending);
                    try {
                        pragma(expr, where);
                    } catch (QapiException e) {
                        record(e);
                    }
                } else {
                    if (pending != null && pending.guessedSymbol == null) {
                        record(semError(
                                RuleId.QAPI_DOC, pending.opening.location(), "definition documentation required"));
                        pending = null;
                        contexts.docFailed.add(where);
                    } else if (pending != null && pending.doc == null && keepGoing) {
                        pending = null; // the block failed (reported): no doc, and no
                        contexts.docFailed.add(where); // "documentation comment required"
                    }
                    raw.add(new Raw(expr, where, pending));
                }
                pending = null;
            }
            report(pending);
        }

        /** Lint mode records {@code e} and goes on; otherwise it ends the read, as in QEMU. */
        private void record(QapiException e) {
            if (!keepGoing) {
                throw e;
            }
            contexts.sink.add(e.diagnostic());
        }

        private void report(DocBlocks.Block pending) {
            if (keepGoing && pending != null && pending.doc == null) {
                return; // a failed block (reported): nothing to attach, nothing more to say
            }
            try {
                rejectExprDoc(pending);
            } catch (QapiException e) {
                record(e);
            }
        }

        private void rejectExprDoc(DocBlocks.Block doc) {
            if (doc != null && doc.guessedSymbol != null) {
                throw semError(
                        RuleId.QAPI_DOC,
                        doc.opening.location(),
                        "documentation for '" + doc.guessedSymbol + "' is not followed by the definition");
            }
        }

        /**
         * §5.1: delimits one block (every comment line up to the first starting with {@code ##})
         * and hands it to the doc parser; an unclosed block stops the parse at once.
         */
        private DocBlocks.Block getDoc() {
            if (!"##".equals(val)) {
                throw parseError(RuleId.QAPI_DOC, "junk after '##' at start of documentation comment");
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
            if (keepGoing && terminal == null && b.failure instanceof QapiException q) {
                contexts.sink.add(q.diagnostic()); // lint mode: report and go on after the block
            } else if (terminal != null || b.failure != null || b.error != null) {
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
                throw parseError(RuleId.QAPI_DOC, "documentation comment must end with '##'");
            }
            return docLine();
        }

        private void include(Map<String, Object> expr, SourceLocation where) {
            if (expr.size() != 1) {
                record(semError(where, "invalid 'include' directive"));
                return;
            }
            if (!(expr.get("include") instanceof String value)) {
                record(semError(where, "value of 'include' must be a string"));
                return;
            }
            String inclFname = join(dirname(fname), value);
            Map<String, Object> ie = new LinkedHashMap<>();
            ie.put("include", inclFname);
            raw.add(new Raw(ie, where, null));
            Path abs = abspath(inclFname);
            for (SourceLocation inf = where; inf != null; inf = inf.includedFrom()) {
                if (abs.equals(abspath(inf.file()))) {
                    record(semError(where, "inclusion loop for " + value));
                    return;
                }
            }
            if (!included.add(abs)) {
                return;
            }
            String sub;
            try {
                sub = readText(inclFname, where);
            } catch (IOException e) {
                record(semError(where, "can't read include file '" + inclFname + "': " + strerror(e, inclFname)));
                return;
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
                    case "command-name-exceptions" -> pragmas.commandNameExceptions = listOfStr(name, value, where);
                    case "command-returns-exceptions" ->
                        pragmas.commandReturnsExceptions = listOfStr(name, value, where);
                    case "documentation-exceptions" -> pragmas.documentationExceptions = listOfStr(name, value, where);
                    case "member-name-exceptions" -> pragmas.memberNameExceptions = listOfStr(name, value, where);
                    case "returns-whitelist", "name-case-whitelist" -> {
                        // Appendix A R2: the names before QEMU 6.0
                        if (!tolerance.on()) {
                            throw semError(where, "unknown pragma '" + name + "'");
                        }
                        contexts.sink.add(Tolerance.warning(
                                contexts.error(where, "unknown pragma '" + name + "'"), RuleId.LEGACY_PRAGMA));
                        if (name.equals("returns-whitelist")) {
                            pragmas.commandReturnsExceptions = listOfStr(name, value, where);
                        } else {
                            pragmas.memberNameExceptions = listOfStr(name, value, where);
                        }
                    }
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
