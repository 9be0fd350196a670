package dev.qapidoc.html;

import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.source.SourceTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The images of a site: each local image file is copied once into {@code _images/} (a second
 * file of the same base name gets a {@code 1-} prefix, and so on) and pages link to the copy;
 * remote images stay where they are. Files outside the source tree ({@link SourceTree}: SRCDIR and
 * the configured srctrees, symbolic links resolved) are never read.
 */
final class Images {
    private final Path srcdir;
    private final SourceTree tree;
    private final Map<String, byte[]> files;
    private final Consumer<SystemMessage> report;
    private final Consumer<Path> dependency;
    /** Source path relative to srcdir → output path. */
    private final Map<String, String> copied = new TreeMap<>();

    /**
     * @param files the site's output files, where copies are added
     */
    Images(Path srcdir, Map<String, byte[]> files, Consumer<SystemMessage> report) {
        this(srcdir, SourceTree.of(srcdir), files, report, f -> {});
    }

    /**
     * @param tree the files that may be read (symbolic links resolved)
     * @param dependency told of every image file read (for the dependency file)
     */
    Images(
            Path srcdir,
            SourceTree tree,
            Map<String, byte[]> files,
            Consumer<SystemMessage> report,
            Consumer<Path> dependency) {
        this.srcdir = srcdir;
        this.tree = tree;
        this.files = files;
        this.report = report;
        this.dependency = dependency;
    }

    /** The URI of {@code img} from the page of document {@code docname}, or null (with a warning). */
    String uri(String docname, RstNode img) {
        String uri = img.attr("uri");
        if (uri == null || uri.isEmpty()) {
            return null;
        }
        if (uri.matches("(?i)^https?://.*")) {
            return HtmlWriter.safeUrl(uri) ? uri : null;
        }
        if (!HtmlWriter.safeUrl(uri)) {
            return unreadable(img, uri);
        }
        String rel = DocPaths.docRef(docname, uri);
        Path file = srcdir.resolve(rel).normalize();
        String out = copied.get(rel);
        if (out == null) {
            String base = rel.substring(rel.lastIndexOf('/') + 1);
            out = "_images/" + base;
            int k = 1;
            while (copied.containsValue(out)) {
                out = "_images/" + k++ + "-" + base;
            }
            byte[] bytes;
            try {
                bytes = tree.read(file);
            } catch (SourceTree.Refused e) {
                report.accept(SystemMessage.warning(
                        img.location(), "image file not readable: " + uri + " (" + e.getMessage() + ")"));
                return null;
            } catch (IOException e) {
                return unreadable(img, uri);
            }
            copied.put(rel, out);
            dependency.accept(file);
            files.put(out, bytes);
        }
        return DocPaths.relative(docname, out);
    }

    private String unreadable(RstNode img, String uri) {
        report.accept(SystemMessage.warning(img.location(), "image file not readable: " + uri));
        return null;
    }
}
