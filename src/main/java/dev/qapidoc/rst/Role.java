package dev.qapidoc.rst;

import dev.qapidoc.source.SourceLocation;

/**
 * One interpreted-text role ({@code :name:`text`}), registered by name in the {@link
 * DirectiveRegistry}. Roles that are not registered become {@link RstNode.Type#PENDING_XREF}
 * nodes for the resolution passes (cross-references, the {@code qapi} domain). Implementations
 * must be stateless.
 */
@FunctionalInterface
public interface Role {

    /**
     * The inline node for one use of the role.
     *
     * @param name the role's registered name (lower case), e.g. to use as a CSS class
     * @param text the text between the backquotes, backslash escapes still in it
     * @param where where the interpreted text starts
     */
    RstNode apply(String name, String text, SourceLocation where);
}
