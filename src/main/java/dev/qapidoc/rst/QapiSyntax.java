package dev.qapidoc.rst;

import java.util.List;
import java.util.Set;

/**
 * The one list of the {@code qapi:} reST vocabulary: directive, option, field and role names.
 *
 * <p>QEMU spells this vocabulary as string literals in two files, the generator and the Sphinx
 * domain (EXAMPLES.md §3); here the emitter ({@code emit.RstWriter}) (which emits it) and the domain (which reads it)
 * share these constants, so a name can only change in one place. Names follow
 * qapi-domain-and-html.md §1.1 (object kinds), §2.1 (directives), §2.2 (options) and §2.8.1
 * (fields); the dialect letters there say which names QEMU's generator uses (M) and which only
 * the extended dialect uses (S).
 */
public final class QapiSyntax {
    private QapiSyntax() {}

    /** The domain prefix of every directive and role. */
    public static final String DOMAIN = "qapi";

    // ---- directives (§2.1) ----

    public static final String NAMESPACE = "namespace";
    public static final String MODULE = "module";
    public static final String COMMAND = "command";
    public static final String EVENT = "event";
    public static final String ENUM = "enum";
    /** QEMU's one directive for both structs and unions. */
    public static final String OBJECT = "object";

    public static final String ALTERNATE = "alternate";
    /** Extended dialect only. */
    public static final String STRUCT = "struct";
    /** Extended dialect only. */
    public static final String UNION = "union";
    /** Extended dialect only: {@code .. qapi:branch:: DISCRIMINATOR VALUE} (§2.9). */
    public static final String BRANCH = "branch";
    /** QEMU's example directive; not in the {@code qapi} domain, but emitted inside doc text. */
    public static final String QMP_EXAMPLE = "qmp-example";

    /** Directives that describe one object (§2.5). */
    public static final List<String> OBJECT_DIRECTIVES =
            List.of(COMMAND, EVENT, ENUM, OBJECT, ALTERNATE, STRUCT, UNION);

    // ---- options (§2.2) ----

    public static final String OPT_SINCE = "since";
    public static final String OPT_IFCOND = "ifcond";
    public static final String OPT_DEPRECATED = "deprecated";
    public static final String OPT_UNSTABLE = "unstable";
    public static final String OPT_NAMESPACE = "namespace";
    public static final String OPT_MODULE = "module";
    public static final String OPT_NO_INDEX = "no-index";
    public static final String OPT_NOINDEX = "noindex";
    public static final String OPT_NO_INDEX_ENTRY = "no-index-entry";
    public static final String OPT_NOINDEXENTRY = "noindexentry";
    public static final String OPT_NO_CONTENTS_ENTRY = "no-contents-entry";
    public static final String OPT_NOCONTENTSENTRY = "nocontentsentry";
    public static final String OPT_NO_TYPESETTING = "no-typesetting";
    /** Options of {@code qmp-example}. */
    public static final String OPT_TITLE = "title";

    public static final String OPT_ANNOTATED = "annotated";

    /** Options that take no value. */
    public static final Set<String> FLAG_OPTIONS = Set.of(
            OPT_DEPRECATED,
            OPT_UNSTABLE,
            OPT_NO_INDEX,
            OPT_NOINDEX,
            OPT_NO_INDEX_ENTRY,
            OPT_NOINDEXENTRY,
            OPT_NO_CONTENTS_ENTRY,
            OPT_NOCONTENTSENTRY,
            OPT_NO_TYPESETTING,
            OPT_ANNOTATED);

    // ---- info fields (§2.8.1) ----

    public static final String FIELD_ARG = "arg";
    public static final String FIELD_MEMB = "memb";
    public static final String FIELD_VALUE = "value";
    public static final String FIELD_ALT = "alt";
    /** Extended dialect: alternate branches ({@code :alt:} in QEMU's). */
    public static final String FIELD_CHOICE = "choice";

    public static final String FIELD_FEAT = "feat";
    public static final String FIELD_ERROR = "error";
    public static final String FIELD_ERRORS = "errors";
    public static final String FIELD_RETURN = "return";
    public static final String FIELD_RETURNS = "returns";
    public static final String FIELD_RETURN_NODESC = "return-nodesc";

    /**
     * The placeholder type and name of QEMU's "The members of ..." pointer fields
     * (doc-comments-and-rest.md §2.5.4); the domain shows such fields without name and type.
     */
    public static final String DUMMY = "q_dummy";

    // ---- roles (§4.1) ----

    public static final String ROLE_MOD = "mod";
    public static final String ROLE_CMD = "cmd";
    public static final String ROLE_EVENT = "event";
    public static final String ROLE_ENUM = "enum";
    public static final String ROLE_OBJ = "obj";
    public static final String ROLE_ALT = "alt";
    public static final String ROLE_TYPE = "type";
    public static final String ROLE_ANY = "any";
    public static final String ROLE_STRUCT = "struct";
    public static final String ROLE_UNION = "union";

    // ---- spelling helpers ----

    /** {@code .. qapi:NAME::} (no argument, no trailing blank). */
    public static String directive(String name) {
        return ".. " + DOMAIN + ":" + name + "::";
    }

    /** {@code .. qapi:NAME:: ARGUMENT}. */
    public static String directive(String name, String argument) {
        return directive(name) + " " + argument;
    }

    /** {@code :NAME:} for a flag option, {@code :NAME: VALUE} otherwise. */
    public static String option(String name, String value) {
        return value == null ? ":" + name + ":" : ":" + name + ": " + value;
    }

    /** The field marker {@code :NAME ARGUMENT:} ({@code :NAME:} when the argument is null). */
    public static String field(String name, String argument) {
        return argument == null ? ":" + name + ":" : ":" + name + " " + argument + ":";
    }

    /** The role {@code :qapi:NAME:`TARGET`}. */
    public static String role(String name, String target) {
        return ":" + DOMAIN + ":" + name + ":`" + target + "`";
    }
}
