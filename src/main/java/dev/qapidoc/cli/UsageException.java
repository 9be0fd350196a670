package dev.qapidoc.cli;

/** Bad command-line usage: reported as {@code qapidoc: message}, exit 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
