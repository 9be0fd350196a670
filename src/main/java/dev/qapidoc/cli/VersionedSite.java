package dev.qapidoc.cli;

import dev.qapidoc.compat.CompatChecker;
import dev.qapidoc.compat.Finding;
import dev.qapidoc.compat.GitRepo;
import dev.qapidoc.compat.History;
import dev.qapidoc.compat.HistoryLoader;
import dev.qapidoc.compat.WireModel;
import dev.qapidoc.domain.SchemaExpander;
import dev.qapidoc.emit.RstWriter;
import dev.qapidoc.html.SiteBuilder;
import dev.qapidoc.html.SiteConfig;
import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.Schema;
import dev.qapidoc.schema.SchemaLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code qapidoc html --history}: one site with a manual per release of a git repository
 * (issue 16, item 4). Each release's schema is read from git objects and loaded tolerant, as
 * {@code qapidoc history} does; the history of every entity and member is computed over all of
 * them, and the breaking changes between consecutive releases with {@link CompatChecker}.
 *
 * <p>Layout: {@code REL/index.html} is the manual of release REL (the one-manual site of
 * {@code qapidoc html}, its entities carrying their history lines, see {@link
 * HistoryAnnotator}), {@code REL/changes.html} what changed in REL, {@code NEWEST/removed.html}
 * everything removed and the release that removed it, {@code index.html} the list of releases,
 * {@code versions.js} the version switcher every page loads (one file for the whole site,
 * so it works from {@code file://}; the index pages also carry the list as plain links), and
 * {@code _static/} the theme's assets, written once for all manuals (they are the same bytes
 * in every release, so a 27-release site does not carry 27 copies).
 *
 * <p>Two passes: every release is loaded and emitted first (the history needs all of them, and
 * each manual links into the others' anchors), then each manual is built in release order.
 */
final class VersionedSite {
    /** One release: its name, its schema and the reST its manual is made of. */
    record Release(String name, String schemaPath, Schema schema, List<ContentLine> lines, int tolerantWarnings) {}

    private final String namespace;
    private final String title;
    private final String dialect;
    private final List<Release> releases;
    private final History history;
    private final HistoryAnnotator annotator;

    private VersionedSite(String namespace, String title, String dialect, List<Release> releases) {
        this.namespace = namespace;
        this.title = title;
        this.dialect = dialect;
        this.releases = releases;
        List<String> names = new ArrayList<>();
        List<Schema> schemas = new ArrayList<>();
        Map<String, Map<String, String>> anchors = new LinkedHashMap<>();
        for (Release r : releases) {
            names.add(r.name());
            schemas.add(r.schema());
            anchors.put(r.name(), HistoryAnnotator.anchors(r.lines(), namespace));
        }
        this.history = History.compute(names, schemas);
        this.annotator = new HistoryAnnotator(history, anchors);
    }

    /** What a build of the site gave: its files, and the numbers the command reports. */
    record Result(Map<String, byte[]> files, int errors, int warnings, List<String> notes) {}

    /**
     * Reads {@code schema} (a path inside the repository) at every revision of {@code revs}
     * and builds the site. A revision without the schema (nor the QMP schema's older place) is
     * left out with a note, as is one whose schema does not load.
     */
    static Result build(
            GitRepo repo, List<String> revs, String schema, String ns, String title, String dialect, Console io)
            throws IOException, UsageException {
        String namespace = ns != null ? ns : HistoryLoader.namespaceOf(schema);
        List<String> notes = new ArrayList<>();
        List<Release> releases = load(repo, revs, schema, namespace, dialect, notes);
        if (releases.isEmpty()) {
            throw new IOException("no revision has a loadable " + schema);
        }
        VersionedSite site = new VersionedSite(namespace, title, dialect, releases);
        Map<String, byte[]> files = new TreeMap<>();
        int errors = 0;
        int warnings = 0;
        int tolerant = 0;
        for (int i = 0; i < releases.size(); i++) {
            Release r = releases.get(i);
            tolerant += r.tolerantWarnings();
            SiteBuilder.Output out = site.buildRelease(i);
            if (!out.messages().isEmpty()) {
                io.err.println(r.name() + ":");
            }
            SiteFindings found = SiteFindings.print(
                    io,
                    new SchemaRst(Path.of(""), RstWriter.Dialect.QEMU, dev.qapidoc.schema.LoadMode.TOLERANT, null),
                    out.messages());
            errors += found.errors();
            warnings += found.warnings();
            for (Map.Entry<String, byte[]> f : out.files().entrySet()) {
                if (f.getKey().startsWith(SHARED)) {
                    share(files, f.getKey(), f.getValue(), r.name());
                } else {
                    files.put(r.name() + "/" + f.getKey(), f.getValue());
                }
            }
        }
        if (tolerant > 0) {
            notes.add(
                    SchemaInput.tolerantNote(tolerant, releases.size() + " release(s) of " + schema, List.of(schema)));
        }
        files.put("versions.js", site.switcherScript().getBytes(StandardCharsets.UTF_8));
        files.put("index.html", site.landingPage().getBytes(StandardCharsets.UTF_8));
        return new Result(files, errors, warnings, notes);
    }

    /** The folder every release manual links to at the top of the site instead of its own. */
    private static final String SHARED = "_static/";

    /**
     * Puts a release's asset into the one shared {@code _static/}. Every manual is built with
     * the same theme and settings, so their assets are the same bytes; one that differs would
     * be a manual linking to another's file, so it is refused rather than hidden.
     */
    private static void share(Map<String, byte[]> files, String name, byte[] bytes, String release) {
        byte[] had = files.putIfAbsent(name, bytes);
        if (had != null && !java.util.Arrays.equals(had, bytes)) {
            throw new IllegalStateException(release + "'s " + name + " differs from the other releases'");
        }
    }

    private static List<Release> load(
            GitRepo repo, List<String> revs, String schema, String namespace, String dialect, List<String> notes)
            throws IOException, UsageException {
        RstWriter.Dialect d = RstWriter.Dialect.named(dialect)
                .orElseThrow(() -> new UsageException("unknown dialect '" + dialect + "'; use qemu or extended"));
        List<Release> out = new ArrayList<>();
        for (String rev : revs) {
            if (!repo.hasRevision(rev)) {
                throw new IOException("unknown revision '" + rev + "'");
            }
            String path = repo.exists(rev, schema) ? schema : HistoryLoader.schemaPath(repo, rev, namespace, null);
            if (path == null) {
                notes.add("note: " + rev + " left out: it has no " + schema);
                continue;
            }
            Path dir = Files.createTempDirectory("qapidoc-versioned");
            try {
                repo.checkout(rev, dir);
                LoadResult r = SchemaLoader.load(path, LoadOptions.tolerant(dir));
                if (!r.ok()) {
                    String last =
                            r.first().get().render().lines().reduce((x, y) -> y).orElse("");
                    notes.add("note: " + rev + ":" + path + " left out: " + last);
                    continue;
                }
                List<ContentLine> lines = new ArrayList<>();
                for (ContentLine l : RstWriter.write(r.schema(), new RstWriter.Options(namespace, d))) {
                    lines.add(l.withText(ContentLine.expandTabs(l.text())));
                }
                out.add(new Release(
                        HistoryLoader.releaseName(rev),
                        path,
                        r.schema(),
                        lines,
                        r.warnings().size()));
            } finally {
                GitRepo.delete(dir);
            }
        }
        return out;
    }

    /** The manual, changes page (and, for the newest release, the removed page) of release i. */
    private SiteBuilder.Output buildRelease(int i) throws IOException {
        Release r = releases.get(i);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("project", title + " " + r.name());
        values.put("release", r.name());
        values.put("default_role", "any");
        values.put("qapi_allowed_fields", List.of("see also"));
        values.put("qapi_namespaces", List.of(namespace));
        values.put("qapidoc_dialect", dialect);
        // the theme's assets are written once, at the top (_static/ beside the release folders),
        // and so is the switcher: 27 manuals share one copy of each
        values.put("qapidoc_static_root", "../");
        values.put("html_js_files", List.of("../versions.js"));
        SiteConfig config = new SiteConfig(values);
        List<ContentLine> annotated = annotator.annotate(r.lines());
        SchemaExpander expander = (path, ns, where) -> SchemaExpander.Expansion.of(annotated);
        ReleasePages pages = new ReleasePages(history, annotator, r.name(), switcherLinks(r.name()));
        Map<String, List<ContentLine>> docs = new LinkedHashMap<>();
        docs.put("index", ContentLine.of("index.rst", indexPage(r)));
        List<Finding> breaking = i == 0 ? List.of() : breaking(releases.get(i - 1), r);
        docs.put(
                "changes",
                ContentLine.of(
                        "changes.rst",
                        pages.changes(i == 0 ? null : releases.get(i - 1).name(), breaking)));
        if (i == releases.size() - 1) {
            docs.put("removed", ContentLine.of("removed.rst", pages.removed()));
        }
        Path empty = Files.createTempDirectory("qapidoc-versioned-src");
        try {
            return SiteBuilder.build(new SiteBuilder.Options(empty, "", config, false, List.of())
                    .withExpander(expander)
                    .withPages(docs));
        } finally {
            GitRepo.delete(empty);
        }
    }

    /** The breaking findings of {@code compat} from release {@code a} to {@code b}. */
    private static List<Finding> breaking(Release a, Release b) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : CompatChecker.compare(WireModel.of(a.schema(), ""), WireModel.of(b.schema(), ""))) {
            if (f.breaking()) {
                out.add(f);
            }
        }
        return out;
    }

    /** The root page of a release: title, the release links, the schema, as {@code qapidoc html}. */
    private String indexPage(Release r) {
        StringBuilder sb = new StringBuilder(HtmlCommand.rootPage(title + " " + r.name(), r.schemaPath(), namespace));
        int at = sb.indexOf(".. contents::");
        String newest = releases.get(releases.size() - 1).name();
        sb.insert(
                at,
                switcherLinks(r.name()) + "\n\n`Changes in " + r.name() + " <changes.html>`__ · `Removed"
                        + " entities <../" + newest + "/removed.html>`__\n\n");
        return sb.toString();
    }

    /** The static version list in reST: every release linked, the current one in bold. */
    String switcherLinks(String current) {
        StringBuilder sb = new StringBuilder("Versions:");
        for (Release r : releases) {
            sb.append(' ');
            sb.append(
                    r.name().equals(current)
                            ? "**" + r.name() + "**"
                            : "`" + r.name() + " <../" + r.name() + "/index.html>`__");
        }
        return sb.toString();
    }

    /**
     * The switcher every page loads: a {@code <select>} of the releases in the top bar, the
     * current one (the page's folder) selected; choosing one opens that release's manual at the
     * same anchor. The list is written into the script, so nothing is fetched.
     */
    String switcherScript() {
        StringBuilder list = new StringBuilder();
        for (Release r : releases) {
            list.append(list.length() == 0 ? "" : ",")
                    .append('"')
                    .append(jsString(r.name()))
                    .append('"');
        }
        return "// qapidoc html --history: the version switcher of every page\n"
                + "(function () {\n"
                + "  var releases = [" + list + "];\n"
                + "  var m = location.pathname.match(/([^\\/]+)\\/[^\\/]*$/);\n"
                + "  var current = m ? decodeURIComponent(m[1]) : \"\";\n"
                + "  function add() {\n"
                + "    var s = document.createElement(\"select\");\n"
                + "    s.className = \"version-switcher\";\n"
                + "    s.setAttribute(\"aria-label\", \"Release\");\n"
                + "    releases.forEach(function (r) {\n"
                + "      var o = document.createElement(\"option\");\n"
                + "      o.value = \"../\" + encodeURIComponent(r) + \"/index.html\";\n"
                + "      o.textContent = r;\n"
                + "      o.selected = r === current;\n"
                + "      s.appendChild(o);\n"
                + "    });\n"
                + "    s.addEventListener(\"change\", function () { location.href = s.value + location.hash; });\n"
                + "    (document.querySelector(\"header.topbar\") || document.body).appendChild(s);\n"
                + "  }\n"
                + "  if (document.readyState === \"loading\") {\n"
                + "    document.addEventListener(\"DOMContentLoaded\", add);\n"
                + "  } else {\n"
                + "    add();\n"
                + "  }\n"
                + "})();\n";
    }

    private static String jsString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c");
    }

    /** {@code index.html} at the top: the list of release manuals. */
    String landingPage() {
        StringBuilder sb = new StringBuilder();
        String t = HtmlText.escape(title);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(t)
                .append("</title>\n</head>\n<body>\n<h1>")
                .append(t)
                .append("</h1>\n<ul class=\"releases\">\n");
        for (int i = releases.size() - 1; i >= 0; i--) {
            String n = HtmlText.escape(releases.get(i).name());
            sb.append("<li><a href=\"")
                    .append(n)
                    .append("/index.html\">")
                    .append(n)
                    .append("</a> (<a href=\"")
                    .append(n)
                    .append("/changes.html\">changes</a>)</li>\n");
        }
        String newest = HtmlText.escape(releases.get(releases.size() - 1).name());
        sb.append("</ul>\n<p><a href=\"").append(newest).append("/removed.html\">Everything removed</a></p>\n");
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /** HTML escaping for the few hand-written pages (the manuals are escaped by the builder). */
    private static final class HtmlText {
        static String escape(String s) {
            return s.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&quot;");
        }
    }
}
