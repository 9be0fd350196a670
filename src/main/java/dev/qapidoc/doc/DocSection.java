package dev.qapidoc.doc;

import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one implementation of {@link Doc.Section}.
 *
 * <p>While the block is parsed, text arrives one doc line at a time together with the line it came
 * from; {@link #finish()} then strips leading and trailing empty lines, which is exactly QEMU's
 * "strip leading and trailing LF" on the joined text (doc-comments-and-rest.md §1.6.5), because a
 * doc line never contains an LF itself.
 */
final class DocSection implements Doc.Section {
    private final Doc.Kind kind;
    private final String name;
    private final boolean stub;
    private SourceLocation location;
    private List<Doc.TextLine> lines = new ArrayList<>();
    private String text;
    private Doc.Role linkedRole;
    /**
     * Legacy docs only (doc-comments-and-rest.md Part 3): the tag that started the section
     * ({@code Note}, {@code Notes}, {@code Example}, {@code Examples}), or null.
     */
    String legacyTag;
    /** Legacy docs only: the lines as read, before the markup conversion; null otherwise. */
    List<Doc.TextLine> raw;

    DocSection(Doc.Kind kind, String name, SourceLocation location, boolean stub) {
        this.kind = kind;
        this.name = name;
        this.location = location;
        this.stub = stub;
        if (stub) {
            finish();
        }
    }

    // ---- building (parser only) ----

    void add(String line, SourceLocation where) {
        lines.add(new Doc.TextLine(line, where));
    }

    /** True while no line at all has been added (QEMU: the text is still empty). */
    boolean isEmptyWhileParsing() {
        return lines.isEmpty();
    }

    /** §1.6.2 step 5: the body's info moves to its first paragraph. */
    void moveTo(SourceLocation where) {
        location = where;
    }

    /** Replaces the lines (legacy conversion) and finishes again. */
    void replaceLines(List<Doc.TextLine> newLines) {
        lines = new ArrayList<>(newLines);
        finish();
    }

    /** Keeps the lines as read, for a later conversion ({@link LegacyDocParser}). */
    void keepRaw() {
        raw = List.copyOf(lines);
    }

    void finish() {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).text().isEmpty()) {
            from++;
        }
        while (to > from && lines.get(to - 1).text().isEmpty()) {
            to--;
        }
        lines = Collections.unmodifiableList(new ArrayList<>(lines.subList(from, to)));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(lines.get(i).text());
        }
        text = sb.toString();
    }

    // ---- binding ----

    void link(Doc.Role role) {
        linkedRole = role;
    }

    // ---- Doc.Section ----

    @Override
    public Doc.Kind kind() {
        return kind;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public SourceLocation location() {
        return location;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isStub() {
        return stub;
    }

    @Override
    public List<Doc.TextLine> lines() {
        return lines;
    }

    @Override
    public String linkedMember() {
        return linkedRole == null ? null : name;
    }

    @Override
    public Doc.Role linkedRole() {
        return linkedRole;
    }

    @Override
    public String toString() {
        return kind.word() + (name == null ? "" : " " + name) + " @" + location;
    }
}
