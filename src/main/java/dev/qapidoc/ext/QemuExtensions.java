package dev.qapidoc.ext;

import dev.qapidoc.rst.Directive;
import dev.qapidoc.rst.DirectiveRegistry;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.RstReader;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.source.SourceTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * QEMU's own Sphinx extensions that read files of the QEMU tree ({@code hxtool-doc}, {@code
 * dbus-doc}), for one site build. Their directives are registered as pending ({@link
 * Directive#deferred()}) because what they produce depends on the document being read (labels
 * are named after it) and on conf.py (the source trees); the site builder runs {@link #apply} on
 * each document right after reading it, which replaces each pending directive by what it stands
 * for. One instance serves one build: it records every file read ({@link #filesRead()}).
 *
 * <pre>{@code
 * DirectiveRegistry r = QemuExtensions.register(Directives.standard()).build();
 * QemuExtensions qemu = new QemuExtensions(new QemuExtensions.Config(srcdir, "docs", tree, "..", ".."));
 * qemu.apply(docname, tree, reader, messages::add);
 * }</pre>
 */
public final class QemuExtensions {

    /**
     * The conf.py values the extensions use.
     *
     * @param srcdir the source folder, which the trees are relative to
     * @param displayDir how the source folder is shown in messages
     * @param tree the files the extensions may read (SRCDIR and the configured srctrees)
     * @param hxtoolSrctree {@code hxtool_srctree}
     * @param dbusdocSrctree {@code dbusdoc_srctree}
     */
    public record Config(
            Path srcdir, String displayDir, SourceTree tree, String hxtoolSrctree, String dbusdocSrctree) {}

    /** Expands one pending directive of a document into the nodes that replace it. */
    private interface Expander {
        List<RstNode> expand(String docname, RstNode node, RstReader reader, Consumer<SystemMessage> report);
    }

    private final SourceFiles files;
    private final DbusObjects dbus = new DbusObjects();
    /** Directive name (lower case) → its expander. */
    private final Map<String, Expander> expanders = new TreeMap<>();

    public QemuExtensions(Config config) {
        this.files = new SourceFiles(config.srcdir(), config.displayDir(), config.tree());
        expanders.put(HxtoolDoc.NAME, new HxtoolDoc(files, config.hxtoolSrctree())::expand);
        expanders.put(DbusDoc.NAME, new DbusDoc(files, config.dbusdocSrctree(), dbus)::expand);
    }

    /** Registers the extensions' directive names on {@code b}, as pending directives; returns b. */
    public static DirectiveRegistry.Builder register(DirectiveRegistry.Builder b) {
        b.register(HxtoolDoc.NAME, Directive.deferred());
        b.register(DbusDoc.NAME, Directive.deferred());
        return b;
    }

    /**
     * Replaces every pending directive of these extensions in {@code tree} (the freshly read
     * document {@code docname}), in document order; problems go to {@code report}.
     */
    public void apply(String docname, RstNode tree, RstReader reader, Consumer<SystemMessage> report) {
        for (RstNode n : tree.findAll(Type.DIRECTIVE)) {
            Expander e = expanders.get(n.directive().name().toLowerCase(java.util.Locale.ROOT));
            if (e != null && n.parent() != null) {
                n.replaceWith(e.expand(docname, n, reader, report));
            }
        }
    }

    /** The objects the {@code dbus} domain described so far (for its references and index). */
    public DbusObjects dbus() {
        return dbus;
    }

    /** Every file the extensions read in this build, absolute, in first-read order. */
    public List<Path> filesRead() {
        return files.filesRead();
    }
}
