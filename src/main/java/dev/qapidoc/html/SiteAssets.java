package dev.qapidoc.html;

import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.source.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The theme and the static files of a site, as Sphinx's html builder takes them from conf.py:
 * the theme's own {@code static/} files, then every {@code html_static_path} folder in order
 * (a later file of the same name overrides an earlier one, as in Sphinx), {@code html_logo} and
 * {@code html_favicon} copied to {@code _static/} under their base names, and
 * {@code html_css_files} / {@code html_js_files} linked from every page after the theme's own.
 *
 * <p>A Sphinx theme named in conf.py ({@code sphinx_rtd_theme}, {@code alabaster}, ...) is not
 * available here: the build uses the built-in theme and says so in one INFO note rather than a
 * warning, because such a conf.py is correct for Sphinx and {@code -W} must pass on it.
 */
final class SiteAssets {

    /** The themes of Sphinx and the common theme packages, which stand for the built-in theme. */
    static final Set<String> SPHINX_THEMES = Set.of(
            "sphinx_rtd_theme",
            "alabaster",
            "classic",
            "default",
            "nature",
            "pyramid",
            "haiku",
            "scrolls",
            "agogo",
            "traditional",
            "bizstyle",
            "sphinxdoc",
            "basic",
            "epub",
            "nonav",
            "furo",
            "pydata_sphinx_theme",
            "sphinx_book_theme",
            "sphinx_immaterial",
            "piccolo_theme",
            "insipid",
            "press");

    /** The loaded theme and, when a Sphinx theme was replaced or a theme was missing, the message. */
    record ThemeLoad(Theme theme, SystemMessage message) {}

    private final Path srcdir;
    private final SourceTree tree;
    private final SiteConfig conf;
    private final Consumer<SystemMessage> report;
    private final Consumer<Path> dependency;

    /**
     * @param tree the files that may be read: static folders, logo and favicon are files of the
     *     source tree like any other
     * @param dependency told of every file read (for the dependency file)
     */
    SiteAssets(
            Path srcdir, SourceTree tree, SiteConfig conf, Consumer<SystemMessage> report, Consumer<Path> dependency) {
        this.srcdir = srcdir;
        this.tree = tree;
        this.conf = conf;
        this.report = report;
        this.dependency = dependency;
    }

    /**
     * The configured theme: a folder theme from {@code html_theme_path} or {@code extraDirs}, or a
     * built-in one; a Sphinx theme name gives the
     * built-in {@code default} with an INFO note (no location, a build-wide note); any other
     * missing theme the {@code default} one with a warning.
     */
    static ThemeLoad loadTheme(Path srcdir, SiteConfig conf, List<Path> extraDirs) throws IOException {
        String name = conf.htmlTheme();
        // a theme is code-like input: only folders conf.py (html_theme_path, relative to the
        // confdir as in Sphinx) or the caller name are searched, never a themes/ folder that
        // merely lies next to the sources or in the working directory (issue 13)
        List<Path> themeDirs = new ArrayList<>();
        Path base = srcdir.toAbsolutePath().normalize();
        for (String d : conf.strings("html_theme_path")) {
            themeDirs.add(base.resolve(d).normalize());
        }
        themeDirs.addAll(extraDirs);
        try {
            return new ThemeLoad(Theme.load(name, themeDirs), null);
        } catch (Theme.ThemeError e) {
            throw e;
        } catch (IOException e) {
            Theme fallback = Theme.load("default", themeDirs);
            if (SPHINX_THEMES.contains(name)) {
                return new ThemeLoad(
                        fallback,
                        new SystemMessage(
                                SystemMessage.Level.INFO,
                                null,
                                "html_theme '" + name + "' is a Sphinx theme; using qapidoc's built-in 'default'"
                                        + " theme"));
            }
            return new ThemeLoad(fallback, SystemMessage.warning(null, e.getMessage() + "; using the 'default' theme"));
        }
    }

    /** Adds the theme's static files, then html_static_path, logo and favicon, to {@code files}. */
    void write(Theme theme, Map<String, byte[]> files) throws IOException {
        for (String f : theme.staticFiles()) {
            files.put("_static/" + f, theme.staticFile(f));
        }
        for (String folder : conf.strings("html_static_path")) {
            copyFolder(folder, files);
        }
        copyFile("html_logo", files);
        copyFile("html_favicon", files);
    }

    /** A conf.py path: absolute as given, else relative to the source folder (as Sphinx's confdir). */
    private Path resolve(String path) {
        return srcdir.toAbsolutePath().normalize().resolve(path).normalize();
    }

    private void copyFolder(String folder, Map<String, byte[]> files) throws IOException {
        Path dir = resolve(folder);
        if (!Files.isDirectory(dir)) {
            report.accept(SystemMessage.warning(null, "html_static_path entry '" + folder + "' does not exist"));
            return;
        }
        Path real = dir.toRealPath();
        if (!tree.allowsConfigured(real)) {
            report.accept(SystemMessage.warning(
                    null, "html_static_path entry '" + folder + "' is outside the source tree; not copied"));
            return;
        }
        Map<String, Path> found = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(real)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = real.relativize(p);
                // a symbolic link may point anywhere: only files really inside the folder are copied
                if (!hidden(rel)
                        && tree.allowsConfigured(p)
                        && Files.isRegularFile(p)
                        && p.toRealPath().startsWith(real)) {
                    found.put(rel.toString().replace('\\', '/'), p);
                }
            }
        }
        for (Map.Entry<String, Path> e : found.entrySet()) {
            files.put("_static/" + e.getKey(), Files.readAllBytes(e.getValue()));
            dependency.accept(e.getValue());
        }
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private void copyFile(String name, Map<String, byte[]> files) throws IOException {
        String value = conf.string(name, "");
        if (value.isEmpty() || isUrl(value)) {
            return;
        }
        Path f = resolve(value);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(tree.checkConfigured(f));
        } catch (SourceTree.Refused e) {
            report.accept(SystemMessage.warning(null, name + " file '" + value + "' is " + e.getMessage()));
            return;
        } catch (IOException e) {
            report.accept(SystemMessage.warning(null, name + " file '" + value + "' does not exist"));
            return;
        }
        files.put("_static/" + f.getFileName(), bytes);
        dependency.accept(f);
    }

    private static boolean isUrl(String s) {
        return s.matches("(?i)^https?://.*");
    }

    /** A file of {@code _static/} by name, or a URL as given; null when not safe to link. */
    private static String href(String staticUri, String file) {
        if (isUrl(file)) {
            return HtmlWriter.safeUrl(file) ? HtmlWriter.escape(file) : null;
        }
        return HtmlWriter.safeUrl(file) ? HtmlWriter.escape(staticUri + file) : null;
    }

    /**
     * The template variables of the assets for a page whose {@code _static/} is {@code
     * staticUri}: {@code logo} and {@code favicon} (URIs or absent), {@code cssFiles} and {@code
     * jsFiles} (lists of URIs), all escaped.
     */
    Map<String, Object> vars(String staticUri) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String[] key : new String[][] {{"html_logo", "logo"}, {"html_favicon", "favicon"}}) {
            String value = conf.string(key[0], "");
            if (!value.isEmpty()) {
                v.put(key[1], href(staticUri, isUrl(value) ? value : baseName(value)));
            }
        }
        v.put("cssFiles", hrefs(staticUri, "html_css_files"));
        v.put("jsFiles", hrefs(staticUri, "html_js_files"));
        return v;
    }

    private List<String> hrefs(String staticUri, String name) {
        List<String> out = new ArrayList<>();
        for (String f : conf.strings(name)) {
            String h = href(staticUri, f);
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    private static String baseName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
