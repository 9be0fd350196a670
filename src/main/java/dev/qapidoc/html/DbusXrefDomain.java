package dev.qapidoc.html;

import dev.qapidoc.ext.DbusObjects;
import dev.qapidoc.rst.RoleText;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.SystemMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code dbus} domain's cross-references: {@code :dbus:iface:}, {@code :dbus:meth:}, {@code
 * :dbus:prop:}, {@code :dbus:sig:} to the objects {@code dbus-doc} described. A name is looked up
 * first inside the interface whose description holds the reference (so {@code :dbus:prop:`Type`}
 * finds the property of the interface at hand), then as a full name; the link shows the name as
 * written, as an inline literal with the classes {@code xref dbus dbus-ROLE}.
 */
final class DbusXrefDomain implements XrefDomain {

    /** Role → the object type it finds. */
    private static final Map<String, String> ROLES = Map.of(
            "dbus:iface", "interface",
            "dbus:meth", "method",
            "dbus:prop", "property",
            "dbus:sig", "signal");

    private final DbusObjects objects;

    DbusXrefDomain(DbusObjects objects) {
        this.objects = objects;
    }

    @Override
    public Set<String> roles() {
        return ROLES.keySet();
    }

    @Override
    public void resolve(String docname, RstNode xref, Consumer<SystemMessage> report) {
        String role = xref.attr("role");
        RoleText rt = RoleText.parse(xref.attr("text"));
        String target = rt.target().strip();
        String shown = rt.explicit() ? rt.title() : target;
        if (target.startsWith("~")) {
            target = target.substring(1);
            shown = rt.explicit() ? shown : target.substring(target.lastIndexOf('.') + 1);
        }
        DbusObjects.Entry e = null;
        String iface = xref.attr("dbus:interface");
        if (iface != null) {
            e = found(objects.get(iface + "." + target), role);
        }
        if (e == null) {
            e = found(objects.get(target), role);
        }
        if (e == null && iface != null) {
            // a full name that does not exist falls back to its last part in the interface at
            // hand, as QEMU's manual resolves Console.Register written inside Chardev
            e = found(objects.get(iface + "." + target.substring(target.lastIndexOf('.') + 1)), role);
        }
        RstNode code = new RstNode(Type.LITERAL, xref.location());
        code.classes().addAll(List.of("xref", "dbus", role.replace(':', '-')));
        code.add(RstNode.text(shown, xref.location()));
        if (e == null) {
            report.accept(SystemMessage.warning(xref.location(), "dbus reference target not found: " + target));
            xref.replaceWith(List.of(code));
            return;
        }
        RstNode ref = new RstNode(Type.REFERENCE, xref.location())
                .attr("refuri", DocPaths.pageUri(docname, e.docname(), e.fqn()))
                .attr("internal", "true");
        ref.add(code);
        xref.replaceWith(List.of(ref));
    }

    private static DbusObjects.Entry found(DbusObjects.Entry e, String role) {
        return e != null && e.objtype().equals(ROLES.get(role)) ? e : null;
    }

    @Override
    public List<Inventory.Item> inventory() {
        List<Inventory.Item> items = new ArrayList<>();
        for (DbusObjects.Entry e : objects.all()) {
            items.add(new Inventory.Item(e.fqn(), "dbus", e.objtype(), "1", e.docname() + ".html#" + e.fqn(), "-"));
        }
        return items;
    }
}
