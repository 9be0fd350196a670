package dev.qapidoc.domain;

import dev.qapidoc.rst.QapiSyntax;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The object kinds of the {@code qapi} domain (qapi-domain-and-html.md §1.1). The keyword, id
 * prefix, general-index wording and QAPI-index category are all derived from the kind name, which
 * is how the union dialect renders the seed-only kinds {@code struct} and {@code union} "with
 * M's conventions".
 */
public enum Kind {
    MODULE(QapiSyntax.MODULE, QapiSyntax.ROLE_MOD),
    COMMAND(QapiSyntax.COMMAND, QapiSyntax.ROLE_CMD),
    EVENT(QapiSyntax.EVENT, QapiSyntax.ROLE_EVENT),
    ENUM(QapiSyntax.ENUM, QapiSyntax.ROLE_ENUM),
    OBJECT(QapiSyntax.OBJECT, QapiSyntax.ROLE_OBJ),
    ALTERNATE(QapiSyntax.ALTERNATE, QapiSyntax.ROLE_ALT),
    STRUCT(QapiSyntax.STRUCT, QapiSyntax.ROLE_STRUCT),
    UNION(QapiSyntax.UNION, QapiSyntax.ROLE_UNION);

    private final String objtype;
    private final String firstRole;

    Kind(String objtype, String firstRole) {
        this.objtype = objtype;
        this.firstRole = firstRole;
    }

    /** The objtype, e.g. {@code command}: directive name, id prefix, CSS class. */
    public String objtype() {
        return objtype;
    }

    /** The role used as CSS class when an {@code any} reference resolves to this kind (§4.5). */
    public String firstRole() {
        return firstRole;
    }

    /** Signature keyword: the objtype with its first letter upper-cased ({@code Command}). */
    public String keyword() {
        return objtype.substring(0, 1).toUpperCase(Locale.ROOT) + objtype.substring(1);
    }

    /** QAPI-index category ({@code Commands}). */
    public String category() {
        return keyword() + "s";
    }

    /** The kind whose directive is {@code qapi:NAME}, if any. */
    public static Optional<Kind> ofObjtype(String name) {
        for (Kind k : values()) {
            if (k.objtype.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    static final Set<Kind> ALL = EnumSet.allOf(Kind.class);
    static final Set<Kind> TYPES = EnumSet.of(ENUM, OBJECT, ALTERNATE, STRUCT, UNION);

    /**
     * Kinds matched by the role {@code qapi:NAME} (§4.1, U column), empty when no such role exists.
     * {@code obj} gets a second, wider search in {@link Domain} (the seed's "every kind").
     */
    static Optional<Set<Kind>> forRole(String role) {
        Set<Kind> s =
                switch (role) {
                    case QapiSyntax.ROLE_MOD -> EnumSet.of(MODULE);
                    case QapiSyntax.ROLE_CMD -> EnumSet.of(COMMAND);
                    case QapiSyntax.ROLE_EVENT -> EnumSet.of(EVENT);
                    case QapiSyntax.ROLE_ENUM -> EnumSet.of(ENUM);
                    case QapiSyntax.ROLE_ALT -> EnumSet.of(ALTERNATE);
                    case QapiSyntax.ROLE_OBJ -> EnumSet.of(OBJECT, STRUCT, UNION);
                    case QapiSyntax.ROLE_TYPE -> TYPES;
                    case QapiSyntax.ROLE_ANY -> ALL;
                    case QapiSyntax.ROLE_STRUCT -> EnumSet.of(STRUCT);
                    case QapiSyntax.ROLE_UNION -> EnumSet.of(UNION);
                    default -> null;
                };
        return Optional.ofNullable(s);
    }
}
