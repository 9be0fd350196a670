package dev.qapidoc.cli;

import dev.qapidoc.compat.CompatChecker;
import dev.qapidoc.compat.CompatReport;
import dev.qapidoc.compat.Finding;
import dev.qapidoc.compat.GitRepo;
import dev.qapidoc.compat.History;
import dev.qapidoc.compat.HistoryLoader;
import dev.qapidoc.compat.SchemaSource;
import dev.qapidoc.compat.WireModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code qapidoc compat [--format F] [--git DIR] OLD NEW}: the wire-level differences between
 * two schemas, classified by QEMU's compatibility rules ({@link CompatChecker}). Its options
 * are parsed here, self-contained, so the command does not depend on shared option parsing.
 */
final class CompatCommand implements Command {

    @Override
    public String name() {
        return "compat";
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec(
                "wire-level differences between two schemas, breaking or compatible",
                """
                Compares two QAPI schemas as a QMP client sees them and classifies every
                difference by the rules of QEMU's docs/devel/qapi-code-gen.rst, section
                "Compatibility considerations": command arguments and the types they reach
                are judged as sent by the client (send), command returns and event data as
                received (receive), types used both ways by both rules (both). Types are
                compared by structure, so renaming a type or moving members into a base is
                no change. Removing something that carried the 'deprecated' feature is still
                breaking, and the finding says it was deprecated, and since when (the first
                release tag that deprecates it) when a repository is at hand: OLD is a
                REV:PATH (the releases up to REV are read), or --git is given (every release).

                Where QEMU's text is silent, a new enum value or union branch in the receive
                direction is compatible (clients tolerate values they do not know), a new
                alternate branch there is breaking (a new JSON type), a removed event is
                compatible, and a return member turning optional is breaking.

                OLD and NEW are each
                  FILE       a schema file (read tolerant, so old releases work), or
                             introspection JSON as query-qmp-schema returns it (a JSON
                             array, or a whole response {"return": [...]})
                  REV:PATH   PATH at revision REV of the git repository (--git), with
                             its includes read from the same revision
                """,
                List.of(
                        new CommandSpec.Positional("OLD", "old schema", true, false, "the older schema"),
                        new CommandSpec.Positional("NEW", "new schema", true, false, "the newer schema")),
                List.of(
                        OptionSpec.value(
                                "F",
                                "text (default: one 'SEVERITY DIRECTION: PATH: MESSAGE' line per difference),"
                                        + " json (an array of objects with severity, direction, path, message, old and"
                                        + " new {file, line} or null), sarif (SARIF 2.1.0) or markdown (a table)",
                                "--format"),
                        OptionSpec.value("DIR", "the git repository for REV:PATH inputs (default: .)", "--git")),
                "",
                List.of(
                        new CommandSpec.Exit(0, "no breaking difference"),
                        new CommandSpec.Exit(1, "something breaking"),
                        new CommandSpec.Exit(2, "usage error, or a schema that cannot be read")));
    }

    @Override
    public int run(Args args, Console io) throws UsageException, IOException {
        String format = args.value("--format", "text");
        String git = args.value("--git", ".");
        List<String> inputs = args.positionals();
        if (!List.of("text", "json", "sarif", "markdown").contains(format)) {
            throw new UsageException("compat: unknown format '" + format + "' (text, json, sarif or markdown)");
        }
        Path wd = Path.of("").toAbsolutePath();
        GitRepo repo = null;
        try {
            if (needsGit(inputs, wd)) {
                repo = GitRepo.open(wd.resolve(git));
            }
            WireModel old = SchemaSource.read(inputs.get(0), wd, repo);
            WireModel now = SchemaSource.read(inputs.get(1), wd, repo);
            List<Finding> fs = CompatChecker.compare(old, now);
            if (fs.stream().anyMatch(f -> f.breaking() && f.message().contains("(it was deprecated"))) {
                if (repo == null && args.has("--git")) {
                    repo = GitRepo.open(wd.resolve(git));
                }
                History h = repo == null ? null : deprecationHistory(repo, inputs.get(0), wd);
                if (h != null) {
                    fs = CompatChecker.compare(old, now, h);
                }
            }
            io.out.print(
                    switch (format) {
                        case "json" -> CompatReport.json(fs);
                        case "sarif" -> CompatReport.sarif(fs);
                        case "markdown" -> CompatReport.markdown(fs);
                        default -> CompatReport.text(fs);
                    });
            io.out.flush();
            return fs.stream().anyMatch(Finding::breaking) ? Main.EXIT_FINDINGS : Main.EXIT_OK;
        } catch (SchemaSource.UnreadableException | IOException e) {
            io.err.println("qapidoc: compat: " + e.getMessage());
            return Main.EXIT_USAGE;
        } finally {
            if (repo != null) {
                repo.close();
            }
        }
    }

    /**
     * The history that tells since when a removed thing was deprecated: for OLD {@code REV:PATH},
     * the releases up to REV; for an OLD file (with {@code --git}), every release and HEAD.
     * Null when it cannot be had; the findings then say only "it was deprecated".
     */
    private static History deprecationHistory(GitRepo repo, String oldSpec, Path wd) {
        try {
            boolean fromGit = needsGit(List.of(oldSpec), wd);
            String path = fromGit ? oldSpec.substring(oldSpec.indexOf(':') + 1) : oldSpec;
            List<String> revs = fromGit
                    ? HistoryLoader.revisionsUpTo(repo, oldSpec.substring(0, oldSpec.indexOf(':')))
                    : HistoryLoader.defaultRevisions(repo);
            String ns = HistoryLoader.namespaceOf(path);
            // the namespace's own places (QMP's schema moved) unless PATH is somewhere else
            String schemaPath =
                    fromGit && !path.equals(HistoryLoader.schemaPath(repo, revs.get(revs.size() - 1), ns, null))
                            ? path
                            : null;
            return HistoryLoader.load(repo, revs, ns, schemaPath).history();
        } catch (IOException e) {
            return null;
        }
    }

    /** A REV:PATH input (not an existing file, with a colon) needs the repository. */
    private static boolean needsGit(List<String> inputs, Path wd) {
        for (String s : inputs) {
            if (s.indexOf(':') > 0 && !wd.resolve(s).toFile().isFile()) {
                return true;
            }
        }
        return false;
    }
}
