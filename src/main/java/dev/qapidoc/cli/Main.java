package dev.qapidoc.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code qapidoc}: dispatches to the subcommands and turns every unexpected
 * throwable into one line ({@code qapidoc: internal error: ...}, exit 2), with a stack trace only
 * under {@code --debug}. This package is the only code that prints or exits.
 */
public final class Main {

    /** Exit status: success. */
    static final int EXIT_OK = 0;
    /** Exit status: the input has errors (or, for lint, findings that fail). */
    static final int EXIT_FINDINGS = 1;
    /** Exit status: bad usage, unreadable input for lint, or an internal error. */
    static final int EXIT_USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        WatchedOutput stdout = new WatchedOutput(new java.io.FileOutputStream(java.io.FileDescriptor.out));
        PrintStream out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
        PrintStream err =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int rc = run(args, out, err);
        out.flush();
        if (stdout.failure != null || out.checkError()) {
            // PrintStream swallows write errors: without this a full disk would be exit 0
            String why = stdout.failure != null && stdout.failure.getMessage() != null
                    ? stdout.failure.getMessage()
                    : "write error";
            String cmd = args.length > 0 && commands().containsKey(args[0]) ? args[0] + ": " : "";
            err.println("qapidoc: " + cmd + "cannot write output: " + why);
            if (rc == EXIT_OK) {
                rc = EXIT_FINDINGS;
            }
        }
        err.flush();
        System.exit(rc);
    }

    /** Standard output that remembers the first failed write (PrintStream only keeps a flag). */
    private static final class WatchedOutput extends java.io.FilterOutputStream {
        java.io.IOException failure;

        WatchedOutput(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            if (failure != null) {
                throw failure;
            }
            try {
                out.write(b, off, len);
            } catch (java.io.IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void write(int b) throws java.io.IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws java.io.IOException {
            try {
                out.flush();
            } catch (java.io.IOException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e;
            }
        }
    }

    /** Runs the CLI in-process; used by {@link #main} and by tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Console io = new Console(out, err);
        List<String> rest = new ArrayList<>(List.of(args));
        boolean debug = rest.remove("--debug");
        Map<String, Command> commands = commands();
        try {
            if (rest.isEmpty()
                    || rest.get(0).equals("--help")
                    || rest.get(0).equals("-h")
                    || rest.get(0).equals("help")) {
                if (rest.size() > 1 && commands.containsKey(rest.get(1))) {
                    out.print(help(commands.get(rest.get(1))));
                } else {
                    out.print(usage(commands));
                }
                return rest.isEmpty() ? EXIT_USAGE : EXIT_OK;
            }
            if (rest.get(0).equals("--version")) {
                out.println("qapidoc " + Version.get());
                return EXIT_OK;
            }
            Command cmd = commands.get(rest.get(0));
            if (cmd == null) {
                throw new UsageException(
                        "unknown command '" + rest.get(0) + "'; run 'qapidoc --help' for the list of commands");
            }
            Args parsed = Args.parse(cmd.name(), cmd.spec(), rest.subList(1, rest.size()));
            if (parsed.helpRequested()) {
                out.print(help(cmd));
                return EXIT_OK;
            }
            return cmd.run(parsed, io);
        } catch (UsageException e) {
            err.println("qapidoc: " + dev.qapidoc.source.Diagnostic.printable(e.getMessage()));
            return EXIT_USAGE;
        } catch (StackOverflowError | OutOfMemoryError e) {
            err.println("qapidoc: internal error: " + e);
            if (debug) {
                e.printStackTrace(err);
            }
            return EXIT_USAGE;
        } catch (Exception | Error e) {
            err.println("qapidoc: internal error: " + e);
            if (debug) {
                e.printStackTrace(err);
            }
            return EXIT_USAGE;
        }
    }

    /** In-process run capturing stdout and stderr as UTF-8 strings (for tests). */
    public static Result capture(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(e, true, StandardCharsets.UTF_8);
        int rc = run(args, out, err);
        out.flush();
        err.flush();
        return new Result(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** What an in-process run printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {}

    private static String help(Command c) {
        return HelpText.render(c.name(), c.spec());
    }

    /** The registry: one line per command, in the order shown by {@code qapidoc --help}. */
    private static Map<String, Command> commands() {
        Map<String, Command> m = new LinkedHashMap<>();
        register(m, new DumpCommand());
        register(m, new IntrospectCommand());
        register(m, new RstCommand());
        register(m, new LintCommand());
        register(m, new BuildCommand());
        register(m, new HtmlCommand());
        register(m, new ServeCommand());
        register(m, new CompatCommand());
        register(m, new HistoryCommand());
        return m;
    }

    private static void register(Map<String, Command> m, Command c) {
        m.put(c.name(), c);
    }

    private static String usage(Map<String, Command> commands) {
        StringBuilder sb = new StringBuilder();
        sb.append("qapidoc ")
                .append(Version.get())
                .append(" - documentation and checks for QAPI schemas (QEMU's QMP, QGA, QSD)\n\n")
                .append("usage: qapidoc COMMAND [OPTIONS] [ARGS]\n")
                .append("       qapidoc COMMAND --help     details of one command\n\n")
                .append("commands:\n");
        for (Command c : commands.values()) {
            sb.append(String.format("  %-11s %s%n", c.name(), c.spec().summary()));
        }
        sb.append("\nglobal options:\n")
                .append("  --debug     print stack traces of internal errors\n")
                .append("  --version   print the version and exit\n\n")
                .append("exit status:\n")
                .append("  0  success\n")
                .append("  1  the input has errors (schema diagnostics, build errors, failing lint findings)\n")
                .append("  2  usage error, unreadable input for lint, or internal error\n");
        return sb.toString();
    }
}
