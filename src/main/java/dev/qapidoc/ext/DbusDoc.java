package dev.qapidoc.ext;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.DirectiveCall;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstReader;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.source.SourceLocation;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * QEMU's {@code dbus-doc} directive: a D-Bus introspection XML file documented with the {@code
 * dbus} domain. Each {@code <interface>} becomes a section {@code NAME-section} titled "NAME
 * interface" holding the interface's object description; its methods, signals and properties
 * are descriptions nested in it, with ids {@code INTERFACE.MEMBER}. The doc comment of an element
 * is the {@code <!-- -->} comment right before it: its first line names the element ({@code
 * Name:}), then {@code @arg: text} lines describe arguments, and the rest, with its common
 * indentation removed, is reST. Processing instructions ({@code <?if ...?>}) are not evaluated,
 * so arguments of both branches are listed, as in QEMU's manual. Objects found are added to
 * {@link DbusObjects} for cross-references ({@code :dbus:iface:} ...) and the index.
 */
final class DbusDoc {

    static final String NAME = "dbus-doc";

    private final SourceFiles files;
    private final String srctree;
    private final DbusObjects objects;

    DbusDoc(SourceFiles files, String srctree, DbusObjects objects) {
        this.files = files;
        this.srctree = srctree;
        this.objects = objects;
    }

    List<RstNode> expand(String docname, RstNode node, RstReader reader, Consumer<SystemMessage> report) {
        DirectiveCall call = node.directive();
        String path = call.arguments().strip();
        Optional<SourceFiles.Source> src;
        try {
            src = path.isEmpty() ? Optional.empty() : files.read(srctree, path);
        } catch (RstReader.Refused e) {
            report.accept(SystemMessage.error(
                    call.location(), "Problems with \"" + NAME + "\" directive path:\n" + e.getMessage()));
            return List.of();
        }
        if (src.isEmpty()) {
            report.accept(SystemMessage.error(
                    call.location(),
                    "Problems with \"" + NAME + "\" directive path:\nInputError: [Errno 2] No such file or directory: '"
                            + files.shown(srctree, path) + "'."));
            return List.of();
        }
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setIgnoringComments(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = f.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(src.get().text())))
                    .getDocumentElement();
        } catch (Exception e) {
            report.accept(
                    SystemMessage.error(call.location(), "dbus-doc: cannot parse " + path + ": " + e.getMessage()));
            return List.of();
        }
        DbusRender r = new DbusRender(docname, node.attr("highlight"), reader, report, call.location(), objects);
        List<RstNode> out = new ArrayList<>();
        for (Element iface : children(root, "interface")) {
            out.add(r.interfaceSection(iface, Comment.before(iface)));
        }
        return out;
    }

    static List<Element> children(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && (tag == null || c.getTagName().equals(tag))) {
                out.add(c);
            }
        }
        return out;
    }

    /** A doc comment: argument descriptions and the body text. */
    record Comment(Map<String, String> args, List<String> body) {
        static final Comment NONE = new Comment(Map.of(), List.of());

        /** The comment right before {@code e} (only whitespace between), or {@link #NONE}. */
        static Comment before(Element e) {
            for (Node n = e.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
                if (n.getNodeType() == Node.COMMENT_NODE) {
                    return parse(n.getNodeValue());
                }
                // conditional blocks (<?if ...?>) are not evaluated, so they do not separate either
                if (n.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                    continue;
                }
                if (n.getNodeType() != Node.TEXT_NODE || !n.getNodeValue().isBlank()) {
                    return NONE;
                }
            }
            return NONE;
        }

        static Comment parse(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int indent = Integer.MAX_VALUE;
            for (String l : lines) {
                if (!l.isBlank()) {
                    indent = Math.min(indent, l.length() - l.stripLeading().length());
                }
            }
            List<String> ded = new ArrayList<>();
            for (String l : lines) {
                ded.add(
                        l.isBlank()
                                ? ""
                                : l.substring(Math.min(indent, l.length())).stripTrailing());
            }
            while (!ded.isEmpty() && ded.get(0).isEmpty()) {
                ded.remove(0);
            }
            // the first line names the element ("Name:")
            if (!ded.isEmpty() && ded.get(0).endsWith(":")) {
                ded.remove(0);
            }
            Map<String, String> args = new TreeMap<>();
            while (!ded.isEmpty() && ded.get(0).startsWith("@")) {
                String l = ded.remove(0);
                int colon = l.indexOf(':');
                if (colon > 1) {
                    args.put(
                            l.substring(1, colon).strip(),
                            l.substring(colon + 1).strip());
                }
            }
            while (!ded.isEmpty() && ded.get(0).isEmpty()) {
                ded.remove(0);
            }
            while (!ded.isEmpty() && ded.get(ded.size() - 1).isEmpty()) {
                ded.remove(ded.size() - 1);
            }
            return new Comment(args, ded);
        }

        /** The body as content lines, all located at {@code where}. */
        List<ContentLine> lines(SourceLocation where) {
            List<ContentLine> out = new ArrayList<>();
            for (String b : body) {
                out.add(new ContentLine(b, where));
            }
            return out;
        }
    }
}
