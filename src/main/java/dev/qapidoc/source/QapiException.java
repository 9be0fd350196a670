package dev.qapidoc.source;

/**
 * Thrown by a fail-fast stage (QEMU's behaviour: the first error ends the run). Carries the
 * {@link Diagnostic} that the CLI prints; it has no stack trace of its own because it is an
 * expected outcome, not a bug.
 */
public final class QapiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    public QapiException(Diagnostic diagnostic) {
        super(diagnostic.render(), null, false, false);
        this.diagnostic = diagnostic;
    }

    /** Shorthand for an error at a location, without definition context. */
    public QapiException(RuleId rule, SourceLocation where, String message) {
        this(Diagnostic.error(rule, where, message));
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
