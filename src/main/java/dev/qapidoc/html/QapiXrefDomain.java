package dev.qapidoc.html;

import dev.qapidoc.domain.Domain;
import dev.qapidoc.domain.ObjectEntry;
import dev.qapidoc.rst.Hrefs;
import dev.qapidoc.rst.QapiSyntax;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.SystemMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@code qapi} domain's side of cross-reference resolution, adapted to {@link XrefDomain}:
 * its roles ({@code qapi:cmd}, ...), its objects as {@code any} targets, its index pages as
 * labels, and its objects in {@code objects.inv} when {@code qapi_inventory} is on (spec §5.3).
 */
final class QapiXrefDomain implements XrefDomain {

    private static final Set<String> ROLES = roleNames();

    private final Domain domain;
    private final boolean inventory;

    /**
     * @param inventory list every object in {@code objects.inv} ({@code qapi_inventory}, on by
     *     default here, see README)
     */
    QapiXrefDomain(Domain domain, boolean inventory) {
        this.domain = domain;
        this.inventory = inventory;
    }

    /** {@code qapi:} plus every role name of the vocabulary that the domain accepts. */
    private static Set<String> roleNames() {
        Set<String> out = new LinkedHashSet<>();
        for (String r : List.of(
                QapiSyntax.ROLE_MOD,
                QapiSyntax.ROLE_CMD,
                QapiSyntax.ROLE_EVENT,
                QapiSyntax.ROLE_ENUM,
                QapiSyntax.ROLE_OBJ,
                QapiSyntax.ROLE_ALT,
                QapiSyntax.ROLE_TYPE,
                QapiSyntax.ROLE_ANY,
                QapiSyntax.ROLE_STRUCT,
                QapiSyntax.ROLE_UNION)) {
            if (Domain.handlesRole("qapi:" + r)) {
                out.add("qapi:" + r);
            }
        }
        return Set.copyOf(out);
    }

    @Override
    public Set<String> roles() {
        return ROLES;
    }

    @Override
    public void resolve(String docname, RstNode xref, Consumer<SystemMessage> report) {
        domain.resolve(docname, xref, report);
    }

    @Override
    public List<Domain.Candidate> anyCandidates(String docname, RstNode xref, String target, String title) {
        return domain.anyCandidates(docname, xref, target, title);
    }

    /** Every configured QAPI index is a label, even when its page is not written (§5.2.1). */
    @Override
    public Map<String, PageLabel> pageLabels() {
        Map<String, PageLabel> out = new TreeMap<>();
        domain.indexLabels().forEach((name, title) -> out.put(name, new PageLabel(name, title)));
        return out;
    }

    @Override
    public List<Inventory.Item> inventory() {
        List<Inventory.Item> items = new ArrayList<>();
        if (inventory) {
            for (ObjectEntry o : domain.objects()) {
                items.add(new Inventory.Item(
                        o.fqn(), "qapi", o.kind().objtype(), "1", Hrefs.fromRoot(o.docname(), o.id()), o.name()));
            }
        }
        return items;
    }
}
