package dev.qapidoc.domain;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.DirectiveCall;
import dev.qapidoc.rst.Ids;
import dev.qapidoc.rst.QapiSyntax;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.RstReader;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Phase 1 of the domain for one document: walks the tree in document order, keeping the
 * namespace and module context (qapi-domain-and-html.md §1.2), and replaces each generic directive
 * node of the domain by what the directive produces (§2). References met on the way get the
 * context recorded ({@code qapi-ns}, {@code qapi-mod} attributes) for resolution in phase 2.
 */
final class DocumentPass {

    static final String QMP_EXAMPLE = QapiSyntax.QMP_EXAMPLE;
    static final String QAPI_DOC = "qapi-doc";

    /** Directive nesting bound (generated content may nest directives inside directives). */
    private static final int MAX_DEPTH = 64;

    /** Options of object directives and modules (§2.2), U column. */
    private static final Set<String> OBJECT_OPTIONS = Set.of(
            QapiSyntax.OPT_NAMESPACE,
            QapiSyntax.OPT_MODULE,
            QapiSyntax.OPT_SINCE,
            QapiSyntax.OPT_DEPRECATED,
            QapiSyntax.OPT_UNSTABLE,
            QapiSyntax.OPT_IFCOND,
            QapiSyntax.OPT_NOINDEX,
            QapiSyntax.OPT_NO_INDEX,
            QapiSyntax.OPT_NOINDEXENTRY,
            QapiSyntax.OPT_NO_INDEX_ENTRY,
            QapiSyntax.OPT_NOCONTENTSENTRY,
            QapiSyntax.OPT_NO_CONTENTS_ENTRY,
            QapiSyntax.OPT_NO_TYPESETTING);

    private static final Set<String> MODULE_OPTIONS = Set.of(
            QapiSyntax.OPT_NOINDEX,
            QapiSyntax.OPT_NO_INDEX,
            QapiSyntax.OPT_NOINDEXENTRY,
            QapiSyntax.OPT_NO_INDEX_ENTRY,
            QapiSyntax.OPT_NOCONTENTSENTRY,
            QapiSyntax.OPT_NO_CONTENTS_ENTRY,
            QapiSyntax.OPT_NO_TYPESETTING);

    private final Domain domain;
    private final String docname;
    private final RstReader reader;
    /**
     * Reads object content without smart punctuation: Sphinx educates quotes only after the
     * field lists are transformed (their description blocks end up inside a paragraph, which
     * changes the quote context), so {@link #object} educates once the fields are in place.
     */
    private final RstReader plainReader;

    private final Consumer<SystemMessage> report;
    private String ns = "";
    private String mod = "";
    private final Set<String> usedIds = new HashSet<>();
    private final Map<String, Integer> idCounters = new HashMap<>();

    /** The object whose content is being walked: kind and context for fields and references. */
    private record Frame(Kind kind, String ns, String mod) {}

    DocumentPass(Domain domain, String docname, RstReader reader, Consumer<SystemMessage> report) {
        this.domain = domain;
        this.docname = docname;
        this.reader = reader;
        this.report = report;
        RstReader.Options o = reader.options();
        this.plainReader = o.smartQuotes() ? new RstReader(o.withSmartQuotes(false)) : reader;
    }

    /** How the pass expands one of its directives. */
    @FunctionalInterface
    private interface Handler {
        List<RstNode> expand(DocumentPass pass, RstNode node, Frame frame, int depth);
    }

    /**
     * The domain's directives by lower-case name (names match in any case, as in Sphinx): the one
     * table both {@link Domain#register} (which leaves them pending in the reader) and {@link
     * #walk} (which expands them) go by.
     */
    private static final Map<String, Handler> HANDLERS = handlers();

    private static Map<String, Handler> handlers() {
        Map<String, Handler> h = new LinkedHashMap<>();
        h.put(QMP_EXAMPLE, DocumentPass::qmpExample);
        h.put(QAPI_DOC, DocumentPass::qapiDoc);
        h.put(Domain.PREFIX + QapiSyntax.NAMESPACE, (p, node, frame, depth) -> p.namespace(node.directive()));
        h.put(Domain.PREFIX + QapiSyntax.BRANCH, DocumentPass::branch);
        for (Kind kind : Kind.values()) {
            h.put(
                    Domain.PREFIX + kind.objtype(),
                    kind == Kind.MODULE
                            ? (p, node, frame, depth) -> p.module(node, depth)
                            : (p, node, frame, depth) -> p.object(node, kind, depth));
        }
        return Map.copyOf(h);
    }

    /** Names of the directives this pass expands, lower case. */
    static Set<String> directiveNames() {
        return HANDLERS.keySet();
    }

    private static Handler handler(String directive) {
        return HANDLERS.get(directive.toLowerCase(Locale.ROOT));
    }

    static boolean handles(String directive) {
        return handler(directive) != null;
    }

    void run(RstNode document) {
        // (only the nodes with ids: the walk skips the rest)
        for (RstNode n : document.select(Set.of(), false, true)) {
            usedIds.addAll(n.ids());
        }
        walk(document, null, 0);
    }

    /** Expands the domain's directives below {@code parent} in order; stamps references. */
    private void walk(RstNode parent, Frame frame, int depth) {
        int i = 0;
        while (i < parent.children().size()) {
            RstNode c = parent.children().get(i);
            if (c.type() == Type.DIRECTIVE
                    && handles(c.directive().name())
                    && !(c.directive().name().equalsIgnoreCase(QAPI_DOC) && domain.expander() == SchemaExpander.NONE)) {
                // (without an expander, qapi-doc is left to other passes or reported as unknown)
                List<RstNode> rep = depth > MAX_DEPTH ? tooDeep(c) : directive(c, frame, depth);
                c.replaceWith(rep);
                i += rep.size();
                continue;
            }
            if (c.type() == Type.PENDING_XREF) {
                stamp(c, frame);
            } else {
                walk(c, frame, depth + 1);
            }
            i++;
        }
    }

    private List<RstNode> tooDeep(RstNode c) {
        report.accept(SystemMessage.error(
                c.location(),
                "Maximum nesting depth (" + MAX_DEPTH + ") exceeded; directive \""
                        + c.directive().name() + "\" skipped."));
        return List.of();
    }

    private void stamp(RstNode x, Frame frame) {
        if (x.attr("qapi-ns") == null) {
            x.attr("qapi-ns", frame != null ? frame.ns() : ns);
            x.attr("qapi-mod", frame != null ? frame.mod() : mod);
        }
    }

    private List<RstNode> directive(RstNode node, Frame frame, int depth) {
        return handler(node.directive().name()).expand(this, node, frame, depth);
    }

    // ---- helpers for directive errors (docutils' wording, Appendix A.2) ----

    private boolean optionsOk(DirectiveCall call, Set<String> allowed) {
        for (String o : call.options().keySet()) {
            if (!allowed.contains(o)) {
                report.accept(SystemMessage.error(
                        call.location(),
                        "Error in \"" + call.name() + "\" directive:\nunknown option: \"" + o + "\".\n\n"
                                + call.sourceText()));
                return false;
            }
        }
        return true;
    }

    private String oneArgument(DirectiveCall call) {
        String a = call.arguments().strip();
        String[] words = a.isEmpty() ? new String[0] : a.split("\\s+");
        if (words.length != 1) {
            report.accept(SystemMessage.error(
                    call.location(),
                    "Error in \"" + call.name() + "\" directive:\n"
                            + (words.length == 0
                                    ? "1 argument(s) required, 0 supplied."
                                    : "maximum 1 argument(s) allowed, " + words.length + " supplied.")
                            + "\n\n" + call.sourceText()));
            return null;
        }
        return a;
    }

    private static boolean flag(DirectiveCall call, String dashed, String undashed) {
        return call.has(dashed) || call.has(undashed);
    }

    private List<RstNode> parse(RstNode node, List<ContentLine> lines, boolean titles, String highlight, Frame frame) {
        return (frame != null ? plainReader : reader)
                .parseNested(lines, titles, highlight != null ? highlight : node.attr("highlight"), report);
    }

    /** Parses content into a holder node and expands the directives in it. */
    private RstNode content(
            RstNode node, List<ContentLine> lines, boolean titles, String highlight, Frame frame, int depth) {
        RstNode holder = new RstNode(Type.CONTAINER, node.location());
        holder.addAll(parse(node, lines, titles, highlight, frame));
        walk(holder, frame, depth + 1);
        return holder;
    }

    // ---- ids (§3.1) ----

    private String makeId(String prefix, String fqn) {
        String id = Ids.sphinx(prefix + "-" + fqn);
        if (id.isEmpty() || id.equals(prefix) || usedIds.contains(id)) {
            do {
                int n = idCounters.merge(prefix, 1, Integer::sum) - 1;
                id = prefix + "-" + n;
            } while (usedIds.contains(id));
        }
        usedIds.add(id);
        return id;
    }

    private void register(String fqn, String id, Kind kind, String name, SourceLocation where) {
        String other = domain.register(new ObjectEntry(fqn, docname, id, kind, name));
        if (other != null) {
            report.accept(SystemMessage.warning(
                    where,
                    "duplicate object description of " + fqn + ", other instance in " + other
                            + ", use :no-index: for one of them"));
        }
    }

    private static RstNode indexNode(SourceLocation where, String entry, String id) {
        return new RstNode(Type.INDEX, where).attr("entry0", entry).attr("target", id);
    }

    // ---- qapi:namespace (§2.3) ----

    private List<RstNode> namespace(DirectiveCall call) {
        if (!optionsOk(call, Set.of())) {
            return List.of();
        }
        String a = oneArgument(call);
        if (a == null) {
            return List.of();
        }
        if (!call.content().isEmpty()) {
            report.accept(SystemMessage.error(
                    call.location(),
                    "Error in \"" + call.name() + "\" directive:\nno content permitted.\n\n" + call.sourceText()));
            return List.of();
        }
        ns = a;
        return List.of();
    }

    // ---- qapi:module (§2.4) ----

    private List<RstNode> module(RstNode node, int depth) {
        DirectiveCall call = node.directive();
        if (!optionsOk(call, MODULE_OPTIONS)) {
            return List.of();
        }
        String name = oneArgument(call);
        if (name == null) {
            return List.of();
        }
        mod = name;
        String fqn = ns.isEmpty() ? name : ns + ":" + name;
        List<RstNode> out = new ArrayList<>();
        RstNode target = null;
        if (!flag(call, QapiSyntax.OPT_NO_INDEX, QapiSyntax.OPT_NOINDEX)) {
            String id = makeId(Kind.MODULE.objtype(), fqn);
            register(fqn, id, Kind.MODULE, name, call.location());
            if (!flag(call, QapiSyntax.OPT_NO_INDEX_ENTRY, QapiSyntax.OPT_NOINDEXENTRY)) {
                out.add(indexNode(
                        call.location(),
                        domain.config().pairModuleEntries()
                                ? "pair:QAPI module; " + name
                                : "single:" + name + " (QMP module)",
                        id));
            }
            target = new RstNode(Type.TARGET, call.location());
            target.ids().add(id);
        }
        RstNode holder = content(node, call.content(), true, null, null, depth);
        if (call.has(QapiSyntax.OPT_NO_TYPESETTING)) {
            List<String> ids = new ArrayList<>(target == null ? List.of() : target.ids());
            for (RstNode d : holder.descendants()) {
                ids.addAll(d.ids());
            }
            if (!ids.isEmpty()) {
                RstNode all = new RstNode(Type.TARGET, call.location());
                all.ids().addAll(ids);
                out.add(all);
            }
            return out;
        }
        if (target != null) {
            out.add(target);
        }
        out.addAll(holder.children());
        return out;
    }

    // ---- object directives (§2.5) ----

    private List<RstNode> object(RstNode node, Kind kind, int depth) {
        DirectiveCall call = node.directive();
        if (!optionsOk(call, OBJECT_OPTIONS)) {
            return List.of();
        }
        String name = oneArgument(call);
        if (name == null) {
            return List.of();
        }
        if (name.indexOf(':') >= 0 || name.indexOf('.') >= 0) {
            report.accept(SystemMessage.error(call.location(), "QAPI definition names may not contain ':' or '.'"));
            return List.of();
        }
        String ons = call.options().getOrDefault(QapiSyntax.OPT_NAMESPACE, ns).strip();
        String omod = call.options().getOrDefault(QapiSyntax.OPT_MODULE, mod).strip();
        String fqn = (ons.isEmpty() ? "" : ons + ":") + (omod.isEmpty() ? "" : omod + ".") + name;
        SourceLocation where = call.location();

        RstNode desc =
                new RstNode(Type.DESC, where).attr("domain", QapiSyntax.DOMAIN).attr("objtype", kind.objtype());
        RstNode sig = new RstNode(Type.DESC_SIGNATURE, where).attr("domain", QapiSyntax.DOMAIN);
        signature(sig, kind, name, call.options().get(QapiSyntax.OPT_SINCE));
        List<RstNode> out = new ArrayList<>();
        if (!flag(call, QapiSyntax.OPT_NO_INDEX, QapiSyntax.OPT_NOINDEX)) {
            String id = makeId(kind.objtype(), fqn);
            sig.ids().add(id);
            register(fqn, id, kind, name, where);
            if (!flag(call, QapiSyntax.OPT_NO_INDEX_ENTRY, QapiSyntax.OPT_NOINDEXENTRY)) {
                out.add(indexNode(where, "single:" + name + " (QMP " + kind.objtype() + ")", id));
            }
            if (domain.config().tocObjectEntries()
                    && !flag(call, QapiSyntax.OPT_NO_CONTENTS_ENTRY, QapiSyntax.OPT_NOCONTENTSENTRY)) {
                sig.attr("tocname", tocText(fqn));
            }
        }
        Frame frame = new Frame(kind, ons, omod);
        RstNode holder = content(node, call.content(), false, null, frame, depth);
        RstNode pips = pips(call, kind, where);
        if (pips != null) {
            holder.insert(0, pips);
        }
        InfoFields.transform(holder, kind, ons, omod, domain.config(), report);
        if (plainReader != reader) {
            RstReader.educate(holder);
        }
        RstNode dd = new RstNode(Type.DESC_CONTENT, where);
        dd.addAll(new ArrayList<>(holder.children()));
        desc.add(sig);
        desc.add(dd);
        if (call.has(QapiSyntax.OPT_NO_TYPESETTING)) {
            List<String> ids = new ArrayList<>(sig.ids());
            for (RstNode d : dd.descendants()) {
                ids.addAll(d.ids());
            }
            if (!ids.isEmpty()) {
                RstNode t = new RstNode(Type.TARGET, where);
                t.ids().addAll(ids);
                out.add(t);
            }
            return out;
        }
        out.add(desc);
        return out;
    }

    /** TOC entry text, §6.2 (with REF splitting the module stays in the name). */
    private String tocText(String fqn) {
        String[] p = domain.split(fqn);
        String mode = domain.config().showParents();
        if (mode.equals("all")) {
            return fqn;
        }
        String text = p[2];
        if (mode.equals("hide")) {
            return text;
        }
        if (!p[1].isEmpty() && !p[1].equals(mod)) {
            text = p[1] + "." + text;
        }
        if (!p[0].isEmpty() && !p[0].equals(ns)) {
            text = p[0] + ":" + text;
        }
        return text;
    }

    /** Signature content, §2.6: keyword, name, optional {@code (Since: …)}. */
    private static void signature(RstNode sig, Kind kind, String name, String since) {
        SourceLocation at = sig.location();
        RstNode ann = new RstNode(Type.DESC_ANNOTATION, at);
        RstNode k = span(at, "k");
        k.addAll(tokens(kind.keyword(), at));
        ann.add(k);
        ann.add(space(at));
        sig.add(ann);
        RstNode n = new RstNode(Type.DESC_NAME, at);
        n.add(RstNode.text(name, at));
        sig.add(n);
        if (since != null) {
            sig.add(space(at));
            RstNode s = span(at, null);
            s.addAll(tokens("(Since: " + since.strip() + ")", at));
            sig.add(s);
        }
    }

    private static RstNode span(SourceLocation at, String cls) {
        RstNode s = new RstNode(Type.INLINE, at);
        if (cls != null) {
            s.classes().add(cls);
        }
        return s;
    }

    private static RstNode space(SourceLocation at) {
        RstNode w = span(at, "w");
        w.add(RstNode.text(" ", at));
        return w;
    }

    /** "Protected literal text" (§2.6): words in {@code <span class="pre">}, spaces as text. */
    static List<RstNode> tokens(String text, SourceLocation at) {
        List<RstNode> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int j = i;
            if (c == ' ') {
                while (j < text.length() && text.charAt(j) == ' ') {
                    j++;
                }
                int run = j - i;
                out.add(RstNode.text(run == 1 ? " " : "\u00a0".repeat(run - 1) + " ", at));
            } else if (c == '\n') {
                j++;
                out.add(RstNode.text("\n", at));
            } else {
                while (j < text.length() && text.charAt(j) != ' ' && text.charAt(j) != '\n') {
                    j++;
                }
                RstNode pre = span(at, "pre");
                pre.add(RstNode.text(text.substring(i, j), at));
                out.add(pre);
            }
            i = j;
        }
        return out;
    }

    /** Info-pips, §2.7: deprecated, unstable, ifcond, in that order; null when none applies. */
    private static RstNode pips(DirectiveCall call, Kind kind, SourceLocation at) {
        List<RstNode> list = new ArrayList<>();
        if (call.has(QapiSyntax.OPT_DEPRECATED)) {
            list.add(pip(at, "qapi-deprecated", "This " + kind.objtype() + " is deprecated."));
        }
        if (call.has(QapiSyntax.OPT_UNSTABLE)) {
            list.add(pip(at, "qapi-unstable", "This " + kind.objtype() + " is unstable/experimental."));
        }
        String ifcond = call.options().get(QapiSyntax.OPT_IFCOND);
        if (ifcond != null && !ifcond.isBlank()) {
            RstNode p = pip(at, "qapi-ifcond", null);
            RstNode em = new RstNode(Type.EMPHASIS, at);
            em.add(RstNode.text("Availability", at));
            p.add(em);
            p.add(RstNode.text(": ", at));
            RstNode lit = new RstNode(Type.LITERAL, at);
            lit.add(RstNode.text(ifcond.strip(), at));
            p.add(lit);
            list.add(p);
        }
        if (list.isEmpty()) {
            return null;
        }
        RstNode box = new RstNode(Type.CONTAINER, at);
        box.classes().add("qapi-infopips");
        box.addAll(list);
        return box;
    }

    private static RstNode pip(SourceLocation at, String cls, String text) {
        RstNode c = new RstNode(Type.CONTAINER, at);
        c.classes().add("qapi-infopip");
        c.classes().add(cls);
        if (text != null) {
            c.add(RstNode.text(text, at));
        }
        return c;
    }

    // ---- qapi:branch (§2.9) ----

    private List<RstNode> branch(RstNode node, Frame frame, int depth) {
        DirectiveCall call = node.directive();
        if (frame == null || frame.kind() == Kind.MODULE) {
            report.accept(
                    SystemMessage.error(call.location(), "qapi:branch must be nested in a QAPI object directive"));
            return List.of();
        }
        if (!optionsOk(call, Set.of())) {
            return List.of();
        }
        String[] words = call.arguments().strip().split("\\s+");
        if (words.length != 2 || words[0].isEmpty()) {
            report.accept(SystemMessage.error(
                    call.location(),
                    "Error in \"" + call.name()
                            + "\" directive:\n2 argument(s) required, " + (words[0].isEmpty() ? 0 : words.length)
                            + " supplied.\n\n" + call.sourceText()));
            return List.of();
        }
        RstNode holder = content(node, call.content(), false, null, frame, depth);
        RstNode field = new RstNode(Type.FIELD, call.location())
                .attr(InfoFields.BRANCH_ATTR, "[" + words[0] + " = " + words[1] + "]");
        RstNode fname = new RstNode(Type.FIELD_NAME, call.location());
        fname.add(RstNode.text("[" + words[0] + " = " + words[1] + "]", call.location()));
        RstNode body = new RstNode(Type.FIELD_BODY, call.location());
        List<RstNode> rest = new ArrayList<>();
        for (RstNode c : new ArrayList<>(holder.children())) {
            if (c.type() == Type.FIELD_LIST) {
                body.add(c);
            } else {
                rest.add(c);
            }
        }
        field.add(fname);
        field.add(body);
        RstNode list = new RstNode(Type.FIELD_LIST, call.location());
        list.add(field);
        List<RstNode> out = new ArrayList<>();
        out.add(list);
        out.addAll(rest);
        return out;
    }

    // ---- qmp-example (§2.11) ----

    private List<RstNode> qmpExample(RstNode node, Frame frame, int depth) {
        DirectiveCall call =
                RstReader.split(node.directive().name(), node.directive().block(), node.location(), false);
        if (!optionsOk(call, Set.of(QapiSyntax.OPT_TITLE, QapiSyntax.OPT_ANNOTATED))) {
            return List.of();
        }
        if (call.content().isEmpty()) {
            report.accept(SystemMessage.error(
                    call.location(),
                    "Error in \"" + call.name()
                            + "\" directive:\nContent block expected for the \"" + call.name()
                            + "\" directive; none found."
                            + "\n\n" + call.sourceText()));
            return List.of();
        }
        RstNode adm = new RstNode(Type.ADMONITION, call.location()).attr("kind", "admonition-example");
        RstNode title = new RstNode(Type.TITLE, call.location());
        String t = call.options().get(QapiSyntax.OPT_TITLE);
        String titleText = t == null || t.isBlank() ? "Example:" : "Example: " + t.strip();
        List<RstNode> parsed = reader.parseNested(List.of(new ContentLine(titleText, call.location())), false, report);
        if (parsed.size() == 1 && parsed.get(0).type() == Type.PARAGRAPH) {
            title.addAll(new ArrayList<>(parsed.get(0).children()));
        } else {
            title.add(RstNode.text(titleText, call.location()));
        }
        adm.add(title);
        if (call.has(QapiSyntax.OPT_ANNOTATED)) {
            RstNode holder = content(node, call.content(), false, "QMP", frame, depth);
            adm.addAll(new ArrayList<>(holder.children()));
        } else {
            RstNode lb = new RstNode(Type.LITERAL_BLOCK, call.content().get(0).where()).attr("language", "QMP");
            StringBuilder sb = new StringBuilder();
            for (ContentLine l : call.content()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(l.text());
            }
            lb.setText(sb.toString());
            adm.add(lb);
        }
        return List.of(adm);
    }

    // ---- qapi-doc (§8.3) ----

    private List<RstNode> qapiDoc(RstNode node, Frame frame, int depth) {
        DirectiveCall call = node.directive();
        if (!optionsOk(call, Set.of(QapiSyntax.OPT_NAMESPACE))) {
            return List.of();
        }
        String path = oneArgument(call);
        if (path == null) {
            return List.of();
        }
        String nsOpt = call.options().get(QapiSyntax.OPT_NAMESPACE);
        SchemaExpander.Expansion e = domain.expander()
                .expand(path, nsOpt == null || nsOpt.isBlank() ? null : nsOpt.strip(), call.location());
        if (e.error() != null) {
            report.accept(SystemMessage.error(call.location(), e.error()));
            return List.of();
        }
        RstNode holder = content(node, e.lines(), true, null, frame, depth);
        return new ArrayList<>(holder.children());
    }
}
