package dev.qapidoc.html;

import dev.qapidoc.domain.Domain;
import dev.qapidoc.ext.DbusObjects;
import dev.qapidoc.rst.Hrefs;
import dev.qapidoc.rst.RoleText;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.SystemMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@code dbus} domain's cross-references: {@code :dbus:iface:}, {@code :dbus:meth:}, {@code
 * :dbus:prop:}, {@code :dbus:sig:} to the objects {@code dbus-doc} described. A name is looked up
 * first inside the interface whose description holds the reference (so {@code :dbus:prop:`Type`}
 * finds the property of the interface at hand), then as a full name; the link shows the name as
 * written, as an inline literal with the classes {@code xref dbus dbus-ROLE}; a name found
 * neither way is looked up by its last part ({@link DbusObjects#lastByShortName}). An interface's
 * own description is not inside the interface (only its members' are), as QEMU's manual shows.
 *
 * <p>The domain's index page {@code dbus-dbusindex} ("D-Bus Interfaces Index", Sphinx's domain
 * index layout) lists the interfaces, grouped by the first letter of the name without the
 * longest matching {@code dbus_index_common_prefix}, showing the full name.
 */
final class DbusXrefDomain implements XrefDomain {

    /** Role → the object type it finds. */
    private static final Map<String, String> ROLES = Map.of(
            "dbus:iface", "interface",
            "dbus:meth", "method",
            "dbus:prop", "property",
            "dbus:sig", "signal");

    /** The index page's name, which is also its standard label. */
    static final String INDEX_PAGE = "dbus-dbusindex";

    private static final String INDEX_TITLE = "D-Bus Interfaces Index";

    private final DbusObjects objects;
    private final List<String> commonPrefixes;

    DbusXrefDomain(DbusObjects objects) {
        this(objects, List.of());
    }

    /** @param commonPrefixes {@code dbus_index_common_prefix}: prefixes the index groups ignore */
    DbusXrefDomain(DbusObjects objects, List<String> commonPrefixes) {
        this.objects = objects;
        this.commonPrefixes = List.copyOf(commonPrefixes);
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
        if (e == null) {
            // not found as written: by its last part, the object described last (as QEMU's manual
            // resolves ~org.qemu.Display1.Console.Register, a method that does not exist)
            e = objects.lastByShortName(ROLES.get(role), target.substring(target.lastIndexOf('.') + 1));
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

    /** The interface index, when some document described an interface (Sphinx writes no empty index). */
    @Override
    public List<Domain.IndexPage> indexPages() {
        Map<String, List<Domain.IndexRow>> groups = new TreeMap<>();
        for (DbusObjects.Entry e : objects.all()) {
            if (!e.objtype().equals("interface")) {
                continue;
            }
            String key = e.fqn();
            String prefix = "";
            for (String p : commonPrefixes) {
                if (key.startsWith(p) && p.length() > prefix.length() && key.length() > p.length()) {
                    prefix = p;
                }
            }
            String letter = key.substring(prefix.length(), prefix.length() + 1).toLowerCase(Locale.ROOT);
            groups.computeIfAbsent(letter, k -> new ArrayList<>())
                    .add(new Domain.IndexRow(e.fqn(), e.docname(), e.fqn(), ""));
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        List<Domain.IndexGroup> out = new ArrayList<>();
        groups.forEach((letter, rows) -> out.add(new Domain.IndexGroup(letter, rows)));
        return List.of(new Domain.IndexPage(INDEX_PAGE, INDEX_TITLE, out));
    }

    /**
     * Interfaces by full name; members by short name, one per short name and type, the one
     * described last, with properties as {@code member}: the entries QEMU's {@code objects.inv}
     * has (its {@code Name dbus:member} is Chardev's, described after the VM's).
     */
    @Override
    public List<Inventory.Item> inventory() {
        List<Inventory.Item> items = new ArrayList<>();
        for (DbusObjects.Entry e : objects.all()) {
            String uri = Hrefs.fromRoot(e.docname(), e.fqn());
            if (e.objtype().equals("interface")) {
                items.add(new Inventory.Item(e.fqn(), "dbus", "interface", "1", uri, "-"));
                continue;
            }
            String shortName = e.fqn().substring(e.fqn().lastIndexOf('.') + 1);
            // identity: the very description that wins its short name, not an equal-looking one
            @SuppressWarnings("ReferenceEquality")
            boolean wins = objects.lastByShortName(e.objtype(), shortName) == e;
            if (wins) {
                String type = e.objtype().equals("property") ? "member" : e.objtype();
                items.add(new Inventory.Item(shortName, "dbus", type, "1", uri, "-"));
            }
        }
        return items;
    }
}
