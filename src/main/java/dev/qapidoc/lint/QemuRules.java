package dev.qapidoc.lint;

import dev.qapidoc.source.Diagnostic;

/**
 * Sorts the frontend's diagnostics (QEMU's checks, which carry no rule id) into the four QEMU rule
 * families. The doc family is the catalogue of doc-comments-and-rest.md §1.11.1 (E1–E30);
 * column-bearing diagnostics outside it are lexical/syntax errors (schema-language.md §2.1).
 */
final class QemuRules {
    private QemuRules() {}

    /** Message starts of doc-comments-and-rest.md §1.11.1, E1–E22 and E24–E30. */
    private static final String[] DOC_STARTS = {
        "junk after '##'", "documentation comment must end with '##'", "missing space after #",
        "documentation line longer than", "Use two spaces between sentences",
        "line should end with ':'", "name required after '@'", "duplicated 'Features:' line",
        "feature descriptions expected", "description of '@", "The '", "'@",
        "unexpected de-indent", "invalid parameter name", "duplicated '", "text required after '",
        "documentation for '", "definition documentation required",
        "documentation comment is for '", "'Returns' section", "'Errors' section",
        "documented member", "documented feature",
    };

    static Rule classify(Diagnostic d) {
        String m = d.message();
        if (m.equals("documentation comment required")) {
            return Rules.DOC_REQUIRED;
        }
        if (isDoc(m)) {
            return Rules.QAPI_DOC;
        }
        if (d.where() != null && d.where().column() > 0) {
            return Rules.QAPI_SYNTAX;
        }
        return Rules.QAPI_SCHEMA;
    }

    private static boolean isDoc(String m) {
        if (m.endsWith(" lacks documentation")) {
            return true;
        }
        if (m.startsWith("'") && m.endsWith("' parameter name duplicated")) {
            return true;
        }
        for (String s : DOC_STARTS) {
            if (m.startsWith(s)) {
                // "'@x:' not allowed in free-form documentation" vs other "'..." messages
                if (s.equals("'@") && !m.endsWith("not allowed in free-form documentation")) {
                    continue;
                }
                if (s.equals("The '") && !m.contains("section is no longer supported")) {
                    continue;
                }
                if (s.equals("duplicated '") && !m.endsWith("' section")) {
                    continue;
                }
                return true;
            }
        }
        return false;
    }
}
