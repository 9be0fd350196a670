package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Footnotes and citations as the reStructuredText specification describes them: the label forms
 * ({@code [1]} manual, {@code [#]} auto-numbered, {@code [#name]} auto-numbered with a label,
 * {@code [*]} auto-symbol, {@code [CIT]} citation), their ids (taken in document order like every
 * other element's), the numbering (auto-numbered footnotes take, in order of definition, the
 * numbers no manual footnote uses), the matching of references to definitions and the backlinks.
 *
 * <p>Citations left without a definition in their document are kept unresolved, with their {@code
 * refname}: Sphinx makes citations global, so the site builder resolves them across documents.
 */
public final class Footnotes {

    /**
     * The label grammar shared by definitions and references (without the brackets); its names
     * are {@link InlineParser#SIMPLE_NAME}s, matched without recursion however long.
     */
    private static final String LABEL =
            "([0-9]+|#(?:" + InlineParser.SIMPLE_NAME + ")?|\\*|" + InlineParser.SIMPLE_NAME + ")";

    /** An explicit-markup block's text after {@code ..}: a footnote or citation definition. */
    static final Pattern DEFINITION = Pattern.compile("^\\[" + LABEL + "\\]( +|$)");

    /** A footnote or citation reference at the current position of inline text. */
    static final Pattern REFERENCE = Pattern.compile("\\[" + LABEL + "\\]_");

    /** The node types that take ids in document order (see {@link #assignId}). */
    static final Set<Type> TYPES =
            EnumSet.of(Type.FOOTNOTE, Type.CITATION, Type.FOOTNOTE_REFERENCE, Type.CITATION_REFERENCE);

    /** docutils' documented symbol sequence; after the tenth, symbols repeat doubled, tripled, ... */
    private static final String[] SYMBOLS = {
        "*", "\u2020", "\u2021", "\u00a7", "\u00b6", "#", "\u2660", "\u2665", "\u2666", "\u2663"
    };

    private Footnotes() {}

    /** The empty definition node for {@code label} (its body is parsed by the caller). */
    static RstNode definition(String label, SourceLocation where) {
        if (citation(label)) {
            RstNode n = new RstNode(Type.CITATION, where);
            n.names().add(Ids.normalizeName(label));
            n.attr("label", label);
            return n;
        }
        RstNode n = new RstNode(Type.FOOTNOTE, where);
        if (label.equals("*")) {
            n.attr("auto", "*");
        } else if (label.startsWith("#")) {
            n.attr("auto", "1");
            if (label.length() > 1) {
                n.names().add(Ids.normalizeName(label.substring(1)));
            }
        } else {
            n.names().add(label);
            n.attr("label", label);
        }
        return n;
    }

    /** Footnote labels are numbers, {@code #}, {@code #name} or {@code *}; any other is a citation. */
    private static boolean citation(String label) {
        return !label.chars().allMatch(Character::isDigit) && !label.startsWith("#") && !label.equals("*");
    }

    /** The reference node for {@code [label]_}. */
    static RstNode reference(String label, SourceLocation where) {
        if (citation(label)) {
            RstNode n = new RstNode(Type.CITATION_REFERENCE, where);
            n.attr("refname", Ids.normalizeName(label));
            n.attr("label", label);
            return n;
        }
        RstNode n = new RstNode(Type.FOOTNOTE_REFERENCE, where);
        if (label.equals("*")) {
            n.attr("auto", "*");
        } else if (label.startsWith("#")) {
            n.attr("auto", "1");
            if (label.length() > 1) {
                n.attr("refname", Ids.normalizeName(label.substring(1)));
            }
        } else {
            n.attr("refname", label);
            n.attr("label", label);
        }
        return n;
    }

    /**
     * Gives a footnote, citation or reference its id: a definition with a name takes the name's
     * id when it is free, anything else the next automatic {@code idN}.
     */
    static void assignId(RstNode n, Set<String> used, Supplier<String> autoId) {
        if (!n.ids().isEmpty()) {
            return;
        }
        String id = "";
        if ((n.type() == Type.FOOTNOTE || n.type() == Type.CITATION)
                && !n.names().isEmpty()) {
            id = Ids.docutils(n.names().get(0));
        }
        if (id.isEmpty() || used.contains(id)) {
            id = autoId.get();
        }
        n.ids().add(id);
        used.add(id);
    }

    /**
     * Numbers the auto footnotes and matches every reference of the document (in {@code all},
     * document order) to its definition; unknown footnote labels are reported.
     */
    static void resolve(List<RstNode> all, Consumer<SystemMessage> report) {
        Set<String> names = new HashSet<>();
        Map<String, RstNode> notes = new HashMap<>();
        List<RstNode> auto = new ArrayList<>();
        List<RstNode> symbols = new ArrayList<>();
        List<RstNode> autoRefs = new ArrayList<>();
        List<RstNode> symbolRefs = new ArrayList<>();
        for (RstNode n : all) {
            names.addAll(n.names());
            if (n.type() == Type.FOOTNOTE || n.type() == Type.CITATION) {
                for (String name : n.names()) {
                    notes.putIfAbsent(n.type() + ":" + name, n);
                }
                if ("1".equals(n.attr("auto"))) {
                    auto.add(n);
                } else if ("*".equals(n.attr("auto"))) {
                    symbols.add(n);
                }
            } else if (n.type() == Type.FOOTNOTE_REFERENCE && "1".equals(n.attr("auto"))) {
                autoRefs.add(n);
            } else if (n.type() == Type.FOOTNOTE_REFERENCE && "*".equals(n.attr("auto"))) {
                symbolRefs.add(n);
            }
        }
        List<RstNode> anonymous = number(auto, names);
        for (RstNode n : all) {
            if ((n.type() == Type.FOOTNOTE_REFERENCE || n.type() == Type.CITATION_REFERENCE)
                    && n.attr("refname") != null) {
                named(n, notes, report);
            }
        }
        inOrder(autoRefs, anonymous, "autonumbered", report);
        for (int k = 0; k < symbols.size(); k++) {
            symbols.get(k).attr("label", symbol(k));
        }
        inOrder(symbolRefs, symbols, "symbol", report);
    }

    /** Labels the auto-numbered footnotes; returns those without a name of their own. */
    private static List<RstNode> number(List<RstNode> auto, Set<String> names) {
        List<RstNode> anonymous = new ArrayList<>();
        int next = 1;
        for (RstNode f : auto) {
            String label;
            do {
                label = String.valueOf(next++);
            } while (names.contains(label));
            f.attr("label", label);
            if (f.names().isEmpty()) {
                f.names().add(label);
                anonymous.add(f);
            }
        }
        return anonymous;
    }

    private static void named(RstNode ref, Map<String, RstNode> notes, Consumer<SystemMessage> report) {
        boolean citation = ref.type() == Type.CITATION_REFERENCE;
        RstNode def = notes.get((citation ? Type.CITATION : Type.FOOTNOTE) + ":" + ref.attr("refname"));
        if (def == null) {
            if (!citation) {
                report.accept(
                        SystemMessage.error(ref.location(), "Unknown target name: \"" + ref.attr("refname") + "\"."));
                ref.attr("label", ref.attr("label") == null ? "#" + ref.attr("refname") : ref.attr("label"));
                ref.attr("refname", null);
                ref.attr("dangling", "true");
            }
            // a citation may be defined in another document: the site builder resolves it
            return;
        }
        link(ref, def);
    }

    /** Matches {@code refs} to {@code defs} one by one, as docutils does for [#]_ and [*]_. */
    private static void inOrder(List<RstNode> refs, List<RstNode> defs, String kind, Consumer<SystemMessage> report) {
        int k = 0;
        for (RstNode ref : refs) {
            if (ref.attr("refid") != null || ref.attr("dangling") != null) {
                continue;
            }
            if (k >= defs.size()) {
                report.accept(SystemMessage.error(
                        ref.location(),
                        "Too many " + kind + " footnote references: only " + defs.size()
                                + " corresponding footnotes available."));
                ref.attr("label", "*".equals(ref.attr("auto")) ? "*" : "#");
                continue;
            }
            link(ref, defs.get(k++));
        }
    }

    private static void link(RstNode ref, RstNode def) {
        ref.attr("refid", def.ids().get(0));
        ref.attr("refname", null);
        ref.attr("label", def.attr("label"));
        String back = def.attr("backrefs");
        String id = ref.ids().get(0);
        def.attr("backrefs", back == null ? id : back + " " + id);
    }

    private static String symbol(int k) {
        return SYMBOLS[k % SYMBOLS.length].repeat(k / SYMBOLS.length + 1);
    }
}
