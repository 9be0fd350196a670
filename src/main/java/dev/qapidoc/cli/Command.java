package dev.qapidoc.cli;

import java.util.List;

/** One subcommand of {@code qapidoc}. Returns the process exit code. */
interface Command {
    /** The word after {@code qapidoc}. */
    String name();

    /** One line for the command list in {@code qapidoc --help}. */
    String summary();

    /** The full text printed by {@code qapidoc NAME --help}. */
    String help();

    /**
     * Runs the command. Expected failures (bad schema, bad usage) are reported here and turned
     * into exit codes; anything thrown is an internal error, reported by {@link Main}.
     */
    int run(List<String> args, Console io) throws Exception;
}
