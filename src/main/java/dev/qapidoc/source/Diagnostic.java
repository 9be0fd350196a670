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

    /** QEMU's text, without a trailing newline. */
    public String render() {
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
