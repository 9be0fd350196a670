package dev.qapidoc.cli;

import java.io.PrintStream;

/**
 * The one place output goes through. Commands receive it instead of touching {@code System.out}
 * so that tests can run the CLI in-process and capture both streams.
 */
final class Console {
    final PrintStream out;
    final PrintStream err;

    Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }
}
