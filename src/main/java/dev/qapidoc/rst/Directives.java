package dev.qapidoc.rst;

import dev.qapidoc.source.SourceLocation;

/**
 * The one place the reader's standard directives and roles are assembled: docutils' and Sphinx's
 * directives in families ({@link AdmonitionDirectives}, {@link CodeDirectives}, {@link
 * BodyDirectives}, {@link TableDirectives}, {@link ToctreeIndexOnlyDirectives}, {@link
 * ImageDirectives}, {@link IncludeDirective}, {@link LiteralIncludeDirective}, {@link
 * SubstitutionDirectives}, {@link IgnoredDirectives}, {@link StdObjectDirectives}, {@link
 * SphinxBodyDirectives}) and the standard roles ({@link StandardRoles}, {@link SphinxTextRoles}). A new directive is one class
 * and one line here; a pass that owns directives of its own (the {@code qapi} domain) registers
 * them on the builder before it is built.
 */
public final class Directives {

    /** The standard registry, built once (registries are immutable). */
    public static final DirectiveRegistry STANDARD = standard().build();

    private Directives() {}

    /** A builder holding every standard directive and role, to extend and build. */
    public static DirectiveRegistry.Builder standard() {
        DirectiveRegistry.Builder b = DirectiveRegistry.builder();
        AdmonitionDirectives.register(b);
        CodeDirectives.register(b);
        BodyDirectives.register(b);
        TableDirectives.register(b);
        ToctreeIndexOnlyDirectives.register(b);
        ImageDirectives.register(b);
        b.register("include", new IncludeDirective());
        b.register("literalinclude", new LiteralIncludeDirective());
        SubstitutionDirectives.register(b);
        IgnoredDirectives.register(b);
        StdObjectDirectives.register(b);
        SphinxBodyDirectives.register(b);
        StandardRoles.register(b);
        SphinxTextRoles.register(b);
        GlossaryDirective.register(b);
        return b;
    }

    /** {@code d} as a directive without arguments: text on its first line starts the content. */
    static Directive withoutArguments(Directive d) {
        return new Directive() {
            @Override
            public void run(DirectiveCall call, DirectiveContext ctx) {
                d.run(call, ctx);
            }

            @Override
            public boolean takesArguments() {
                return false;
            }
        };
    }

    /** The {@code :class:} option's classes, normalised as docutils ids, added to {@code n}. */
    static void addClasses(RstNode n, DirectiveCall call) {
        String cls = call.options().get("class");
        if (cls != null) {
            for (String c : cls.split("\\s+")) {
                if (!c.isEmpty()) {
                    n.classes().add(Ids.docutils(c));
                }
            }
        }
    }

    /** The {@code :name:} option as a reference name of {@code n}. */
    static void nameOption(RstNode n, DirectiveCall call) {
        String name = call.options().get("name");
        if (name != null && !name.isBlank()) {
            n.names().add(Ids.normalizeName(name));
        }
    }

    /** A title node holding the inline markup of {@code text}. */
    static RstNode title(DirectiveContext ctx, String text, SourceLocation where) {
        RstNode title = new RstNode(RstNode.Type.TITLE, where);
        title.addAll(ctx.inline(text, where));
        return title;
    }

    /** The content lines with leading and trailing blank lines removed, joined by newlines. */
    static String text(DirectiveCall call) {
        return Lines.joined(Lines.trimBlank(call.content()));
    }
}
