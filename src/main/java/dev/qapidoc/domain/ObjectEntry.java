package dev.qapidoc.domain;

/**
 * One registered QAPI object (qapi-domain-and-html.md §1.4): what cross-references, the indices
 * and {@code objects.inv} need to know about it.
 *
 * @param fqn fully-qualified name, the registry key ({@code QMP:block-core.blockdev-backup})
 * @param docname the document that describes it
 * @param id its anchor in that document
 * @param kind its kind
 * @param name the bare directive argument ({@code blockdev-backup}; the module name for modules)
 */
public record ObjectEntry(String fqn, String docname, String id, Kind kind, String name) {}
