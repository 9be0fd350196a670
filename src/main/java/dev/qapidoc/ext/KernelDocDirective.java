package dev.qapidoc.ext;

import dev.qapidoc.ext.KernelDocComments.Comment;
import dev.qapidoc.ext.KernelDocComments.Kind;
import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.Directive;
import dev.qapidoc.rst.DirectiveCall;
import dev.qapidoc.rst.DirectiveContext;
import dev.qapidoc.rst.DirectiveRegistry;
import dev.qapidoc.rst.RstReader;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * QEMU's {@code kernel-doc} directive: reads the kernel-doc comments of a C source (relative to
 * {@code kerneldoc_srctree}) and reads in their place the reST that {@link KernelDocRst} writes,
 * rendered by the {@code c} domain ({@link CDomainDirectives}). Options: {@code :doc: TITLE} (only
 * that DOC section's text), {@code :identifiers: A B} / {@code :functions: A B} (only those, all
 * non-DOC comments when empty), {@code :no-identifiers: A B} (all but those), {@code :internal:}
 * (everything not exported: QEMU exports nothing), {@code :export:} (exported symbols: none).
 */
public final class KernelDocDirective implements Directive {

    /** Where the directive's files come from (the site builder resolves {@code kerneldoc_srctree}). */
    public interface SourceFiles {
        /** The file at {@code path} relative to the source tree, or empty when it cannot be read. */
        Optional<SourceFile> read(String path);
    }

    /**
     * A C source as read.
     *
     * @param shown the name messages show
     * @param text its text
     */
    public record SourceFile(String shown, String text) {}

    private final SourceFiles files;

    public KernelDocDirective(SourceFiles files) {
        this.files = files;
    }

    /** Registers {@code kernel-doc} and the {@code c} domain's directives on {@code b}. */
    public static DirectiveRegistry.Builder register(DirectiveRegistry.Builder b, SourceFiles files) {
        b.register("kernel-doc", new KernelDocDirective(files));
        return CDomainDirectives.register(b);
    }

    @Override
    public void run(DirectiveCall call, DirectiveContext ctx) {
        String path = call.arguments().strip();
        if (path.isEmpty()) {
            ctx.error(call.location(), "Error in \"kernel-doc\" directive:\n1 argument(s) required, 0 supplied.");
            return;
        }
        Optional<SourceFile> f;
        try {
            f = files.read(path);
        } catch (RstReader.Refused e) {
            ctx.warn(call.location(), "kernel-doc: cannot read file " + path + ": " + e.getMessage());
            return;
        }
        if (f.isEmpty()) {
            ctx.warn(call.location(), "kernel-doc: cannot read file " + path);
            return;
        }
        List<Comment> all = KernelDocComments.read(f.get().text());
        List<Comment> chosen = select(all, call);
        boolean bare = call.has("doc");
        List<String> rst = KernelDocRst.write(chosen, bare);
        List<ContentLine> lines = new ArrayList<>();
        SourceLocation where = SourceLocation.of(
                f.get().shown(), chosen.isEmpty() ? 1 : chosen.get(0).line());
        for (String l : rst) {
            lines.add(new ContentLine(l, where));
        }
        ctx.splice(lines);
    }

    private static List<Comment> select(List<Comment> all, DirectiveCall call) {
        if (call.has("doc")) {
            String title = call.options().get("doc").strip();
            return all.stream()
                    .filter(c -> c.kind() == Kind.DOC && c.name().equals(title))
                    .collect(Collectors.toList());
        }
        if (call.has("export")) {
            return List.of();
        }
        String ids = call.has("identifiers")
                ? call.options().get("identifiers")
                : call.options().get("functions");
        if (ids != null) {
            Set<String> names = words(ids);
            return all.stream()
                    .filter(c -> c.kind() != Kind.DOC && (names.isEmpty() || names.contains(c.name())))
                    .collect(Collectors.toList());
        }
        if (call.has("no-identifiers")) {
            Set<String> names = words(call.options().get("no-identifiers"));
            return all.stream()
                    .filter(c -> c.kind() != Kind.DOC && !names.contains(c.name()))
                    .collect(Collectors.toList());
        }
        if (call.has("internal")) {
            return all.stream().filter(c -> c.kind() != Kind.DOC).collect(Collectors.toList());
        }
        return all;
    }

    private static Set<String> words(String s) {
        return Arrays.stream(s.strip().split("\\s+")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }
}
