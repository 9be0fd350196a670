package dev.qapidoc.rst;

import dev.qapidoc.source.SourceLocation;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;

/**
 * One node of a reST document tree, modelled on the docutils doctree (node type names are the
 * docutils / Sphinx ones, upper-cased).
 *
 * <p>The tree is <em>mutable</em> on purpose: after {@link RstReader} builds it, several passes
 * rewrite it in place the way Sphinx's transforms do (section ids, target propagation, contents
 * topics, the {@code qapi} domain replacing generic {@link Type#DIRECTIVE} nodes with object
 * descriptions, cross-reference resolution replacing {@link Type#PENDING_XREF} nodes). With an
 * immutable tree each of those passes would have to rebuild the whole document; a parent-linked
 * mutable tree makes "replace this node by those" a local operation, which is what commonmark's
 * post-processors do too (EXAMPLES.md §1).
 *
 * <p>Once a tree is finished it can be {@link #freeze() frozen}: from then on every mutator
 * throws {@link IllegalStateException}. A tree is frozen before it is handed to another thread
 * that only reads it (the search index, the index pages), so a later change on the building
 * thread fails loudly instead of racing with the reader.
 *
 * <p>Every node has a source location (file and 1-based line); generated nodes copy the location
 * of the node they were made from. Attributes are kept in a sorted map so that dumps and output
 * are deterministic.
 */
public final class RstNode {

    /** Node types: docutils' and Sphinx's node vocabulary, plus the two generic pending kinds. */
    public enum Type {
        DOCUMENT,
        SECTION,
        TITLE,
        SUBTITLE,
        PARAGRAPH,
        TEXT,
        EMPHASIS,
        STRONG,
        LITERAL,
        /** An inline element with classes only ({@code <span>}); used for unknown inline roles. */
        INLINE,
        /** A hyperlink: attribute {@code refuri} (external or page URI) or {@code refid} (same page). */
        REFERENCE,
        /** A hyperlink target {@code .. _name:}; {@code refuri} when it is an external target. */
        TARGET,
        /**
         * A cross-reference not yet resolved: attributes {@code role} (e.g. {@code doc}, {@code ref},
         * {@code any}, {@code qapi:cmd}), {@code text} (the raw role text, unescaped) and {@code
         * default} ("true" when written with the default role). Children are its rendered text.
         */
        PENDING_XREF,
        SUBSTITUTION_REFERENCE,
        SUBSTITUTION_DEFINITION,
        BULLET_LIST,
        ENUMERATED_LIST,
        LIST_ITEM,
        DEFINITION_LIST,
        DEFINITION_LIST_ITEM,
        TERM,
        CLASSIFIER,
        DEFINITION,
        FIELD_LIST,
        FIELD,
        FIELD_NAME,
        FIELD_BODY,
        OPTION_LIST,
        /** One option list entry: OPTION children, then a DESCRIPTION. */
        OPTION_LIST_ITEM,
        /** One option of an entry: attributes {@code option}, {@code delimiter}, {@code argument}. */
        OPTION,
        DESCRIPTION,
        LINE_BLOCK,
        LINE,
        /** A literal / code block: attribute {@code language}; text = the code. */
        LITERAL_BLOCK,
        /** docutils' {@code parsed-literal}: a literal block whose children are inline markup. */
        PARSED_LITERAL,
        BLOCK_QUOTE,
        ATTRIBUTION,
        COMMENT,
        TRANSITION,
        /** An admonition: attribute {@code kind} ({@code note}, ... or {@code admonition}). */
        ADMONITION,
        /** A {@code .. contents::} or {@code .. topic::} box; attribute {@code contents} for the former. */
        TOPIC,
        RUBRIC,
        CONTAINER,
        COMPOUND,
        TABLE,
        TGROUP,
        THEAD,
        TBODY,
        ROW,
        ENTRY,
        IMAGE,
        /** Raw output: attribute {@code format}; text = the raw text (only with --allow-raw). */
        RAW,
        /** Sphinx's {@code toctree}: attributes {@code maxdepth}, {@code caption}; children TOCTREE_ENTRY. */
        TOCTREE,
        /** One toctree line: attributes {@code docname} and, when given, {@code title}. */
        TOCTREE_ENTRY,
        /**
         * Index entries (invisible): attributes {@code entry0}, {@code entry1}, ... as {@code
         * type:text} ({@code single:A}, {@code single:A; B}, {@code pair:A; B}, {@code
         * triple:A; B; C}) and {@code target}, the id the entries link to. The general index is
         * built from these nodes, so a later pass adds entries by adding INDEX nodes. One with the
         * attribute {@code std:program} and no entries marks a {@code .. program::} directive.
         */
        INDEX,
        /** Sphinx's {@code only}: attribute {@code expr}; children are kept when it holds. */
        ONLY,
        /**
         * A directive the reader does not implement; {@link #directive()} has its parts. Later
         * passes (the {@code qapi} domain) replace it; one still present at the end is reported as
         * {@code Unknown directive type}.
         */
        DIRECTIVE,
        /**
         * Sphinx object description ({@code <dl>}): attributes {@code domain}, {@code objtype},
         * optionally {@code nocontentsentry}. Its DESC_SIGNATURE carries the object id and, for a
         * table-of-contents entry (spec §6), the attribute {@code tocname}.
         */
        DESC,
        DESC_SIGNATURE,
        DESC_NAME,
        /** The part of a signature after or around the name (Sphinx's {@code desc_addname}). */
        DESC_ADDNAME,
        DESC_ANNOTATION,
        DESC_CONTENT,
        /** Sphinx's {@code hlist}: one BULLET_LIST child per column. */
        HLIST,
        /** A display formula ({@code .. math::}): text = the TeX; attribute {@code nowrap}. */
        MATH_BLOCK,
        /** A docutils system message kept in the tree (never rendered, like Sphinx). */
        SYSTEM_MESSAGE,
        /**
         * A footnote ({@code .. [1]}, {@code [#]}, {@code [#name]}, {@code [*]}): attributes {@code
         * auto} ({@code 1} numbered, {@code *} symbol) and, once {@link Footnotes} ran, {@code label}
         * and {@code backrefs} (space-separated ids). Children are its body.
         */
        FOOTNOTE,
        /** A citation {@code .. [CIT]}: attributes {@code label}, {@code backrefs}. */
        CITATION,
        /**
         * {@code [1]_}, {@code [#]_}, {@code [#name]_}, {@code [*]_}: attributes {@code auto},
         * {@code refname}, then {@code refid} and {@code label} once resolved.
         */
        FOOTNOTE_REFERENCE,
        /** {@code [CIT]_}: attributes {@code refname}, {@code label}, then {@code refid}. */
        CITATION_REFERENCE
    }

    private final Type type;
    private final SourceLocation location;
    private String text;
    /**
     * Made on first write: most nodes (text leaves above all) have no attributes, and an empty
     * map per node was a tenth of a tree's memory, which every walk drags through the cache.
     */
    private TreeMap<String, String> attributes;

    private final List<String> ids = new Strings(IDS_BIT);
    private final List<String> names = new Strings(NAMED_BIT);
    private final List<String> classes = new Strings(-1);
    private final List<RstNode> children = new ArrayList<>();
    /**
     * The types in this subtree, this node's included: bit {@code ordinal % 64} of {@code
     * types[ordinal / 64]}. Attaching a child ORs its bits into every ancestor; detaching clears
     * nothing, so the bits are a superset of what the subtree holds, which is all {@link
     * #findAll} needs to skip the subtrees that cannot contain its type. Whole-document passes
     * look for a rare type (toctrees, citations, substitution definitions, pending references)
     * a few dozen times per document; on QEMU's QMP manual (66,000 nodes) each such walk cost
     * 8-10 ms of CPU, most of it cache misses, before they skipped the paragraphs.
     */
    private final long[] types = new long[(IDS_BIT + 64) / 64];

    /**
     * Two more bits of {@link #types}: some node of the subtree has (or had) a name, an id. They
     * let {@link #select} find the named nodes or those with ids without visiting the others.
     */
    private static final int NAMED_BIT = Type.values().length;

    private static final int IDS_BIT = NAMED_BIT + 1;
    /** Set by {@link #freeze()}; never cleared. */
    private boolean frozen;
    /** The read-only view of {@link #children}, made on first use: walks ask for it millions of times. */
    private List<RstNode> childrenView;

    private RstNode parent;
    private DirectiveCall directive;

    public RstNode(Type type, SourceLocation location) {
        this.type = Objects.requireNonNull(type);
        this.location = Objects.requireNonNull(location, "location");
        types[type.ordinal() >>> 6] = 1L << type.ordinal();
    }

    /** Adds {@code child}'s types to this node and its ancestors, up to one that has them all. */
    private void noteTypes(RstNode child) {
        noteBits(child.types);
    }

    /** ORs {@code bits} into this node's {@link #types} and its ancestors', up to one that has them. */
    private void noteBits(long[] bits) {
        for (RstNode p = this; p != null; p = p.parent) {
            boolean grew = false;
            for (int w = 0; w < types.length; w++) {
                long t = p.types[w] | bits[w];
                if (t != p.types[w]) {
                    p.types[w] = t;
                    grew = true;
                }
            }
            if (!grew) {
                // an ancestor's bits include its descendants' bits: nothing above can grow either
                return;
            }
        }
    }

    /** True unless this subtree certainly holds no node of type {@code t} (see {@link #types}). */
    private boolean mayHold(Type t) {
        return (types[t.ordinal() >>> 6] & (1L << t.ordinal())) != 0;
    }

    /** A text leaf. */
    public static RstNode text(String text, SourceLocation location) {
        RstNode n = new RstNode(Type.TEXT, location);
        n.text = text;
        return n;
    }

    /** A generic directive node for a directive that a later pass should handle. */
    public static RstNode directive(DirectiveCall call) {
        RstNode n = new RstNode(Type.DIRECTIVE, call.location());
        n.directive = call;
        n.attr("name", call.name());
        return n;
    }

    public Type type() {
        return type;
    }

    public SourceLocation location() {
        return location;
    }

    /** Text of a TEXT, LITERAL_BLOCK, COMMENT, RAW or MATH_BLOCK node; null for others. */
    public String text() {
        return text;
    }

    public RstNode setText(String t) {
        checkMutable();
        this.text = t;
        return this;
    }

    /** The parts of a {@link Type#DIRECTIVE} node, null for other types. */
    public DirectiveCall directive() {
        return directive;
    }

    public String attr(String key) {
        return attributes == null ? null : attributes.get(key);
    }

    public RstNode attr(String key, String value) {
        checkMutable();
        if (value == null) {
            if (attributes != null) {
                attributes.remove(key);
            }
        } else {
            if (attributes == null) {
                attributes = new TreeMap<>();
            }
            attributes.put(key, value);
        }
        return this;
    }

    /** The attributes, sorted by name (read-only). */
    public Map<String, String> attributes() {
        return attributes == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(attributes);
    }

    /** Mutable list of HTML ids (first one is the element's own id). */
    public List<String> ids() {
        return ids;
    }

    /** Mutable list of reference names (normalised, as docutils' {@code names}). */
    public List<String> names() {
        return names;
    }

    /** Mutable list of extra CSS classes. */
    public List<String> classes() {
        return classes;
    }

    public List<RstNode> children() {
        List<RstNode> v = childrenView;
        if (v == null) {
            if (frozen && children.isEmpty()) {
                // a frozen leaf never gains children: no view of its own (freeze made none)
                return List.of();
            }
            // a race between threads only makes two equal views
            v = Collections.unmodifiableList(children);
            childrenView = v;
        }
        return v;
    }

    public RstNode parent() {
        return parent;
    }

    public RstNode add(RstNode child) {
        checkMutable();
        detach(child);
        child.parent = this;
        children.add(child);
        noteTypes(child);
        return this;
    }

    public RstNode addAll(List<RstNode> nodes) {
        for (RstNode n : List.copyOf(nodes)) {
            add(n);
        }
        return this;
    }

    public void insert(int index, RstNode child) {
        checkMutable();
        detach(child);
        child.parent = this;
        children.add(index, child);
        noteTypes(child);
    }

    public void remove(RstNode child) {
        checkMutable();
        if (children.remove(child)) {
            child.parent = null;
        }
    }

    /** Replaces this node in its parent by the given nodes (possibly none). */
    public void replaceWith(List<RstNode> replacement) {
        RstNode p = parent;
        if (p == null) {
            throw new IllegalStateException("node has no parent");
        }
        checkMutable();
        p.checkMutable();
        int i = p.children.indexOf(this);
        p.children.remove(i);
        parent = null;
        for (RstNode r : replacement) {
            detach(r);
            r.parent = p;
            p.children.add(i++, r);
            p.noteTypes(r);
        }
    }

    public void clearChildren() {
        checkMutable();
        for (RstNode c : children) {
            c.parent = null;
        }
        children.clear();
    }

    private static void detach(RstNode child) {
        child.checkMutable();
        if (child.parent != null) {
            child.parent.checkMutable();
            child.parent.children.remove(child);
            child.parent = null;
        }
    }

    /**
     * Makes this node and its whole subtree read-only, for good: afterwards {@link #add}, {@link
     * #insert}, {@link #remove}, {@link #replaceWith}, {@link #clearChildren}, {@link #attr(String,
     * String)}, {@link #setText} and every change to {@link #ids()}, {@link #names()} and {@link
     * #classes()} throw {@link IllegalStateException}, on these nodes and for moving them under
     * another parent. Idempotent; iterative, so deep trees are fine. Reading is unaffected, and
     * a frozen tree may be read from several threads once it has been handed over (thread start
     * or a queue gives the happens-before edge).
     *
     * @return this node
     */
    public RstNode freeze() {
        List<RstNode> todo = new ArrayList<>();
        todo.add(this);
        while (!todo.isEmpty()) {
            RstNode n = todo.remove(todo.size() - 1);
            if (n.frozen) {
                // a frozen node's subtree is frozen already: it cannot have gained children
                continue;
            }
            n.frozen = true;
            if (n.children.isEmpty()) {
                // a frozen leaf stays one: children() gives it the shared empty list
                continue;
            }
            // made here, so that readers on other threads never write the field
            n.children();
            for (RstNode c : n.children) {
                if (c.children.isEmpty()) {
                    // leaves (most nodes) are frozen here, without a trip through the stack
                    c.frozen = true;
                } else {
                    todo.add(c);
                }
            }
        }
        return this;
    }

    /** True once {@link #freeze()} has run on this node or an ancestor. */
    public boolean isFrozen() {
        return frozen;
    }

    private void checkMutable() {
        if (frozen) {
            throw new IllegalStateException("frozen reST node " + this + " cannot be changed");
        }
    }

    /**
     * The id, name and class lists: ordinary lists until the node is frozen. Every mutation of
     * an {@link AbstractList} (add, remove, clear, set, sort, iterator and sub-list changes) goes
     * through {@code add(int, E)}, {@code set} or {@code remove(int)}, so guarding those three
     * guards them all.
     */
    /** What an id, name or class list without items reads from (never written: indices fail first). */
    private static final ArrayList<String> EMPTY_STRINGS = new ArrayList<>(0);

    private final class Strings extends AbstractList<String> implements RandomAccess {
        /** Made on first add: most nodes have no ids, names or classes. */
        private ArrayList<String> items;

        /** The bit of {@link #types} this list sets once it has an item, or -1. */
        private final int bit;

        Strings(int bit) {
            this.bit = bit;
        }

        private ArrayList<String> items() {
            return items != null ? items : EMPTY_STRINGS;
        }

        @Override
        public String get(int index) {
            return items().get(index);
        }

        @Override
        public int size() {
            return items == null ? 0 : items.size();
        }

        @Override
        public String set(int index, String element) {
            checkMutable();
            return items().set(index, element);
        }

        @Override
        public void add(int index, String element) {
            checkMutable();
            if (items == null) {
                items = new ArrayList<>(2);
                if (bit >= 0) {
                    long[] b = new long[types.length];
                    b[bit >>> 6] = 1L << bit;
                    noteBits(b);
                }
            }
            items.add(index, element);
            modCount++;
        }

        @Override
        public String remove(int index) {
            checkMutable();
            modCount++;
            return items().remove(index);
        }
    }

    public int indexInParent() {
        return parent == null ? -1 : parent.children.indexOf(this);
    }

    /** The concatenated text of all TEXT descendants (a title's or paragraph's plain text). */
    public String astext() {
        if (type == Type.TEXT) {
            return text;
        }
        if (type == Type.LITERAL_BLOCK || type == Type.COMMENT || type == Type.RAW || type == Type.MATH_BLOCK) {
            return text == null ? "" : text;
        }
        StringBuilder sb = new StringBuilder();
        for (RstNode c : children) {
            sb.append(c.astext());
        }
        return sb.toString();
    }

    /** All descendants (not this node) in document order, collected iteratively. */
    public List<RstNode> descendants() {
        return collect(null);
    }

    /** Descendants of one type in document order. */
    public List<RstNode> findAll(Type t) {
        return collect(Objects.requireNonNull(t));
    }

    /**
     * The descendants, in document order, that are of one of {@code types}, or (with {@code
     * named}) have a name, or (with {@code withIds}) have an id: what a pass acting only on such
     * nodes would pick out of {@link #descendants()}, found without visiting the subtrees that
     * hold none (see {@link #types}). Nodes are tested as they are when this runs.
     */
    public List<RstNode> select(Set<Type> types, boolean named, boolean withIds) {
        long[] query = new long[this.types.length];
        for (Type t : types) {
            query[t.ordinal() >>> 6] |= 1L << t.ordinal();
        }
        if (named) {
            query[NAMED_BIT >>> 6] |= 1L << NAMED_BIT;
        }
        if (withIds) {
            query[IDS_BIT >>> 6] |= 1L << IDS_BIT;
        }
        List<RstNode> out = new ArrayList<>();
        if (children.isEmpty() || !meets(query)) {
            return out;
        }
        RstNode[] parents = new RstNode[32];
        int[] next = new int[32];
        int top = 0;
        parents[0] = this;
        while (top >= 0) {
            List<RstNode> ch = parents[top].children;
            int i = next[top];
            if (i >= ch.size()) {
                top--;
                continue;
            }
            next[top] = i + 1;
            RstNode c = ch.get(i);
            if (!c.meets(query)) {
                continue;
            }
            if (types.contains(c.type) || (named && !c.names.isEmpty()) || (withIds && !c.ids.isEmpty())) {
                out.add(c);
            }
            if (!c.children.isEmpty()) {
                if (++top == parents.length) {
                    parents = java.util.Arrays.copyOf(parents, top * 2);
                    next = java.util.Arrays.copyOf(next, top * 2);
                }
                parents[top] = c;
                next[top] = 0;
            }
        }
        return out;
    }

    /** True if this subtree may hold a node {@code query}'s bits ask for. */
    private boolean meets(long[] query) {
        for (int w = 0; w < query.length; w++) {
            if ((types[w] & query[w]) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pre-order walk with an explicit stack of (parent, next child index), so deep trees cannot
     * overflow the call stack; leaves are never pushed. Whole-document passes call this a few
     * dozen times on trees of a few hundred thousand nodes, so it is kept free of per-node
     * allocation. The result is complete before any caller mutates the tree.
     */
    private List<RstNode> collect(Type only) {
        List<RstNode> out = new ArrayList<>();
        if (children.isEmpty() || (only != null && !mayHold(only))) {
            return out;
        }
        RstNode[] parents = new RstNode[32];
        int[] next = new int[32];
        int top = 0;
        parents[0] = this;
        while (top >= 0) {
            List<RstNode> ch = parents[top].children;
            int i = next[top];
            if (i >= ch.size()) {
                top--;
                continue;
            }
            next[top] = i + 1;
            RstNode c = ch.get(i);
            if (only != null && !c.mayHold(only)) {
                continue;
            }
            if (c.type == only || only == null) {
                out.add(c);
            }
            if (!c.children.isEmpty()) {
                if (++top == parents.length) {
                    parents = java.util.Arrays.copyOf(parents, top * 2);
                    next = java.util.Arrays.copyOf(next, top * 2);
                }
                parents[top] = c;
                next[top] = 0;
            }
        }
        return out;
    }

    /** Nearest ancestor (not this node) of the given type, or null. */
    public RstNode ancestor(Type t) {
        for (RstNode p = parent; p != null; p = p.parent) {
            if (p.type == t) {
                return p;
            }
        }
        return null;
    }

    /**
     * A readable dump used by the example tests: one line per node, two spaces of indentation per
     * level, {@code Type "text" @line} plus ids, classes and attributes.
     */
    public String dump() {
        StringBuilder sb = new StringBuilder();
        dump(sb, 0);
        return sb.toString();
    }

    private void dump(StringBuilder sb, int depth) {
        java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
        stack.push(new Object[] {this, depth});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            RstNode n = (RstNode) top[0];
            int d = (Integer) top[1];
            sb.append("  ".repeat(d)).append(camel(n.type));
            if (n.text != null) {
                sb.append(' ').append(quote(n.text));
            }
            if (n.directive != null) {
                DirectiveCall dc = n.directive;
                sb.append(' ').append(quote(dc.name()));
                if (!dc.arguments().isEmpty()) {
                    sb.append(" args=").append(quote(dc.arguments()));
                }
                for (Map.Entry<String, String> o : dc.options().entrySet()) {
                    sb.append(" :").append(o.getKey()).append(":=").append(quote(o.getValue()));
                }
                if (!dc.content().isEmpty()) {
                    sb.append(" content=")
                            .append(dc.content().get(0).where().line())
                            .append('-')
                            .append(dc.content()
                                    .get(dc.content().size() - 1)
                                    .where()
                                    .line());
                }
            }
            sb.append(" @").append(n.location.line());
            if (!n.ids.isEmpty()) {
                sb.append(" ids=").append(String.join(",", n.ids));
            }
            if (!n.names.isEmpty()) {
                sb.append(" names=").append(quote(String.join("|", n.names)));
            }
            if (!n.classes.isEmpty()) {
                sb.append(" classes=").append(String.join(",", n.classes));
            }
            for (Map.Entry<String, String> e : n.attributes().entrySet()) {
                if (n.directive != null && e.getKey().equals("name")) {
                    continue;
                }
                sb.append(' ').append(e.getKey()).append('=').append(quote(e.getValue()));
            }
            sb.append('\n');
            for (int i = n.children.size() - 1; i >= 0; i--) {
                stack.push(new Object[] {n.children.get(i), d + 1});
            }
        }
    }

    private static String camel(Type t) {
        StringBuilder sb = new StringBuilder();
        for (String part : t.name().split("_")) {
            sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + '"';
    }

    @Override
    public String toString() {
        return type + "@" + location;
    }
}
