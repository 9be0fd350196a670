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
 * <p>Built-in themes live in {@code themes/NAME/} and ship inside the jar; a directory {@code
 * themes/NAME} next to the source folder (or in the working directory) overrides them. {@code
 * theme.properties} lists the static files, since a jar cannot be listed portably.
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
        this.dir = dir;
        String props = read("theme.properties");
        if (props == null) {
            throw new IOException("theme '" + name + "' has no theme.properties");
        }
        Properties p = new Properties();
        p.load(new java.io.StringReader(props));
        for (String f : p.getProperty("static", "").split("\\s+")) {
            if (!f.isEmpty()) {
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
        velocity.init();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            templates.put(e.getKey(), parse(velocity, name + "/" + e.getKey() + ".vm", e.getValue()));
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
            return Files.readAllBytes(dir.resolve("static").resolve(rel));
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
            Path f = dir.resolve(file);
            return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
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
