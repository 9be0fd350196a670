package dev.qapidoc.html;

import dev.qapidoc.domain.Domain;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.SystemMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A domain's part in phase 2 of a site build (qapi-domain-and-html.md §0.6): once every document
 * is read, the site builder hands each pending cross-reference to the domain that registered its
 * role. The standard domain ({@link StdDomain}: labels, {@code ref}, {@code doc}, {@code any},
 * {@code pep}, {@code rfc}) and the {@code qapi} domain ({@link QapiXrefDomain}) are registered
 * this way, and so is any extra domain given in {@link SiteBuilder.Options#domains()}; roles are
 * looked up in one map, so two domains cannot claim the same role.
 *
 * <p>The {@code any} role belongs to the standard domain, which asks every other domain for its
 * {@link #anyCandidates} after its own documents and labels (spec §4.5).
 */
public interface XrefDomain {

    /** The roles this domain resolves, as written in reST: {@code ref}, {@code qapi:cmd}. */
    Set<String> roles();

    /**
     * Resolves one pending reference of one of {@link #roles()} in document {@code docname}:
     * replaces the {@link RstNode.Type#PENDING_XREF} node {@code xref} (still in its tree) by a
     * link, or by the unlinked rendering plus a warning when nothing matches.
     */
    void resolve(String docname, RstNode xref, Consumer<SystemMessage> report);

    /**
     * This domain's targets for an {@code any} reference from {@code docname}, in priority order,
     * each already rendered as the link it would become.
     *
     * @param target the whitespace-normalised target text
     * @param title the explicit title, or null
     */
    default List<Domain.Candidate> anyCandidates(String docname, RstNode xref, String target, String title) {
        return List.of();
    }

    /**
     * Standard labels naming whole pages the domain generates (spec §4.5, §5.2.1: {@code
     * qapi-qmp-index} → "QMP Index"): they resolve for {@code :ref:} and {@code any} and are
     * listed in {@code objects.inv} like {@code genindex}.
     */
    default Map<String, PageLabel> pageLabels() {
        return Map.of();
    }

    /**
     * The domain's index pages (Sphinx's domain indices, such as the {@code dbus} domain's {@code
     * dbus-dbusindex}), written with the QAPI index pages' layout; only those with entries.
     */
    default List<Domain.IndexPage> indexPages() {
        return List.of();
    }

    /** This domain's objects for {@code objects.inv} (spec §5.3), in any order (it is sorted). */
    default List<Inventory.Item> inventory() {
        return List.of();
    }

    /** A standard label that names a whole generated page ({@code genindex} → "Index"). */
    record PageLabel(String page, String title) {}
}
