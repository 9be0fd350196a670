package dev.qapidoc.compat;

import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.Schema;
import dev.qapidoc.schema.SchemaLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the schema of a namespace at a list of git revisions and computes its {@link History}.
 * Each revision is read once, tolerant (old releases); a revision without the schema is left
 * out (the storage daemon's schema exists only since 5.0), one whose schema does not load is
 * left out with a note.
 */
public final class HistoryLoader {
    private HistoryLoader() {}

    /**
     * The outcome: the history, and notes about revisions that were left out.
     *
     * @param history the history over the revisions that had a loadable schema
     * @param notes one line per revision left out, for stderr
     */
    public record Result(History history, List<String> notes) {}

    /**
     * The default revisions: every tag {@code vX.Y.0} in version order, then {@code HEAD} unless
     * HEAD holds the same tree as the newest tag. A repository checked out at its latest release
     * would otherwise list that release twice ("10.2.0" and "HEAD" with identical schemas), and
     * every entity would seem to be in a later revision than the release that ships it; the tag
     * is kept, as it is the name a user looks for.
     */
    public static List<String> defaultRevisions(GitRepo repo) throws IOException {
        List<String> revs = new ArrayList<>(repo.releaseTags());
        if (repo.hasRevision("HEAD") && (revs.isEmpty() || !repo.sameTree("HEAD", revs.get(revs.size() - 1)))) {
            revs.add("HEAD");
        }
        return revs;
    }

    /**
     * The revisions whose history {@code rev} knows: every tag {@code vX.Y.0} that is {@code rev}
     * or an ancestor of it, in version order, then {@code rev} itself when it is not one of them.
     * {@code compat} uses it to say since when something removed after {@code rev} was deprecated.
     */
    public static List<String> revisionsUpTo(GitRepo repo, String rev) throws IOException {
        List<String> revs = new ArrayList<>();
        boolean tagged = false;
        for (String t : repo.releaseTags()) {
            if (repo.isAncestor(t, rev)) {
                revs.add(t);
                tagged |= repo.sameTree(t, rev) && repo.isAncestor(rev, t);
            }
        }
        if (!tagged) {
            revs.add(rev);
        }
        return revs;
    }

    /**
     * The schema file of a namespace at a revision, or null when it has none: {@code QMP}
     * {@code qapi/qapi-schema.json} (or the top-level {@code qapi-schema.json} of releases
     * that kept it there), {@code QGA} {@code qga/qapi-schema.json}, {@code QSD}
     * {@code storage-daemon/qapi/qapi-schema.json}; {@code schemaPath} overrides them.
     */
    public static String schemaPath(GitRepo repo, String rev, String namespace, String schemaPath) throws IOException {
        List<String> candidates = schemaPath != null
                ? List.of(schemaPath)
                : switch (namespace == null ? "QMP" : namespace) {
                    case "QGA" -> List.of("qga/qapi-schema.json");
                    case "QSD" -> List.of("storage-daemon/qapi/qapi-schema.json");
                    default -> List.of("qapi/qapi-schema.json", "qapi-schema.json");
                };
        for (String c : candidates) {
            if (repo.exists(rev, c)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The namespace a schema file belongs to, judged by its path: {@code .../qga/qapi-schema.json}
     * is QGA, {@code .../storage-daemon/qapi/qapi-schema.json} QSD, anything else QMP.
     */
    public static String namespaceOf(String schemaFile) {
        String f = schemaFile.replace('\\', '/');
        if (f.endsWith("qga/qapi-schema.json")) {
            return "QGA";
        }
        return f.endsWith("storage-daemon/qapi/qapi-schema.json") ? "QSD" : "QMP";
    }

    /**
     * The release name of a revision: the tag without its leading {@code v}
     * ({@code v5.1.0} → {@code 5.1.0}); any other revision keeps its name ({@code HEAD}).
     */
    public static String releaseName(String rev) {
        return rev.matches("v\\d.*") ? rev.substring(1) : rev;
    }

    /** Loads every revision and computes the history. */
    public static Result load(GitRepo repo, List<String> revs, String namespace, String schemaPath) throws IOException {
        List<String> names = new ArrayList<>();
        List<Schema> schemas = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String rev : revs) {
            if (!repo.hasRevision(rev)) {
                throw new IOException("unknown revision '" + rev + "'");
            }
            String path = schemaPath(repo, rev, namespace, schemaPath);
            if (path == null) {
                continue;
            }
            Path dir = Files.createTempDirectory("qapidoc-history");
            try {
                repo.checkout(rev, dir);
                LoadResult r = SchemaLoader.load(path, LoadOptions.tolerant(dir));
                if (!r.ok()) {
                    notes.add("note: " + rev + ":" + path + " left out: "
                            + r.first()
                                    .get()
                                    .render()
                                    .lines()
                                    .reduce((x, y) -> y)
                                    .orElse(""));
                    continue;
                }
                names.add(releaseName(rev));
                schemas.add(r.schema());
            } finally {
                GitRepo.delete(dir);
            }
        }
        return new Result(History.compute(names, schemas), notes);
    }
}
