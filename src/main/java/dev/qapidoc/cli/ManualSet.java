package dev.qapidoc.cli;

import dev.qapidoc.compat.HistoryLoader;
import dev.qapidoc.rst.ContentLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code qapidoc html SCHEMA SCHEMA...}: one site with a manual per schema (issue 15), as QEMU's
 * combined Sphinx build has its QMP, guest agent and storage daemon manuals. They are pages of one
 * build, so there is one general index, one search, one {@code objects.inv}, and a reference in
 * one manual to a definition of another (the storage daemon's {@code getfd}, {@code STOP}, which
 * its schema mentions but does not include) resolves to that manual's anchor instead of warning.
 *
 * <p>Each schema's namespace comes from its path, the places QEMU keeps them: {@code
 * .../qga/qapi-schema.json} is QGA, {@code .../storage-daemon/qapi/qapi-schema.json} QSD, any other
 * QMP. A schema is not asked which namespace it is (the language has no such pragma), and two
 * schemas may not share one: their definitions would collide in the one index. The manual of
 * namespace NS is the page {@code ns.html} ({@code qmp.html}, {@code qga.html}, {@code qsd.html}),
 * titled "NS Reference Manual"; {@code index.html} lists them.
 */
final class ManualSet {
    /** One manual: its schema as given, its namespace and the page it is written to. */
    record Manual(String schema, String namespace, String page) {
        String title() {
            return namespace + " Reference Manual";
        }
    }

    private ManualSet() {}

    /**
     * The manuals of {@code schemas}, in the order given.
     *
     * @throws UsageException when two schemas would share a namespace
     */
    static List<Manual> of(List<String> schemas) throws UsageException {
        Map<String, String> byNamespace = new LinkedHashMap<>();
        List<Manual> out = new ArrayList<>();
        for (String s : schemas) {
            String ns = HistoryLoader.namespaceOf(s);
            String other = byNamespace.putIfAbsent(ns, s);
            if (other != null) {
                throw new UsageException("html: " + other + " and " + s + " would both be namespace " + ns
                        + " (with several schemas the namespace comes from the path: .../qga/qapi-schema.json is"
                        + " QGA, .../storage-daemon/qapi/qapi-schema.json QSD, any other QMP); build them"
                        + " separately, each with --namespace");
            }
            out.add(new Manual(s, ns, ns.toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** The namespaces of {@code manuals}, for {@code qapi_namespaces} (one QAPI index each). */
    static List<String> namespaces(List<Manual> manuals) {
        return manuals.stream().map(Manual::namespace).toList();
    }

    /**
     * The site's pages: {@code index} (the title and a toctree of the manuals) and one page per
     * manual, the root page {@code qapidoc html} writes for one schema.
     */
    static Map<String, List<ContentLine>> pages(String title, List<Manual> manuals) {
        Map<String, List<ContentLine>> pages = new LinkedHashMap<>();
        String t = title.replace("\\", "\\\\");
        StringBuilder index = new StringBuilder();
        index.append(t).append('\n').append("=".repeat(Math.max(4, t.length()))).append("\n\n");
        index.append(".. toctree::\n   :maxdepth: 1\n\n");
        for (Manual m : manuals) {
            index.append("   ").append(m.page()).append('\n');
        }
        pages.put("index", ContentLine.of("index.rst", index.toString()));
        for (Manual m : manuals) {
            pages.put(
                    m.page(),
                    ContentLine.of(m.page() + ".rst", HtmlCommand.rootPage(m.title(), m.schema(), m.namespace())));
        }
        return pages;
    }
}
