package dev.qapidoc.html;

import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.SystemMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a resolved document tree to the HTML of the content area, following the element, class
 * and id conventions of Sphinx's HTML5 writer (qapi-domain-and-html.md §9), so that CSS and links
 * written for Sphinx output keep working. All text goes through {@link HtmlWriter}.
 */
final class HtmlTranslator {

    /** What the translator needs from the site being built. */
    interface Context {
        /** HTML of a {@code toctree} directive at this place. */
        String toctree(RstNode toctree);

        /** URI of an image relative to the page, or null when it is unavailable. */
        String image(RstNode image);

        void report(SystemMessage m);

        /** The highlighting of a literal block (a site builder may have it ready, see Highlights). */
        default Highlighter.Result highlight(RstNode block) {
            return Highlighter.highlight(Highlights.language(block), Highlights.code(block));
        }
    }

    static final String PERMALINK = "\u00b6";

    private final HtmlWriter w = new HtmlWriter();
    private final Context ctx;
    private final HtmlLists lists = new HtmlLists(this, w);
    private final HtmlNotes notes = new HtmlNotes(this, w);
    private final HtmlOptions options = new HtmlOptions(this, w);
    private int sectionDepth = 0;
    private int nesting = 0;

    private HtmlTranslator(Context ctx) {
        this.ctx = ctx;
    }

    /** The body HTML of a document (children of the document node). */
    static String render(RstNode document, Context ctx) {
        HtmlTranslator t = new HtmlTranslator(ctx);
        t.children(document);
        return t.w.toString();
    }

    /** Inline content of a node (for titles in navigation). */
    static String renderInline(RstNode node, Context ctx) {
        HtmlTranslator t = new HtmlTranslator(ctx);
        t.children(node);
        return t.w.toString();
    }

    void children(RstNode n) {
        for (RstNode c : n.children()) {
            node(c);
        }
    }

    void node(RstNode n) {
        if (++nesting > 200) {
            nesting--;
            return;
        }
        try {
            visit(n);
        } finally {
            nesting--;
        }
    }

    private void extraIds(RstNode n) {
        for (int i = 1; i < n.ids().size(); i++) {
            w.open("span", "id", n.ids().get(i)).close("span");
        }
    }

    String firstId(RstNode n) {
        return n.ids().isEmpty() ? null : n.ids().get(0);
    }

    String cls(RstNode n, String base) {
        List<String> all = new ArrayList<>(n.classes());
        if (base != null && !base.isEmpty()) {
            all.add(base);
        }
        return all.isEmpty() ? null : String.join(" ", all);
    }

    private void visit(RstNode n) {
        switch (n.type()) {
            case TEXT -> w.text(n.text());
            case SECTION -> section(n);
            case TITLE -> children(n);
            case PARAGRAPH -> paragraph(n);
            case EMPHASIS -> inline(n, "em", null);
            case STRONG -> inline(n, "strong", null);
            case LITERAL -> literal(n);
            case INLINE -> {
                String tag = n.attr("tag") == null ? "span" : n.attr("tag");
                w.open(tag, "class", cls(n, null), "id", firstId(n), "title", n.attr("title"));
                children(n);
                w.close(tag);
            }
            case REFERENCE -> reference(n);
            case TARGET -> target(n);
            case PENDING_XREF -> unresolved(n);
            case BULLET_LIST -> lists.list(n, "ul", null);
            case ENUMERATED_LIST -> lists.list(n, "ol", n.attr("enumtype") == null ? "arabic" : n.attr("enumtype"));
            case LIST_ITEM -> lists.listItem(n);
            case DEFINITION_LIST -> lists.definitionList(n);
            case FIELD_LIST -> lists.fieldList(n);
            case LITERAL_BLOCK -> literalBlock(n);
            case PARSED_LITERAL -> {
                w.open("pre", "class", cls(n, "literal-block"), "id", firstId(n));
                children(n);
                w.raw("</pre>").nl();
            }
            case BLOCK_QUOTE, ATTRIBUTION, RUBRIC, CONTAINER, COMPOUND, LINE_BLOCK, LINE -> wrapper(n);
            case ADMONITION -> admonition(n);
            case TOPIC -> topic(n);
            case TRANSITION -> w.raw("<hr class=\"docutils\" />").nl();
            case TABLE -> lists.table(n);
            case HLIST -> lists.hlist(n);
            case MATH_BLOCK -> mathBlock(n);
            case IMAGE -> image(n);
            case RAW -> {
                if ("html".equals(n.attr("format"))) {
                    w.raw(n.text()).nl();
                }
            }
            case TOCTREE -> w.raw(ctx.toctree(n));
            case ONLY -> children(n);
            case DESC -> desc(n);
            case FOOTNOTE, CITATION -> notes.definition(n);
            case FOOTNOTE_REFERENCE -> notes.footnoteReference(n);
            case CITATION_REFERENCE -> notes.citationReference(n);
            case OPTION_LIST -> options.list(n);
            case DESC_SIGNATURE, DESC_NAME, DESC_ADDNAME, DESC_ANNOTATION, DESC_CONTENT -> descPart(n);
            case FIELD,
                    FIELD_NAME,
                    FIELD_BODY,
                    DEFINITION_LIST_ITEM,
                    TERM,
                    CLASSIFIER,
                    DEFINITION,
                    ROW,
                    ENTRY,
                    TGROUP,
                    THEAD,
                    TBODY,
                    TOCTREE_ENTRY,
                    SUBTITLE -> children(n);
            case INDEX,
                    COMMENT,
                    SUBSTITUTION_DEFINITION,
                    SUBSTITUTION_REFERENCE,
                    SYSTEM_MESSAGE,
                    DIRECTIVE,
                    DOCUMENT -> {}
            default -> children(n);
        }
    }

    /** Block containers that only wrap their children in one element. */
    private void wrapper(RstNode n) {
        switch (n.type()) {
            case BLOCK_QUOTE -> {
                w.open("blockquote", "class", cls(n, null), "id", firstId(n))
                        .nl()
                        .raw("<div>");
                children(n);
                w.raw("</div>").close("blockquote").nl();
            }
            case ATTRIBUTION -> {
                w.raw("<p class=\"attribution\">\u2014");
                children(n);
                w.raw("</p>").nl();
            }
            case RUBRIC -> {
                w.open("p", "class", cls(n, "rubric"), "id", firstId(n));
                children(n);
                w.close("p").nl();
            }
            case CONTAINER -> {
                if ("true".equals(n.attr("figure"))) {
                    w.open("figure", "class", cls(n, "align-default"), "id", firstId(n))
                            .nl();
                    children(n);
                    w.close("figure").nl();
                } else {
                    w.open("div", "class", cls(n, "docutils container"), "id", firstId(n))
                            .nl();
                    children(n);
                    w.close("div").nl();
                }
            }
            case COMPOUND -> {
                w.open("div", "class", cls(n, "compound"), "id", firstId(n)).nl();
                children(n);
                w.close("div").nl();
            }
            case LINE_BLOCK -> {
                w.raw("<div class=\"line-block\">").nl();
                children(n);
                w.raw("</div>").nl();
            }
            case LINE -> {
                w.raw("<div class=\"line\">");
                children(n);
                w.raw("</div>").nl();
            }
            default -> throw new IllegalArgumentException(n.type().toString());
        }
    }

    /** The parts of an object description ({@link #desc} writes the {@code <dl>} itself). */
    private void descPart(RstNode n) {
        switch (n.type()) {
            case DESC_SIGNATURE -> {
                w.open("dt", "class", cls(n, "sig sig-object " + nz(n.attr("domain"))), "id", firstId(n))
                        .nl();
                extraIds(n);
                children(n);
                if (firstId(n) != null) {
                    w.open(
                                    "a",
                                    "class",
                                    "headerlink",
                                    "href",
                                    "#" + firstId(n),
                                    "title",
                                    "Permalink to this definition")
                            .text(PERMALINK)
                            .close("a");
                }
                w.close("dt").nl();
            }
            case DESC_NAME -> {
                w.raw("<span class=\"sig-name descname\">");
                protectedText(n.astext());
                w.raw("</span>");
            }
            case DESC_ADDNAME -> {
                w.raw("<span class=\"sig-prename descclassname\">");
                protectedText(n.astext());
                w.raw("</span>");
            }
            case DESC_ANNOTATION -> inline(n, "em", "property");
            case DESC_CONTENT -> {
                w.raw("<dd>");
                children(n);
                w.raw("</dd>");
            }
            default -> throw new IllegalArgumentException(n.type().toString());
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void inline(RstNode n, String tag, String cls) {
        w.open(tag, "class", cls, "id", firstId(n));
        children(n);
        w.close(tag);
    }

    private void section(RstNode n) {
        sectionDepth++;
        w.open("section", "id", firstId(n)).nl();
        extraIds(n);
        int h = Math.min(6, sectionDepth);
        w.raw("<h" + h + ">");
        RstNode title = n.children().isEmpty() ? null : n.children().get(0);
        if (title != null && title.type() == Type.TITLE) {
            if (title.attr("refid") != null) {
                w.open("a", "class", "toc-backref", "href", "#" + title.attr("refid"), "role", "doc-backlink");
                children(title);
                w.close("a");
            } else {
                children(title);
            }
        }
        if (firstId(n) != null) {
            w.open("a", "class", "headerlink", "href", "#" + firstId(n), "title", "Permalink to this heading")
                    .text(PERMALINK)
                    .close("a");
        }
        w.raw("</h" + h + ">").nl();
        for (RstNode c : n.children()) {
            if (c != title) {
                node(c);
            }
        }
        w.close("section").nl();
        sectionDepth--;
    }

    private void paragraph(RstNode n) {
        w.open("p", "class", cls(n, null), "id", firstId(n));
        extraIdsInline(n);
        children(n);
        w.close("p");
        RstNode p = n.parent();
        boolean only = p != null
                && (p.type() == Type.LIST_ITEM || p.type() == Type.ENTRY)
                && HtmlLists.visibleChildren(p).size() == 1;
        if (!only) {
            w.nl();
        }
    }

    private void extraIdsInline(RstNode n) {
        for (int i = 1; i < n.ids().size(); i++) {
            w.open("span", "id", n.ids().get(i)).close("span");
        }
    }

    /** Inline literal: "protected" text tokens (spec §2.6). */
    private void literal(RstNode n) {
        boolean kbd = n.classes().contains("kbd");
        String tag = kbd ? "kbd" : "code";
        w.open(tag, "class", cls(n, "docutils literal notranslate"), "id", firstId(n));
        if (kbd) {
            // keys are not "protected" text in Sphinx's HTML5 writer; a compound holds key literals
            for (RstNode c : n.children()) {
                node(c);
            }
        } else if (n.children().stream().allMatch(c -> c.type() == Type.TEXT)) {
            protectedText(n.astext());
        } else {
            // :samp:/:file: emphasis: protected text inside the <em> too
            for (RstNode c : n.children()) {
                if (c.type() == Type.EMPHASIS) {
                    w.raw("<em>");
                    protectedText(c.astext());
                    w.raw("</em>");
                } else {
                    protectedText(c.astext());
                }
            }
        }
        w.close(tag);
    }

    /** An inline literal's markup for {@code text} ({@code <code class="docutils literal ...">}). */
    static String literalHtml(String text) {
        HtmlTranslator t = new HtmlTranslator(null);
        t.w.raw("<code class=\"docutils literal notranslate\">");
        t.protectedText(text);
        t.w.raw("</code>");
        return t.w.toString();
    }

    void protectedText(String text) {
        int i = 0;
        int len = text.length();
        while (i < len) {
            char c = text.charAt(i);
            if (c == '\n') {
                w.raw("\n");
                i++;
            } else if (c == ' ') {
                int j = i;
                while (j < len && text.charAt(j) == ' ') {
                    j++;
                }
                int run = j - i;
                if (run == 1) {
                    w.raw(" ");
                } else {
                    w.raw("&#160;".repeat(run - 1)).raw(" ");
                }
                i = j;
            } else {
                int j = i;
                while (j < len && text.charAt(j) != ' ' && text.charAt(j) != '\n') {
                    j++;
                }
                w.raw("<span class=\"pre\">").text(text.substring(i, j)).raw("</span>");
                i = j;
            }
        }
    }

    private void reference(RstNode n) {
        String href = n.attr("refuri");
        if (href == null && n.attr("refid") != null) {
            href = "#" + n.attr("refid");
        }
        boolean internal = "true".equals(n.attr("internal")) || n.attr("refid") != null;
        if (href == null || (!internal && !HtmlWriter.safeUrl(href))) {
            // unsafe or unresolved: the text only, never a link (escaping requirement)
            children(n);
            return;
        }
        w.open(
                "a",
                "class",
                cls(n, internal ? "reference internal" : "reference external"),
                "href",
                href,
                "id",
                firstId(n),
                "title",
                n.attr("reftitle"));
        children(n);
        w.close("a");
    }

    private void target(RstNode n) {
        if ("true".equals(n.attr("inline"))) {
            w.open("span", "class", "target", "id", firstId(n));
            children(n);
            w.close("span");
            return;
        }
        if (n.ids().isEmpty() || n.attr("refuri") != null) {
            return;
        }
        w.open("span", "class", "target", "id", firstId(n)).close("span");
        for (int i = 1; i < n.ids().size(); i++) {
            w.open("span", "id", n.ids().get(i)).close("span");
        }
    }

    private void unresolved(RstNode n) {
        // a role nobody resolved: shown as problematic text, never as a link
        String role = n.attr("role");
        w.raw("<span class=\"problematic\">");
        if ("true".equals(n.attr("default"))) {
            w.text("`" + nz(n.attr("text")) + "`");
        } else {
            w.text(":" + role + ":`" + nz(n.attr("text")) + "`");
        }
        w.raw("</span>");
    }

    private void literalBlock(RstNode n) {
        String lang = Highlights.language(n);
        Highlighter.Result r = ctx.highlight(n);
        if (r.failed()) {
            ctx.report(SystemMessage.warning(
                    n.location(), "Could not lex literal_block as \"" + lang + "\". Highlighting skipped."));
        }
        boolean captioned = n.attr("caption") != null;
        if (captioned) {
            w.open("div", "class", "literal-block-wrapper docutils container", "id", firstId(n))
                    .nl();
            w.raw("<div class=\"code-block-caption\"><span class=\"caption-text\">")
                    .text(n.attr("caption"))
                    .raw("</span>");
            if (firstId(n) != null) {
                w.open("a", "class", "headerlink", "href", "#" + firstId(n), "title", "Permalink to this code")
                        .text(PERMALINK)
                        .close("a");
            }
            w.raw("</div>").nl();
        }
        w.open("div", "class", cls(n, "highlight-" + lang + " notranslate"), "id", captioned ? null : firstId(n));
        w.raw("<div class=\"highlight\"><pre><span></span>")
                .raw(r.html())
                .raw("</pre></div>")
                .nl();
        w.raw("</div>").nl();
        if (captioned) {
            w.raw("</div>").nl();
        }
    }

    /**
     * A display formula as Sphinx's MathJax renderer writes it: {@code \[ \]} around it, a
     * formula with {@code \\} in a {@code split}, several (blank-line separated) in an aligned
     * block; {@code nowrap} writes the TeX as it is.
     */
    private void mathBlock(RstNode n) {
        w.open("div", "class", cls(n, "math notranslate nohighlight"), "id", firstId(n))
                .nl();
        String tex = n.text();
        if ("true".equals(n.attr("nowrap"))) {
            w.text(tex);
        } else {
            List<String> parts = new ArrayList<>();
            for (String p : tex.split("\n\n")) {
                if (!p.isBlank()) {
                    parts.add(p);
                }
            }
            boolean aligned = parts.size() > 1;
            w.raw(aligned ? "\\begin{align}\\begin{aligned}" : "\\[");
            for (int i = 0; i < parts.size(); i++) {
                String p = parts.get(i);
                w.text(p.contains("\\\\") ? "\\begin{split}" + p + "\\end{split}" : p);
                if (aligned && i < parts.size() - 1) {
                    w.raw("\\\\");
                }
            }
            w.raw(aligned ? "\\end{aligned}\\end{align} " : "\\]");
        }
        w.raw("</div>").nl();
    }

    private void admonition(RstNode n) {
        String kind = n.attr("kind");
        if (kind != null
                && (kind.equals("versionadded") || kind.equals("versionchanged") || kind.equals("deprecated"))) {
            version(n, kind);
            return;
        }
        String base = "admonition".equals(kind) ? "admonition" : "admonition " + kind;
        w.open("div", "class", cls(n, base), "id", firstId(n)).nl();
        for (RstNode c : n.children()) {
            if (c.type() == Type.TITLE) {
                w.raw("<p class=\"admonition-title\">");
                children(c);
                w.raw("</p>").nl();
            } else {
                node(c);
            }
        }
        w.raw("</div>").nl();
    }

    private void version(RstNode n, String kind) {
        String label =
                switch (kind) {
                    case "versionadded" -> "New in version " + n.attr("version");
                    case "versionchanged" -> "Changed in version " + n.attr("version");
                    default -> "Deprecated since version " + n.attr("version");
                };
        String mod =
                switch (kind) {
                    case "versionadded" -> "added";
                    case "versionchanged" -> "changed";
                    default -> "deprecated";
                };
        w.open("div", "class", kind).nl();
        boolean first = true;
        for (RstNode c : n.children()) {
            if (first && c.type() == Type.PARAGRAPH) {
                w.raw("<p><span class=\"versionmodified " + mod + "\">")
                        .text(label + ": ")
                        .raw("</span>");
                children(c);
                w.raw("</p>").nl();
            } else {
                node(c);
            }
            first = false;
        }
        if (n.children().isEmpty()) {
            w.raw("<p><span class=\"versionmodified " + mod + "\">")
                    .text(label + ".")
                    .raw("</span></p>")
                    .nl();
        }
        w.raw("</div>").nl();
    }

    private void topic(RstNode n) {
        boolean contents = "true".equals(n.attr("contents"));
        String tag = contents ? "nav" : ("sidebar".equals(n.attr("kind")) ? "aside" : "div");
        String base = contents
                ? ("true".equals(n.attr("local")) ? "contents local" : "contents")
                : ("sidebar".equals(n.attr("kind")) ? "sidebar" : "topic");
        w.open(tag, "class", cls(n, base), "id", firstId(n)).nl();
        for (RstNode c : n.children()) {
            if (c.type() == Type.TITLE) {
                w.raw("<p class=\"topic-title\">");
                children(c);
                w.raw("</p>").nl();
            } else {
                node(c);
            }
        }
        w.close(tag).nl();
    }

    private void image(RstNode n) {
        String src = ctx.image(n);
        if (src == null) {
            return;
        }
        String alt = n.attr("alt") == null ? "" : n.attr("alt");
        w.open(
                "img",
                "alt",
                alt,
                "class",
                cls(n, n.attr("align") == null ? null : "align-" + n.attr("align")),
                "id",
                firstId(n),
                "src",
                src,
                "width",
                n.attr("width"),
                "height",
                n.attr("height"));
        if (n.parent() == null || n.parent().type() != Type.PARAGRAPH) {
            w.nl();
        }
    }

    private void desc(RstNode n) {
        // ids propagated onto a description (a module anchor directly before it): the first on
        // the <dl>, further ones as empty spans before it, as docutils' starttag does
        for (int i = 1; i < n.ids().size(); i++) {
            w.open("span", "id", n.ids().get(i)).close("span");
        }
        w.open("dl", "class", cls(n, nz(n.attr("domain")) + " " + nz(n.attr("objtype"))), "id", firstId(n))
                .nl();
        children(n);
        w.raw("</dl>").nl().nl();
    }
}
