package dev.qapidoc.rst;

import static dev.qapidoc.rst.BlockParser.BULLET;
import static dev.qapidoc.rst.BlockParser.ENUM;
import static dev.qapidoc.rst.BlockParser.EXPLICIT;
import static dev.qapidoc.rst.BlockParser.FIELD;
import static dev.qapidoc.rst.BlockParser.LINE_BLOCK;
import static dev.qapidoc.rst.Lines.dedent;
import static dev.qapidoc.rst.Lines.firstKnownIndented;
import static dev.qapidoc.rst.Lines.indent;
import static dev.qapidoc.rst.Lines.indentedEnd;
import static dev.qapidoc.rst.Lines.skipBlank;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The list-like body elements of a read: bullet, enumerated, field and definition lists and line
 * blocks. Each method reads one element starting at line {@code i} into {@code target} and
 * returns the line after it; item bodies are parsed by the owning {@link BlockParser}.
 */
final class ListBlocks {

    private final BlockParser parser;

    ListBlocks(BlockParser parser) {
        this.parser = parser;
    }

    int bulletList(List<ContentLine> lines, int i, RstNode target, int depth) {
        char bullet = lines.get(i).text().charAt(0);
        RstNode list = new RstNode(Type.BULLET_LIST, lines.get(i).where()).attr("bullet", String.valueOf(bullet));
        while (i < lines.size()) {
            String t = lines.get(i).text();
            Matcher m = BULLET.matcher(t);
            if (!m.find() || t.charAt(0) != bullet) {
                break;
            }
            i = listItem(lines, i, m.end(), list, depth);
            if (i < lines.size() && !BULLET.matcher(lines.get(i).text()).find()) {
                break;
            }
        }
        target.add(list);
        return i;
    }

    /** Whether an enumerator at line {@code i} really starts a list (docutils' next-line check). */
    boolean enumOk(List<ContentLine> lines, int i, Matcher m) {
        if (m.group(1).equals("(") && !m.group(3).equals(")")) {
            return false;
        }
        if (i + 1 >= lines.size()) {
            return true;
        }
        String next = lines.get(i + 1).text();
        return next.isBlank() || indent(next) > 0 || ENUM.matcher(next).find();
    }

    int enumList(List<ContentLine> lines, int i, RstNode target, int depth) {
        Matcher first = ENUM.matcher(lines.get(i).text());
        first.find();
        String fmt = first.group(1) + "#" + first.group(3);
        String ord = first.group(2);
        String enumtype;
        int start;
        if (ord.equals("#")) {
            enumtype = "arabic";
            start = 1;
        } else if (Character.isDigit(ord.charAt(0))) {
            enumtype = "arabic";
            start = Lines.parseIntSafe(ord);
        } else if (ord.equals("i") || ord.equals("I")) {
            enumtype = ord.equals("i") ? "lowerroman" : "upperroman";
            start = 1;
        } else {
            enumtype = Character.isLowerCase(ord.charAt(0)) ? "loweralpha" : "upperalpha";
            start = Character.toLowerCase(ord.charAt(0)) - 'a' + 1;
        }
        RstNode list = new RstNode(Type.ENUMERATED_LIST, lines.get(i).where());
        list.attr("enumtype", enumtype);
        list.attr("prefix", first.group(1));
        list.attr("suffix", first.group(3));
        if (start != 1) {
            list.attr("start", String.valueOf(start));
        }
        while (i < lines.size()) {
            Matcher m = ENUM.matcher(lines.get(i).text());
            if (!m.find() || !(m.group(1) + "#" + m.group(3)).equals(fmt)) {
                break;
            }
            i = listItem(lines, i, m.end(), list, depth);
            if (i < lines.size() && !ENUM.matcher(lines.get(i).text()).find()) {
                break;
            }
        }
        target.add(list);
        return i;
    }

    /**
     * One item of a bullet or enumerated list whose marker ends at {@code bodyStart}: its
     * indented body becomes a new item of {@code list}. Returns the next non-blank line.
     */
    private int listItem(List<ContentLine> lines, int i, int bodyStart, RstNode list, int depth) {
        RstNode item = new RstNode(Type.LIST_ITEM, lines.get(i).where());
        int end;
        if (lines.get(i).text().length() > bodyStart) {
            // text after the marker fixes the body's indentation (docutils' known indent), so a
            // literal block or nested list indented further keeps its extra indentation
            end = Lines.knownIndentedEnd(lines, i + 1, bodyStart);
            parser.parse(Lines.knownIndented(lines, i, end, bodyStart), item, null, depth + 1);
        } else {
            end = indentedEnd(lines, i + 1);
            parser.parse(firstKnownIndented(lines, i, end, bodyStart), item, null, depth + 1);
        }
        list.add(item);
        return skipBlank(lines, end);
    }

    int fieldList(List<ContentLine> lines, int i, RstNode target, int depth) {
        RstNode list = new RstNode(Type.FIELD_LIST, lines.get(i).where());
        while (i < lines.size()) {
            Matcher m = FIELD.matcher(lines.get(i).text());
            if (!m.find()) {
                break;
            }
            int end = indentedEnd(lines, i + 1);
            RstNode field = new RstNode(Type.FIELD, lines.get(i).where());
            RstNode name = new RstNode(Type.FIELD_NAME, lines.get(i).where());
            name.addAll(parser.inline.parse(m.group(1), List.of(lines.get(i).where())));
            RstNode body = new RstNode(Type.FIELD_BODY, lines.get(i).where());
            parser.parse(firstKnownIndented(lines, i, end, m.end()), body, null, depth + 1);
            field.add(name);
            field.add(body);
            list.add(field);
            i = skipBlank(lines, end);
        }
        target.add(list);
        return i;
    }

    int definitionList(List<ContentLine> lines, int i, RstNode target, int depth) {
        RstNode list = new RstNode(Type.DEFINITION_LIST, lines.get(i).where());
        while (i + 1 < lines.size()
                && !lines.get(i).text().isBlank()
                && indent(lines.get(i).text()) == 0
                && !lines.get(i + 1).text().isBlank()
                && indent(lines.get(i + 1).text()) > 0
                && !EXPLICIT.matcher(lines.get(i).text()).find()) {
            ContentLine termLine = lines.get(i);
            RstNode item = new RstNode(Type.DEFINITION_LIST_ITEM, termLine.where());
            String[] parts = termLine.text().split(" +: +");
            RstNode term = new RstNode(Type.TERM, termLine.where());
            term.addAll(parser.inline.parse(parts[0], List.of(termLine.where())));
            item.add(term);
            for (int k = 1; k < parts.length; k++) {
                RstNode cl = new RstNode(Type.CLASSIFIER, termLine.where());
                cl.addAll(parser.inline.parse(parts[k], List.of(termLine.where())));
                item.add(cl);
            }
            int end = indentedEnd(lines, i + 1);
            RstNode def = new RstNode(Type.DEFINITION, lines.get(i + 1).where());
            parser.parse(dedent(lines.subList(i + 1, end)), def, null, depth + 1);
            item.add(def);
            list.add(item);
            i = skipBlank(lines, end);
        }
        target.add(list);
        return i;
    }

    int lineBlock(List<ContentLine> lines, int i, RstNode target) {
        RstNode block = new RstNode(Type.LINE_BLOCK, lines.get(i).where());
        while (i < lines.size() && LINE_BLOCK.matcher(lines.get(i).text()).find()) {
            ContentLine l = lines.get(i);
            String text = l.text().length() > 2 ? l.text().substring(2) : "";
            List<SourceLocation> locs = new ArrayList<>(List.of(l.where()));
            i++;
            while (i < lines.size()
                    && !lines.get(i).text().isBlank()
                    && indent(lines.get(i).text()) > 0) {
                text += "\n" + lines.get(i).text().strip();
                locs.add(lines.get(i).where());
                i++;
            }
            RstNode line = new RstNode(Type.LINE, l.where());
            line.addAll(parser.inline.parse(text, locs));
            block.add(line);
        }
        target.add(block);
        return i;
    }
}
