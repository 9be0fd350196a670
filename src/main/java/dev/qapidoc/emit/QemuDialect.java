package dev.qapidoc.emit;

import static dev.qapidoc.rst.QapiSyntax.directive;
import static dev.qapidoc.rst.QapiSyntax.field;
import static dev.qapidoc.rst.QapiSyntax.option;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.rst.QapiSyntax;
import dev.qapidoc.schema.Command;
import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.ObjectType;
import dev.qapidoc.schema.Schema;
import dev.qapidoc.schema.Variant;
import dev.qapidoc.source.SourceLocation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * QEMU's dialect: what the {@code qapi-doc} directive generates, including its quirks
 * (doc-comments-and-rest.md Part 2). Every rule cites its section; the golden file
 * {@code qmp.ir} is the test.
 */
final class QemuDialect {
    /** §2.5.3: the body of a stub member field. */
    static final String NOT_DOCUMENTED = "Not documented";

    private final Schema schema;
    private final SchemaFacts facts;
    private final Emitter out;
    private final Set<String> seenFiles = new HashSet<>();
    /** The file of the previous doc: where the module directive last in effect came from. */
    private String currentFile;

    QemuDialect(Schema schema, Emitter out) {
        this.schema = schema;
        this.facts = new SchemaFacts(schema);
        this.out = out;
    }

    /** §2.3 top-level driver. */
    void write(String namespace) {
        if (namespace != null) {
            out.emit(directive(QapiSyntax.NAMESPACE, namespace), facts.namespaceOrigin());
            out.ensureBlank();
        }
        for (Doc doc : schema.docs()) {
            module(doc.location());
            if (doc.isFreeForm()) {
                freeForm(doc);
            } else {
                Entity e = schema.entity(doc.symbol()).orElse(null);
                if (e != null) {
                    definition(doc, e);
                }
            }
        }
    }

    /**
     * §2.3 step 2.1: a module directive at a file's first doc only, credited to its line 0.
     *
     * <p>So when a file's docs resume after an include of a file first included there, QEMU
     * files the rest of them under the included module (QEMU master's {@code block.json} after
     * {@code block-core.json}; QEMU 6.2's whole {@code block-core.json} under {@code job}, as
     * {@code job.json} was first included from it). For a schema today's QEMU accepts that is
     * its output, kept byte for byte. A {@link Schema#legacy() legacy} schema has no QEMU output
     * to match, and there a definition belongs to the module of the file it is written in: the
     * module is re-entered, {@code :no-index:} as it is already described.
     */
    private void module(SourceLocation docLoc) {
        String file = docLoc.file();
        boolean first = seenFiles.add(file);
        if (first || (schema.legacy() && !file.equals(currentFile))) {
            if (!first) {
                out.ensureBlank();
            }
            out.emit(directive(QapiSyntax.MODULE, SchemaFacts.moduleStem(file)), docLoc.atLine(1));
            if (!first) {
                out.indent();
                out.emit(option(QapiSyntax.OPT_NO_INDEX, null), docLoc.atLine(1));
                out.dedent();
            }
            out.ensureBlank();
        }
        currentFile = file;
    }

    /** §2.4: the body, credited from the {@code ##} line (quirk), then a blank. */
    private void freeForm(Doc doc) {
        out.emitBlock(SchemaFacts.rewriteRefs(doc.body().text()), doc.location());
        out.ensureBlank();
    }

    /** §2.5: directive, option block, sections in allSections order, pointers, final blank. */
    private void definition(Doc doc, Entity e) {
        SourceLocation def = e.location().withoutColumn();
        out.emit(directive(SchemaFacts.qemuDirective(e), e.name()), def);
        out.indent();
        // §2.5.2: the raw since text, as one record even when it has several lines (quirk)
        Doc.Section since = doc.since().orElse(null);
        if (since != null) {
            out.emit(option(QapiSyntax.OPT_SINCE, since.text()), since.location());
        }
        out.conditionAndSpecialFeatures(e, def);

        String memberField = SchemaFacts.qemuMemberField(e);
        Map<String, String> types = facts.describedTypes(e, true);
        List<Doc.Section> all = doc.allSections();
        int g = 1;
        while (g < all.size() && all.get(g).kind() == Doc.Kind.MEMBER) {
            g++;
        }
        for (int i = 0; i < all.size(); i++) {
            Doc.Section s = all.get(i);
            String text = SchemaFacts.rewriteRefs(s.text());
            switch (s.kind()) {
                case PLAIN -> {
                    if (!text.isEmpty()) {
                        out.ensureBlank();
                        out.emitBlock(text, s.location());
                        out.ensureBlank();
                    }
                }
                case MEMBER -> {
                    String type = types.get(s.name());
                    String arg = type == null ? s.name() : type + " " + s.name();
                    String choice = text.isEmpty() ? facts.tagChoice(e, s.name()) : null;
                    out.emitBlock(
                            field(memberField, arg) + " "
                                    + (choice != null ? choice : text.isEmpty() ? NOT_DOCUMENTED : text),
                            s.location());
                }
                case FEATURE -> out.emitBlock(field(QapiSyntax.FIELD_FEAT, s.name()) + " " + text, s.location());
                case RETURNS -> {
                    String type = e instanceof Command c && c.returnType() != null
                            ? facts.typeName(c.returnType(), true)
                            : "";
                    if (text.isEmpty()) {
                        out.emit(field(QapiSyntax.FIELD_RETURN_NODESC, null) + " " + type, s.location());
                    } else {
                        out.emitBlock(field(QapiSyntax.FIELD_RETURN, type) + " " + text, s.location());
                    }
                }
                case ERRORS ->
                    out.emitBlock(
                            field(QapiSyntax.FIELD_ERROR, null)
                                    + (!text.isEmpty() && Emitter.isPySpace(text.charAt(0)) ? "\n" : " ")
                                    + text,
                            s.location());
                case SINCE, TODO -> {}
            }
            if (i == g - 1) {
                pointers(e, memberField, def);
            }
        }
        out.ensureBlank();
        out.dedent();
    }

    /**
     * §2.5.4: "The members of" the named base / data type, then one per union branch; a simple
     * union's branch (tolerant mode) names its {@code data} member's type instead of the implicit
     * wrapper, as QEMU 5.0's manual did ("When type is b: data: T").
     */
    private void pointers(Entity e, String memberField, SourceLocation def) {
        String dummy = field(memberField, QapiSyntax.DUMMY + " " + QapiSyntax.DUMMY);
        ObjectType target = facts.pointerTarget(e);
        if (target != null) {
            out.emit(dummy + " The members of " + QapiSyntax.role(QapiSyntax.ROLE_TYPE, target.name()) + ".", def);
        }
        if (e instanceof ObjectType o && o.isUnion()) {
            String tag = o.branches().tagName();
            for (Variant v : SchemaFacts.shownBranches(o)) {
                String wrapped = facts.wrappedBranch(v);
                // a simple union's branch: its q_obj_T-wrapper is implicit, so name data's type
                out.emit(
                        dummy + "  When ``" + tag + "`` is ``" + v.name() + "``: "
                                + (wrapped != null
                                        ? "``data``: " + wrapped
                                        : "The members of " + QapiSyntax.role(QapiSyntax.ROLE_TYPE, v.type()))
                                + ".",
                        def);
            }
        }
    }
}
