package dev.qapidoc.rst;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The document-wide part of docutils' substitution transform: references that a nested parse
 * could not resolve on its own (text a later pass parses apart from its page, such as an
 * {@code hxtool-doc} section using {@code |qemu_system|} from {@code rst_epilog}) are resolved
 * against every definition in the document, and only those still unknown are reported.
 */
public final class Substitutions {
    private Substitutions() {}

    /** Resolves the substitution references left in {@code doc}; reports each undefined one. */
    public static void resolve(RstNode doc, Consumer<SystemMessage> report) {
        List<RstNode> refs = doc.findAll(RstNode.Type.SUBSTITUTION_REFERENCE);
        if (refs.isEmpty()) {
            return;
        }
        // the reader already matched names exactly where it could; what is left matches as
        // docutils' fallback does, by normalized name
        Map<String, RstNode> normalized = new HashMap<>();
        for (RstNode def : doc.findAll(RstNode.Type.SUBSTITUTION_DEFINITION)) {
            for (String n : def.names()) {
                normalized.putIfAbsent(n, def);
            }
        }
        for (RstNode ref : refs) {
            RstNode def = normalized.get(ref.attr("refname"));
            if (def == null) {
                report.accept(new SystemMessage(
                        SystemMessage.Level.ERROR,
                        ref.location(),
                        "Undefined substitution referenced: \"" + ref.astext() + "\"."));
                ref.replaceWith(List.of(RstNode.text(ref.astext(), ref.location())));
                continue;
            }
            replace(ref, def);
        }
    }

    /** Replaces the reference {@code ref} by a copy of definition {@code def}'s content. */
    static void replace(RstNode ref, RstNode def) {
        List<RstNode> copies = new java.util.ArrayList<>();
        for (RstNode c : def.children()) {
            copies.add(BlockParser.copy(c));
        }
        ref.replaceWith(copies);
    }
}
