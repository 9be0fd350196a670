package dev.qapidoc.rst;

import static dev.qapidoc.rst.Lines.indent;
import static dev.qapidoc.rst.Lines.skipBlank;

import dev.qapidoc.rst.RstNode.Type;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Option lists as the reST specification describes them: each item is a group of command-line
 * options ({@code -a}, {@code -f FILE}, {@code --long}, {@code --long=ARG}, {@code /V}, separated
 * by {@code ", "}) followed by its description, either after two or more spaces on the same line
 * or as the indented block below. A line that has no description is not an option list item.
 */
final class OptionLists {

    private static final String ARG = "(?:[a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)";
    private static final String OPTION = "(?:--[a-zA-Z0-9][a-zA-Z0-9_-]*(?:[ =]" + ARG + ")?|-[a-zA-Z0-9](?: ?" + ARG
            + ")?|/[a-zA-Z0-9]+(?:[ :]" + ARG + ")?)";
    /** An option group at the start of a line, then two spaces or the end of the line. */
    static final Pattern ITEM = Pattern.compile("^(" + OPTION + "(?:, " + OPTION + ")*+)(  +|$)");

    private static final Pattern ONE =
            Pattern.compile("^(--?[a-zA-Z0-9][a-zA-Z0-9_-]*|/[a-zA-Z0-9]+)(?:([ =:])(.+))?$");

    private OptionLists() {}

    /** Whether line {@code i} starts an option list item (it has a description). */
    static boolean starts(List<ContentLine> lines, int i) {
        Matcher m = ITEM.matcher(lines.get(i).text());
        if (!m.find()) {
            return false;
        }
        if (!m.group(2).isEmpty()) {
            return m.end() < lines.get(i).text().length();
        }
        int j = skipBlank(lines, i + 1);
        return j < lines.size() && indent(lines.get(j).text()) > 0;
    }

    /** Reads the option list starting at line {@code i} into {@code target}; returns the next line. */
    static int read(BlockParser parser, List<ContentLine> lines, int i, RstNode target, int depth) {
        RstNode list = new RstNode(Type.OPTION_LIST, lines.get(i).where());
        while (i < lines.size() && starts(lines, i)) {
            ContentLine line = lines.get(i);
            Matcher m = ITEM.matcher(line.text());
            m.find();
            RstNode item = new RstNode(Type.OPTION_LIST_ITEM, line.where());
            for (String opt : m.group(1).split(", ")) {
                item.add(option(opt, line));
            }
            RstNode description = new RstNode(Type.DESCRIPTION, line.where());
            int end;
            List<ContentLine> body;
            if (!m.group(2).isEmpty()) {
                end = Lines.indentedEnd(lines, i + 1);
                body = Lines.firstKnownIndented(lines, i, end, m.end());
            } else {
                int j = skipBlank(lines, i + 1);
                end = Lines.indentedEnd(lines, j);
                body = Lines.trimBlank(Lines.dedent(lines.subList(j, end)));
            }
            parser.parse(body, description, null, depth + 1);
            item.add(description);
            list.add(item);
            i = skipBlank(lines, end);
        }
        target.add(list);
        return i;
    }

    private static RstNode option(String text, ContentLine line) {
        RstNode o = new RstNode(Type.OPTION, line.where());
        Matcher m = ONE.matcher(text);
        if (m.matches()) {
            o.attr("option", m.group(1));
            if (m.group(2) != null) {
                o.attr("delimiter", m.group(2));
                o.attr("argument", m.group(3));
            }
        } else {
            o.attr("option", text);
        }
        return o;
    }

    /** Helper for the block parser's dispatch: an option list's first character. */
    static boolean mayStart(char c0) {
        return c0 == '-' || c0 == '/';
    }
}
