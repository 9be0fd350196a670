package dev.qapidoc.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;

/**
 * An HTML theme: Apache Velocity templates ({@code layout.vm} around {@code page.vm}, {@code
 * genindex.vm}, {@code search.vm}) and static files copied to {@code _static/}. Themes are the
 * project's only extension point (EXAMPLES.md §4).
 *
 * <p>Built-in themes live in {@code themes/NAME/} and ship inside the jar; a folder {@code NAME}
 * in one of conf.py's {@code html_theme_path} folders overrides them. {@code theme.properties}
 * lists the static files, since a jar cannot be listed portably.
 *
 * <p>A folder theme comes with the source tree, so it is treated as untrusted data (issue 13):
 * its templates run under Velocity's {@code SecureUberspector} with reflection, class loading,
 * {@code Runtime}, {@code ProcessBuilder} and {@code System} out of reach, and every file it
 * names (templates, {@code static} entries) must really lie inside the theme folder once symbolic
 * links are resolved, or the build stops with a {@link ThemeError}.
 *
 * <p>Template variables are HTML fragments already produced by {@link HtmlWriter}, so templates
 * never escape and never see raw document text. Velocity is only loaded here, on the html path,
 * to keep start-up of the other commands fast.
 */
final class Theme {
    private final String name;
    private final Path dir;
    /** Templates parsed once: a site renders several pages with the same layout. */
    private final Map<String, Template> templates = new LinkedHashMap<>();

    private final List<String> staticFiles = new ArrayList<>();

    private Theme(String name, Path dir) throws IOException {
        this.name = name;
        this.dir = dir == null ? null : dir.toRealPath();
        String props = read("theme.properties");
        if (props == null) {
            throw new IOException("theme '" + name + "' has no theme.properties");
        }
        Properties p = new Properties();
        p.load(new java.io.StringReader(props));
        for (String f : p.getProperty("static", "").split("\\s+")) {
            if (!f.isEmpty()) {
                if (this.dir != null) {
                    inside("static/" + f);
                }
                staticFiles.add(f);
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String t : List.of("layout", "page", "genindex", "search")) {
            String text = read(t + ".vm");
            if (text == null) {
                throw new IOException("theme '" + name + "' has no " + t + ".vm");
            }
            texts.put(t, text);
        }
        RuntimeInstance velocity = new RuntimeInstance();
        velocity.setProperty(RuntimeConstants.RESOURCE_LOADERS, "string");
        velocity.setProperty(
                "resource.loader.string.class", "org.apache.velocity.runtime.resource.loader.StringResourceLoader");
        velocity.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "false");
        secure(velocity);
        velocity.init();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            templates.put(e.getKey(), parse(velocity, name + "/" + e.getKey() + ".vm", e.getValue()));
        }
    }

    /**
     * Velocity's secure introspector, with the classes and packages through which a template
     * could reach the machine named here rather than left to Velocity's defaults: a template
     * can read the variables it is given and call their harmless methods, nothing else.
     */
    static void secure(RuntimeInstance velocity) {
        velocity.setProperty(
                RuntimeConstants.UBERSPECT_CLASSNAME, "org.apache.velocity.util.introspection.SecureUberspector");
        velocity.setProperty(
                RuntimeConstants.INTROSPECTOR_RESTRICT_PACKAGES,
                List.of("java.lang.reflect", "java.lang.invoke", "java.io", "java.nio", "java.net", "sun", "jdk"));
        velocity.setProperty(
                RuntimeConstants.INTROSPECTOR_RESTRICT_CLASSES,
                List.of(
                        "java.lang.Class",
                        "java.lang.ClassLoader",
                        "java.lang.Compiler",
                        "java.lang.InheritableThreadLocal",
                        "java.lang.Module",
                        "java.lang.Package",
                        "java.lang.Process",
                        "java.lang.ProcessBuilder",
                        "java.lang.ProcessHandle",
                        "java.lang.Runtime",
                        "java.lang.RuntimePermission",
                        "java.lang.SecurityManager",
                        "java.lang.System",
                        "java.lang.Thread",
                        "java.lang.ThreadGroup",
                        "java.lang.ThreadLocal",
                        "java.net.Socket",
                        "javax.management.MBeanServer",
                        "javax.script.ScriptEngine"));
    }

    /**
     * The real path of a file of this folder theme, which must lie inside it once symbolic links
     * are resolved; a missing file is null.
     */
    private Path inside(String rel) throws IOException {
        Path f = dir.resolve(rel).normalize();
        if (!Files.exists(f)) {
            return null;
        }
        Path real = f.toRealPath();
        if (!real.startsWith(dir)) {
            throw new ThemeError("theme '" + name + "' (" + dir + "): " + rel + " is outside the theme folder");
        }
        if (!Files.isRegularFile(real)) {
            throw new ThemeError("theme '" + name + "' (" + dir + "): " + rel + " is not a regular file");
        }
        return real;
    }

    /**
     * A theme that names a file outside its folder, or one that is not a file: the build stops,
     * instead of falling back to the built-in theme as for a theme that is not there.
     */
    static final class ThemeError extends IOException {
        private static final long serialVersionUID = 1L;

        ThemeError(String message) {
            super(message);
        }
    }

    private static Template parse(RuntimeInstance velocity, String name, String text) throws IOException {
        Template t = new Template();
        t.setName(name);
        t.setRuntimeServices(velocity);
        try {
            t.setData(velocity.parse(new java.io.StringReader(text), t));
        } catch (ParseException e) {
            throw new IOException("theme template " + name + ": " + e.getMessage(), e);
        }
        t.initDocument();
        return t;
    }

    /**
     * Finds a theme by name: {@code searchDirs/NAME} first (a folder with {@code
     * theme.properties}), then the built-in {@code themes/NAME} inside the program.
     */
    static Theme load(String name, List<Path> searchDirs) throws IOException {
        if (!name.matches("[A-Za-z0-9_.-]+") || name.startsWith(".")) {
            throw new IOException("invalid theme name '" + name + "'");
        }
        for (Path d : searchDirs) {
            Path t = d.resolve(name);
            if (Files.isRegularFile(t.resolve("theme.properties"))) {
                return new Theme(name, t);
            }
        }
        if (Theme.class.getResource("/themes/" + name + "/theme.properties") != null) {
            return new Theme(name, null);
        }
        throw new IOException("no theme named '" + name + "' (looked in themes/ and the built-in themes)");
    }

    String name() {
        return name;
    }

    /** Static files, relative to the theme's {@code static/} folder. */
    List<String> staticFiles() {
        return List.copyOf(staticFiles);
    }

    byte[] staticFile(String rel) throws IOException {
        if (dir != null) {
            Path f = inside("static/" + rel);
            if (f == null) {
                throw new IOException("theme '" + name + "' lists missing static file " + rel);
            }
            return Files.readAllBytes(f);
        }
        try (InputStream in = Theme.class.getResourceAsStream("/themes/" + name + "/static/" + rel)) {
            if (in == null) {
                throw new IOException("theme '" + name + "' lists missing static file " + rel);
            }
            return in.readAllBytes();
        }
    }

    private String read(String file) throws IOException {
        if (dir != null) {
            Path f = inside(file);
            return f == null ? null : Files.readString(f, StandardCharsets.UTF_8);
        }
        try (InputStream in = Theme.class.getResourceAsStream("/themes/" + name + "/" + file)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Renders one page: the {@code kind} template ({@code page}, {@code genindex}, {@code search})
     * with {@code vars}, then {@code layout} around it as {@code $content}.
     */
    String render(String kind, Map<String, Object> vars) {
        VelocityContext ctx = new VelocityContext();
        vars.forEach(ctx::put);
        // a manual page is megabytes of HTML: size the buffer once instead of doubling it
        int size = 16384;
        for (Object v : vars.values()) {
            if (v instanceof String str) {
                size += str.length();
            }
        }
        StringWriter inner = new StringWriter(size);
        templates.get(kind).merge(ctx, inner);
        ctx.put("content", inner.toString());
        StringWriter outer = new StringWriter(inner.getBuffer().length() + 16384);
        templates.get("layout").merge(ctx, outer);
        return outer.toString();
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
