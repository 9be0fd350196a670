package dev.qapidoc.schema;

import static dev.qapidoc.schema.SchemaReader.*;

import dev.qapidoc.doc.DocLine;
import dev.qapidoc.doc.DocLineSource;
import dev.qapidoc.schema.SchemaReader.Raw;
import dev.qapidoc.schema.SchemaReader.StopAtBlock;
import dev.qapidoc.source.QapiException;
import dev.qapidoc.source.RuleId;
import dev.qapidoc.source.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lexer and recursive-descent parser for one file (§3, §4), with doc handling (§5). It lives
 * apart from {@link SchemaReader}, which holds what every file of a load shares (the include set,
 * the pragmas, the expression and doc lists) and which this parser reaches through {@code r}.
 */
final class FileParser implements DocLineSource {
    private final SchemaReader r;
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

    FileParser(SchemaReader r, String fname, String text, SourceLocation parent) {
        this.r = r;
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
        return new QapiException(r.contexts.error(rule, where, msg));
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
            } else if (c == 'n' && r.tolerance.on() && startsWith(src, pos, "null")) {
                r.contexts.sink.add(Tolerance.warning(
                        r.contexts.error(info.withColumn(column(text, lineStart, pos)), "stray 'null'"),
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
                    if (!r.tolerance.on()) {
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
                if (!r.tolerance.on()) {
                    throw parseError("funny character in string");
                }
                // 2.10 took any character but newline (Appendix A.2)
                r.contexts.sink.add(Tolerance.warning(
                        r.contexts.error(info.withColumn(column(text, lineStart, pos)), "funny character in string"),
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
        r.contexts.sink.add(Tolerance.warning(
                r.contexts.error(
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
                    record(semError(RuleId.QAPI_DOC, pending.opening.location(), "definition documentation required"));
                    pending = null;
                    r.contexts.docFailed.add(where);
                } else if (pending != null && pending.doc == null && r.keepGoing) {
                    pending = null; // the block failed (reported): no doc, and no
                    r.contexts.docFailed.add(where); // "documentation comment required"
                }
                r.raw.add(new Raw(expr, where, pending));
            }
            pending = null;
        }
        report(pending);
    }

    /** Lint mode records {@code e} and goes on; otherwise it ends the read, as in QEMU. */
    private void record(QapiException e) {
        if (!r.keepGoing) {
            throw e;
        }
        r.contexts.sink.add(e.diagnostic());
    }

    private void report(DocBlocks.Block pending) {
        if (r.keepGoing && pending != null && pending.doc == null) {
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
        DocBlocks.Block b = r.blocks.add(r.blocks.new Block(opening, lines, terminal));
        if (r.keepGoing && terminal == null && b.failure instanceof QapiException q) {
            r.contexts.sink.add(q.diagnostic()); // lint mode: report and go on after the block
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
        r.raw.add(new Raw(ie, where, null));
        Path abs = r.abspath(inclFname);
        int nesting = 0;
        for (SourceLocation inf = where; inf != null; inf = inf.includedFrom()) {
            if (abs.equals(r.abspath(inf.file()))) {
                record(semError(where, "inclusion loop for " + value));
                return;
            }
            nesting++;
        }
        if (nesting >= SchemaReader.MAX_INCLUDE_DEPTH) {
            // each level is a parser on the stack: stop with a diagnostic, as for JSON nesting
            record(semError(where, "include nesting deeper than " + SchemaReader.MAX_INCLUDE_DEPTH + " levels"));
            return;
        }
        if (!r.included.add(abs)) {
            return;
        }
        String sub;
        try {
            sub = r.readText(inclFname, where);
        } catch (IOException e) {
            record(semError(where, "can't read include file '" + inclFname + "': " + r.strerror(e, inclFname)));
            return;
        }
        new FileParser(r, inclFname, sub, where).parse();
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
                    r.pragmas.docRequired = b;
                }
                case "command-name-exceptions" -> r.pragmas.commandNameExceptions = listOfStr(name, value, where);
                case "command-returns-exceptions" -> r.pragmas.commandReturnsExceptions = listOfStr(name, value, where);
                case "documentation-exceptions" -> r.pragmas.documentationExceptions = listOfStr(name, value, where);
                case "member-name-exceptions" -> r.pragmas.memberNameExceptions = listOfStr(name, value, where);
                case "returns-whitelist", "name-case-whitelist" -> {
                    // Appendix A R2: the names before QEMU 6.0
                    if (!r.tolerance.on()) {
                        throw semError(where, "unknown pragma '" + name + "'");
                    }
                    r.contexts.sink.add(Tolerance.warning(
                            r.contexts.error(where, "unknown pragma '" + name + "'"), RuleId.LEGACY_PRAGMA));
                    if (name.equals("returns-whitelist")) {
                        r.pragmas.commandReturnsExceptions = listOfStr(name, value, where);
                    } else {
                        r.pragmas.memberNameExceptions = listOfStr(name, value, where);
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
