package dev.qapidoc.cli;

import dev.qapidoc.compat.GitRepo;
import dev.qapidoc.compat.HistoryLoader;
import dev.qapidoc.compat.HistoryReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code qapidoc history [--format text|json] [--namespace NS | --schema PATH] [--git DIR]
 * [REV...]}: when each entity and member of a schema appeared, was deprecated and was removed,
 * computed from the schema at every release of a git repository. Options are parsed here,
 * self-contained.
 */
final class HistoryCommand implements Command {

    @Override
    public String name() {
        return "history";
    }

    @Override
    public CommandSpec spec() {
        return new CommandSpec(
                "since when each command, type and member exists, is deprecated, was removed",
                """
                Reads the schema at each revision REV of the git repository DIR (default: .)
                straight from git objects, and tells for every entity (command, event, type)
                and every member (arguments, members including those of bases, enum values,
                union and alternate branches as 'branch NAME', features as 'feature NAME',
                return members as 'return NAME'):
                  first       the first release it is in (the oldest release given when it
                              was there already)
                  last        the last release it is in; null when in the newest revision
                  deprecated  the first release in which it carries the 'deprecated'
                              feature; null if never

                Without REV: every tag vX.Y.0 in version order, then HEAD (left out when it
                holds the same files as the newest tag). Release names drop
                the leading 'v' (v5.1.0 -> 5.1.0); HEAD is named HEAD. Schemas are read
                tolerant, so every QEMU release since 2.10 loads.
                """,
                List.of(new CommandSpec.Positional("REV", "revision", false, true, "a git revision (tag, commit)")),
                List.of(
                        OptionSpec.value(
                                "F",
                                "text (default) or json: {\"releases\": [...], \"entities\": {\"NAME\": {\"kind\","
                                        + " \"first\", \"last\", \"deprecated\", \"members\": {\"MEMBER\": {...}}}}}, names"
                                        + " sorted",
                                "--format"),
                        OptionSpec.value(
                                "NS",
                                "QMP (default: qapi/qapi-schema.json, or qapi-schema.json in releases that kept it"
                                        + " at the top), QGA (qga/qapi-schema.json) or QSD"
                                        + " (storage-daemon/qapi/qapi-schema.json, where it exists)",
                                "--namespace"),
                        OptionSpec.value("PATH", "the schema file inside the repository instead", "--schema"),
                        OptionSpec.value("DIR", "the repository (default: .)", "--git")),
                "",
                List.of(
                        new CommandSpec.Exit(0, "success"),
                        new CommandSpec.Exit(2, "usage error, not a repository, or an unknown revision")));
    }

    @Override
    public int run(Args args, Console io) throws UsageException, IOException {
        String format = args.value("--format", "text");
        String git = args.value("--git", ".");
        String namespace = args.value("--namespace", null);
        String schema = args.value("--schema", null);
        List<String> revs = new ArrayList<>(args.positionals());
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("history: unknown format '" + format + "' (text or json)");
        }
        if (namespace != null && !List.of("QMP", "QGA", "QSD").contains(namespace)) {
            throw new UsageException("history: unknown namespace '" + namespace + "' (QMP, QGA or QSD)");
        }
        if (namespace != null && schema != null) {
            throw new UsageException("history: give --namespace or --schema, not both");
        }
        try (GitRepo repo = GitRepo.open(Path.of("").toAbsolutePath().resolve(git))) {
            if (revs.isEmpty()) {
                revs = HistoryLoader.defaultRevisions(repo);
            }
            HistoryLoader.Result r = HistoryLoader.load(repo, revs, namespace, schema);
            for (String n : r.notes()) {
                io.err.println(n);
            }
            io.out.print(format.equals("json") ? HistoryReport.json(r.history()) : HistoryReport.text(r.history()));
            io.out.flush();
            return Main.EXIT_OK;
        } catch (IOException e) {
            io.err.println("qapidoc: history: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
    }
}
