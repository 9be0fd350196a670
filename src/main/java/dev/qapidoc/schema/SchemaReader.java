package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.doc.DocLine;
import dev.qapidoc.doc.LegacyDocParser;
import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.QapiException;
import dev.qapidoc.source.RuleId;
import dev.qapidoc.source.SourceLocation;
import dev.qapidoc.source.SourceTree;
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

    /**
     * Include nesting limit (QEMU's schemas nest 3 deep): deeper chains get a diagnostic at the
     * include that exceeds it instead of a stack overflow.
     */
    static final int MAX_INCLUDE_DEPTH = 100;

    private final Path workDir;
    /** The files that may be read, or null for no confinement (see {@link LoadOptions#sourceTree()}). */
    SourceTree sourceTree;

    final Contexts contexts;
    final Set<Path> included = new HashSet<>();
    /** The flat expression list (§0 P1), valid after {@link #readRoot}. */
    final List<Expr> exprs = new ArrayList<>();
    /** The flat doc list (§5.3), valid after {@link #readRoot}. */
    final List<Doc> docs = new ArrayList<>();

    final PragmaState pragmas = new PragmaState();

    /** An expression as parsed, with its doc block. */
    record Raw(Map<String, Object> data, SourceLocation location, DocBlocks.Block block) {}

    final List<Raw> raw = new ArrayList<>();
    DocBlocks blocks;

    /** Stops the parse at a doc block that is known to fail; that block's error is reported. */
    static final class StopAtBlock extends RuntimeException {
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

    final Tolerance tolerance;
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
            new FileParser(this, fname, text, null).parse();
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
    String readText(String fname, SourceLocation parent) throws IOException {
        Path p = workDir.resolve(fname);
        if (Files.isDirectory(p)) {
            throw new IOException("Is a directory");
        }
        // checked before the file is opened: a file outside the tree is not read at all (its
        // first token would show in a parse error), and opening a FIFO would block forever
        // (a file that is not there is left to the open below, which gives the C library's reason)
        if (Files.exists(p)) {
            if (sourceTree != null) {
                p = sourceTree.check(p);
            } else {
                SourceTree.requireRegular(p);
            }
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
    String strerror(IOException e, String fname) {
        if (e instanceof SourceTree.Refused) {
            return e.getMessage();
        }
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

    static final int T_EOF = -1;
    static final int T_STRING = '\'';
    static final int T_TRUE = 't';
    static final int T_FALSE = 'f';
    /** Tolerant mode only: 2.10's {@code null} literal (Appendix A R9). */
    static final int T_NULL = 'n';
    /** The value of a {@code null} literal: a key with it counts as absent. */
    static final Object NULL = new Object();

    static final int T_DOC = '#';
}
