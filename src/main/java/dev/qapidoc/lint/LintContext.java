package dev.qapidoc.lint;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.schema.ArrayType;
import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.Include;
import dev.qapidoc.schema.ObjectType;
import dev.qapidoc.schema.Schema;
import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What lint's own rules share: the (possibly partial) schema, the options, the findings list and
 * the source text (for columns inside doc comments, whose text the doc parser de-indents).
 */
final class LintContext {
    final Schema schema;
    /**
     * True when the frontend reported errors: the schema then lacks the definitions that failed,
     * so "X does not exist" findings would be cascades and are not reported.
     */
    final boolean partial;
    /** Names of definitions QEMU's checks reported errors in: lint adds nothing about them. */
    private final Set<String> failed = new HashSet<>();

    private final LintOptions options;
    private final Path workingDirectory;
    private final List<Diagnostic> out;
    private final Map<String, List<String>> sources = new HashMap<>();

    LintContext(Schema schema, boolean partial, LintOptions options, Path workingDirectory, List<Diagnostic> out) {
        this.schema = schema;
        this.partial = partial;
        this.options = options;
        this.workingDirectory = workingDirectory;
        this.out = out;
        for (Diagnostic d : out) {
            String c = d.context();
            if (c != null && c.endsWith("'") && c.indexOf('\'') < c.length() - 1) {
                failed.add(c.substring(c.indexOf('\'') + 1, c.length() - 1));
            }
        }
    }

    /** True when QEMU's checks found an error in this definition (no cascading warnings). */
    boolean failed(Entity e) {
        return e != null && failed.contains(e.name());
    }

    boolean enabled(Rule rule) {
        return options.levelOf(rule) != Level.OFF;
    }

    /** Reports a finding of {@code rule} unless the rule is off. */
    void report(Rule rule, SourceLocation where, String context, String message) {
        Level level = options.levelOf(rule);
        if (level == Level.OFF) {
            return;
        }
        out.add(new Diagnostic(level.severity(), where, context, message, rule.ruleId()));
    }

    /** Definitions the user wrote (no built-ins, arrays, implicit objects or includes). */
    List<Entity> definitions() {
        List<Entity> defs = new ArrayList<>();
        for (Entity e : schema.entities()) {
            if (e.location() == null
                    || e instanceof Include
                    || e instanceof ArrayType
                    || (e instanceof ObjectType o && o.isImplicit())) {
                continue;
            }
            defs.add(e);
        }
        return defs;
    }

    /** The entity a definition doc documents, if it is in the schema. */
    Entity documented(Doc doc) {
        if (doc.isFreeForm()) {
            return null;
        }
        Entity e = schema.entity(doc.symbol()).orElse(null);
        return e != null && e.doc() == doc ? e : null;
    }

    /**
     * The location of character {@code index} of a doc text line, with a 1-based column in the
     * physical source line (the text is a suffix of it); column 0 when the source is unreadable.
     */
    SourceLocation at(Doc.TextLine line, int index) {
        SourceLocation loc = line.location();
        String physical = sourceLine(loc);
        if (physical == null) {
            return loc.withoutColumn();
        }
        int start = physical.lastIndexOf(line.text());
        if (start < 0 || line.text().isEmpty()) {
            return loc.withoutColumn();
        }
        return loc.withColumn(start + index + 1);
    }

    private String sourceLine(SourceLocation loc) {
        List<String> lines = sources.get(loc.file());
        if (lines == null) {
            try {
                lines = Files.readAllLines(workingDirectory.resolve(loc.file()), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                lines = List.of();
            }
            sources.put(loc.file(), lines);
        }
        int n = loc.line() - 1;
        return n >= 0 && n < lines.size() ? lines.get(n) : null;
    }

    /** "In command 'x'"-style context for findings about {@code e} (as QEMU prints it). */
    static String contextOf(Entity e) {
        return e == null ? null : e.meta() + " '" + e.name() + "'";
    }
}
