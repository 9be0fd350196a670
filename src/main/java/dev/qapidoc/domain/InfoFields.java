package dev.qapidoc.domain;

import dev.qapidoc.rst.QapiSyntax;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Info field lists of object descriptions (qapi-domain-and-html.md §2.8): merging adjacent lists,
 * the seed's legacy spellings, validation warnings, and the regrouping of {@code :arg:},
 * {@code :memb:}, {@code :value:} ... fields into labelled groups with type links.
 */
final class InfoFields {
    private InfoFields() {}

    /** Attribute of the field a {@code qapi:branch} produced; its value is the label {@code [D = V]}. */
    static final String BRANCH_ATTR = "qapi-branch";

    private static final String EN_DASH = " \u2013 ";

    /** How a field type renders (§2.8.1 "Shape"). */
    private enum Shape {
        TYPED,
        GROUP,
        RETURN,
        SINGLE_ERROR,
        RETURN_NODESC
    }

    /** A known field type: its label, shape and whether it takes an argument. */
    private record Spec(String label, Shape shape, boolean needsArg) {}

    private static final String TYPED_ERROR = "error (typed)";

    private static Map<String, Spec> specs(Kind kind) {
        Map<String, Spec> m = new LinkedHashMap<>();
        Spec feat = new Spec("Features", Shape.GROUP, true);
        switch (kind) {
            case COMMAND -> {
                m.put(QapiSyntax.FIELD_ARG, new Spec("Arguments", Shape.TYPED, true));
                m.put(QapiSyntax.FIELD_ERROR, new Spec("Errors", Shape.SINGLE_ERROR, false));
                m.put(QapiSyntax.FIELD_ERRORS, new Spec("Errors", Shape.SINGLE_ERROR, false));
                m.put(TYPED_ERROR, new Spec("Errors", Shape.GROUP, true));
                m.put(QapiSyntax.FIELD_RETURN, new Spec("Return", Shape.RETURN, true));
                m.put(QapiSyntax.FIELD_RETURN_NODESC, new Spec("Return", Shape.RETURN_NODESC, false));
            }
            case ALTERNATE -> m.put(QapiSyntax.FIELD_ALT, new Spec("Alternatives", Shape.TYPED, true));
            case ENUM -> m.put(QapiSyntax.FIELD_VALUE, new Spec("Values", Shape.GROUP, true));
            default -> m.put(QapiSyntax.FIELD_MEMB, new Spec("Members", Shape.TYPED, true));
        }
        m.put(QapiSyntax.FIELD_FEAT, feat);
        return m;
    }

    /** Field names listed in the "Valid fields" warning (M's names plus U's aliases, §2.8.3). */
    private static Set<String> validNames(Kind kind) {
        return switch (kind) {
            case COMMAND -> Set.of("arg", "error", "errors", "feat", "return", "return-nodesc", "returns");
            case ALTERNATE -> Set.of("alt", "choice", "feat");
            case ENUM -> Set.of("feat", "value");
            default -> Set.of("feat", "memb");
        };
    }

    /** Transforms the field lists that are direct children of {@code content} (§2.5 steps 7–10). */
    static void transform(
            RstNode content, Kind kind, String ns, String mod, DomainConfig config, Consumer<SystemMessage> report) {
        // step 7: merge consecutive field lists (qapi:branch output joins its neighbours)
        int i = 0;
        while (i + 1 < content.children().size()) {
            RstNode a = content.children().get(i);
            RstNode b = content.children().get(i + 1);
            if (a.type() == Type.FIELD_LIST && b.type() == Type.FIELD_LIST) {
                a.addAll(new ArrayList<>(b.children()));
                content.remove(b);
            } else {
                i++;
            }
        }
        for (RstNode list : new ArrayList<>(content.children())) {
            if (list.type() == Type.FIELD_LIST) {
                list.replaceWith(List.of(transformList(list, kind, ns, mod, config, report)));
            }
        }
    }

    /** One output group under construction. */
    private static final class Group {
        final String label;
        final boolean collapse;
        final List<RstNode> items = new ArrayList<>();
        final Set<String> typedNames = new HashSet<>();

        Group(String label, boolean collapse) {
            this.label = label;
            this.collapse = collapse;
        }
    }

    /** What one field list's transformation shares: its object's kind and context, and the output order. */
    private record Pass(
            Kind kind,
            String ns,
            String mod,
            DomainConfig config,
            Consumer<SystemMessage> report,
            Map<String, Group> groups,
            List<Object> order) {
        Group group(String key, String label, boolean collapse) {
            Group g = groups.get(key);
            if (g == null) {
                g = new Group(label, collapse);
                groups.put(key, g);
                order.add(g);
            }
            return g;
        }
    }

    private static RstNode transformList(
            RstNode list, Kind kind, String ns, String mod, DomainConfig config, Consumer<SystemMessage> report) {
        Map<String, Spec> specs = specs(kind);
        Pass pass = new Pass(kind, ns, mod, config, report, new LinkedHashMap<>(), new ArrayList<>());
        for (RstNode f : new ArrayList<>(list.children())) {
            if (f.type() != Type.FIELD) {
                continue;
            }
            String branch = f.attr(BRANCH_ATTR);
            if (branch != null) {
                branchField(pass, branch, part(f, Type.FIELD_BODY));
                continue;
            }
            RstNode fname = part(f, Type.FIELD_NAME);
            String label = fname == null ? "" : fname.astext().strip();
            String[] ta = typeAndArg(label);
            String ftype = seedSpelling(kind, ta[0], ta[1]);
            Spec spec = validated(pass, f, label, ftype, ta[1], specs.get(ftype));
            if (spec == null) {
                // passthrough: label = field type capitalised, plus the argument
                String[] raw = typeAndArg(label);
                String shown = capitalize(raw[0]) + (raw[1] == null ? "" : " " + raw[1]);
                if (fname != null) {
                    fname.clearChildren();
                    fname.add(RstNode.text(shown, fname.location()));
                }
                pass.order().add(f);
                continue;
            }
            add(pass, f, ftype, ta[1], spec, part(f, Type.FIELD_BODY));
        }
        return assemble(list, pass.order());
    }

    /** A {@code qapi:branch} block's fields: one group per branch, each field a typed item. */
    private static void branchField(Pass pass, String branch, RstNode body) {
        Group g = pass.group("branch " + branch, branch, false);
        for (RstNode inner : body.children()) {
            if (inner.type() != Type.FIELD_LIST) {
                continue;
            }
            for (RstNode bf : inner.children()) {
                RstNode bn = part(bf, Type.FIELD_NAME);
                String[] ta = typeAndArg(bn == null ? "" : bn.astext().strip());
                String arg = ta[1] == null ? ta[0] : ta[1];
                typedItem(g, arg, part(bf, Type.FIELD_BODY), pass.ns(), pass.mod(), bf.location());
            }
        }
    }

    /** Step 8: the seed's spellings (U) of error, returns and choice fields. */
    private static String seedSpelling(Kind kind, String ftype, String arg) {
        if (kind == Kind.COMMAND
                && (ftype.equals(QapiSyntax.FIELD_ERROR) || ftype.equals(QapiSyntax.FIELD_ERRORS))
                && arg != null) {
            return TYPED_ERROR;
        } else if (kind == Kind.COMMAND && ftype.equals(QapiSyntax.FIELD_RETURNS)) {
            return QapiSyntax.FIELD_RETURN;
        } else if (kind == Kind.ALTERNATE && ftype.equals(QapiSyntax.FIELD_CHOICE)) {
            return QapiSyntax.FIELD_ALT;
        }
        return ftype;
    }

    /** Step 9: validation (warnings only); null when the field passes through unchanged. */
    private static Spec validated(Pass pass, RstNode f, String label, String ftype, String arg, Spec spec) {
        if (spec == null) {
            if (!pass.config().allowedFields().contains(label)) {
                TreeSet<String> names = new TreeSet<>(validNames(pass.kind()));
                names.addAll(pass.config().allowedFields());
                pass.report()
                        .accept(SystemMessage.warning(
                                f.location(),
                                "Unrecognized field list name "
                                        + Domain.repr(label) + ".\nValid fields for qapi:"
                                        + pass.kind().objtype()
                                        + " are: " + String.join(", ", names)
                                        + "\n\nIf this usage is intentional, please add it to"
                                        + " 'qapi_allowed_fields' in docs/conf.py."));
            }
            return null;
        } else if (spec.needsArg() && arg == null) {
            pass.report()
                    .accept(SystemMessage.warning(
                            f.location(), "docfield field list type " + Domain.repr(ftype) + " requires an argument."));
            return null;
        } else if (!spec.needsArg() && arg != null) {
            pass.report()
                    .accept(SystemMessage.warning(
                            f.location(), "docfield field list type " + Domain.repr(ftype) + " takes no arguments."));
            return null;
        }
        return spec;
    }

    /** Adds one recognised field to its group (typed, grouped, return) or as a field of its own. */
    private static void add(Pass pass, RstNode f, String ftype, String arg, Spec spec, RstNode body) {
        switch (spec.shape()) {
            case TYPED, GROUP, RETURN -> {
                Group g = pass.group(ftype, spec.label(), spec.shape() == Shape.RETURN);
                if (spec.shape() == Shape.TYPED) {
                    typedItem(g, arg, body, pass.ns(), pass.mod(), f.location());
                } else if (spec.shape() == Shape.GROUP) {
                    RstNode p = new RstNode(Type.PARAGRAPH, f.location());
                    RstNode strong = new RstNode(Type.STRONG, f.location());
                    strong.add(RstNode.text(arg, f.location()));
                    p.add(strong);
                    p.add(RstNode.text(EN_DASH, f.location()));
                    p.addAll(descr(body));
                    g.items.add(p);
                } else {
                    RstNode p = new RstNode(Type.PARAGRAPH, f.location());
                    p.add(typeSpan(arg, pass.ns(), pass.mod(), f.location()));
                    p.add(RstNode.text(EN_DASH, f.location()));
                    p.addAll(descr(body));
                    g.items.add(p);
                }
            }
            case SINGLE_ERROR -> {
                RstNode p = new RstNode(Type.PARAGRAPH, f.location());
                p.addAll(descr(body));
                pass.order().add(field(spec.label(), List.of(p), f.location()));
            }
            case RETURN_NODESC -> {
                RstNode p = new RstNode(Type.PARAGRAPH, f.location());
                p.add(typeSpan(body == null ? "" : body.astext().strip(), pass.ns(), pass.mod(), f.location()));
                pass.order().add(field(spec.label(), List.of(p), f.location()));
            }
            default -> throw new IllegalStateException();
        }
    }

    /** The new field list: passthrough fields as they were, each group as one field. */
    private static RstNode assemble(RstNode list, List<Object> order) {
        RstNode out = new RstNode(Type.FIELD_LIST, list.location());
        out.ids().addAll(list.ids());
        out.classes().addAll(list.classes());
        for (Object o : order) {
            if (o instanceof RstNode n) {
                out.add(n);
                continue;
            }
            Group g = (Group) o;
            List<RstNode> bodyNodes = new ArrayList<>();
            if (g.collapse && g.items.size() == 1) {
                bodyNodes.add(g.items.get(0));
            } else {
                RstNode ul = new RstNode(Type.BULLET_LIST, list.location());
                for (RstNode item : g.items) {
                    RstNode li = new RstNode(Type.LIST_ITEM, item.location());
                    li.add(item);
                    ul.add(li);
                }
                bodyNodes.add(ul);
            }
            out.add(field(g.label, bodyNodes, list.location()));
        }
        return out;
    }

    /** {@code :arg TYPE NAME:} item: the argument splits at its last whitespace (§2.8.1). */
    private static void typedItem(Group g, String arg, RstNode body, String ns, String mod, SourceLocation at) {
        String type = null;
        String name = arg.strip();
        int sp = lastSpace(name);
        if (sp >= 0) {
            type = name.substring(0, sp).strip();
            name = name.substring(sp + 1);
        }
        RstNode p = new RstNode(Type.PARAGRAPH, at);
        if (!name.equals(QapiSyntax.DUMMY)) {
            RstNode strong = new RstNode(Type.STRONG, at);
            strong.add(RstNode.text(name, at));
            p.add(strong);
            if (type != null && g.typedNames.add(name)) {
                p.add(RstNode.text(" (", at));
                p.add(typeSpan(type, ns, mod, at));
                p.add(RstNode.text(")" + EN_DASH, at));
            } else {
                p.add(RstNode.text(EN_DASH, at));
            }
        }
        p.addAll(descr(body));
        g.items.add(p);
    }

    private static int lastSpace(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A field type as a {@code qapi:type} reference in an unclassed {@code <span>} (§4.6). */
    private static RstNode typeSpan(String type, String ns, String mod, SourceLocation at) {
        RstNode span = new RstNode(Type.INLINE, at);
        RstNode x = new RstNode(Type.PENDING_XREF, at)
                .attr("role", Domain.PREFIX + QapiSyntax.ROLE_TYPE)
                .attr("text", type)
                .attr("qapi-ns", ns)
                .attr("qapi-mod", mod);
        span.add(x);
        return span;
    }

    /** The description of a field: a lone paragraph's inline content, else the body's blocks. */
    private static List<RstNode> descr(RstNode body) {
        if (body == null) {
            return List.of();
        }
        List<RstNode> visible = new ArrayList<>();
        for (RstNode c : body.children()) {
            if (c.type() != Type.SYSTEM_MESSAGE) {
                visible.add(c);
            }
        }
        if (visible.size() == 1 && visible.get(0).type() == Type.PARAGRAPH) {
            return new ArrayList<>(visible.get(0).children());
        }
        return new ArrayList<>(body.children());
    }

    private static RstNode field(String label, List<RstNode> body, SourceLocation at) {
        RstNode f = new RstNode(Type.FIELD, at);
        RstNode n = new RstNode(Type.FIELD_NAME, at);
        n.add(RstNode.text(label, at));
        RstNode b = new RstNode(Type.FIELD_BODY, at);
        b.addAll(body);
        f.add(n);
        f.add(b);
        return f;
    }

    private static RstNode part(RstNode field, Type t) {
        for (RstNode c : field.children()) {
            if (c.type() == t) {
                return c;
            }
        }
        return null;
    }

    /** Splits a field name at its first whitespace: {type, argument or null}. */
    private static String[] typeAndArg(String label) {
        for (int i = 0; i < label.length(); i++) {
            if (Character.isWhitespace(label.charAt(i))) {
                String arg = label.substring(i).strip();
                return new String[] {label.substring(0, i), arg.isEmpty() ? null : arg};
            }
        }
        return new String[] {label, null};
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
