package dev.qapidoc.doc;

import dev.qapidoc.source.Diagnostic;
import dev.qapidoc.source.Diagnostics;
import dev.qapidoc.source.RuleId;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One documentation block (doc-comments-and-rest.md §1.6.1).
 *
 * <p>Mutable on purpose, and only during binding: connecting members adds stub sections and links
 * sections to the members they document (§1.9, §1.10). After the schema check it is read-only.
 *
 * <p>Built by {@link DocParser#parse}; the schema check then calls {@link #checkDefinition},
 * {@link #connectFeature} / {@link #connectMember} / {@link #addReturnsStub} in QEMU's connect
 * order, and finally {@link #checkUnlinked}. The reST emitter reads {@link #allSections()}.
 */
public final class Doc {

    /** Section kinds, with the word QEMU prints in messages and the dump. */
    public enum Kind {
        PLAIN("Plain"),
        MEMBER("Member"),
        FEATURE("Feature"),
        RETURNS("Returns"),
        ERRORS("Errors"),
        SINCE("Since"),
        TODO("Todo");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** {@code Plain}, {@code Member}, ... {@code Todo}. */
        public String word() {
            return word;
        }
    }

    /**
     * One line of a section's text and the source line it was read from.
     *
     * <p>The reST source map (doc-comments-and-rest.md §2.1) needs a line per text line. Note that
     * QEMU itself credits text line {@code i} to {@code section.location().line() + i}
     * (§2.2 emitBlock), which differs from {@code location} wherever blank lines were collapsed;
     * this keeps the true origin for tools that want it. The paragraph separator that replaces a
     * run of blank lines is credited to the first blank line of the run.
     */
    public record TextLine(String text, SourceLocation location) {}

    /** A section: kind, text, the line it starts on; Member/Feature sections also have a name. */
    public interface Section {
        Kind kind();

        /** Text with leading and trailing newlines removed. */
        String text();

        /** The line the section starts on (for stubs: the block's {@code ##} line, or the definition's line). */
        SourceLocation location();

        /** The documented name, for Member and Feature sections; null otherwise. */
        String name();

        /** True for stub sections added while binding (empty text). */
        boolean isStub();

        /**
         * The lines of {@link #text()} (joined with LF they give exactly the text), each with the
         * source line it came from. Empty for an empty text.
         */
        List<TextLine> lines();

        /**
         * The name of the schema member or feature this section was linked to while binding
         * (§1.9), or null if it was never linked. Linking is by name, so when non-null this equals
         * {@link #name()}.
         */
        String linkedMember();

        /** The role the linked member was connected with; null if not linked. */
        Role linkedRole();
    }

    /**
     * What a described name was bound to (§1.9): an enum value, an object or argument member,
     * an alternate branch, or a feature. {@link #word()} is the word QEMU's messages use
     * ({@code value 'x' lacks documentation}).
     */
    public enum Role {
        VALUE("value"),
        MEMBER("member"),
        BRANCH("branch"),
        FEATURE("feature");

        private final String word;

        Role(String word) {
            this.word = word;
        }

        /** The word of QEMU's messages. */
        public String word() {
            return word;
        }
    }

    private final String symbol;
    private final SourceLocation location;
    private final List<DocSection> all = new ArrayList<>();
    private final Map<String, DocSection> args = new LinkedHashMap<>();
    private final Map<String, DocSection> features = new LinkedHashMap<>();
    private final List<DocSection> sections = new ArrayList<>();
    private DocSection since;
    private DocSection returns;
    private DocSection errors;
    /**
     * Tolerant mode (schema-language.md Appendix A, R1): binding problems of old schemas become
     * warnings with a stub or a plain section instead of errors (see {@link #connectMember}).
     */
    private boolean lenient;

    /** Built by {@link DocParser}: the body exists from the start, at the {@code ##} line (§1.6.1). */
    Doc(String symbol, SourceLocation location) {
        this.symbol = symbol;
        this.location = location;
        all.add(new DocSection(Kind.PLAIN, null, location, false));
    }

    // ---- parser-side construction (package-private) ----

    DocSection bodySection() {
        return all.get(0);
    }

    DocSection lastSection() {
        return all.get(all.size() - 1);
    }

    Map<String, DocSection> argMap() {
        return args;
    }

    Map<String, DocSection> featureMap() {
        return features;
    }

    /** Adds a Member/Feature description (§1.6.4; the caller has done the name checks). */
    void addDescription(DocSection s) {
        (s.kind() == Kind.MEMBER ? args : features).put(s.name(), s);
        all.add(s);
    }

    /** Adds a Plain (non-body) or tagged section; fills the Returns/Errors/Since slot. */
    void addSection(DocSection s) {
        switch (s.kind()) {
            case RETURNS -> returns = s;
            case ERRORS -> errors = s;
            case SINCE -> since = s;
            default -> {}
        }
        sections.add(s);
        all.add(s);
    }

    /** The Returns/Errors/Since slot for {@code kind}, or null. */
    DocSection slot(Kind kind) {
        return switch (kind) {
            case RETURNS -> returns;
            case ERRORS -> errors;
            case SINCE -> since;
            default -> null;
        };
    }

    List<DocSection> mutableAll() {
        return all;
    }

    List<DocSection> mutableSections() {
        return sections;
    }

    void markLenient() {
        lenient = true;
    }

    /**
     * True when the doc was read in tolerant mode ({@link DocParser#parseLenient} or
     * {@link LegacyDocParser}): binding then reports what strict mode rejects as warnings.
     */
    public boolean isLenient() {
        return lenient;
    }

    // ---- accessors (§1.6.1) ----

    /** The symbol after {@code @}, or null for a free-form block. */
    public String symbol() {
        return symbol;
    }

    /** True for free-form documentation (§1.4, §1.5): no symbol, body only. */
    public boolean isFreeForm() {
        return symbol == null;
    }

    /** The line of the opening {@code ##}. */
    public SourceLocation location() {
        return location;
    }

    /** All sections in final order; element 0 is the body. Includes stubs after binding. */
    public List<Section> allSections() {
        return Collections.unmodifiableList(all);
    }

    /** The body (element 0 of {@link #allSections()}). */
    public Section body() {
        return all.get(0);
    }

    /** Member sections, documented ones in source order, then stubs in connect order. */
    public List<Section> args() {
        return List.copyOf(args.values());
    }

    /** Feature sections in source order. */
    public List<Section> features() {
        return List.copyOf(features.values());
    }

    /** Plain sections other than the body plus tagged sections, in source order (no stubs). */
    public List<Section> sections() {
        return Collections.unmodifiableList(sections);
    }

    public Optional<Section> since() {
        return Optional.ofNullable(since);
    }

    /** The real Returns section (never the stub). */
    public Optional<Section> returns() {
        return Optional.ofNullable(returns);
    }

    public Optional<Section> errors() {
        return Optional.ofNullable(errors);
    }

    // ---- binding (called by the schema check; §1.8–§1.10) ----
    // Errors are added to `sink` rather than thrown, so that lint can report every problem;
    // `defnLoc` is the definition's location and `context` its "In META 'NAME'" context
    // (e.g. "command 'foo'"), both supplied by the schema stage which owns those rules.

    /**
     * §1.8 steps 1–2: symbol must equal {@code name}; Returns/Errors sections only where valid.
     * {@code meta} is enum/struct/union/alternate/command/event.
     *
     * <p>QEMU stops at the first of these; all are reported here, in QEMU's order, so the first
     * one in the sink is QEMU's. The Returns/Errors messages are reported at the section's line
     * and carry no definition context (vectors doc-invalid-return, doc-invalid-return2).
     */
    public void checkDefinition(
            String meta,
            String name,
            boolean commandHasReturns,
            SourceLocation defnLoc,
            String context,
            Diagnostics sink) {
        if (symbol == null || !symbol.equals(name)) {
            sink.add(Diagnostic.error(
                    RuleId.QAPI_DOC,
                    defnLoc.withoutColumn(),
                    context,
                    "documentation comment is for '" + symbol + "'"));
        }
        boolean command = "command".equals(meta);
        if (returns != null) {
            if (command && !commandHasReturns) {
                Diagnostic d = Diagnostic.error(
                        RuleId.QAPI_DOC, returns.location(), "'Returns' section, but command doesn't return anything");
                if (lenient) {
                    // Accepted until QEMU 9.0 (Part 3 §3.2). There is no return type to put in
                    // a ':return:' field, so the text stays as a paragraph "Returns: ...".
                    sink.add(LegacyDocParser.warning(d, RuleId.DOC_LEGACY_RETURNS));
                    returns = demote(returns, "Returns: ");
                } else {
                    sink.add(d);
                }
            } else if (!command) {
                Diagnostic d = Diagnostic.error(
                        RuleId.QAPI_DOC, returns.location(), "'Returns' section is only valid for commands");
                if (lenient) {
                    sink.add(LegacyDocParser.warning(d, RuleId.DOC_LEGACY_RETURNS));
                    returns = demote(returns, "Returns: ");
                } else {
                    sink.add(d);
                }
            }
        }
        if (errors != null && !command) {
            Diagnostic d =
                    Diagnostic.error(RuleId.QAPI_DOC, errors.location(), "'Errors' section is only valid for commands");
            if (lenient) {
                sink.add(LegacyDocParser.warning(d, RuleId.DOC_LEGACY_RETURNS));
                errors = demote(errors, "Errors: ");
            } else {
                sink.add(d);
            }
        }
    }

    private static final java.util.regex.Pattern LIST_START =
            java.util.regex.Pattern.compile("([-*+]|[0-9]+\\.|#\\.) ");

    /**
     * Lenient binding: turns a tagged or description section into a Plain section at the same
     * place, its first line prefixed with {@code prefix}, so no text is lost and the reST writer
     * sees only kinds that are valid where they stand. Returns null (the slot's new value).
     */
    private DocSection demote(DocSection s, String prefix) {
        List<TextLine> lines = new ArrayList<>(s.lines());
        // the continuation indentation of a field body means a block quote in a paragraph
        int indent = Integer.MAX_VALUE;
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).text().isBlank()) {
                indent = Math.min(indent, PyText.leadingSpace(lines.get(i).text()));
            }
        }
        for (int i = 1; i < lines.size() && indent != Integer.MAX_VALUE; i++) {
            TextLine l = lines.get(i);
            lines.set(i, new TextLine(l.text().isBlank() ? "" : l.text().substring(indent), l.location()));
        }
        if (lines.isEmpty()) {
            lines.add(new TextLine(prefix.strip(), s.location()));
        } else if (LIST_START.matcher(lines.get(0).text()).lookingAt()) {
            // "Returns: - nothing on success" / "- If ...": the list needs its own paragraph
            lines.add(0, new TextLine("", s.location()));
            lines.add(0, new TextLine(prefix.strip(), s.location()));
        } else {
            lines.set(0, new TextLine(prefix + lines.get(0).text(), lines.get(0).location()));
        }
        DocSection p = new DocSection(Kind.PLAIN, null, s.location(), false);
        p.replaceLines(lines);
        int at = all.indexOf(s);
        all.set(at, p);
        int si = sections.indexOf(s);
        if (si >= 0) {
            sections.set(si, p);
        } else {
            // a description: keep sections() in source order
            int pos = 0;
            for (int i = 1; i < at; i++) {
                if (sections.contains(all.get(i))) {
                    pos = sections.indexOf(all.get(i)) + 1;
                }
            }
            sections.add(pos, p);
        }
        return null;
    }

    /** §1.9: a feature of the definition (or of one of its members / values) must be documented. */
    public void connectFeature(String feature, SourceLocation defnLoc, String context, Diagnostics sink) {
        DocSection s = features.get(feature);
        if (s != null) {
            s.link(Role.FEATURE);
        } else if (lenient) {
            // Before QEMU 5.0 features did not exist, and undocumented things were simply
            // "Not documented" (Part 3 §3.3): a stub, and a warning.
            sink.add(LegacyDocParser.warning(
                    Diagnostic.error(
                            RuleId.QAPI_DOC,
                            defnLoc.withoutColumn(),
                            context,
                            "feature '" + feature + "' lacks documentation"),
                    RuleId.DOC_UNDOCUMENTED));
            DocSection stub = new DocSection(Kind.FEATURE, feature, location, true);
            stub.link(Role.FEATURE);
            features.put(feature, stub);
            int at = lastIndexOf(Kind.FEATURE);
            all.add(at < 0 ? all.size() : at + 1, stub);
        } else {
            // documentation-exceptions never exempts features (§1.9)
            sink.add(Diagnostic.error(
                    RuleId.QAPI_DOC,
                    defnLoc.withoutColumn(),
                    context,
                    "feature '" + feature + "' lacks documentation"));
        }
    }

    /**
     * §1.9: links member {@code name} to its description; when undocumented, adds a stub if
     * {@code exempt} (pragma documentation-exceptions), else reports {@code ROLE 'NAME' lacks
     * documentation}. {@code role} is value, member or branch.
     */
    public void connectMember(
            Role role, String name, boolean exempt, SourceLocation defnLoc, String context, Diagnostics sink) {
        DocSection s = args.get(name);
        if (s != null) {
            s.link(role);
            return;
        }
        if (!exempt && lenient) {
            // Until QEMU 9.0 undocumented members were silently "Not documented" (Part 3 §3.2).
            sink.add(LegacyDocParser.warning(
                    Diagnostic.error(
                            RuleId.QAPI_DOC,
                            defnLoc.withoutColumn(),
                            context,
                            role.word() + " '" + name + "' lacks documentation"),
                    RuleId.DOC_UNDOCUMENTED));
        } else if (!exempt) {
            sink.add(Diagnostic.error(
                    RuleId.QAPI_DOC,
                    defnLoc.withoutColumn(),
                    context,
                    role.word() + " '" + name + "' lacks documentation"));
            return;
        }
        DocSection stub = new DocSection(Kind.MEMBER, name, location, true);
        stub.link(role);
        args.put(name, stub);
        // §1.10: right after the leading run of Member sections, so stubs follow the documented
        // members in connect order. QEMU crashes when the run reaches the end of the list; we
        // append there instead (documented difference, no vector covers it).
        int at = 1;
        while (at < all.size() && all.get(at).kind() == Kind.MEMBER) {
            at++;
        }
        all.add(at, stub);
    }

    /** §1.10: the Returns stub for a command with {@code returns} and no Returns section. */
    public void addReturnsStub(SourceLocation defnLoc) {
        for (DocSection s : all) {
            if (s.kind() == Kind.RETURNS) {
                return;
            }
        }
        DocSection stub = new DocSection(Kind.RETURNS, null, defnLoc.withoutColumn(), true);
        all.add(returnsStubIndex(), stub);
    }

    /**
     * §1.10 placement, first rule that applies: after the last Member; before the last Errors;
     * before the last Feature (quirk: between two features); else right after the body.
     */
    private int returnsStubIndex() {
        int lastMember = lastIndexOf(Kind.MEMBER);
        if (lastMember >= 0) {
            return lastMember + 1;
        }
        int lastErrors = lastIndexOf(Kind.ERRORS);
        if (lastErrors >= 0) {
            return lastErrors;
        }
        int lastFeature = lastIndexOf(Kind.FEATURE);
        if (lastFeature >= 0) {
            return lastFeature;
        }
        return 1;
    }

    private int lastIndexOf(Kind kind) {
        for (int i = all.size() - 1; i >= 1; i--) {
            if (all.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    /**
     * §1.9 last part (P6): documented members, then documented features, that were never linked.
     * Each message lists the names in documentation order and is reported at the first unlinked
     * description's line; the word is {@code member} even for enum values and alternatives.
     */
    public void checkUnlinked(Diagnostics sink) {
        reportUnlinked(args, "member", sink);
        reportUnlinked(features, "feature", sink);
    }

    private void reportUnlinked(Map<String, DocSection> map, String what, Diagnostics sink) {
        List<DocSection> bogus = new ArrayList<>();
        for (DocSection s : map.values()) {
            if (s.linkedRole() == null) {
                bogus.add(s);
            }
        }
        if (bogus.isEmpty()) {
            return;
        }
        StringBuilder names = new StringBuilder();
        for (DocSection s : bogus) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append('\'').append(s.name()).append('\'');
        }
        String msg = bogus.size() == 1
                ? "documented " + what + " " + names + " does not exist"
                : "documented " + what + "s " + names + " do not exist";
        Diagnostic d = Diagnostic.error(RuleId.QAPI_DOC, bogus.get(0).location(), msg);
        if (!lenient) {
            sink.add(d);
            return;
        }
        // Tolerant: keep each text as a plain paragraph "@name: ..." (e.g. 2.10's misspelt
        // "@file-backed virtual:"), so nothing is lost and the writer sees no orphan field.
        sink.add(LegacyDocParser.warning(d, RuleId.DOC_UNKNOWN_DESCRIPTION));
        for (DocSection s : bogus) {
            map.remove(s.name());
            demote(s, "@" + s.name() + ": ");
        }
    }

    /** Appends this doc's part of the test dump (§1.12) to {@code out}. */
    public void appendTestDump(StringBuilder out) {
        if (symbol == null) {
            out.append("doc freeform\n");
        } else {
            out.append("doc symbol=").append(symbol).append('\n');
        }
        out.append("    body=\n").append(body().text()).append('\n');
        for (DocSection s : args.values()) {
            out.append("    arg=")
                    .append(s.name())
                    .append('\n')
                    .append(s.text())
                    .append('\n');
        }
        for (DocSection s : features.values()) {
            out.append("    feature=")
                    .append(s.name())
                    .append('\n')
                    .append(s.text())
                    .append('\n');
        }
        for (DocSection s : sections) {
            out.append("    section=")
                    .append(s.kind().word())
                    .append('\n')
                    .append(s.text())
                    .append('\n');
        }
    }

    @Override
    public String toString() {
        return (symbol == null ? "doc freeform" : "doc symbol=" + symbol) + " @" + location;
    }
}
