package dev.qapidoc.ext;

import dev.qapidoc.ext.KernelDocComments.Comment;
import dev.qapidoc.ext.KernelDocComments.Kind;
import dev.qapidoc.ext.KernelDocComments.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes kernel-doc comments as the reST that Sphinx's {@code c} domain then renders, laid out as
 * QEMU's documentation shows them: the object directive ({@code c:function}, {@code c:struct},
 * {@code c:enum}, {@code c:type}, {@code c:macro}) with the purpose as its content, then a {@code
 * kernelindent} container with the "Parameters", "Members" or "Constants" list (and, for
 * functions and macros, the sections), and the text sections as bold-titled paragraphs. DOC
 * sections become a bold title with a target of the same name, then their text.
 */
final class KernelDocRst {

    private static final String IN = "   ";
    // the member groups are possessive ("*+"): Java's engine recurses once per iteration of a
    // group it may backtrack into, so "@a.b.c..." of a few thousand members overflowed the
    // stack; nothing after them could take a character back, so they match the same texts
    private static final Pattern PARAM_REF = Pattern.compile("(?<![\\w@])@([A-Za-z_][\\w]*(?:\\.[A-Za-z_]\\w*)*+)");
    private static final Pattern CONST_REF = Pattern.compile("(?<![\\w%])%([A-Za-z_][\\w]*)");
    private static final Pattern GTKDOC_REF =
            Pattern.compile("(?<![\\w#&])#([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*+(?:\\(\\))?)");
    private static final Pattern TYPE_REF =
            Pattern.compile("(?<![\\w&])&(?:(struct|union|enum)\\s+)?(?!typedef\\b)([A-Za-z_]\\w*)");

    private final List<String> out = new ArrayList<>();

    private KernelDocRst() {}

    /** The reST of {@code comments}, in order; for a DOC comment only its text when {@code bare}. */
    static List<String> write(List<Comment> comments, boolean bare) {
        KernelDocRst w = new KernelDocRst();
        for (Comment c : comments) {
            w.comment(c, bare);
        }
        return w.out;
    }

    private void comment(Comment c, boolean bare) {
        switch (c.kind()) {
            case DOC -> doc(c, bare);
            case FUNCTION -> function(c);
            case MACRO -> macro(c);
            case STRUCT, UNION -> aggregate(c);
            case ENUM -> enumeration(c);
            case TYPEDEF -> typedef(c);
        }
    }

    private void doc(Comment c, boolean bare) {
        if (!bare) {
            line(".. _`" + c.name().replace("`", "\\`") + "`:");
            line("");
            line("**" + c.name() + "**");
            line("");
        }
        for (Section s : c.sections()) {
            text(s.lines(), "");
        }
    }

    private void function(Comment c) {
        CDeclarations.Prototype p = CDeclarations.prototype(c.declaration(), c.name());
        List<String> params = p == null ? List.of() : p.params();
        String ret = p == null ? "" : p.returnType();
        line(".. c:function:: " + (ret.isEmpty() ? "" : ret + " ") + c.name() + " (" + String.join(", ", params) + ")");
        line("");
        purpose(c.purpose());
        container();
        parameters(params, c.params());
        sections(c, IN);
    }

    private void macro(Comment c) {
        List<String> params = CDeclarations.macroParams(c.declaration(), c.name());
        line(".. c:macro:: " + c.name());
        line("");
        purpose(c.purpose());
        if (params != null) {
            line("``" + c.name() + " (" + String.join(", ", params) + ")``");
            line("");
        }
        container();
        if (params != null) {
            parameters(params, c.params());
        }
        sections(c, IN);
    }

    private void aggregate(Comment c) {
        String kw = c.kind() == Kind.UNION ? "union" : "struct";
        line(".. c:" + kw + ":: " + c.name());
        line("");
        purpose(c.purpose());
        String body = CDeclarations.body(c.declaration());
        container();
        if (body != null) {
            CStructLayout layout = CStructLayout.of(kw, c.name(), body);
            line(IN + "**Definition**::");
            line("");
            for (String l : layout.lines()) {
                line(IN + "  " + l);
            }
            line("");
            line(IN + "**Members**");
            line("");
            for (CStructLayout.Member m : layout.members()) {
                List<String> desc =
                        m.key() == null ? List.of("anonymous") : c.params().get(m.key());
                if (desc != null) {
                    item(m.shown(), desc);
                }
            }
        }
        sections(c, "");
    }

    private void enumeration(Comment c) {
        line(".. c:enum:: " + c.name());
        line("");
        purpose(c.purpose());
        String body = CDeclarations.body(c.declaration());
        container();
        line(IN + "**Constants**");
        line("");
        for (String e : body == null ? List.<String>of() : CDeclarations.enumerators(body)) {
            List<String> desc = c.params().get(e);
            item(e, desc == null ? List.of("*undescribed*") : desc);
        }
        sections(c, "");
    }

    private void typedef(Comment c) {
        String decl = c.declaration();
        Matcher fp = Pattern.compile(
                        "^typedef\\s+(.*?)\\(\\s*\\*?\\s*" + Pattern.quote(c.name()) + "\\s*\\)\\s*\\((.*)\\)\\s*;?$")
                .matcher(decl);
        if (!fp.matches()) {
            line(".. c:type:: " + c.name());
            line("");
            purpose(c.purpose());
            sections(c, "");
            return;
        }
        String ret = CDeclarations.squeeze(fp.group(1));
        List<String> params = CDeclarations.splitTopLevel(fp.group(2));
        line(".. c:macro:: " + c.name());
        line("");
        line(IN + "**Typedef**: " + c.purpose());
        line("");
        line("**Syntax**");
        line("");
        line("  ``" + ret + " " + c.name() + " (" + String.join(", ", params) + ")``");
        line("");
        container();
        parameters(params, c.params());
        sections(c, IN);
    }

    private void purpose(String purpose) {
        if (!purpose.isEmpty()) {
            line(IN + highlight(purpose));
            line("");
        }
    }

    private void container() {
        line(".. container:: kernelindent");
        line("");
    }

    private void parameters(List<String> params, Map<String, List<String>> docs) {
        line(IN + "**Parameters**");
        line("");
        if (params.isEmpty() || params.equals(List.of("void"))) {
            item("void", List.of("no arguments"));
            return;
        }
        for (String p : params) {
            String name = CDeclarations.declaredName(p);
            List<String> desc = docs.get(name);
            if (desc == null && name.equals("...")) {
                desc = docs.entrySet().stream()
                        .filter(e -> e.getKey().endsWith("..."))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(List.of("variable arguments"));
            }
            item(p, desc == null ? List.of("*undescribed*") : desc);
        }
    }

    /** One definition-list item of a kernelindent container. */
    private void item(String term, List<String> desc) {
        line(IN + "``" + term + "``");
        for (String d : desc) {
            line(IN + "  " + highlight(d));
        }
        line("");
    }

    private void sections(Comment c, String indent) {
        for (Section s : c.sections()) {
            line(indent + "**" + s.title() + "**");
            line("");
            text(s.lines(), indent);
        }
    }

    /** Section text, highlighted except in literal blocks ({@code ::} paragraphs, code directives). */
    private void text(List<String> lines, String indent) {
        int literalIndent = -1;
        boolean opensLiteral = false;
        for (String l : lines) {
            int ind = l.length() - l.stripLeading().length();
            if (l.isBlank()) {
                line("");
                continue;
            }
            if (literalIndent >= 0 && ind <= literalIndent) {
                literalIndent = -1;
            }
            if (opensLiteral && literalIndent < 0) {
                literalIndent = lastIndent;
            }
            opensLiteral = false;
            boolean literal = literalIndent >= 0 && ind > literalIndent;
            line(indent + (literal ? l : highlight(l)));
            if (!literal) {
                lastIndent = ind;
                opensLiteral = (l.endsWith("::") && !l.stripLeading().startsWith(".."))
                        || l.stripLeading().startsWith(".. code-block::")
                        || l.stripLeading().startsWith(".. code::");
            }
        }
        line("");
    }

    /** Indentation of the last line outside a literal block (see {@link #text}). */
    private int lastIndent;

    private void line(String s) {
        out.add(s);
    }

    /**
     * kernel-doc's highlights (doc-guide "Highlights and cross-references"): {@code @name} in
     * bold, {@code %CONST} as a literal, {@code &name} and {@code &struct name} as {@code c:type}
     * references; {@code func()} stays text, as in QEMU's build.
     */
    static String highlight(String text) {
        String s = TYPE_REF.matcher(text).replaceAll(m -> {
            String name = m.group(2);
            String shown = m.group(1) == null ? name : m.group(1) + " " + name;
            return Matcher.quoteReplacement(
                    m.group(1) == null ? ":c:type:`" + name + "`" : ":c:type:`" + shown + " <" + name + ">`");
        });
        s = GTKDOC_REF.matcher(s).replaceAll(m -> Matcher.quoteReplacement(":c:type:`" + m.group(1) + "`"));
        String t = CONST_REF.matcher(s).replaceAll(m -> Matcher.quoteReplacement("``" + m.group(1) + "``"));
        // "@fn()": docutils ends strong text only before space or punctuation, so an escaped space
        // joins the parentheses
        return PARAM_REF.matcher(t).replaceAll(m -> {
            boolean call = t.startsWith("(", m.end());
            return Matcher.quoteReplacement("**" + m.group(1) + "**" + (call ? "\\ " : ""));
        });
    }
}
