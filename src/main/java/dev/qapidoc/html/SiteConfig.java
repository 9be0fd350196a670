package dev.qapidoc.html;

import dev.qapidoc.source.SourceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Build configuration: the literal values of {@code conf.py} plus {@code -D} overrides, with the
 * defaults Sphinx uses for the names qapidoc knows (qapi-domain-and-html.md §0.5). Unknown names are
 * kept in {@link #values()} so that later passes (the {@code qapi} domain) can read theirs.
 *
 * @param values every literal assignment, in file order (overrides last)
 */
public record SiteConfig(Map<String, Object> values) {

    public SiteConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static SiteConfig empty() {
        return new SiteConfig(Map.of());
    }

    /** This configuration with {@code name} set (a {@code -D name=value} override). */
    public SiteConfig with(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new SiteConfig(m);
    }

    public String string(String name, String dflt) {
        Object v = values.get(name);
        return v == null ? dflt : String.valueOf(v);
    }

    public boolean bool(String name, boolean dflt) {
        Object v = values.get(name);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof String s) {
            return !(s.isEmpty() || s.equals("0") || s.equalsIgnoreCase("false") || s.equalsIgnoreCase("no"));
        }
        return dflt;
    }

    /** A list/tuple/set value as strings; a string value is split at commas (-D form). */
    public List<String> strings(String name) {
        Object v = values.get(name);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                out.add(String.valueOf(o));
            }
        } else if (v instanceof String s && !s.isEmpty()) {
            for (String p : s.split(",")) {
                out.add(p.strip());
            }
        }
        return out;
    }

    public Set<String> stringSet(String name) {
        return new LinkedHashSet<>(strings(name));
    }

    public String project() {
        return string("project", "Python");
    }

    public String version() {
        return string("version", "");
    }

    public String release() {
        return string("release", version());
    }

    /** {@code root_doc}, or its older spelling {@code master_doc}; default {@code index}. */
    public String rootDoc() {
        Object v = values.get("root_doc");
        if (v == null) {
            v = values.get("master_doc");
        }
        return v == null ? "index" : String.valueOf(v);
    }

    /** Role of single-backquoted text, or null (docutils' title-reference). */
    public String defaultRole() {
        Object v = values.get("default_role");
        return v == null ? null : String.valueOf(v);
    }

    public String highlightLanguage() {
        return string("highlight_language", "default");
    }

    public boolean smartquotes() {
        return bool("smartquotes", true);
    }

    public String htmlTheme() {
        return string("html_theme", "default");
    }

    public String htmlTitle() {
        String v = string("html_title", null);
        if (v != null) {
            return v;
        }
        String rel = release();
        return project() + (rel.isEmpty() ? "" : " " + rel) + " documentation";
    }

    public String copyright() {
        return string("copyright", "");
    }

    /** The conf.py values naming trees qapidoc and QEMU's extensions read from, relative to SRCDIR. */
    public static final List<String> SRCTREES =
            List.of("qapidoc_srctree", "kerneldoc_srctree", "hxtool_srctree", "dbusdoc_srctree");

    /**
     * The files a build of {@code srcdir} with this configuration may read: SRCDIR and the
     * configured srctrees, under the one rule of {@link SourceTree}.
     */
    public SourceTree sourceTree(Path srcdir) {
        Map<String, String> trees = new LinkedHashMap<>();
        for (String name : SRCTREES) {
            trees.put(name, string(name, null));
        }
        return SourceTree.of(srcdir, trees);
    }

    public String language() {
        return string("language", "en");
    }
}
