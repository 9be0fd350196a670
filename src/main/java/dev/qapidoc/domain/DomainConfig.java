package dev.qapidoc.domain;

import java.util.Set;

/**
 * The configuration values the domain reads (qapi-domain-and-html.md §0.5).
 *
 * @param allowedFields {@code qapi_allowed_fields}: extra field names accepted without warning
 * @param namespaces {@code qapi_namespaces}: one QAPI index page per name
 * @param splitModule {@code qapi_split_module}: UPS (true) or REF (false) name splitting (§0.3)
 * @param pairModuleEntries {@code qapi_module_index_style = "pair"}: the seed's module index entries
 * @param showParents {@code toc_object_entries_show_parents}: {@code domain}, {@code hide} or {@code all}
 * @param tocObjectEntries {@code toc_object_entries}
 */
public record DomainConfig(
        Set<String> allowedFields,
        Set<String> namespaces,
        boolean splitModule,
        boolean pairModuleEntries,
        String showParents,
        boolean tocObjectEntries) {

    public DomainConfig {
        allowedFields = Set.copyOf(allowedFields);
        namespaces = Set.copyOf(namespaces);
    }

    /** Sphinx's defaults with no {@code qapi_*} values set. */
    public static DomainConfig defaults() {
        return new DomainConfig(Set.of(), Set.of(), false, false, "domain", true);
    }
}
