package dev.qapidoc.lint;

import dev.qapidoc.compat.History;
import dev.qapidoc.doc.Doc;
import dev.qapidoc.schema.Command;
import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.Event;
import java.util.List;
import java.util.Locale;

/**
 * {@code since-history}: a definition's {@code Since:} section, or a member's, value's or
 * branch's {@code (since X.Y)} note, that contradicts the history computed from a repository's
 * releases ({@code lint --git DIR}).
 *
 * <p>Versions are compared by major and minor number ({@code Since: 4.2} agrees with release
 * {@code 4.2.0}). Not judged: entities and members present in the oldest release (their real
 * first release is unknown), names the history does not know (the linted file is newer than the
 * repository), and things first present in a revision that is not a release (HEAD): those
 * contradict only a {@code Since} that names a release they are missing from, i.e. one not newer
 * than the newest release.
 *
 * <p>Type names are not part of the wire protocol, and QEMU renames types freely
 * ({@code QCryptoHashAlgorithm} became {@code QCryptoHashAlgo} in 9.2, keeping its
 * {@code Since: 2.6}); so for types and their members only the contradiction a rename cannot
 * explain is reported: being in a release older than the {@code Since}. Commands and events,
 * whose names are the interface, are judged both ways.
 */
final class SinceHistoryRule {
    private final LintContext ctx;
    private final History history;
    private final int[] newestRelease;

    SinceHistoryRule(LintContext ctx, History history) {
        this.ctx = ctx;
        this.history = history;
        int[] newest = null;
        for (String r : history.releases()) {
            int[] v = release(r);
            if (v != null) {
                newest = v;
            }
        }
        this.newestRelease = newest;
    }

    void run() {
        for (Entity e : ctx.definitions()) {
            Doc doc = e.doc();
            History.Entry entry = history.entities().get(e.name());
            if (doc == null || entry == null || ctx.failed(e)) {
                continue;
            }
            if (doc.since().isPresent() && !history.inOldest(entry)) {
                Doc.Section s = doc.since().get();
                check(
                        e,
                        s,
                        DocRules.version(s.text()),
                        entry,
                        "'Since: " + s.text().strip() + "'",
                        e.describe());
            }
            List<Doc.Section> args = doc.args();
            for (Doc.Section s : args) {
                History.Entry m = s.name() == null ? null : member(entry, s.name());
                if (m == null || s.isStub() || history.inOldest(m)) {
                    continue;
                }
                int[] v = sinceNote(s.text());
                if (v != null) {
                    check(e, s, v, m, "'(since " + show(v) + ")'", "'" + s.name() + "' of " + e.describe());
                }
            }
        }
    }

    private static History.Entry member(History.Entry entry, String name) {
        History.Entry m = entry.members().get(name);
        return m != null ? m : entry.members().get("branch " + name);
    }

    private void check(Entity e, Doc.Section s, int[] since, History.Entry entry, String what, String subject) {
        if (since == null) {
            return;
        }
        String first = history.first(entry);
        int[] f = release(first);
        boolean wireName = e instanceof Command || e instanceof Event;
        String problem = null;
        if (!wireName && (f == null || compare(since, f) <= 0)) {
            return;
        }
        if (f == null) {
            if (newestRelease != null && compare(since, newestRelease) <= 0) {
                problem = "it is in no release up to " + show(newestRelease) + " (first in " + first + ")";
            }
        } else if (compare(since, f) < 0) {
            problem = "it first appears in " + first;
        } else if (compare(since, f) > 0) {
            problem = "it is in " + first + " already";
        }
        if (problem != null) {
            ctx.report(
                    Rules.SINCE_HISTORY,
                    s.location().withoutColumn(),
                    null,
                    what + " of " + subject + " contradicts the history: " + problem);
        }
    }

    /** The version after the word "since" in a member's text, or null. */
    private static int[] sinceNote(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (int i = t.indexOf("since"); i >= 0; i = t.indexOf("since", i + 1)) {
            boolean before = i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1));
            if (!before) {
                continue;
            }
            String rest = t.substring(i + 5);
            String head = rest.stripLeading();
            if (!head.isEmpty() && Character.isDigit(head.charAt(0))) {
                return DocRules.version(head);
            }
        }
        return null;
    }

    /** Major and minor of a release name such as {@code 4.2.0}, or null for HEAD and the like. */
    private static int[] release(String name) {
        return name.matches("\\d+\\.\\d+(\\.\\d+)?") ? DocRules.version(name) : null;
    }

    private static int compare(int[] a, int[] b) {
        return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
    }

    private static String show(int[] v) {
        return v[0] + "." + v[1];
    }
}
