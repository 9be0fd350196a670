package dev.qapidoc.ext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the kernel-doc comments of one C source file, in the format of the Linux kernel's doc-guide
 * ("Writing kernel-doc comments"): a comment opening with {@code /**}, a header line naming what
 * it documents ({@code name - purpose}, {@code struct name - purpose}, {@code DOC: title}), then
 * {@code @param:} descriptions and sections ({@code Return:}, {@code Context:}, ...), with the C
 * declaration that follows the comment. Only the text is split here; {@link CDeclarations} reads
 * the declarations and {@link KernelDocRst} writes the reST.
 */
final class KernelDocComments {

    /** What a comment documents, from its header line and, for plain names, its declaration. */
    enum Kind {
        FUNCTION,
        MACRO,
        STRUCT,
        UNION,
        ENUM,
        TYPEDEF,
        DOC
    }

    /**
     * One kernel-doc comment.
     *
     * @param kind what it documents
     * @param name the identifier (or the DOC title)
     * @param purpose the header's one-line description, or empty
     * @param params {@code @name} descriptions in comment order (each possibly multi-line)
     * @param sections section title to its lines ("Description" for untitled text), in order
     * @param declaration the C declaration after the comment (comments removed), or empty
     * @param line the comment's first line (1-based)
     */
    record Comment(
            Kind kind,
            String name,
            String purpose,
            Map<String, List<String>> params,
            List<Section> sections,
            String declaration,
            int line) {}

    /** A titled run of lines of a comment body. */
    record Section(String title, List<String> lines) {}

    private static final Pattern HEADER = Pattern.compile(
            "^(?:(struct|union|enum|typedef)\\s+)?([A-Za-z_][\\w]*)\\s*(?:\\(\\s*\\))?\\s*(?:[-:]\\s*(.*))?$");
    private static final Pattern DOC_HEADER = Pattern.compile("^DOC:\\s*(.*)$");
    private static final Pattern PARAM = Pattern.compile("^@([\\w.]+(?:\\.\\.\\.)?|\\.\\.\\.)\\s*:\\s?(.*)$");
    private static final Pattern SECTION =
            Pattern.compile("^(description|context|returns?|notes?|examples?)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private KernelDocComments() {}

    /** Every kernel-doc comment of {@code text}, in file order. */
    static List<Comment> read(String text) {
        List<Comment> out = new ArrayList<>();
        int from = 0;
        // the line of offset 'counted', carried forward: comments come in file order, so the
        // newlines are counted once (counting from the start for each comment made a header
        // with a few hundred comments quadratic: a fifth of the QEMU docs build's reading)
        int counted = 0;
        int countedLine = 1;
        while (true) {
            int start = text.indexOf("/**", from);
            if (start < 0) {
                break;
            }
            int end = text.indexOf("*/", start + 3);
            if (end < 0) {
                break;
            }
            from = end + 2;
            // "/**/" and "/***...": not kernel-doc
            if (start + 3 < text.length() && (text.charAt(start + 3) == '*' || text.charAt(start + 3) == '/')) {
                continue;
            }
            // a kernel-doc comment opens with "/**" alone on its line; one-line "/** ... */" are not
            if (text.substring(start + 3, end).indexOf('\n') < 0) {
                continue;
            }
            countedLine += newlines(text, counted, start);
            counted = start;
            int line = countedLine;
            Comment c = comment(text.substring(start + 3, end), text, from, line);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The newlines in {@code text} from {@code from} (inclusive) to {@code to} (exclusive). */
    private static int newlines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The body lines of a comment with the leading {@code " * "} removed. */
    private static List<String> bodyLines(String body) {
        List<String> lines = new ArrayList<>();
        for (String l : body.split("\n", -1)) {
            String s = l.stripLeading();
            if (s.startsWith("*")) {
                s = s.substring(1);
                if (s.startsWith(" ")) {
                    s = s.substring(1);
                }
            } else {
                s = l.strip();
            }
            lines.add(s.stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        return lines;
    }

    private static Comment comment(String body, String text, int after, int line) {
        List<String> lines = bodyLines(body);
        if (lines.isEmpty()) {
            return null;
        }
        String header = lines.remove(0).strip();
        Matcher doc = DOC_HEADER.matcher(header);
        Kind kind;
        String name;
        String purpose;
        if (doc.matches()) {
            kind = Kind.DOC;
            name = doc.group(1).strip();
            purpose = "";
        } else {
            Matcher h = HEADER.matcher(header);
            if (!h.matches()) {
                return null;
            }
            name = h.group(2);
            purpose = h.group(3) == null ? "" : h.group(3).strip();
            kind = h.group(1) == null ? null : Kind.valueOf(h.group(1).toUpperCase(Locale.ROOT));
        }
        // the purpose goes on over the following lines up to a blank line, parameter or section
        while (!purpose.isEmpty()
                && !lines.isEmpty()
                && !lines.get(0).isBlank()
                && !PARAM.matcher(lines.get(0)).matches()
                && !SECTION.matcher(lines.get(0)).matches()) {
            purpose = purpose + " " + lines.remove(0).strip();
        }
        CDeclarations.Decl d =
                kind == Kind.DOC ? new CDeclarations.Decl("", after) : CDeclarations.declaration(text, after);
        String decl = d.text();
        if (kind == null) {
            kind = decl.startsWith("#define") ? Kind.MACRO : Kind.FUNCTION;
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        List<Section> sections = new ArrayList<>();
        split(lines, kind == Kind.DOC, params, sections);
        if (kind == Kind.STRUCT || kind == Kind.UNION || kind == Kind.TYPEDEF) {
            inlineMembers(text.substring(after, Math.min(d.end(), text.length())), params);
        }
        return new Comment(kind, name, purpose, params, sections, decl, line);
    }

    /** Member descriptions written inside a body, {@code /** @name: text *\/} before the member. */
    private static void inlineMembers(String region, Map<String, List<String>> params) {
        int from = 0;
        while (true) {
            int start = region.indexOf("/**", from);
            if (start < 0) {
                return;
            }
            int end = region.indexOf("*/", start + 3);
            if (end < 0) {
                return;
            }
            from = end + 2;
            List<String> lines = bodyLines(region.substring(start + 3, end));
            if (lines.isEmpty()) {
                continue;
            }
            Matcher p = PARAM.matcher(lines.get(0).strip());
            if (p.matches()) {
                List<String> desc = new ArrayList<>();
                desc.add(p.group(2).strip());
                for (String l : lines.subList(1, lines.size())) {
                    if (!l.isBlank()) {
                        desc.add(l.strip());
                    }
                }
                params.putIfAbsent(p.group(1), desc);
            }
        }
    }

    /**
     * Splits body lines into parameter descriptions and sections. A parameter's description runs
     * to the next blank line, parameter or section; other text belongs to the current section
     * ("Description" until a {@code Title:} line starts another).
     */
    private static void split(
            List<String> lines, boolean docSection, Map<String, List<String>> params, List<Section> sections) {
        List<String> param = null;
        List<String> current = null;
        for (String l : lines) {
            Matcher p = docSection ? null : PARAM.matcher(l);
            Matcher s = docSection ? null : SECTION.matcher(l);
            if (p != null && p.matches()) {
                param = new ArrayList<>();
                param.add(p.group(2).strip());
                params.put(p.group(1), param);
                current = null;
            } else if (s != null && s.matches()) {
                param = null;
                current = new ArrayList<>();
                sections.add(new Section(sectionTitle(s.group(1)), current));
                if (!s.group(2).isBlank()) {
                    current.add(s.group(2).strip());
                }
            } else if (param != null && !l.isBlank()) {
                param.add(l.strip());
            } else {
                param = null;
                if (current == null) {
                    if (l.isBlank()) {
                        continue;
                    }
                    current = new ArrayList<>();
                    sections.add(new Section("Description", current));
                }
                current.add(l);
            }
        }
        for (Section sec : sections) {
            List<String> ls = sec.lines();
            while (!ls.isEmpty() && ls.get(ls.size() - 1).isBlank()) {
                ls.remove(ls.size() - 1);
            }
            while (!ls.isEmpty() && ls.get(0).isBlank()) {
                ls.remove(0);
            }
        }
        sections.removeIf(sec -> sec.lines().isEmpty());
    }

    /** {@code Returns} is written {@code Return}, the others with a capital first letter. */
    private static String sectionTitle(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("return")) {
            return "Return";
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
