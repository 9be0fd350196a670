package dev.qapidoc.rst;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The directives and roles a reader implements, by name. Names match case-insensitively, as in
 * docutils and Sphinx ({@code .. Note::} is {@code .. note::}). A name that is not registered
 * keeps the reader's fallback: a pending {@link RstNode.Type#DIRECTIVE} node (or {@link
 * RstNode.Type#PENDING_XREF} for a role) for a later pass.
 *
 * <p>Immutable and thread-safe once built. {@link Directives#standard()} gives a builder holding
 * everything the reader knows; add to it and build:
 *
 * <pre>{@code
 * DirectiveRegistry r = Directives.standard().register("shout", new Shout()).build();
 * RstReader reader = new RstReader(RstReader.Options.defaults().withRegistry(r));
 * }</pre>
 */
public final class DirectiveRegistry {

    private final Map<String, Directive> directives;
    private final Map<String, Role> roles;

    private DirectiveRegistry(Builder b) {
        this.directives = Map.copyOf(b.directives);
        this.roles = Map.copyOf(b.roles);
    }

    /** An empty builder (nothing registered: every directive and role is left for later passes). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this registry's entries, to extend or override. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.directives.putAll(directives);
        b.roles.putAll(roles);
        return b;
    }

    /** The directive registered under {@code name} (any case). */
    public Optional<Directive> directive(String name) {
        return Optional.ofNullable(directives.get(key(name)));
    }

    /** The role registered under {@code name} (any case). */
    public Optional<Role> role(String name) {
        return Optional.ofNullable(roles.get(key(name)));
    }

    /** Registered directive names, lower case. */
    public Set<String> directiveNames() {
        return directives.keySet();
    }

    /** Registered role names, lower case. */
    public Set<String> roleNames() {
        return roles.keySet();
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Collects registrations; a later registration of a name replaces the earlier one. */
    public static final class Builder {
        private final Map<String, Directive> directives = new LinkedHashMap<>();
        private final Map<String, Role> roles = new LinkedHashMap<>();

        private Builder() {}

        /** Registers {@code directive} under {@code name} (matched in any case). */
        public Builder register(String name, Directive directive) {
            directives.put(key(name), java.util.Objects.requireNonNull(directive, "directive"));
            return this;
        }

        /** Registers {@code role} under {@code name} (matched in any case). */
        public Builder registerRole(String name, Role role) {
            roles.put(key(name), java.util.Objects.requireNonNull(role, "role"));
            return this;
        }

        public DirectiveRegistry build() {
            return new DirectiveRegistry(this);
        }
    }
}
