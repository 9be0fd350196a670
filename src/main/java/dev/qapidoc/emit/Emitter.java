package dev.qapidoc.emit;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.QapiSyntax;
import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.Feature;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The emission primitives of doc-comments-and-rest.md §2.2: an indent level, {@code emit},
 * {@code emitBlock} and {@code ensureBlank}. Both dialects write through it, so blank-line
 * numbering (a blank inherits the previous record's line + 1) is the same everywhere.
 */
final class Emitter {
    private static final String INDENT = "   ";

    private final List<ContentLine> lines = new ArrayList<>();
    private int depth;

    List<ContentLine> lines() {
        return lines;
    }

    void indent() {
        depth++;
    }

    void dedent() {
        depth--;
    }

    int depth() {
        return depth;
    }

    /**
     * §2.2 emit: a text with some non-whitespace is stored indented with trailing LFs removed
     * (inner LFs kept); anything else becomes a blank record.
     */
    void emit(String text, SourceLocation origin) {
        if (hasNonSpace(text)) {
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == '\n') {
                end--;
            }
            lines.add(new ContentLine(INDENT.repeat(depth) + text.substring(0, end), origin));
        } else {
            lines.add(new ContentLine("", origin));
        }
    }

    /** §2.2 emitBlock: line {@code i} of {@code text} is credited to {@code start + i}. */
    void emitBlock(String text, SourceLocation start) {
        List<String> split = splitLines(text);
        for (int i = 0; i < split.size(); i++) {
            emit(split.get(i), start.atLine(start.line() + i));
        }
    }

    /**
     * §2.5.2, the part both dialects share: the {@code :ifcond:} option, one flag option per
     * special feature (deprecated, unstable), then the blank line that ends the option block.
     */
    void conditionAndSpecialFeatures(Entity e, SourceLocation def) {
        if (e.ifCond() != null) {
            emit(QapiSyntax.option(QapiSyntax.OPT_IFCOND, SchemaFacts.ifCond(e.ifCond())), def);
        }
        for (Feature f : e.features()) {
            if (f.isSpecial()) {
                emit(QapiSyntax.option(f.name(), null), def);
            }
        }
        ensureBlank();
    }

    /** §2.2 ensureBlank: a blank after a non-blank record, credited to that record's line + 1. */
    void ensureBlank() {
        if (lines.isEmpty()) {
            return;
        }
        ContentLine last = lines.get(lines.size() - 1);
        if (hasNonSpace(last.text())) {
            SourceLocation o = last.where();
            lines.add(new ContentLine("", o.atLine(o.line() + 1)));
        }
    }

    /** Python's {@code str.isspace()} complement: some character is not whitespace (§0). */
    static boolean hasNonSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isPySpace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The whitespace set of doc-comments-and-rest.md §0 (Python's {@code isspace}). */
    static boolean isPySpace(char c) {
        return c == ' '
                || (c >= '\t' && c <= '\r')
                || (c >= 0x1c && c <= 0x1f)
                || c == 0x85
                || c == 0xa0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202f
                || c == 0x205f
                || c == 0x3000;
    }

    /**
     * Python's {@code str.splitlines()}: splits at LF, CR, CR LF, VT, FF, FS, GS, RS, NEL, LS and
     * PS, with no final empty element.
     */
    static List<String> splitLines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n'
                    || c == '\r'
                    || c == 0x0b
                    || c == 0x0c
                    || (c >= 0x1c && c <= 0x1e)
                    || c == 0x85
                    || c == 0x2028
                    || c == 0x2029) {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
            i++;
        }
        if (start < n) {
            out.add(s.substring(start));
        }
        return out;
    }
}
