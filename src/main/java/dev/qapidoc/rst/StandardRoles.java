package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;

/**
 * The roles the reader renders itself: docutils' {@code emphasis}, {@code strong}, {@code
 * title-reference}, {@code sub}/{@code sup} and {@code literal}, and Sphinx's simplest text roles
 * ({@code dfn}, and {@code makevar}, {@code mailheader}, ... shown as literals with the role as
 * class); those with more structure ({@code kbd}, {@code samp}, ...) are {@link SphinxTextRoles}. Cross-reference roles are
 * not here: they stay pending for the resolution passes.
 */
final class StandardRoles {

    private StandardRoles() {}

    static void register(DirectiveRegistry.Builder b) {
        Role emphasis = (name, text, where) -> wrap(new RstNode(Type.EMPHASIS, where), text, where);
        b.registerRole("emphasis", emphasis).registerRole("e", emphasis);
        b.registerRole("strong", (name, text, where) -> wrap(new RstNode(Type.STRONG, where), text, where));
        for (String name : new String[] {"title-reference", "title", "t"}) {
            b.registerRole(name, tagged("cite"));
        }
        for (String name : new String[] {"sub", "subscript"}) {
            b.registerRole(name, tagged("sub"));
        }
        for (String name : new String[] {"sup", "superscript"}) {
            b.registerRole(name, tagged("sup"));
        }
        b.registerRole("dfn", tagged("em"));
        b.registerRole("literal", StandardRoles::literal).registerRole("code", StandardRoles::literal);
        for (String name : new String[] {"makevar", "mailheader", "regexp"}) {
            b.registerRole(name, StandardRoles::literal);
        }
    }

    /** An inline element with HTML tag {@code tag}; a {@code span} gets the role name as class. */
    private static Role tagged(String tag) {
        return (name, text, where) -> {
            RstNode n = new RstNode(Type.INLINE, where).attr("tag", tag);
            if (tag.equals("span")) {
                n.classes().add(name);
            }
            return wrap(n, text, where);
        };
    }

    /** Literal text; roles other than {@code literal} and {@code code} keep their name as class. */
    private static RstNode literal(String name, String text, SourceLocation where) {
        RstNode n = new RstNode(Type.LITERAL, where);
        if (!name.equals("literal") && !name.equals("code")) {
            n.classes().add(name);
        }
        return wrap(n, text, where);
    }

    private static RstNode wrap(RstNode n, String text, SourceLocation where) {
        n.add(RstNode.text(InlineParser.unescape(text), where));
        return n;
    }
}
