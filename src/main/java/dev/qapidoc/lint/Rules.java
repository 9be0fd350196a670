package dev.qapidoc.lint;

import dev.qapidoc.source.RuleId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule catalogue. QEMU's checks come from the schema frontend and are grouped into four
 * families (every QEMU diagnostic belongs to exactly one); lint's own warnings follow.
 */
public final class Rules {
    private Rules() {}

    public static final Rule QAPI_SYNTAX = new Rule(
            RuleId.QAPI_SYNTAX,
            Level.ERROR,
            "QEMU: lexical or syntax error in a schema file (nothing after it can be checked)",
            true);
    public static final Rule QAPI_SCHEMA = new Rule(
            RuleId.QAPI_SCHEMA,
            Level.ERROR,
            "QEMU: schema rule (keys, names, types, clashes, include, pragma, 'if', features)",
            true);
    public static final Rule QAPI_DOC = new Rule(
            RuleId.QAPI_DOC,
            Level.ERROR,
            "QEMU: doc comment rule (format, sections, every member and feature documented)",
            true);
    public static final Rule DOC_REQUIRED = new Rule(
            RuleId.DOC_REQUIRED,
            Level.ERROR,
            "QEMU: definition without doc comment while pragma 'doc-required' is true",
            true);

    public static final Rule DOC_MISSING = new Rule(
            RuleId.DOC_MISSING,
            Level.OFF,
            "definition without doc comment in a schema without pragma 'doc-required'",
            false);
    public static final Rule EXAMPLE_JSON = new Rule(
            RuleId.EXAMPLE_JSON,
            Level.WARNING,
            "QMP example message (-> or <- line) is not valid JSON ('...' elisions allowed)",
            false);
    public static final Rule EXAMPLE_COMMAND = new Rule(
            RuleId.EXAMPLE_COMMAND, Level.WARNING, "QMP example executes a command the schema does not define", false);
    public static final Rule EXAMPLE_EVENT = new Rule(
            RuleId.EXAMPLE_EVENT, Level.WARNING, "QMP example shows an event the schema does not define", false);
    public static final Rule EXAMPLE_MEMBER = new Rule(
            RuleId.EXAMPLE_MEMBER,
            Level.WARNING,
            "QMP example uses an argument, data or reply member its type does not have",
            false);
    public static final Rule EXAMPLE_MISSING = new Rule(
            RuleId.EXAMPLE_MISSING,
            Level.WARNING,
            "QMP example omits a required argument or event data member (without '...')",
            false);
    public static final Rule EXAMPLE_TYPE = new Rule(
            RuleId.EXAMPLE_TYPE, Level.WARNING, "QMP example value has the wrong JSON type for its member", false);
    public static final Rule EXAMPLE_ENUM = new Rule(
            RuleId.EXAMPLE_ENUM, Level.WARNING, "QMP example value is not a value of the member's enum type", false);
    public static final Rule DOC_REFERENCE = new Rule(
            RuleId.DOC_REFERENCE,
            Level.WARNING,
            "@name in doc text that names no definition, member, value, branch or feature",
            false);
    public static final Rule DOC_XREF = new Rule(
            RuleId.DOC_XREF,
            Level.OFF,
            "`name` in doc text that names no definition of the schemas linted together",
            false);
    public static final Rule SINCE_MISSING = new Rule(
            RuleId.SINCE_MISSING,
            Level.WARNING,
            "documented definition with no 'Since:' section and no '(since X.Y)' on its members",
            false);
    public static final Rule SINCE_MEMBER = new Rule(
            RuleId.SINCE_MEMBER,
            Level.WARNING,
            "optional member whose object type is newer than its definition has no '(since X.Y)'" + " note",
            false);
    public static final Rule SINCE_HISTORY = new Rule(
            RuleId.SINCE_HISTORY,
            Level.WARNING,
            "'Since:' or '(since X.Y)' that contradicts the history computed from git (lint --git)",
            false);
    public static final Rule FEATURE_EXPLAINED = new Rule(
            RuleId.FEATURE_EXPLAINED,
            Level.WARNING,
            "deprecated or unstable member, value or definition that its doc does not explain",
            false);

    // Tolerant mode (lint --tolerant): what today's QEMU rejects but an older release accepted
    // (schema-language.md Appendix A, doc-comments-and-rest.md Part 3), as the frontend marks them.
    public static final Rule LEGACY_PRAGMA = tolerant(
            RuleId.LEGACY_PRAGMA, "old pragma name (returns-whitelist, name-case-whitelist; renamed in QEMU 6.0)");
    public static final Rule LEGACY_SIMPLE_UNION = tolerant(
            RuleId.LEGACY_SIMPLE_UNION,
            "simple union (no 'base'/'discriminator'; removed in QEMU 6.2), read as QEMU 6.1 did");
    public static final Rule LEGACY_IF_EXPRESSION =
            tolerant(RuleId.LEGACY_IF_EXPRESSION, "'if' as a C preprocessor expression or list (before QEMU 6.2)");
    public static final Rule LEGACY_NAME_CASE = tolerant(
            RuleId.LEGACY_NAME_CASE,
            "name against today's case rules ('_', CamelCase, lower/upper case; before QEMU 6.0)");
    public static final Rule LEGACY_BOXED_ALTERNATE =
            tolerant(RuleId.LEGACY_BOXED_ALTERNATE, "boxed alternate as command or event 'data' (QEMU 2.10)");
    public static final Rule LEGACY_CONDITIONAL_ARGS = tolerant(
            RuleId.LEGACY_CONDITIONAL_ARGS,
            "conditional command/event arguments without 'boxed': true (before QEMU 8.1)");
    public static final Rule LEGACY_LEXICAL = tolerant(
            RuleId.LEGACY_LEXICAL, "2.10 string escapes, non-ASCII string characters, 'null' (before QEMU 4.2)");
    public static final Rule DOC_LINE_LENGTH =
            tolerant(RuleId.DOC_LINE_LENGTH, "doc line longer than 70 columns (enforced since QEMU 10.2)");
    public static final Rule DOC_SENTENCE_SPACING =
            tolerant(RuleId.DOC_SENTENCE_SPACING, "one space between doc sentences (two enforced since QEMU 10.2)");
    public static final Rule DOC_LEGACY_SECTION = tolerant(
            RuleId.DOC_LEGACY_SECTION,
            "'Note:'/'Example:' doc section (before QEMU 9.1), converted to reST directives");
    public static final Rule DOC_LEGACY_STRUCTURE = tolerant(
            RuleId.DOC_LEGACY_STRUCTURE,
            "doc structure an old release tolerated (duplicate or misplaced description or tag)");
    public static final Rule DOC_LEGACY_RETURNS = tolerant(
            RuleId.DOC_LEGACY_RETURNS, "'Returns:' where today's QEMU rejects it (before QEMU 9.0), kept as text");
    public static final Rule DOC_UNDOCUMENTED = tolerant(
            RuleId.DOC_UNDOCUMENTED, "undocumented member, value, feature or definition (required since QEMU 9.0)");
    public static final Rule DOC_UNKNOWN_DESCRIPTION = tolerant(
            RuleId.DOC_UNKNOWN_DESCRIPTION, "doc describes a member or feature that does not exist, kept as text");

    private static Rule tolerant(RuleId id, String explanation) {
        return new Rule(id, Level.WARNING, "--tolerant: " + explanation, false);
    }

    private static final List<Rule> ALL = List.of(
            QAPI_SYNTAX,
            QAPI_SCHEMA,
            QAPI_DOC,
            DOC_REQUIRED,
            DOC_MISSING,
            EXAMPLE_JSON,
            EXAMPLE_COMMAND,
            EXAMPLE_EVENT,
            EXAMPLE_MEMBER,
            EXAMPLE_MISSING,
            EXAMPLE_TYPE,
            EXAMPLE_ENUM,
            DOC_REFERENCE,
            DOC_XREF,
            SINCE_MISSING,
            SINCE_MEMBER,
            SINCE_HISTORY,
            FEATURE_EXPLAINED,
            LEGACY_PRAGMA,
            LEGACY_SIMPLE_UNION,
            LEGACY_IF_EXPRESSION,
            LEGACY_NAME_CASE,
            LEGACY_BOXED_ALTERNATE,
            LEGACY_CONDITIONAL_ARGS,
            LEGACY_LEXICAL,
            DOC_LINE_LENGTH,
            DOC_SENTENCE_SPACING,
            DOC_LEGACY_SECTION,
            DOC_LEGACY_STRUCTURE,
            DOC_LEGACY_RETURNS,
            DOC_UNDOCUMENTED,
            DOC_UNKNOWN_DESCRIPTION);

    private static final Map<RuleId, Rule> BY_RULE_ID = new EnumMap<>(RuleId.class);

    static {
        for (Rule r : ALL) {
            BY_RULE_ID.put(r.ruleId(), r);
        }
        if (BY_RULE_ID.size() != RuleId.values().length) {
            throw new IllegalStateException("a RuleId has no entry in the rule catalogue");
        }
    }

    /** Every rule, in the order {@code --help} lists them. */
    public static List<Rule> all() {
        return ALL;
    }

    /** The rule with that printed id. */
    public static Optional<Rule> byId(String id) {
        return RuleId.byId(id).map(Rules::of);
    }

    /** The catalogue entry of {@code id} (every id has one). */
    public static Rule of(RuleId id) {
        return BY_RULE_ID.get(id);
    }
}
