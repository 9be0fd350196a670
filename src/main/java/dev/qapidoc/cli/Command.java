package dev.qapidoc.cli;

/**
 * One subcommand of {@code qapidoc}: a name, a declaration of its command line, and the code
 * that runs it. {@link Main} parses the words after the name against {@link #spec()} and prints
 * the help generated from it, so a command never reads raw arguments.
 */
interface Command {
    /** The word after {@code qapidoc}. */
    String name();

    /**
     * The command's options, positionals and help. Built on each call: it is called once per
     * run, and only for the command being run (or for every command on {@code qapidoc --help}).
     */
    CommandSpec spec();

    /**
     * Runs the command with its parsed arguments. Expected failures (bad schema, bad usage) are
     * reported here and turned into exit codes; anything thrown is an internal error, reported by
     * {@link Main}.
     */
    int run(Args args, Console io) throws Exception;
}
