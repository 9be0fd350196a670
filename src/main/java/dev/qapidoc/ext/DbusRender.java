package dev.qapidoc.ext;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.RstReader;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.w3c.dom.Element;

/**
 * The nodes of the {@code dbus} domain's object descriptions, as Sphinx writes them in QEMU's
 * manual: {@code <dl class="dbus interface|method|member">} (properties are "member"), a
 * signature with the object type as an annotation, method arguments as {@code TYPE name}
 * parameters and the out-arguments as the return annotation {@code → (...)}, then fields
 * ("Arguments", "Returns", property "Access" and "Emits Changed") before the description.
 * {@code dbus:*} references in members' descriptions get the interface they are in ({@code
 * dbus:interface} attribute), against which relative names resolve; those in an interface's own
 * description get none. Each member has a general-index entry.
 */
final class DbusRender {

    private final String docname;
    private final String highlight;
    private final RstReader reader;
    private final Consumer<SystemMessage> report;
    private final SourceLocation where;
    private final DbusObjects objects;

    DbusRender(
            String docname,
            String highlight,
            RstReader reader,
            Consumer<SystemMessage> report,
            SourceLocation where,
            DbusObjects objects) {
        this.docname = docname;
        this.highlight = highlight;
        this.reader = reader;
        this.report = report;
        this.where = where;
        this.objects = objects;
    }

    RstNode interfaceSection(Element iface, DbusDoc.Comment doc) {
        String name = iface.getAttribute("name");
        RstNode section = new RstNode(Type.SECTION, where);
        section.ids().add(name + "-section");
        RstNode title = new RstNode(Type.TITLE, where);
        title.add(RstNode.text(name + " interface", where));
        section.add(title);
        RstNode content = new RstNode(Type.DESC_CONTENT, where);
        // the interface's own text is not inside the interface: its relative names are looked up
        // by their last part (QEMU's manual links Clipboard's "Register" to Chardev's)
        content.addAll(body(doc, null));
        for (Element m : DbusDoc.children(iface, null)) {
            DbusDoc.Comment c = DbusDoc.Comment.before(m);
            switch (m.getTagName()) {
                case "method" -> content.add(index(name, m, "%s() (%s method)")).add(method(name, m, c, "method"));
                case "signal" -> content.add(index(name, m, "%s() (%s signal)")).add(method(name, m, c, "signal"));
                case "property" ->
                    content.add(index(name, m, "%s (%s property)")).add(property(name, m, c));
                default -> {}
            }
        }
        section.add(desc("interface", "interface", name, name, List.of(), content));
        return section;
    }

    /**
     * The general-index entry of member {@code m} of {@code iface}: {@code format} filled with its
     * name and the interface, as QEMU's manual lists them ({@code Name (org.qemu.Display1.VM
     * property)}, {@code Press() (org.qemu.Display1.Mouse method)}); interfaces have none.
     */
    private RstNode index(String iface, Element m, String format) {
        String name = m.getAttribute("name");
        return new RstNode(Type.INDEX, where)
                .attr("entry0", "single:" + String.format(java.util.Locale.ROOT, format, name, iface))
                .attr("target", iface + "." + name);
    }

    private RstNode method(String iface, Element m, DbusDoc.Comment doc, String kind) {
        String fqn = iface + "." + m.getAttribute("name");
        List<Element> in = new ArrayList<>();
        List<Element> out = new ArrayList<>();
        for (Element a : DbusDoc.children(m, "arg")) {
            (kind.equals("method") && "out".equals(a.getAttribute("direction")) ? out : in).add(a);
        }
        List<RstNode> sig = new ArrayList<>();
        sig.addAll(params(in));
        if (kind.equals("method")) {
            sig.add(RstNode.text(" ", where));
            RstNode ret = span("sig-return");
            ret.add(span("sig-return-icon").add(RstNode.text("\u2192", where)));
            ret.add(RstNode.text(" ", where));
            ret.add(span("sig-return-typehint").addAll(params(out)));
            sig.add(ret);
        }
        RstNode content = new RstNode(Type.DESC_CONTENT, where);
        RstNode fields = new RstNode(Type.FIELD_LIST, where);
        typedField(fields, "Arguments", in, doc.args(), iface);
        typedField(fields, "Returns", out, doc.args(), iface);
        if (!fields.children().isEmpty()) {
            content.add(fields);
        }
        content.addAll(body(doc, iface));
        return desc(kind, kind, m.getAttribute("name"), fqn, sig, content);
    }

    private RstNode property(String iface, Element p, DbusDoc.Comment doc) {
        String fqn = iface + "." + p.getAttribute("name");
        List<RstNode> sig = new ArrayList<>();
        sig.add(span("p").add(pre(":")));
        sig.add(span("kt").add(pre(p.getAttribute("type"))));
        RstNode content = new RstNode(Type.DESC_CONTENT, where);
        RstNode fields = new RstNode(Type.FIELD_LIST, where);
        String access =
                switch (p.getAttribute("access")) {
                    case "read" -> "read-only";
                    case "write" -> "write-only";
                    default -> "read & write";
                };
        fields.add(field("Access", List.of(paragraph(RstNode.text(access, where)))));
        String emits = "yes";
        for (Element a : DbusDoc.children(p, "annotation")) {
            if (a.getAttribute("name").equals("org.freedesktop.DBus.Property.EmitsChangedSignal")) {
                String v = a.getAttribute("value");
                // QEMU's manual shows "const" as "yes" too: the value cannot change unannounced
                emits = v.equals("false") ? "no" : v.equals("invalidates") ? v : "yes";
            }
        }
        fields.add(field("Emits Changed", List.of(paragraph(RstNode.text(emits, where)))));
        content.add(fields);
        content.addAll(body(doc, iface));
        return desc("member", "property", p.getAttribute("name"), fqn, sig, content);
    }

    /**
     * One typed field as Sphinx groups it: an item per argument, {@code name (type) – text} (the
     * dash also when the argument has no text);
     * a name's type is shown once, on its first item, and is the last one given for the name.
     */
    private void typedField(RstNode fields, String label, List<Element> args, Map<String, String> docs, String iface) {
        if (args.isEmpty()) {
            return;
        }
        Map<String, String> types = new java.util.HashMap<>();
        for (Element a : args) {
            types.put(a.getAttribute("name"), a.getAttribute("type"));
        }
        RstNode list = new RstNode(Type.BULLET_LIST, where);
        for (Element a : args) {
            String n = a.getAttribute("name");
            RstNode p = new RstNode(Type.PARAGRAPH, where);
            p.add(new RstNode(Type.STRONG, where).add(RstNode.text(n, where)));
            String type = types.remove(n);
            if (type != null) {
                p.add(RstNode.text(" (", where));
                p.add(new RstNode(Type.EMPHASIS, where).add(RstNode.text(type, where)));
                p.add(RstNode.text(")", where));
            }
            // the dash is there also for an argument without text, as in QEMU's manual
            p.add(RstNode.text(" \u2013 ", where));
            String text = docs.get(n);
            if (text != null && !text.isEmpty()) {
                for (RstNode c : parse(List.of(new ContentLine(text, where)), iface)) {
                    p.addAll(new ArrayList<>(c.children()));
                }
            }
            list.add(new RstNode(Type.LIST_ITEM, where).add(p));
        }
        fields.add(field(label, List.of(list)));
    }

    private RstNode field(String name, List<RstNode> body) {
        RstNode f = new RstNode(Type.FIELD, where);
        f.add(new RstNode(Type.FIELD_NAME, where).add(RstNode.text(name, where)));
        f.add(new RstNode(Type.FIELD_BODY, where).addAll(body));
        return f;
    }

    private RstNode paragraph(RstNode child) {
        return new RstNode(Type.PARAGRAPH, where).add(child);
    }

    /** {@code (TYPE name, ...)} with Sphinx's parameter markup. */
    private List<RstNode> params(List<Element> args) {
        List<RstNode> parts = new ArrayList<>();
        parts.add(span("sig-paren").add(RstNode.text("(", where)));
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                parts.add(RstNode.text(", ", where));
            }
            RstNode p = span("sig-param");
            p.attr("tag", "em");
            p.add(span("kt").add(pre(args.get(i).getAttribute("type"))));
            p.add(span("w").add(RstNode.text(" ", where)));
            p.add(span("n").add(pre(args.get(i).getAttribute("name"))));
            parts.add(p);
        }
        parts.add(span("sig-paren").add(RstNode.text(")", where)));
        return parts;
    }

    private RstNode span(String cls) {
        RstNode s = new RstNode(Type.INLINE, where);
        s.classes().add(cls);
        return s;
    }

    private RstNode pre(String text) {
        return span("pre").add(RstNode.text(text, where));
    }

    private RstNode desc(
            String objtype, String annotation, String shown, String fqn, List<RstNode> sig, RstNode content) {
        RstNode d = new RstNode(Type.DESC, where);
        d.attr("domain", "dbus");
        d.attr("objtype", objtype);
        RstNode s = new RstNode(Type.DESC_SIGNATURE, where);
        s.attr("domain", "dbus");
        s.ids().add(fqn);
        RstNode ann = new RstNode(Type.DESC_ANNOTATION, where);
        ann.add(pre(annotation));
        ann.add(RstNode.text(" ", where));
        s.add(ann);
        s.add(new RstNode(Type.DESC_NAME, where).add(RstNode.text(shown, where)));
        s.addAll(sig);
        d.add(s);
        d.add(content);
        objects.add(new DbusObjects.Entry(fqn, annotation, docname));
        return d;
    }

    private List<RstNode> body(DbusDoc.Comment doc, String iface) {
        return doc.body().isEmpty() ? List.of() : parse(doc.lines(where), iface);
    }

    /** Parses reST of a comment; its {@code dbus:} references learn their interface. */
    private List<RstNode> parse(List<ContentLine> lines, String iface) {
        List<RstNode> nodes = reader.parseNested(lines, false, highlight, report);
        for (RstNode n : nodes) {
            mark(n, iface);
        }
        return nodes;
    }

    private static void mark(RstNode n, String iface) {
        if (iface != null
                && n.type() == Type.PENDING_XREF
                && n.attr("role") != null
                && n.attr("role").startsWith("dbus:")) {
            n.attr("dbus:interface", iface);
        }
        for (RstNode c : n.children()) {
            mark(c, iface);
        }
    }
}
