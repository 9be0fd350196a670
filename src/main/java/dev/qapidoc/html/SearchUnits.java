package dev.qapidoc.html;

import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A document cut into the places a search result can link to: every section with an id and every
 * object description (a QAPI command, type, event...) with its signature's id. Each place keeps
 * its own text only (a section's text stops at its subsections and at the objects inside it), so
 * a word found in a member's description leads to the object that documents the member, not to
 * the top of a manual that holds a thousand objects. Member names, enum values and features are
 * kept apart from the prose: a search for {@code node-name} ranks the objects that have such a
 * member above those that merely mention it.
 */
final class SearchUnits {
    /** What a member name is, by the field listing it (QAPI's Members / Arguments, Values, Features). */
    enum NameKind {
        MEMBER,
        VALUE,
        FEATURE
    }

    /** A name of a member, enum value or feature. */
    record Name(String name, NameKind kind) {}

    /**
     * One place: {@code anchor} is the id it links to ("" for a document's text outside any
     * section), {@code title} the section title or the object's name, {@code kind} the object
     * type ("" for a section); {@code text} is the prose shown in excerpts, {@code code} the
     * literal blocks' text, searched but not shown.
     */
    static final class Unit {
        final String anchor;
        final String title;
        final String kind;
        final StringBuilder text = new StringBuilder();
        final StringBuilder code = new StringBuilder();
        final Set<Name> names = new LinkedHashSet<>();

        Unit(String anchor, String title, String kind) {
            this.anchor = anchor;
            this.title = title;
            this.kind = kind;
        }

        /** The prose, whitespace collapsed. */
        String prose() {
            return collapse(text);
        }
    }

    private SearchUnits() {}

    /** The places of a document tree, in document order; places without any text are kept (titles are searched). */
    static List<Unit> of(RstNode tree) {
        List<Unit> out = new ArrayList<>();
        Unit outside = new Unit("", "", "");
        out.add(outside);
        // an explicit stack: trees can be deep, and the unit in force changes on the way down
        Deque<Object[]> todo = new ArrayDeque<>();
        for (int i = tree.children().size() - 1; i >= 0; i--) {
            todo.push(new Object[] {tree.children().get(i), outside});
        }
        while (!todo.isEmpty()) {
            Object[] top = todo.pop();
            RstNode n = (RstNode) top[0];
            Unit cur = (Unit) top[1];
            if (n.classes().contains("contents") || skipped(n.type()) || fromSnippet(n)) {
                continue;
            }
            switch (n.type()) {
                case TEXT -> {
                    cur.text.append(n.text());
                    continue;
                }
                case LITERAL_BLOCK -> {
                    cur.code
                            .append(' ')
                            .append(n.text() == null ? "" : n.text())
                            .append(' ');
                    continue;
                }
                case SECTION -> {
                    if (!n.ids().isEmpty() && !n.children().isEmpty()) {
                        cur = new Unit(n.ids().get(0), n.children().get(0).astext(), "");
                        out.add(cur);
                        pushChildren(todo, n, cur, 1);
                        continue;
                    }
                }
                case DESC -> {
                    RstNode sig = signature(n);
                    if (sig != null) {
                        RstNode name =
                                sig.findAll(Type.DESC_NAME).stream().findFirst().orElse(null);
                        String title = name != null ? name.astext() : sig.astext();
                        String kind = n.attr("objtype") == null ? "" : n.attr("objtype");
                        cur = new Unit(sig.ids().get(0), title.strip(), kind);
                        out.add(cur);
                        for (int i = n.children().size() - 1; i >= 0; i--) {
                            RstNode c = n.children().get(i);
                            if (c.type() != Type.DESC_SIGNATURE) {
                                todo.push(new Object[] {c, cur});
                            }
                        }
                        continue;
                    }
                }
                case FIELD -> names(n, cur);
                // a blank before each block, so that words of adjacent blocks do not run together
                case TITLE, PARAGRAPH, TERM, ENTRY, LINE, RUBRIC, FIELD_NAME, LIST_ITEM -> cur.text.append(' ');
                default -> {}
            }
            pushChildren(todo, n, cur, 0);
        }
        return out;
    }

    private static void pushChildren(Deque<Object[]> todo, RstNode n, Unit cur, int from) {
        for (int i = n.children().size() - 1; i >= from; i--) {
            todo.push(new Object[] {n.children().get(i), cur});
        }
    }

    /**
     * Whether {@code n} comes from {@code rst_prolog} or {@code rst_epilog}: text every page
     * shares is not the page's, and would start every page's excerpt (issue 13).
     */
    private static boolean fromSnippet(RstNode n) {
        for (SourceLocation at = n.location(); at != null; at = at.includedFrom()) {
            if ("<rst_prolog>".equals(at.file()) || "<rst_epilog>".equals(at.file())) {
                return true;
            }
        }
        return false;
    }

    private static boolean skipped(Type t) {
        return t == Type.COMMENT
                || t == Type.SUBSTITUTION_DEFINITION
                || t == Type.SYSTEM_MESSAGE
                || t == Type.RAW
                || t == Type.INDEX
                || t == Type.TOCTREE
                || t == Type.DESC_SIGNATURE;
    }

    private static RstNode signature(RstNode desc) {
        for (RstNode c : desc.children()) {
            if (c.type() == Type.DESC_SIGNATURE && !c.ids().isEmpty()) {
                return c;
            }
        }
        return null;
    }

    /**
     * The names a field lists: each item of its body's list that starts with a bold name
     * ({@code **node-name** (str) -- ...}), as the QAPI domain writes Members, Arguments, Values
     * and Features.
     */
    private static void names(RstNode field, Unit cur) {
        if (field.children().size() < 2) {
            return;
        }
        String label = field.children().get(0).astext().strip().toLowerCase(Locale.ROOT);
        NameKind kind = label.startsWith("value")
                ? NameKind.VALUE
                : label.startsWith("feature") ? NameKind.FEATURE : NameKind.MEMBER;
        for (RstNode list : field.children().get(1).children()) {
            if (list.type() != Type.BULLET_LIST) {
                continue;
            }
            for (RstNode item : list.children()) {
                if (item.children().isEmpty() || item.children().get(0).type() != Type.PARAGRAPH) {
                    continue;
                }
                RstNode para = item.children().get(0);
                if (!para.children().isEmpty() && para.children().get(0).type() == Type.STRONG) {
                    String name = para.children().get(0).astext().strip();
                    if (!name.isEmpty() && name.length() <= 80) {
                        cur.names.add(new Name(name, kind));
                    }
                }
            }
        }
    }

    static String collapse(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    sb.append(' ');
                    space = true;
                }
            } else {
                sb.append(c);
                space = false;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        return sb.toString();
    }
}
