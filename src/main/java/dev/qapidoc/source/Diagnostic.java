package dev.qapidoc.source;

/**
 * One finding about a schema.
 *
 * <p>{@link #render()} reproduces QEMU's rendering of a QAPI error byte for byte
 * (schema-language.md §2.2): the include chain outermost first, then the definition context line
 * when there is one, then {@code file:line[:col]: message}. A diagnostic without location (only
 * "can't read schema file") renders as the bare message.
 *
 * @param severity error for everything QEMU reports; lint adds warnings
 * @param where location, or null for an unlocated error
 * @param context definition context such as {@code command 'foo'} (printed as
 *     {@code file: In command 'foo':}), or null
 * @param message the message, possibly spanning several lines
 * @param ruleId what kind of finding this is, set where it is made (never null): lint configures
 *     and prints findings by it
 */
public record Diagnostic(Severity severity, SourceLocation where, String context, String message, RuleId ruleId) {
    public Diagnostic {
        java.util.Objects.requireNonNull(ruleId, "ruleId");
    }

    /** An error as QEMU reports it. */
    public static Diagnostic error(RuleId rule, SourceLocation where, String message) {
        return new Diagnostic(Severity.ERROR, where, null, message, rule);
    }

    /** An error reported inside a definition ({@code In struct 'Foo':}). */
    public static Diagnostic error(RuleId rule, SourceLocation where, String context, String message) {
        return new Diagnostic(Severity.ERROR, where, context, message, rule);
    }

    /** The printed rule id ({@code qapi-schema}, {@code doc-line-length}, ...). */
    public String rule() {
        return ruleId.id();
    }

    /** The same diagnostic with another rule id. */
    public Diagnostic withRule(RuleId rule) {
        return new Diagnostic(severity, where, context, message, rule);
    }

    /** The same diagnostic with another severity. */
    public Diagnostic withSeverity(Severity s) {
        return new Diagnostic(s, where, context, message, ruleId);
    }

    /**
     * QEMU's text, without a trailing newline, with control characters escaped
     * ({@link #printable}): a schema name carrying a terminal escape code must not reach the
     * terminal raw. QEMU prints them raw, but none of its conformance vectors has one.
     */
    public String render() {
        return printable(rawRender());
    }

    private String rawRender() {
        if (where == null) {
            return message;
        }
        StringBuilder sb = new StringBuilder();
        appendIncludeChain(sb, where.includedFrom());
        if (context != null && !context.isEmpty()) {
            sb.append(where.file()).append(": In ").append(context).append(":\n");
        }
        sb.append(where).append(": ").append(message);
        return sb.toString();
    }

    /**
     * {@code s} with the characters that steer a terminal escaped: C0 controls other than line
     * feed, tab and NUL as {@code \\xHH}, DEL and C1 controls as {@code \\xHH} / {@code \\u00HH}, and
     * the bidirectional overrides and isolates as {@code \\uHHHH}. Everything else is unchanged.
     */
    public static String printable(String s) {
        int i = 0;
        while (i < s.length() && !steers(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!steers(c)) {
                sb.append(c);
            } else if (c < 0x80) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static boolean steers(char c) {
        // NUL is kept: terminals ignore it, and QEMU's "stray '\0'" message carries it raw
        return (c < 0x20 && c != '\n' && c != '\t' && c != 0)
                || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static void appendIncludeChain(StringBuilder sb, SourceLocation parent) {
        if (parent == null) {
            return;
        }
        appendIncludeChain(sb, parent.includedFrom());
        sb.append("In file included from ")
                .append(parent.file())
                .append(':')
                .append(parent.line())
                .append(":\n");
    }
}
