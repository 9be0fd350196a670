package dev.qapidoc.source;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stable id of every kind of finding, attached to each {@link Diagnostic} where it is made,
 * so that lint sorts findings by this value instead of by their message text and a misspelt id is
 * a compile error. {@link #id()} is the spelling lint prints and {@code --rule ID=LEVEL} takes.
 *
 * <p>Three groups: the four families of QEMU's own checks (errors); lint's own warnings; and the
 * relaxations of tolerant mode (schema-language.md Appendix A, doc-comments-and-rest.md Part 3),
 * each a warning where today's QEMU reports an error. The explanations and default levels live
 * with lint's rule catalogue.
 */
public enum RuleId {
    // QEMU's checks (schema-language.md §2, doc-comments-and-rest.md §1.11.1)
    QAPI_SYNTAX("qapi-syntax"),
    QAPI_SCHEMA("qapi-schema"),
    QAPI_DOC("qapi-doc"),
    DOC_REQUIRED("doc-required"),
    // lint's own
    DOC_MISSING("doc-missing"),
    EXAMPLE_JSON("qmp-example-json"),
    EXAMPLE_COMMAND("qmp-example-command"),
    EXAMPLE_EVENT("qmp-example-event"),
    EXAMPLE_MEMBER("qmp-example-member"),
    EXAMPLE_MISSING("qmp-example-missing"),
    EXAMPLE_TYPE("qmp-example-type"),
    EXAMPLE_ENUM("qmp-example-enum"),
    DOC_REFERENCE("doc-reference"),
    DOC_XREF("doc-xref"),
    SINCE_MISSING("since-missing"),
    SINCE_MEMBER("since-member"),
    SINCE_HISTORY("since-history"),
    FEATURE_EXPLAINED("feature-explained"),
    // tolerant mode
    LEGACY_PRAGMA("legacy-pragma"),
    LEGACY_SIMPLE_UNION("legacy-simple-union"),
    LEGACY_IF_EXPRESSION("legacy-if-expression"),
    LEGACY_NAME_CASE("legacy-name-case"),
    LEGACY_BOXED_ALTERNATE("legacy-boxed-alternate"),
    LEGACY_CONDITIONAL_ARGS("legacy-conditional-args"),
    LEGACY_LEXICAL("legacy-lexical"),
    DOC_LINE_LENGTH("doc-line-length"),
    DOC_SENTENCE_SPACING("doc-sentence-spacing"),
    DOC_LEGACY_SECTION("doc-legacy-section"),
    DOC_LEGACY_STRUCTURE("doc-legacy-structure"),
    DOC_LEGACY_RETURNS("doc-legacy-returns"),
    DOC_UNDOCUMENTED("doc-undocumented"),
    DOC_UNKNOWN_DESCRIPTION("doc-unknown-description");

    private static final Map<String, RuleId> BY_ID = new HashMap<>();

    static {
        for (RuleId r : values()) {
            BY_ID.put(r.id, r);
        }
    }

    private final String id;

    RuleId(String id) {
        this.id = id;
    }

    /** The id as printed, lower-case words joined by {@code -}. */
    public String id() {
        return id;
    }

    /** The rule with that printed id. */
    public static Optional<RuleId> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    @Override
    public String toString() {
        return id;
    }
}
