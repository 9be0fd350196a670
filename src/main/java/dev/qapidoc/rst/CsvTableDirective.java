package dev.qapidoc.rst;

import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * docutils' {@code csv-table}: rows of comma-separated values, from the content or from {@code
 * :file:} (relative to the document, through the reader's includer), with an optional {@code
 * :header:} row given as CSV in the option. The CSV is read as docutils' dialect of Python's csv
 * module reads it: {@code "} quotes a value (doubled inside it), whitespace after a delimiter is
 * skipped unless {@code :keepspace:}, {@code :delim:} ({@code tab}, {@code space} or one
 * character), {@code :quote:} and {@code :escape:} (which replaces doubled quotes) change the
 * dialect. The {@code :header:} option is read with a backslash escape, as the docutils of Sphinx
 * 5.3 does. Short rows are padded with empty cells; each value is parsed as body elements.
 */
final class CsvTableDirective implements Directive {

    /** The CSV dialect of one call. */
    record Dialect(char delimiter, char quote, char escape, boolean doubleQuote, boolean skipSpace) {}

    @Override
    public void run(DirectiveCall call, DirectiveContext ctx) {
        SourceLocation where = call.location();
        String file = call.options().get("file");
        List<ContentLine> data;
        if (file != null) {
            if (!Lines.trimBlank(call.content()).isEmpty()) {
                ctx.error(where, "\"csv-table\" directive may not both specify an external file and have content.");
                return;
            }
            Optional<List<ContentLine>> got;
            try {
                got = ctx.options().includer().read(file.strip(), where);
            } catch (RstReader.Refused e) {
                ctx.severe(where, "Problems with \"csv-table\" directive path:\n" + e.getMessage());
                return;
            }
            if (got.isEmpty()) {
                ctx.severe(
                        where,
                        "Problems with \"csv-table\" directive path:\n[Errno 2] No such file or directory: '"
                                + file.strip() + "'.");
                return;
            }
            data = got.get();
        } else {
            data = call.content();
            if (Lines.trimBlank(data).isEmpty()) {
                ctx.error(where, "The \"csv-table\" directive requires content; none supplied.");
                return;
            }
        }
        Dialect dialect;
        try {
            dialect = dialect(call);
        } catch (IllegalArgumentException e) {
            ctx.error(where, "Error in \"csv-table\" directive:\n" + e.getMessage());
            return;
        }
        List<List<String>> values = new ArrayList<>();
        List<List<SourceLocation>> at = new ArrayList<>();
        String header = call.options().get("header");
        try {
            if (header != null) {
                Dialect hd = new Dialect(',', '"', '\\', false, true);
                parse(List.of(new ContentLine(header, where)), hd, values, at);
            }
            parse(data, dialect, values, at);
        } catch (IllegalArgumentException e) {
            ctx.error(where, "Error with CSV data in \"csv-table\" directive:\n" + e.getMessage());
            return;
        }
        int cols = 0;
        for (List<String> r : values) {
            cols = Math.max(cols, r.size());
        }
        List<List<RstNode>> rows = cells(values, at, cols, where, ctx);
        int headerRows = header == null ? 0 : 1;
        DirectiveCall effective = call;
        if (headerRows > 0) {
            java.util.Map<String, String> opts = new java.util.LinkedHashMap<>(call.options());
            int given = Lines.parseIntSafe(opts.getOrDefault("header-rows", "0"));
            opts.put("header-rows", String.valueOf(given + headerRows));
            effective = new DirectiveCall(call.name(), call.arguments(), opts, call.content(), call.block(), where);
        }
        RstNode title = call.arguments().isEmpty() ? null : Directives.title(ctx, call.arguments(), where);
        RstNode table = TableDirectives.rows(effective, ctx, title, rows, cols);
        if (table != null && TableDirectives.options(call, ctx, table)) {
            ctx.add(table);
        }
    }

    /** Each value parsed as body elements into a holder; short rows padded with empty cells. */
    private static List<List<RstNode>> cells(
            List<List<String>> values,
            List<List<SourceLocation>> at,
            int cols,
            SourceLocation where,
            DirectiveContext ctx) {
        List<List<RstNode>> rows = new ArrayList<>();
        for (int r = 0; r < values.size(); r++) {
            List<RstNode> cells = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                SourceLocation loc = at.get(r).isEmpty() ? where : at.get(r).get(0);
                RstNode cell = new RstNode(Type.CONTAINER, loc);
                if (c < values.get(r).size() && !values.get(r).get(c).isEmpty()) {
                    ctx.parse(
                            ContentLine.of(loc.file(), values.get(r).get(c)).stream()
                                    .map(l -> new ContentLine(l.text(), loc))
                                    .toList(),
                            cell);
                }
                cells.add(cell);
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The dialect the options ask for (docutils' defaults otherwise). */
    static Dialect dialect(DirectiveCall call) {
        char delim = ',';
        String d = call.options().get("delim");
        if (d != null) {
            delim = character("delim", d);
        }
        char quote = call.has("quote") ? character("quote", call.options().get("quote")) : '"';
        char escape = call.has("escape") ? character("escape", call.options().get("escape")) : 0;
        return new Dialect(delim, quote, escape, escape == 0, !call.has("keepspace"));
    }

    /** One character given as itself, {@code tab} or {@code space}, as docutils' option reads it. */
    private static char character(String option, String value) {
        String v = value.strip();
        if (v.equals("tab")) {
            return '\t';
        }
        if (v.equals("space")) {
            return ' ';
        }
        if (v.length() != 1) {
            throw new IllegalArgumentException("invalid option value: (option: \"" + option + "\"; value: '" + value
                    + "')\n\"" + value + "\" invalid; must be a single character or a Unicode code.");
        }
        return v.charAt(0);
    }

    /**
     * Parses CSV records from {@code lines} into {@code rows} (a quoted value may hold line
     * breaks); each record's source lines go to {@code at}. Blank lines outside quotes end no
     * record and are skipped, as Python's reader yields empty records for them and docutils
     * drops those.
     */
    static void parse(List<ContentLine> lines, Dialect d, List<List<String>> rows, List<List<SourceLocation>> at) {
        List<String> record = new ArrayList<>();
        List<SourceLocation> locs = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean fieldStart = true;
        for (ContentLine l : lines) {
            String t = l.text();
            locs.add(l.where());
            if (!quoted && t.isEmpty() && record.isEmpty() && value.length() == 0) {
                locs.clear();
                continue;
            }
            for (int k = 0; k < t.length(); k++) {
                char ch = t.charAt(k);
                if (quoted) {
                    if (d.escape() != 0 && ch == d.escape() && k + 1 < t.length()) {
                        value.append(t.charAt(++k));
                    } else if (ch == d.quote()) {
                        if (d.doubleQuote() && k + 1 < t.length() && t.charAt(k + 1) == d.quote()) {
                            value.append(ch);
                            k++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        value.append(ch);
                    }
                } else if (ch == d.delimiter()) {
                    record.add(value.toString());
                    value.setLength(0);
                    fieldStart = true;
                    wasQuoted = false;
                    continue;
                } else if (fieldStart && d.skipSpace() && ch == ' ') {
                    continue;
                } else if (fieldStart && ch == d.quote()) {
                    quoted = true;
                    wasQuoted = true;
                } else if (d.escape() != 0 && ch == d.escape() && k + 1 < t.length()) {
                    value.append(t.charAt(++k));
                } else if (wasQuoted && !quoted) {
                    throw new IllegalArgumentException("',' expected after '\"'");
                } else {
                    value.append(ch);
                }
                fieldStart = false;
            }
            if (quoted) {
                value.append('\n');
                continue;
            }
            record.add(value.toString());
            rows.add(record);
            at.add(locs);
            record = new ArrayList<>();
            locs = new ArrayList<>();
            value.setLength(0);
            fieldStart = true;
            wasQuoted = false;
        }
        if (quoted) {
            throw new IllegalArgumentException("unexpected end of data");
        }
    }
}
