package dev.qapidoc.emit;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.schema.Schema;
import dev.qapidoc.source.SourceLocation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a checked schema into {@code qapi:} reST, one {@link ContentLine} per line with the schema
 * line it is credited to.
 *
 * <pre>{@code
 * List<ContentLine> lines = RstWriter.write(schema, new RstWriter.Options("QMP", Dialect.QEMU));
 * String ir = RstWriter.render(lines, true, Path.of("."));
 * }</pre>
 *
 * <p>{@link Dialect#QEMU} reproduces, line for line and credit for credit, what QEMU's
 * {@code qapi-doc} Sphinx directive generates (doc-comments-and-rest.md Part 2), so that our reST
 * can be fed to a real Sphinx build with QEMU's domain. {@link Dialect#EXTENDED} writes the richer
 * dialect of the seed page (qapi-domain-and-html.md §0.2 "S"), which only our own domain renders:
 * see the README section "reST dialects" for the mapping. Both are pure functions of the schema.
 */
public final class RstWriter {
    private RstWriter() {}

    /** Which reST dialect to write. */
    public enum Dialect {
        /** What QEMU's Sphinx extension generates, byte for byte. */
        QEMU,
        /** The seed's richer dialect: struct/union kinds, branches, typed errors, inlined members. */
        EXTENDED;

        /** The dialect named {@code word} ({@code qemu} or {@code extended}). */
        public static Optional<Dialect> named(String word) {
            for (Dialect d : values()) {
                if (d.name().toLowerCase(Locale.ROOT).equals(word)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * What to write.
     *
     * @param namespace the {@code qapi:namespace} to open the output with, or null for none
     * @param dialect the reST dialect
     */
    public record Options(String namespace, Dialect dialect) {
        public Options {
            if (dialect == null) {
                throw new IllegalArgumentException("dialect is required");
            }
        }
    }

    /**
     * The reST for every documented definition and free-form doc of {@code schema}, in doc order
     * (doc-comments-and-rest.md §2.3). The schema must have loaded without errors.
     */
    public static List<ContentLine> write(Schema schema, Options options) {
        Emitter out = new Emitter();
        if (options.dialect() == Dialect.QEMU) {
            new QemuDialect(schema, out).write(options.namespace());
        } else {
            new ExtendedDialect(schema, out).write(options.namespace());
        }
        return List.copyOf(out.lines());
    }

    /**
     * The lines as text, one per LF. With {@code sourceMap}, each line is prefixed exactly as in
     * QEMU's {@code .ir} dump (§2.1): {@code FILE:NNNN}, right-aligned to the widest prefix, then
     * {@code " |"} and, for a non-blank line, a space and the text. NNNN is the zero-based line,
     * at least four digits; FILE is the credited file normalised and made relative to
     * {@code workingDirectory}, with {@code /} separators.
     */
    public static String render(List<ContentLine> lines, boolean sourceMap, Path workingDirectory) {
        StringBuilder sb = new StringBuilder(lines.size() * 64);
        if (!sourceMap) {
            for (ContentLine l : lines) {
                sb.append(l.text()).append('\n');
            }
            return sb.toString();
        }
        Path wd = workingDirectory.toAbsolutePath().normalize();
        Map<String, String> relative = new HashMap<>();
        String[] left = new String[lines.size()];
        int width = 0;
        for (int i = 0; i < left.length; i++) {
            SourceLocation o = lines.get(i).where();
            String file = relative.computeIfAbsent(o.file(), f -> relativePath(f, wd));
            String num = Integer.toString(Math.max(0, o.line() - 1));
            left[i] = file + ":" + "0".repeat(Math.max(0, 4 - num.length())) + num;
            width = Math.max(width, left[i].length());
        }
        for (int i = 0; i < left.length; i++) {
            sb.append(" ".repeat(width - left[i].length())).append(left[i]).append(" |");
            String text = lines.get(i).text();
            if (!text.isEmpty()) {
                sb.append(' ').append(text);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {@code file} resolved against {@code wd}, normalised, relative to {@code wd}, with {@code /}. */
    static String relativePath(String file, Path wd) {
        try {
            Path p = wd.resolve(file).normalize();
            return wd.relativize(p).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file;
        }
    }
}
