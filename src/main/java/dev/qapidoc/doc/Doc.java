package dev.qapidoc.doc;

import dev.qapidoc.source.Diagnostics;
import dev.qapidoc.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One documentation block (doc-comments-and-rest.md §1.6.1).
 *
 * <p>Mutable on purpose, and only during binding: connecting members adds stub sections and links
 * sections to the members they document (§1.9, §1.10). After the schema check it is read-only.
 *
 * <p>INTERFACE STUB — to be implemented (helper "doc").
 */
public final class Doc {

    /** Section kinds, with the word QEMU prints in messages and the dump. */
    public enum Kind {
        PLAIN("Plain"), MEMBER("Member"), FEATURE("Feature"), RETURNS("Returns"),
        ERRORS("Errors"), SINCE("Since"), TODO("Todo");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** {@code Plain}, {@code Member}, ... {@code Todo}. */
        public String word() {
            return word;
        }
    }

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
    }

    /** The symbol after {@code @}, or null for a free-form block. */
    public String symbol() {
        throw new UnsupportedOperationException();
    }

    /** The line of the opening {@code ##}. */
    public SourceLocation location() {
        throw new UnsupportedOperationException();
    }

    /** All sections in final order; element 0 is the body. Includes stubs after binding. */
    public List<Section> allSections() {
        throw new UnsupportedOperationException();
    }

    /** The body (element 0 of {@link #allSections()}). */
    public Section body() {
        throw new UnsupportedOperationException();
    }

    /** Member sections, documented ones in source order, then stubs in connect order. */
    public List<Section> args() {
        throw new UnsupportedOperationException();
    }

    /** Feature sections in source order. */
    public List<Section> features() {
        throw new UnsupportedOperationException();
    }

    /** Plain sections other than the body plus tagged sections, in source order (no stubs). */
    public List<Section> sections() {
        throw new UnsupportedOperationException();
    }

    public Optional<Section> since() {
        throw new UnsupportedOperationException();
    }

    /** The real Returns section (never the stub). */
    public Optional<Section> returns() {
        throw new UnsupportedOperationException();
    }

    public Optional<Section> errors() {
        throw new UnsupportedOperationException();
    }

    // ---- binding (called by the schema check; §1.8–§1.10) ----
    // Errors are added to `sink` rather than thrown, so that lint can report every problem;
    // `defnLoc` is the definition's location and `context` its "In META 'NAME'" context
    // (e.g. "command 'foo'"), both supplied by the schema stage which owns those rules.

    /**
     * §1.8 steps 1–2: symbol must equal {@code name}; Returns/Errors sections only where valid.
     * {@code meta} is enum/struct/union/alternate/command/event.
     */
    public void checkDefinition(String meta, String name, boolean commandHasReturns,
            SourceLocation defnLoc, String context, Diagnostics sink) {
        throw new UnsupportedOperationException();
    }

    /** §1.9: a feature of the definition (or of one of its members / values) must be documented. */
    public void connectFeature(String feature, SourceLocation defnLoc, String context, Diagnostics sink) {
        throw new UnsupportedOperationException();
    }

    /**
     * §1.9: links member {@code name} to its description; when undocumented, adds a stub if
     * {@code exempt} (pragma documentation-exceptions), else reports {@code ROLE 'NAME' lacks
     * documentation}. {@code role} is value/member/branch.
     */
    public void connectMember(String role, String name, boolean exempt, SourceLocation defnLoc,
            String context, Diagnostics sink) {
        throw new UnsupportedOperationException();
    }

    /** §1.10: the Returns stub for a command with {@code returns} and no Returns section. */
    public void addReturnsStub(SourceLocation defnLoc) {
        throw new UnsupportedOperationException();
    }

    /** §1.9 last part: documented members / features that were never linked (P6). */
    public void checkUnlinked(Diagnostics sink) {
        throw new UnsupportedOperationException();
    }

    /** Appends this doc's part of the test dump (§1.12) to {@code out}. */
    public void appendTestDump(StringBuilder out) {
        throw new UnsupportedOperationException();
    }
}
