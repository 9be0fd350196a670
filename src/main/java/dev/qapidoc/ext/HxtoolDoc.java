package dev.qapidoc.ext;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.DirectiveCall;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.rst.RstReader;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * QEMU's {@code hxtool-doc} directive (docs/devel/docs.rst, "hxtool and .hx files"): the reST
 * sections of a {@code .hx} file, in place of the directive. The file alternates C code with
 * {@code SRST}/{@code ERST} sections whose lines are reST taken verbatim; consecutive sections
 * form one text (two definition-list items in two sections make one list, as in QEMU's manual).
 * {@code HXCOMM} lines are dropped everywhere. {@code SRST(label)} puts the label {@code
 * DOCNAME-HXFILE-LABEL} before its text, so the element after it carries the id and {@code :ref:}
 * finds it. In the C part, {@code DEFHEADING(text:)} and {@code ARCHHEADING(text:, arch)} start
 * a section titled by the text without its colon, with the id {@code hxtool-N} (N counting the
 * headings of the directive from 0); an empty heading only ends a block of {@code --help} output
 * and is ignored. Headings always nest one level below the section holding the directive.
 */
final class HxtoolDoc {

    static final String NAME = "hxtool-doc";

    private final SourceFiles files;
    private final String srctree;

    HxtoolDoc(SourceFiles files, String srctree) {
        this.files = files;
        this.srctree = srctree;
    }

    /** The nodes replacing the pending directive {@code node} of document {@code docname}. */
    List<RstNode> expand(String docname, RstNode node, RstReader reader, Consumer<SystemMessage> report) {
        DirectiveCall call = node.directive();
        String path = call.arguments().strip();
        if (path.isEmpty() || path.contains(" ")) {
            report.accept(SystemMessage.error(
                    call.location(),
                    "Error in \"" + NAME + "\" directive:\n1 argument(s) required, "
                            + (path.isEmpty() ? 0 : path.split(" +").length) + " supplied.\n\n"
                            + call.sourceText()));
            return List.of();
        }
        Optional<SourceFiles.Source> src;
        try {
            src = files.read(srctree, path);
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
        String base = path.substring(path.lastIndexOf('/') + 1);
        String hxname = base.endsWith(".hx") ? base.substring(0, base.length() - 3) : base;
        return new Expansion(docname + "-" + hxname + "-", node.attr("highlight"), reader, report)
                .run(src.get().lines(call.location()));
    }

    /** One run over the file's lines. */
    private static final class Expansion {
        private final String labelPrefix;
        private final String highlight;
        private final RstReader reader;
        private final Consumer<SystemMessage> report;
        private final List<RstNode> out = new ArrayList<>();
        private final List<ContentLine> pending = new ArrayList<>();
        private RstNode section;
        private int headings;

        Expansion(String labelPrefix, String highlight, RstReader reader, Consumer<SystemMessage> report) {
            this.labelPrefix = labelPrefix;
            this.highlight = highlight;
            this.reader = reader;
            this.report = report;
        }

        List<RstNode> run(List<ContentLine> lines) {
            boolean inRst = false;
            SourceLocation opened = null;
            for (ContentLine l : lines) {
                String t = l.text();
                if (t.startsWith("HXCOMM")) {
                    continue;
                }
                if (inRst) {
                    if (t.startsWith("ERST")) {
                        inRst = false;
                    } else if (t.startsWith("SRST")) {
                        report.accept(SystemMessage.warning(l.where(), "SRST inside a reST section"));
                    } else {
                        pending.add(l);
                    }
                } else if (t.startsWith("SRST")) {
                    inRst = true;
                    opened = l.where();
                    String label = parenthesised(t);
                    if (label != null && !label.isBlank()) {
                        pending.add(new ContentLine("", l.where()));
                        pending.add(new ContentLine(".. _" + labelPrefix + label.strip() + ":", l.where()));
                        pending.add(new ContentLine("", l.where()));
                    }
                } else if (t.startsWith("ERST")) {
                    report.accept(SystemMessage.warning(l.where(), "ERST outside a reST section"));
                } else if (t.startsWith("DEFHEADING(")) {
                    heading(parenthesised(t), l.where());
                } else if (t.startsWith("ARCHHEADING(")) {
                    String inner = parenthesised(t);
                    int comma = inner == null ? -1 : inner.lastIndexOf(',');
                    heading(comma < 0 ? inner : inner.substring(0, comma), l.where());
                }
            }
            if (inRst) {
                report.accept(SystemMessage.warning(opened, "SRST section without ERST at the end of the file"));
            }
            flush();
            return out;
        }

        /** The text between the first {@code (} and the last {@code )}, or null. */
        private static String parenthesised(String t) {
            int open = t.indexOf('(');
            int close = t.lastIndexOf(')');
            return open < 0 || close < open ? null : t.substring(open + 1, close);
        }

        private void heading(String text, SourceLocation where) {
            if (text == null) {
                return;
            }
            String title = text.strip();
            if (title.endsWith(":")) {
                title = title.substring(0, title.length() - 1).strip();
            }
            if (title.isEmpty()) {
                return;
            }
            flush();
            section = new RstNode(Type.SECTION, where);
            section.ids().add("hxtool-" + headings++);
            RstNode t = new RstNode(Type.TITLE, where);
            t.add(RstNode.text(title, where));
            section.add(t);
            out.add(section);
        }

        /** Parses the reST gathered since the last heading into the current section. */
        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<RstNode> nodes = reader.parseNested(List.copyOf(pending), false, highlight, report);
            pending.clear();
            if (section == null) {
                out.addAll(nodes);
            } else {
                section.addAll(nodes);
            }
        }
    }
}
