package dev.qapidoc.lint;

import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lints a QAPI schema: every QEMU check the frontend runs (all independent problems of one load,
 * each with a rule id from {@link Rules}), plus lint's own warnings on the resulting model.
 *
 * <pre>{@code
 * LintResult r = Linter.lint("qapi/qapi-schema.json", Path.of("."), LintOptions.DEFAULTS);
 * r.findings().forEach(d -> System.out.println(d.render() + " [" + d.rule() + "]"));
 * }</pre>
 *
 * <p>Stateless and thread-safe. Findings come in source order, include-expanded.
 */
public final class Linter {
    private Linter() {}

    /** Lints {@code rootFile} (as the user wrote it) resolved against {@code workingDirectory}. */
    public static LintResult lint(String rootFile, Path workingDirectory, LintOptions options) {
        return lint(List.of(rootFile), workingDirectory, options).get(0);
    }

    /**
     * Lints several schemas in one run, one result each, in order. They are checked
     * independently, except that a {@code `name`} reference in one may name a definition of
     * another: QEMU builds the QMP, QGA and QSD manuals into one Sphinx project, where such
     * cross-manual references resolve.
     */
    public static List<LintResult> lint(List<String> rootFiles, Path workingDirectory, LintOptions options) {
        List<LoadResult> loads = new ArrayList<>();
        Set<String> allNames = new HashSet<>();
        for (String root : rootFiles) {
            LoadResult loaded = options.tolerant()
                    ? SchemaLoader.load(root, LoadOptions.tolerant(workingDirectory))
                    : SchemaLoader.load(
                            root, LoadOptions.strict(workingDirectory).keepingGoing());
            loads.add(loaded);
            for (Entity e : loaded.schema().entities()) {
                allNames.add(e.name());
            }
        }
        List<LintResult> results = new ArrayList<>();
        for (LoadResult loaded : loads) {
            results.add(lint(loaded, allNames, workingDirectory, options));
        }
        return results;
    }

    private static LintResult lint(
            LoadResult loaded, Set<String> otherNames, Path workingDirectory, LintOptions options) {
        List<Diagnostic> out = new ArrayList<>();
        boolean unreadable = false;
        boolean syntax = false;
        boolean includeFailed = false;
        for (Diagnostic d : loaded.diagnostics()) {
            if (d.where() == null) {
                unreadable = true;
            }
            // The definitions of an unreadable include are missing: their users' "unknown type"
            // errors would only repeat that failure.
            includeFailed |= d.message().startsWith("can't read include file ");
            if (includeFailed && d.message().contains(" uses unknown type ")) {
                continue;
            }
            Rule rule = Rules.of(d.ruleId()); // set where the frontend made it
            syntax |= Rules.QAPI_SYNTAX.equals(rule);
            Level level = options.levelOf(rule);
            if (level != Level.OFF) {
                out.add(d.withSeverity(level.severity()));
            }
        }
        if (!unreadable && !syntax) {
            LintContext ctx = new LintContext(loaded.schema(), !loaded.ok(), options, workingDirectory, out);
            new DocRules(ctx, otherNames).run();
            new ExampleRule(ctx).run();
            if (options.history() != null) {
                new SinceHistoryRule(ctx, options.history()).run();
            }
        }
        out.sort(SOURCE_ORDER);
        return new LintResult(out, unreadable);
    }

    /**
     * Include-expanded source order: compare the include chains from the root file down, line
     * by line; an include directive's own finding comes before its file's findings. Stable, so
     * findings on one line keep the order they were found in.
     */
    static final Comparator<Diagnostic> SOURCE_ORDER = new SourceOrder();

    /** A class rather than a lambda: lambdas cost start-up time (EXAMPLES.md §5, Startup). */
    private static final class SourceOrder implements Comparator<Diagnostic> {
        @Override
        public int compare(Diagnostic a, Diagnostic b) {
            if (a.where() == null || b.where() == null) {
                return a.where() == null ? (b.where() == null ? 0 : -1) : 1;
            }
            List<SourceLocation> ca = chain(a.where());
            List<SourceLocation> cb = chain(b.where());
            for (int i = 0; i < Math.min(ca.size(), cb.size()); i++) {
                SourceLocation x = ca.get(i);
                SourceLocation y = cb.get(i);
                if (x.line() != y.line()) {
                    return Integer.compare(x.line(), y.line());
                }
                boolean lastX = i == ca.size() - 1;
                boolean lastY = i == cb.size() - 1;
                if (lastX && lastY) {
                    return Integer.compare(x.column(), y.column());
                }
                if (lastX || lastY) {
                    return lastX ? -1 : 1;
                }
            }
            return 0;
        }
    }

    private static List<SourceLocation> chain(SourceLocation loc) {
        List<SourceLocation> c = new ArrayList<>();
        for (SourceLocation l = loc; l != null && c.size() < 1000; l = l.includedFrom()) {
            c.add(0, l);
        }
        return c;
    }
}
