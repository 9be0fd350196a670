package dev.qapidoc.emit;

import static dev.qapidoc.rst.QapiSyntax.directive;
import static dev.qapidoc.rst.QapiSyntax.field;
import static dev.qapidoc.rst.QapiSyntax.option;

import dev.qapidoc.doc.Doc;
import dev.qapidoc.rst.QapiSyntax;
import dev.qapidoc.schema.AlternateType;
import dev.qapidoc.schema.Command;
import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.EnumType;
import dev.qapidoc.schema.Member;
import dev.qapidoc.schema.ObjectType;
import dev.qapidoc.schema.Schema;
import dev.qapidoc.schema.Variant;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extended dialect: the syntax of the seed page (qapi-domain-and-html.md §0.2 "S", §2.9,
 * §2.10, Appendix C), which our domain renders and QEMU's does not.
 *
 * <p>It follows QEMU's dialect line for line where the two agree (body text, options, enum values,
 * features, the {@code @name} rewrite, blank-line numbering) and differs where QEMU's output is a
 * workaround for its domain's limits:
 * <ul>
 * <li>structs and unions get {@code qapi:struct} / {@code qapi:union} instead of
 *     {@code qapi:object};
 * <li>the members of a named base or {@code data} type are written out as fields, with the
 *     descriptions from the type that declares them, instead of a "The members of" pointer;
 * <li>each union branch becomes a {@code .. qapi:branch:: TAG VALUE} block listing the branch
 *     type's members (branches of a union-typed branch nest, up to {@link #MAX_BRANCH_DEPTH});
 * <li>alternate branches are {@code :choice TYPE NAME:};
 * <li>types are written as in the schema ({@code str}, {@code int64}), as on the seed page;
 * <li>an Errors section that is a bullet list of "condition, ErrorClass" items becomes typed
 *     {@code :error ErrorClass: condition} fields, where ErrorClass must be a value of the enum
 *     {@code QapiErrorClass} if the schema has one (else any CamelCase word); any other Errors
 *     text stays {@code :error:};
 * <li>when the docs of an earlier file resume after an include, its module is re-entered with
 *     {@code .. qapi:module:: NAME} and {@code :no-index:}, so later definitions are not filed
 *     under the included module (QEMU's output files them there);
 * <li>every text line is credited to the schema line it really comes from, and a multi-line
 *     {@code :since:} is indented properly instead of being one record with an LF in it.
 * </ul>
 */
final class ExtendedDialect {
    /** Nesting limit for branch blocks of union-typed branches (robustness; real schemas use 1). */
    static final int MAX_BRANCH_DEPTH = 8;

    /** One Errors bullet item ending in ", ErrorClass" (the form every QMP Errors list uses). */
    private static final Pattern ERROR_ITEM =
            Pattern.compile("(.*\\S)\\s*,\\s*([A-Z][A-Za-z0-9]*)\\.?\\s*", Pattern.DOTALL);

    private static final Pattern BULLET = Pattern.compile("([-*]) +");

    private final Schema schema;
    private final SchemaFacts facts;
    private final Emitter out;
    private final Set<String> seenFiles = new HashSet<>();
    private final Set<String> errorClasses;
    private String currentFile;

    ExtendedDialect(Schema schema, Emitter out) {
        this.schema = schema;
        this.facts = new SchemaFacts(schema);
        this.out = out;
        this.errorClasses = facts.errorClasses();
    }

    void write(String namespace) {
        if (namespace != null) {
            out.emit(directive(QapiSyntax.NAMESPACE, namespace), facts.namespaceOrigin());
            out.ensureBlank();
        }
        for (Doc doc : schema.docs()) {
            module(doc.location());
            if (doc.isFreeForm()) {
                emitLines(doc.body());
                out.ensureBlank();
            } else {
                Entity e = schema.entity(doc.symbol()).orElse(null);
                if (e != null) {
                    definition(doc, e);
                }
            }
        }
    }

    /** A module directive whenever the doc's file changes; {@code :no-index:} on re-entry. */
    private void module(SourceLocation docLoc) {
        String file = docLoc.file();
        if (file.equals(currentFile)) {
            return;
        }
        boolean again = !seenFiles.add(file);
        SourceLocation origin = docLoc.atLine(1);
        out.ensureBlank();
        out.emit(directive(QapiSyntax.MODULE, SchemaFacts.moduleStem(file)), origin);
        if (again) {
            out.indent();
            out.emit(option(QapiSyntax.OPT_NO_INDEX, null), origin);
            out.dedent();
        }
        out.ensureBlank();
        currentFile = file;
    }

    private static String kindDirective(Entity e) {
        if (e instanceof ObjectType o) {
            return o.isUnion() ? QapiSyntax.UNION : QapiSyntax.STRUCT;
        }
        return SchemaFacts.qemuDirective(e);
    }

    private static String memberField(Entity e) {
        return e instanceof AlternateType ? QapiSyntax.FIELD_CHOICE : SchemaFacts.qemuMemberField(e);
    }

    private void definition(Doc doc, Entity e) {
        SourceLocation def = e.location().withoutColumn();
        out.emit(directive(kindDirective(e), e.name()), def);
        out.indent();
        Doc.Section sinceSection = doc.since().orElse(null);
        if (sinceSection != null) {
            since(sinceSection);
        }
        out.conditionAndSpecialFeatures(e, def);

        String memberField = memberField(e);
        Map<String, String> types = facts.describedTypes(e, false);
        List<Doc.Section> all = doc.allSections();
        int g = 1;
        while (g < all.size() && all.get(g).kind() == Doc.Kind.MEMBER) {
            g++;
        }
        for (int i = 0; i < all.size(); i++) {
            Doc.Section s = all.get(i);
            switch (s.kind()) {
                case PLAIN -> {
                    if (!s.text().isEmpty()) {
                        out.ensureBlank();
                        emitLines(s);
                        out.ensureBlank();
                    }
                }
                case MEMBER -> {
                    String type = e instanceof EnumType ? null : types.get(s.name());
                    String choice =
                            s.text().isEmpty() && !(e instanceof EnumType) ? facts.tagChoice(e, s.name()) : null;
                    if (choice != null) {
                        // a simple union's tag, typed by its implicit (unlinkable) enum
                        out.emit(field(memberField, type + " " + s.name()) + " " + choice, s.location());
                    } else {
                        fieldWithText(
                                field(memberField, type == null ? s.name() : type + " " + s.name()), s, s.location());
                    }
                }
                case FEATURE -> fieldWithText(field(QapiSyntax.FIELD_FEAT, s.name()), s, s.location());
                case RETURNS -> {
                    String type = e instanceof Command c && c.returnType() != null
                            ? facts.typeName(c.returnType(), false)
                            : "";
                    if (s.text().isEmpty()) {
                        out.emit(field(QapiSyntax.FIELD_RETURN_NODESC, null) + " " + type, s.location());
                    } else {
                        fieldWithText(field(QapiSyntax.FIELD_RETURN, type), s, s.location());
                    }
                }
                case ERRORS -> errors(s);
                case SINCE, TODO -> {}
            }
            if (i == g - 1) {
                inlineMembers(e, memberField, def);
            }
        }
        out.ensureBlank();
        out.dedent();
    }

    /** {@code :since:} with continuation lines indented under the option. */
    private void since(Doc.Section s) {
        List<Doc.TextLine> lines = s.lines();
        for (int i = 0; i < lines.size(); i++) {
            Doc.TextLine l = lines.get(i);
            String text = l.text().strip();
            out.emit(i == 0 ? option(QapiSyntax.OPT_SINCE, text) : "   " + text, l.location());
        }
    }

    /** The section's lines, {@code @}-rewritten, each credited to its own source line. */
    private void emitLines(Doc.Section s) {
        for (Doc.TextLine l : s.lines()) {
            out.emit(SchemaFacts.rewriteRefs(l.text()), l.location());
        }
    }

    /**
     * A field whose body is the section text ({@link QemuDialect#NOT_DOCUMENTED} when empty or
     * absent); continuation lines keep their indentation, as in QEMU's dialect.
     */
    private void fieldWithText(String marker, Doc.Section s, SourceLocation fallback) {
        List<Doc.TextLine> lines = s == null ? List.of() : s.lines();
        if (lines.isEmpty()) {
            out.emit(marker + " " + QemuDialect.NOT_DOCUMENTED, s == null ? fallback : s.location());
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            Doc.TextLine l = lines.get(i);
            String text = SchemaFacts.rewriteRefs(l.text());
            out.emit(i == 0 ? marker + " " + text : text, l.location());
        }
    }

    /**
     * Where QEMU writes "The members of" pointers: the named base's or data type's members as
     * fields, then the union branches as {@code qapi:branch} blocks.
     */
    private void inlineMembers(Entity e, String memberField, SourceLocation def) {
        ObjectType target = facts.pointerTarget(e);
        if (target != null) {
            for (Member m : facts.allMembers(target)) {
                memberFieldOf(memberField, m, def);
            }
            if (target.isUnion()) {
                branches(target, memberField, def, 1);
            }
        }
        if (e instanceof ObjectType o && o.isUnion()) {
            branches(o, memberField, def, 1);
        }
    }

    /** A member written out where it is used, described by the doc of the type declaring it. */
    private void memberFieldOf(String memberField, Member m, SourceLocation def) {
        Doc owner = facts.docDescribing(m.definedIn());
        Doc.Section s = null;
        if (owner != null) {
            for (Doc.Section a : owner.args()) {
                if (a.name().equals(m.name())) {
                    s = a;
                    break;
                }
            }
        }
        // an undocumented member is credited to the type declaring it, else to the definition
        fieldWithText(
                field(memberField, facts.memberType(m, false) + " " + m.name()),
                s,
                m.location() != null ? m.location().withoutColumn() : def);
    }

    /**
     * One {@code .. qapi:branch:: TAG VALUE} block per branch whose type has members
     * (qapi-domain-and-html.md §2.9); blank lines around each block end the field lists before
     * and after it, which the domain merges again.
     */
    private void branches(ObjectType union, String memberField, SourceLocation def, int depth) {
        String tag = union.branches().tagName();
        for (Variant v : SchemaFacts.shownBranches(union)) {
            ObjectType bt = schema.objectType(v.type()).orElse(null);
            if (bt == null) {
                continue;
            }
            List<Member> members = facts.allMembers(bt);
            boolean nested = bt.isUnion() && depth < MAX_BRANCH_DEPTH;
            if (members.isEmpty() && !nested) {
                continue;
            }
            out.ensureBlank();
            out.emit(directive(QapiSyntax.BRANCH, tag + " " + v.name()), def);
            out.ensureBlank();
            out.indent();
            for (Member m : members) {
                memberFieldOf(memberField, m, def);
            }
            if (nested) {
                branches(bt, memberField, def, depth + 1);
            }
            out.dedent();
            out.ensureBlank();
        }
    }

    /** Typed {@code :error Name:} fields when the text is a list of "..., Name" items. */
    private void errors(Doc.Section s) {
        List<List<Doc.TextLine>> items = errorItems(s.lines());
        List<String[]> typed = new ArrayList<>();
        if (items != null) {
            for (List<Doc.TextLine> item : items) {
                StringBuilder joined = new StringBuilder();
                for (Doc.TextLine l : item) {
                    joined.append(l.text().strip()).append('\n');
                }
                Matcher m = ERROR_ITEM.matcher(joined);
                if (!m.matches() || (errorClasses != null && !errorClasses.contains(m.group(2)))) {
                    typed = null;
                    break;
                }
                typed.add(new String[] {m.group(2), m.group(1)});
            }
        }
        if (items == null || typed == null || typed.isEmpty()) {
            List<Doc.TextLine> lines = s.lines();
            boolean nextLine = !lines.isEmpty()
                    && !lines.get(0).text().isEmpty()
                    && Emitter.isPySpace(lines.get(0).text().charAt(0));
            if (nextLine) {
                out.emit(field(QapiSyntax.FIELD_ERROR, null), s.location());
            }
            for (int i = 0; i < lines.size(); i++) {
                Doc.TextLine l = lines.get(i);
                String text = SchemaFacts.rewriteRefs(l.text());
                out.emit(i == 0 && !nextLine ? field(QapiSyntax.FIELD_ERROR, null) + " " + text : text, l.location());
            }
            return;
        }
        for (int k = 0; k < items.size(); k++) {
            List<Doc.TextLine> item = items.get(k);
            String name = typed.get(k)[0];
            String[] descr = typed.get(k)[1].split("\n", -1);
            for (int i = 0; i < descr.length; i++) {
                String text = SchemaFacts.rewriteRefs(descr[i]);
                out.emit(
                        i == 0 ? field(QapiSyntax.FIELD_ERROR, name) + " " + text : "   " + text,
                        item.get(i).location());
            }
        }
    }

    /**
     * Splits Errors text into bullet items: every non-blank line either starts a {@code -}/{@code *}
     * item at the common bullet indentation or continues the current item, indented deeper.
     * Null when the text is not such a list (the first item's bullet is stripped here).
     */
    private static List<List<Doc.TextLine>> errorItems(List<Doc.TextLine> lines) {
        List<List<Doc.TextLine>> items = new ArrayList<>();
        int bulletIndent = -1;
        int bodyIndent = -1;
        for (Doc.TextLine l : lines) {
            String t = l.text();
            if (t.isBlank()) {
                continue;
            }
            int ind = indentOf(t);
            Matcher b = BULLET.matcher(t).region(ind, t.length());
            if (b.lookingAt() && (bulletIndent < 0 || ind == bulletIndent)) {
                bulletIndent = ind;
                bodyIndent = b.end();
                List<Doc.TextLine> item = new ArrayList<>();
                item.add(new Doc.TextLine(t.substring(b.end()), l.location()));
                items.add(item);
            } else if (!items.isEmpty() && ind > bulletIndent && ind >= bodyIndent - 1) {
                items.get(items.size() - 1).add(l);
            } else {
                return null;
            }
        }
        return items.isEmpty() ? null : items;
    }

    private static int indentOf(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
