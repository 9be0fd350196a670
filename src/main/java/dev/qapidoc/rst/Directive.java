package dev.qapidoc.rst;

/**
 * One reST directive ({@code .. name:: arguments}): what the reader runs when it meets an explicit
 * markup block whose name is registered in the {@link DirectiveRegistry}. A directive gets the
 * block split the docutils way ({@link DirectiveCall}) and a {@link DirectiveContext} with the
 * services of the reader (nested parsing, inline markup, messages, the {@code highlight} state,
 * include splicing); it adds nodes to the context's target or hands lines back to splice.
 *
 * <p>Implementations must be stateless (a registry is shared between reads): all per-read state
 * lives in the context.
 *
 * <pre>{@code
 * DirectiveRegistry registry = Directives.standard()
 *         .register("shout", (call, ctx) -> ctx.add(...))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface Directive {

    /**
     * Runs the directive.
     *
     * @param call the directive's name as written, arguments, options and content
     * @param ctx where its nodes go and what the reader offers
     */
    void run(DirectiveCall call, DirectiveContext ctx);

    /**
     * Whether text on the directive line is an argument. When false (admonitions, {@code
     * compound}, ...), that text and anything before the first blank line that is not an option is
     * the start of the content, as docutils splits it for directives without arguments.
     */
    default boolean takesArguments() {
        return true;
    }

    /** Whether the directive may appear as a body element (false for {@code replace}, {@code unicode}). */
    default boolean block() {
        return true;
    }

    /**
     * Whether the directive may define a substitution ({@code .. |name| replace:: text}). There
     * the call's content is the definition text, one line per non-blank source line (leading and
     * trailing blanks stripped, the first line being the text after {@code ::}), its arguments
     * that text joined, and the nodes it adds become the substitution's replacement.
     */
    default boolean substitution() {
        return false;
    }

    /**
     * The directive that leaves its block for a later pass: a pending {@link RstNode.Type#DIRECTIVE}
     * node with the call, and the {@code highlight} language in effect (attribute {@code
     * highlight}) for {@code ::} blocks when its content is parsed later. Unregistered names get
     * this too; registering a name with it (as the {@code qapi} domain does for its directives)
     * records that some pass owns the name.
     */
    static Directive deferred() {
        return Deferred.INSTANCE;
    }

    /** See {@link #deferred()}. */
    enum Deferred implements Directive {
        INSTANCE;

        @Override
        public void run(DirectiveCall call, DirectiveContext ctx) {
            RstNode d = RstNode.directive(call);
            d.attr("highlight", ctx.highlight());
            ctx.add(d);
        }
    }
}
