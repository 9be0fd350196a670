package dev.qapidoc.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.qapidoc.compat.GitRepo;
import dev.qapidoc.compat.History;
import dev.qapidoc.compat.HistoryLoader;
import dev.qapidoc.lint.Level;
import dev.qapidoc.lint.LintOptions;
import dev.qapidoc.lint.LintResult;
import dev.qapidoc.lint.Linter;
import dev.qapidoc.lint.Rule;
import dev.qapidoc.lint.Rules;
import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.Severity;
import dev.qapidoc.source.SourceLocation;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code qapidoc lint [--format text|json|sarif] [--werror] [--rule ID=LEVEL]... SCHEMA...}:
 * every QEMU check plus lint's warnings, all findings of each schema in one run.
 */
final class LintCommand implements Command {

    @Override
    public String name() {
        return "lint";
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec(
                "report every problem of a schema at once: QEMU's checks and more",
                """
                Checks each QAPI schema SCHEMA (with the files it includes) with every check
                QEMU's generator runs, reporting all independent problems in one run instead
                of stopping at the first, and with lint's own warnings: QMP examples that do
                not match the schema, references to nothing, missing 'Since:', unexplained
                deprecated/unstable features. Findings come in source order.
                """,
                List.of(new CommandSpec.Positional(
                        "SCHEMA", "schema file", true, true, "a QAPI schema file; several are linted in one run")),
                List.of(
                        OptionSpec.value(
                                "text|json|sarif",
                                "text (default): one finding per line as compilers"
                                        + " print it, FILE:LINE[:COL]: error|warning: MESSAGE [RULE], preceded by QEMU's include"
                                        + " chain and \"In command 'x':\" lines where QEMU prints them; on a terminal also the"
                                        + " source line and a caret\n"
                                        + "json: a JSON array of findings, each an object with the keys file, line, column (0 ="
                                        + " unknown), severity (\"error\" or \"warning\"), rule, message, context (e.g."
                                        + " \"command 'x'\" or null) and includedFrom (array of {file, line}, outermost first)\n"
                                        + "sarif: a SARIF 2.1.0 log (for code-scanning services)",
                                "--format"),
                        OptionSpec.flag("warnings fail the run too (exit status 1)", "--werror"),
                        OptionSpec.flag(
                                "accept the schema language and doc conventions of every QEMU release"
                                        + " since 2.10 (simple unions, old pragma names and naming rules, C-expression 'if',"
                                        + " Note:/Example: sections, the 2017 doc markup); what today's QEMU would reject is"
                                        + " reported under the --tolerant rules below, as warnings. Without it lint is strict:"
                                        + " it serves authors of current schemas, so it checks exactly what today's QEMU"
                                        + " checks",
                                "--tolerant"),
                        OptionSpec.value(
                                "DIR",
                                "compute the history of the first SCHEMA's namespace (QMP, QGA or QSD, by its path)"
                                        + " over every vX.Y.0 tag and HEAD of the git repository DIR, as 'qapidoc"
                                        + " history' does, and turn on since-history: 'Since:' and '(since X.Y)' that"
                                        + " contradict it (what the oldest release has is not judged)",
                                "--git"),
                        OptionSpec.value("ID=LEVEL", "set a rule's level: off, warning or error", "--rule")
                                .asRepeatable()),
                notes(),
                List.of(
                        new CommandSpec.Exit(0, "no finding fails (warnings are allowed unless --werror)"),
                        new CommandSpec.Exit(1, "at least one error (or, with --werror, warning)"),
                        new CommandSpec.Exit(2, "usage error, or a schema file cannot be read")));
    }

    /** The rule table (every rule's default level, id and explanation) and how rules work. */
    private static String notes() {
        StringBuilder sb = new StringBuilder("rules (default level, id, explanation):\n");
        for (Rule r : Rules.all()) {
            sb.append("  ")
                    .append(pad(r.defaultLevel().word(), 8))
                    .append(' ')
                    .append(pad(r.id(), 20))
                    .append(' ')
                    .append(r.explanation())
                    .append('\n');
        }
        sb.append(
                """

                qapi-syntax, qapi-schema, qapi-doc and doc-required are QEMU's own checks,
                reported with QEMU's exact messages. doc-required applies where the schema sets
                pragma 'doc-required'; doc-missing is lint's variant for schemas that do not
                (turn it on with --rule doc-missing=warning). doc-xref is off by default
                because QEMU builds its QMP, QGA and QSD manuals as one Sphinx project, where
                `name` may name a definition of another manual: turn it on and lint them
                together, e.g.
                  qapidoc lint --rule doc-xref=warning qapi/qapi-schema.json \\
                      qga/qapi-schema.json storage-daemon/qapi/qapi-schema.json
                Where a definition failed to load, lint reports nothing that would only repeat
                that failure.
                """);
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private enum Format {
        TEXT,
        JSON,
        SARIF
    }

    /** The history {@code since-history} judges by: the first schema's namespace in DIR. */
    private static History history(String git, String schema) throws IOException {
        try (GitRepo repo = GitRepo.open(Path.of("").toAbsolutePath().resolve(git))) {
            return HistoryLoader.load(
                            repo, HistoryLoader.defaultRevisions(repo), HistoryLoader.namespaceOf(schema), null)
                    .history();
        }
    }

    @Override
    public int run(Args args, Console io) throws UsageException, IOException {
        String v = args.value("--format", "text");
        Format format =
                switch (v) {
                    case "text" -> Format.TEXT;
                    case "json" -> Format.JSON;
                    case "sarif" -> Format.SARIF;
                    default -> throw new UsageException("unknown format '" + v + "'; use text, json or sarif");
                };
        boolean werror = args.has("--werror");
        boolean tolerant = args.has("--tolerant");
        Map<String, Level> levels = new LinkedHashMap<>();
        for (String r : args.values("--rule")) {
            int eq = r.indexOf('=');
            if (eq < 0) {
                throw new UsageException("--rule needs ID=LEVEL, not '" + r + "'");
            }
            String id = r.substring(0, eq);
            if (Rules.byId(id).isEmpty()) {
                throw new UsageException("unknown rule '" + id + "'; 'qapidoc lint --help' lists the rules");
            }
            try {
                levels.put(id, Level.parse(r.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--rule " + id + ": " + e.getMessage());
            }
        }
        List<String> schemas = args.positionals();
        History history = null;
        String git = args.value("--git", null);
        if (git != null) {
            try {
                history = history(git, schemas.get(0));
            } catch (IOException e) {
                io.err.println("qapidoc: lint --git: " + e.getMessage());
                return Main.EXIT_USAGE;
            }
        }
        LintOptions opts = new LintOptions(levels, tolerant, history);
        Path cwd = Path.of("").toAbsolutePath();
        List<Diagnostic> all = new ArrayList<>();
        boolean unreadable = false;
        for (LintResult r : Linter.lint(schemas, cwd, opts)) {
            for (Diagnostic d : r.findings()) {
                if (d.where() == null) {
                    io.err.println("qapidoc: " + d.message());
                } else {
                    all.add(d);
                }
            }
            unreadable |= r.unreadable();
        }
        switch (format) {
            case TEXT -> io.out.print(text(all, cwd, onTerminal()));
            case JSON -> io.out.print(json(all));
            case SARIF -> io.out.print(sarif(all));
        }
        io.out.flush();
        if (unreadable) {
            return Main.EXIT_USAGE;
        }
        for (Diagnostic d : all) {
            if (d.severity() == Severity.ERROR || (werror && d.severity() == Severity.WARNING)) {
                return Main.EXIT_FINDINGS;
            }
        }
        return Main.EXIT_OK;
    }

    /** Whether source lines are worth showing: stdin and stdout are a terminal (JDK 17's meaning). */
    @SuppressWarnings("SystemConsoleNull") // built for release 17, which has no Console.isTerminal()
    private static boolean onTerminal() {
        return System.console() != null;
    }

    /**
     * Compiler-style text. QEMU's own lines (include chain, "FILE: In command 'x':") stay as QEMU
     * prints them; the location line gets the severity word and the rule id.
     */
    static String text(List<Diagnostic> findings, Path cwd, boolean tty) {
        StringBuilder sb = new StringBuilder();
        Map<String, List<String>> sources = new HashMap<>();
        for (Diagnostic d : findings) {
            String rendered = d.render();
            // render() escapes control characters; so must the pieces looked up in it
            String loc = Diagnostic.printable(d.where().toString() + ": ");
            String message = Diagnostic.printable(d.message());
            int at = rendered.lastIndexOf(loc + message);
            sb.append(rendered, 0, at)
                    .append(loc)
                    .append(d.severity().word())
                    .append(": ")
                    .append(message)
                    .append(" [")
                    .append(d.rule())
                    .append("]\n");
            if (tty) {
                String line = sourceLine(sources, cwd, d.where());
                if (line != null) {
                    sb.append(Diagnostic.printable(line)).append('\n');
                    if (d.where().column() > 0) {
                        StringBuilder caret = new StringBuilder();
                        for (int i = 0; i < d.where().column() - 1 && i < line.length(); i++) {
                            caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
                        }
                        sb.append(caret).append("^\n");
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String sourceLine(Map<String, List<String>> cache, Path cwd, SourceLocation w) {
        List<String> lines = cache.computeIfAbsent(w.file(), f -> {
            try {
                return Files.readAllLines(cwd.resolve(f), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
        return w.line() >= 1 && w.line() <= lines.size() ? lines.get(w.line() - 1) : null;
    }

    /** The documented JSON array (see the {@code --format} option in {@link #spec()}). */
    static String json(List<Diagnostic> findings) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Diagnostic d : findings) {
                g.writeStartObject();
                g.writeStringField("file", d.where().file());
                g.writeNumberField("line", d.where().line());
                g.writeNumberField("column", d.where().column());
                g.writeStringField("severity", d.severity().word());
                g.writeStringField("rule", d.rule());
                g.writeStringField("message", d.message());
                if (d.context() == null) {
                    g.writeNullField("context");
                } else {
                    g.writeStringField("context", d.context());
                }
                g.writeArrayFieldStart("includedFrom");
                for (SourceLocation l : includeChain(d.where())) {
                    g.writeStartObject();
                    g.writeStringField("file", l.file());
                    g.writeNumberField("line", l.line());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return w + "\n";
    }

    private static List<SourceLocation> includeChain(SourceLocation where) {
        List<SourceLocation> chain = new ArrayList<>();
        for (SourceLocation l = where.includedFrom(); l != null && chain.size() < 1000; l = l.includedFrom()) {
            chain.add(0, l);
        }
        return chain;
    }

    /** A SARIF 2.1.0 log with one run; every rule is listed, results point into the files. */
    static String sarif(List<Diagnostic> findings) throws IOException {
        StringWriter w = new StringWriter();
        Map<String, Integer> ruleIndex = new HashMap<>();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "qapidoc");
            g.writeStringField("version", Version.get());
            g.writeArrayFieldStart("rules");
            int n = 0;
            for (Rule r : Rules.all()) {
                ruleIndex.put(r.id(), n++);
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeObjectFieldStart("shortDescription");
                g.writeStringField("text", r.explanation());
                g.writeEndObject();
                g.writeObjectFieldStart("defaultConfiguration");
                g.writeStringField("level", sarifLevel(r.defaultLevel()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Diagnostic d : findings) {
                g.writeStartObject();
                g.writeStringField("ruleId", d.rule());
                Integer idx = ruleIndex.get(d.rule());
                if (idx != null) {
                    g.writeNumberField("ruleIndex", idx);
                }
                g.writeStringField(
                        "level",
                        d.severity() == Severity.ERROR
                                ? "error"
                                : d.severity() == Severity.WARNING ? "warning" : "note");
                g.writeObjectFieldStart("message");
                g.writeStringField(
                        "text", d.context() == null ? d.message() : "In " + d.context() + ": " + d.message());
                g.writeEndObject();
                g.writeArrayFieldStart("locations");
                writeLocation(g, d.where(), null);
                g.writeEndArray();
                List<SourceLocation> chain = includeChain(d.where());
                if (!chain.isEmpty()) {
                    g.writeArrayFieldStart("relatedLocations");
                    for (SourceLocation l : chain) {
                        writeLocation(g, l, "included from here");
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        return w + "\n";
    }

    private static void writeLocation(JsonGenerator g, SourceLocation l, String message) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(l.file()));
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", Math.max(1, l.line()));
        if (l.column() > 0) {
            g.writeNumberField("startColumn", l.column());
        }
        g.writeEndObject();
        g.writeEndObject();
        if (message != null) {
            g.writeObjectFieldStart("message");
            g.writeStringField("text", message);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** A relative URI reference for a file name as QEMU prints it (forward slashes, escaped). */
    static String uri(String file) {
        StringBuilder sb = new StringBuilder();
        for (byte b : file.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static String sarifLevel(Level l) {
        return switch (l) {
            case OFF -> "none";
            case WARNING -> "warning";
            case ERROR -> "error";
        };
    }
}
