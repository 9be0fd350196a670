package dev.qapidoc.ext;

import dev.qapidoc.rst.DirectiveCall;
import dev.qapidoc.rst.DirectiveContext;
import dev.qapidoc.rst.DirectiveRegistry;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object directives of Sphinx's {@code c} domain ({@code c:function}, {@code c:struct},
 * {@code c:union}, {@code c:enum}, {@code c:enumerator}, {@code c:type}, {@code c:macro}, {@code
 * c:member}, {@code c:var}): an index entry "NAME (C function)" and a description whose signature
 * has the id {@code c.NAME} and is split into tokens as Sphinx shows them (keywords {@code k},
 * fundamental types {@code kt}, names {@code n}, punctuation {@code p}, spaces {@code w}). Type
 * names in a signature are {@code c:type} references with the attribute {@code sig}, which the
 * html side's c domain turns into links or plain tokens.
 */
public final class CDomainDirectives {

    /** Fundamental type words, shown with class {@code kt}. */
    private static final Set<String> FUNDAMENTAL =
            Set.of("void", "char", "short", "int", "long", "float", "double", "unsigned", "signed", "bool", "_Bool");
    /** Keywords, shown with class {@code k}. */
    private static final Set<String> KEYWORDS =
            Set.of("const", "volatile", "struct", "union", "enum", "restrict", "static", "inline", "extern");

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_]\\w*|\\.\\.\\.|\\d\\w*|\\S");

    private CDomainDirectives() {}

    /** Registers the directives on {@code b}. */
    public static DirectiveRegistry.Builder register(DirectiveRegistry.Builder b) {
        for (String kind :
                List.of("function", "struct", "union", "enum", "enumerator", "type", "macro", "member", "var")) {
            b.register("c:" + kind, (call, ctx) -> run(kind, call, ctx));
        }
        return b;
    }

    private static void run(String kind, DirectiveCall call, DirectiveContext ctx) {
        String sig = call.arguments().strip().replaceAll("\\s+", " ");
        SourceLocation at = call.location();
        String name = name(kind, sig);
        if (name == null) {
            ctx.warn(at, "Invalid C declaration: " + sig);
            return;
        }
        String id = "c." + name;
        RstNode index = new RstNode(Type.INDEX, at);
        index.attr("entry0", "single:" + name + " (C " + kind + ")");
        index.attr("target", id);
        ctx.add(index);
        RstNode desc = new RstNode(Type.DESC, at).attr("domain", "c").attr("objtype", kind);
        RstNode s = new RstNode(Type.DESC_SIGNATURE, at).attr("domain", "c").attr("cname", name);
        // no "tocname": Sphinx's c domain gives its objects no table-of-contents entries (the
        // python, javascript and rst domains do), so kernel-doc functions stay out of toctrees
        s.ids().add(id);
        signature(kind, sig, name, s, at);
        desc.add(s);
        RstNode content = new RstNode(Type.DESC_CONTENT, at);
        ctx.parse(call.content(), content);
        desc.add(content);
        ctx.add(desc);
    }

    /** The declared name: before the parameter list of a function, else the last identifier. */
    static String name(String kind, String sig) {
        String s = sig;
        if (kind.equals("function") || kind.equals("macro")) {
            int paren = s.indexOf('(');
            if (paren >= 0) {
                s = s.substring(0, paren);
            }
        }
        String last = null;
        Matcher m = Pattern.compile("[A-Za-z_]\\w*").matcher(s);
        while (m.find()) {
            last = m.group();
        }
        return last;
    }

    private static void signature(String kind, String sig, String name, RstNode s, SourceLocation at) {
        switch (kind) {
            case "struct", "union", "enum", "type" -> {
                s.add(token("k", kind, at));
                s.add(token("w", " ", at));
                s.add(descName(name, at));
            }
            case "function" -> function(sig, name, s, at);
            default -> s.add(descName(name, at));
        }
    }

    private static void function(String sig, String name, RstNode s, SourceLocation at) {
        int paren = sig.indexOf('(');
        String head = paren < 0 ? sig : sig.substring(0, paren);
        int nameAt = head.lastIndexOf(name);
        String ret = head.substring(0, Math.max(nameAt, 0)).strip();
        tokens(ret.endsWith("*") ? ret + " " + name : ret, name, s, at, true);
        if (!ret.isEmpty() && isWord(ret.substring(ret.length() - 1))) {
            s.add(token("w", " ", at));
        }
        s.add(descName(name, at));
        if (paren < 0) {
            return;
        }
        int close = CDeclarations.matching(sig, paren);
        String params = sig.substring(paren + 1, close < 0 ? sig.length() : close);
        s.add(token("sig-paren", "(", at));
        boolean first = true;
        for (String p : CDeclarations.splitTopLevel(params)) {
            if (!first) {
                s.add(RstNode.text(", ", at));
            }
            first = false;
            tokens(p, CDeclarations.declaredName(p), s, at, false);
        }
        s.add(token("sig-paren", ")", at));
    }

    /** Tokens of a type (and parameter name {@code declared}, shown as a name, not a link). */
    private static void tokens(String text, String declared, RstNode s, SourceLocation at, boolean dropLast) {
        List<String> toks = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            toks.add(m.group());
        }
        // a return type ending in "*" is tokenised with the name after it (for the spacing of
        // "Object *name"), and the name itself is left to the caller
        int shown = dropLast && text.endsWith(" " + declared) ? toks.size() - 1 : toks.size();
        int lastWord = -1;
        for (int i = 0; i < toks.size(); i++) {
            if (Character.isJavaIdentifierStart(toks.get(i).charAt(0))) {
                lastWord = i;
            }
        }
        String prev = null;
        for (int i = 0; i < shown; i++) {
            String t = toks.get(i);
            boolean word = isWord(t);
            if (t.equals(",")) {
                s.add(RstNode.text(", ", at));
                prev = t;
                continue;
            }
            if (prev != null && spaceBefore(prev, t, toks, i)) {
                s.add(token("w", " ", at));
            }
            if (FUNDAMENTAL.contains(t)) {
                s.add(token("kt", t, at));
            } else if (KEYWORDS.contains(t)) {
                s.add(token("k", t, at));
            } else if (word && Character.isJavaIdentifierStart(t.charAt(0))) {
                boolean isName = t.equals(declared) && i == lastWord && countWords(toks) > 1;
                s.add(isName ? token("n", t, at) : typeRef(t, at));
            } else {
                s.add(token(word ? "m" : "p", t, at));
            }
            prev = t;
        }
    }

    private static boolean isWord(String t) {
        return Character.isJavaIdentifierPart(t.charAt(0));
    }

    /**
     * Sphinx's spacing: between words, before a parenthesis after a word, before {@code *} when a
     * name follows the stars ({@code Error **errp}, but {@code Object*} in an abstract
     * declarator), and after commas (written with the comma).
     */
    private static boolean spaceBefore(String prev, String t, List<String> toks, int i) {
        if (isWord(t) || t.equals("...")) {
            return isWord(prev);
        }
        if (t.equals("(")) {
            return isWord(prev);
        }
        if (t.equals("*")) {
            if (!isWord(prev)) {
                return false;
            }
            int j = i;
            while (j < toks.size() && toks.get(j).equals("*")) {
                j++;
            }
            return j < toks.size() && isWord(toks.get(j));
        }
        return false;
    }

    private static int countWords(List<String> toks) {
        int n = 0;
        for (String t : toks) {
            if (Character.isJavaIdentifierStart(t.charAt(0))) {
                n++;
            }
        }
        return n;
    }

    private static RstNode typeRef(String name, SourceLocation at) {
        RstNode x = new RstNode(Type.PENDING_XREF, at);
        x.attr("role", "c:type");
        x.attr("text", name);
        x.attr("sig", "true");
        x.add(token("n", name, at));
        return x;
    }

    private static RstNode descName(String name, SourceLocation at) {
        RstNode n = new RstNode(Type.DESC_NAME, at);
        n.add(RstNode.text(name, at));
        return n;
    }

    /** {@code <span class="cls"><span class="pre">text</span></span>}, as Sphinx writes tokens. */
    private static RstNode token(String cls, String text, SourceLocation at) {
        RstNode span = new RstNode(Type.INLINE, at);
        span.classes().add(cls);
        if (cls.equals("w") || cls.equals("sig-paren")) {
            span.add(RstNode.text(text, at));
        } else {
            RstNode pre = new RstNode(Type.INLINE, at);
            pre.classes().add("pre");
            pre.add(RstNode.text(text, at));
            span.add(pre);
        }
        return span;
    }
}
