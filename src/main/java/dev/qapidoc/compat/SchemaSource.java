package dev.qapidoc.compat;

import dev.qapidoc.schema.LoadOptions;
import dev.qapidoc.schema.LoadResult;
import dev.qapidoc.schema.SchemaLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns an OLD/NEW argument of {@code compat} into its wire model: a schema file, a
 * {@code REV:PATH} in a git repository, or introspection JSON (either as a file or at
 * {@code REV:PATH}). Schemas load tolerant, since old releases are the point.
 */
public final class SchemaSource {
    private SchemaSource() {}

    /** Why an input could not be had; its message is what the user sees. */
    public static final class UnreadableException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnreadableException(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code spec}: an existing file (relative to {@code wd}) is a file, otherwise a
     * {@code REV:PATH} of {@code repo} (which may be null when there is no repository).
     */
    public static WireModel read(String spec, Path wd, GitRepo repo) throws UnreadableException {
        Path f = wd.resolve(spec);
        int colon = spec.indexOf(':');
        try {
            if (Files.isRegularFile(f) || colon <= 0) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (IntrospectionJson.looksLike(text)) {
                    return WireModel.of(IntrospectionJson.parse(text));
                }
                return load(spec, wd, "");
            }
            if (repo == null) {
                throw new UnreadableException(spec + ": not a file, and no git repository");
            }
            String rev = spec.substring(0, colon);
            String path = spec.substring(colon + 1);
            String text = new String(repo.read(rev, path), StandardCharsets.UTF_8);
            if (IntrospectionJson.looksLike(text)) {
                return WireModel.of(IntrospectionJson.parse(text));
            }
            Path dir = Files.createTempDirectory("qapidoc-compat");
            try {
                repo.checkout(rev, dir);
                return load(path, dir, rev + ":");
            } finally {
                GitRepo.delete(dir);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UnreadableException(spec + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new UnreadableException(spec + ": " + e.getMessage());
        }
    }

    private static WireModel load(String file, Path wd, String prefix) throws UnreadableException {
        LoadResult r = SchemaLoader.load(file, LoadOptions.tolerant(wd));
        if (!r.ok()) {
            throw new UnreadableException(prefix + r.first().get().render());
        }
        return WireModel.of(r.schema(), prefix);
    }
}
