package dev.qapidoc.html;

import dev.qapidoc.domain.Domain;
import dev.qapidoc.domain.ObjectEntry;
import dev.qapidoc.rst.Hrefs;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.SystemMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Phase 3 of a site build: the HTML of every page through the theme's templates, once every
 * reference is resolved. The document pages ({@link #page}) are written on the building thread;
 * the general index, the QAPI index pages ({@link #indexPages}) and {@code searchindex.js}
 * ({@link #searchIndex}) only read the frozen trees and the domain, so the builder runs them on
 * the spare core meanwhile.
 */
final class SitePages {
    private final SiteConfig conf;
    private final Theme theme;
    private final Navigation nav;
    private final Map<String, SourceDoc> docs;
    private final Domain domain;
    private final SiteAssets assets;

    SitePages(SiteConfig conf, Theme theme, Navigation nav, Map<String, SourceDoc> docs, Domain domain) {
        this(conf, theme, nav, docs, domain, null);
    }

    /** @param assets the logo, favicon and extra CSS/JS files pages link to (null: none) */
    SitePages(
            SiteConfig conf,
            Theme theme,
            Navigation nav,
            Map<String, SourceDoc> docs,
            Domain domain,
            SiteAssets assets) {
        this.assets = assets;
        this.conf = conf;
        this.theme = theme;
        this.nav = nav;
        this.docs = docs;
        this.domain = domain;
    }

    /** Escaped plain text (all template values are HTML). */
    private static String h(String s) {
        return HtmlWriter.escape(s);
    }

    private Map<String, Object> baseVars(String pagename, String title) {
        Map<String, Object> v = new LinkedHashMap<>();
        String root = DocPaths.relative(pagename, "");
        // qapidoc_static_root: where _static/ is, relative to the site's root ("" = in it); a
        // versioned site shares one _static/ above its release manuals
        String staticUri = root + conf.string("qapidoc_static_root", "") + "_static/";
        v.put("root", root);
        v.put("static", staticUri);
        v.put("project", h(conf.project()));
        v.put("docstitle", h(conf.htmlTitle()));
        v.put("title", h(title));
        v.put("lang", h(conf.language()));
        v.put("copyright", h(conf.copyright()));
        v.put("version", h(conf.release()));
        v.put("indexUri", h(DocPaths.relative(pagename, conf.rootDoc() + ".html")));
        v.put("genindexUri", h(DocPaths.relative(pagename, "genindex.html")));
        v.put("searchUri", h(DocPaths.relative(pagename, "search.html")));
        v.put("sidebar", nav.sidebar(pagename));
        v.put("pagename", h(pagename));
        v.put("prev", null);
        v.put("next", null);
        if (assets != null) {
            v.putAll(assets.vars(staticUri));
        }
        return v;
    }

    /**
     * The page of document {@code d}.
     *
     * @param order the reading order, for the previous and next links
     */
    byte[] page(SourceDoc d, List<String> order, Images images, Highlights highlights, Consumer<SystemMessage> report) {
        HtmlTranslator.Context ctx = new HtmlTranslator.Context() {
            @Override
            public String toctree(RstNode toctree) {
                return nav.toctreeHtml(d, toctree);
            }

            @Override
            public String image(RstNode img) {
                return images.uri(d.name, img);
            }

            @Override
            public void report(SystemMessage m) {
                report.accept(m);
            }

            @Override
            public Highlighter.Result highlight(RstNode block) {
                return highlights.take(block);
            }
        };
        String body = HtmlTranslator.render(d.tree, ctx);
        Map<String, Object> v = baseVars(d.name, d.title);
        v.put("body", body);
        int i = order.indexOf(d.name);
        if (i > 0) {
            v.put("prev", navLink(d, docs.get(order.get(i - 1))));
        }
        if (i >= 0 && i + 1 < order.size()) {
            v.put("next", navLink(d, docs.get(order.get(i + 1))));
        }
        v.put("localtoc", nav.localToc(d));
        return theme.render("page", v).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> navLink(SourceDoc from, SourceDoc to) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("href", h(DocPaths.relative(from.name, to.name + ".html")));
        m.put("title", h(to.title));
        return m;
    }

    /** The search page (the index itself is {@link #searchIndex}). */
    byte[] searchPage() {
        Map<String, Object> v = baseVars("search", "Search");
        v.put("body", "");
        v.put("localtoc", "");
        return theme.render("search", v).getBytes(StandardCharsets.UTF_8);
    }

    // ---- general index (§5.1) and QAPI index pages (§5.2) ----

    /** The general index and the QAPI index pages by file name; reads the trees and the domain. */
    Map<String, byte[]> indexPages() {
        return indexPages(List.of());
    }

    /**
     * The general index, the QAPI index pages and {@code more} (other domains' index pages) by
     * file name.
     */
    Map<String, byte[]> indexPages(List<Domain.IndexPage> more) {
        Map<String, byte[]> out = new TreeMap<>();
        Map<String, Object> v = baseVars("genindex", "Index");
        v.put("body", GeneralIndex.html(indexEntries()));
        v.put("localtoc", "");
        out.put("genindex.html", theme.render("genindex", v).getBytes(StandardCharsets.UTF_8));
        List<Domain.IndexPage> all = new ArrayList<>(domain.indexPages());
        all.addAll(more);
        for (Domain.IndexPage page : all) {
            Map<String, Object> pv = baseVars(page.name(), page.title());
            pv.put("body", QapiIndexHtml.html(page));
            pv.put("localtoc", "");
            out.put(page.name() + ".html", theme.render("genindex", pv).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private List<GeneralIndex.Entry> indexEntries() {
        List<GeneralIndex.Entry> out = new ArrayList<>();
        for (SourceDoc d : docs.values()) {
            for (RstNode idx : d.tree.findAll(Type.INDEX)) {
                String target = idx.attr("target");
                String uri = Hrefs.fromRoot(d.name, target);
                for (int k = 0; idx.attr("entry" + k) != null; k++) {
                    String e = idx.attr("entry" + k);
                    int colon = e.indexOf(':');
                    out.add(new GeneralIndex.Entry(e.substring(0, colon), e.substring(colon + 1), uri));
                }
            }
        }
        return out;
    }

    // ---- search (§5.4; our own format) ----

    /** {@code searchindex.js}; reads the trees and the domain's objects. */
    byte[] searchIndex() {
        // an object's fully-qualified name by document and anchor: searched like its name
        Map<String, Map<String, String>> fqns = new HashMap<>();
        for (ObjectEntry o : domain.objects()) {
            fqns.computeIfAbsent(o.docname(), k -> new HashMap<>()).putIfAbsent(o.id(), o.fqn());
        }
        SearchIndex idx = new SearchIndex();
        for (SourceDoc d : docs.values()) {
            idx.add(d.name, d.title, SearchUnits.of(d.tree), fqns.getOrDefault(d.name, Map.of()));
        }
        return idx.toJs().getBytes(StandardCharsets.UTF_8);
    }
}
