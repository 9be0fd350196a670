package dev.qapidoc.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The client-side search index, written as {@code searchindex.js}: a script calling {@code
 * Search.setIndex({...})}, loaded by a {@code <script>} tag so that search works from {@code
 * file://} where fetching a JSON file is forbidden. Terms are lower-cased words; the page's script
 * matches query words as prefixes. (Sphinx's own index stems words; ours does not, and the
 * search index is outside the parity target, spec §10.3.)
 */
final class SearchIndex {
    private static final int SUMMARY = 180;

    private final List<String> docnames = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();
    private final List<String> summaries = new ArrayList<>();
    // hash maps while collecting (a large manual adds a million words); sorted when written
    private final Map<String, TreeSet<Integer>> terms = new java.util.HashMap<>();
    private final Map<String, TreeSet<Integer>> titleterms = new java.util.HashMap<>();
    private final List<String[]> sections = new ArrayList<>();
    /** QAPI objects: name, FQN, kind, docname, anchor (listed before pages in results). */
    private final List<String[]> objects = new ArrayList<>();

    /** Adds a QAPI object, found by its name before any page match (issue 5: objects first). */
    void addObject(String name, String fqn, String kind, String docname, String anchor) {
        objects.add(new String[] {name, fqn, kind, docname, anchor});
    }

    void add(String docname, String title, String text, List<String[]> docSections) {
        int idx = docnames.size();
        docnames.add(docname);
        titles.add(title);
        // the summary needs only the start of the text (normalising a whole manual costs ~50 ms)
        String flat = text.substring(0, Math.min(text.length(), 8 * SUMMARY))
                .replaceAll("\\s+", " ")
                .strip();
        summaries.add(flat.length() > SUMMARY ? flat.substring(0, SUMMARY) + "\u2026" : flat);
        Set<String> distinct = new HashSet<>();
        words(text, distinct::add);
        for (String w : distinct) {
            terms.computeIfAbsent(w, k -> new TreeSet<>()).add(idx);
        }
        for (String[] s : docSections) {
            for (String w : words(s[1])) {
                titleterms.computeIfAbsent(w, k -> new TreeSet<>()).add(idx);
            }
            sections.add(new String[] {String.valueOf(idx), s[0], s[1]});
        }
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        words(text, out::add);
        return out;
    }

    private static void words(String text, Consumer<String> out) {
        String lower = text.toLowerCase(Locale.ROOT);
        int n = lower.length();
        int i = 0;
        while (i < n) {
            // a run of letters, numbers, '_' and '-' without its leading and trailing '-' (the
            // regex [\p{L}\p{N}_][\p{L}\p{N}_-]*[\p{L}\p{N}_], scanned by hand: it runs over whole manuals)
            while (i < n && !wordChar(lower.charAt(i))) {
                i++;
            }
            int start = i;
            int lastWord = -1;
            while (i < n && (wordChar(lower.charAt(i)) || lower.charAt(i) == '-')) {
                if (lower.charAt(i) != '-') {
                    lastWord = i;
                }
                i++;
            }
            if (lastWord < start) {
                continue;
            }
            String w = lower.substring(start, lastWord + 1);
            if (w.length() >= 2 && w.length() <= 60) {
                out.accept(w);
                if (w.indexOf('-') > 0) {
                    for (String part : w.split("-")) {
                        if (part.length() >= 2) {
                            out.accept(part);
                        }
                    }
                }
            }
        }
    }

    private static boolean wordChar(char c) {
        if (c < 128) {
            // ASCII, nearly all of a manual: the same answer without the Unicode tables
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        int t = Character.getType(c);
        return Character.isLetter(c)
                || t == Character.DECIMAL_DIGIT_NUMBER
                || t == Character.LETTER_NUMBER
                || t == Character.OTHER_NUMBER
                || c == '_';
    }

    String toJs() {
        StringBuilder sb = new StringBuilder("Search.setIndex({");
        sb.append("\"docnames\":");
        strings(sb, docnames);
        sb.append(",\"titles\":");
        strings(sb, titles);
        sb.append(",\"summaries\":");
        strings(sb, summaries);
        sb.append(",\"terms\":");
        termMap(sb, terms);
        sb.append(",\"titleterms\":");
        termMap(sb, titleterms);
        sb.append(",\"sections\":[");
        for (int i = 0; i < sections.size(); i++) {
            String[] s = sections.get(i);
            sb.append(i == 0 ? "" : ",").append('[').append(s[0]).append(',');
            str(sb, s[1]);
            sb.append(',');
            str(sb, s[2]);
            sb.append(']');
        }
        sb.append("],\"objects\":[");
        for (int i = 0; i < objects.size(); i++) {
            String[] o = objects.get(i);
            sb.append(i == 0 ? "" : ",").append('[');
            str(sb, o[0]);
            sb.append(',');
            str(sb, o[1]);
            sb.append(',');
            str(sb, o[2]);
            sb.append(',').append(docnames.indexOf(o[3])).append(',');
            str(sb, o[4]);
            sb.append(']');
        }
        sb.append("]});\n");
        return sb.toString();
    }

    private static void termMap(StringBuilder sb, Map<String, ? extends SortedSet<Integer>> unsorted) {
        Map<String, SortedSet<Integer>> m = new TreeMap<>(unsorted);
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, SortedSet<Integer>> e : m.entrySet()) {
            sb.append(first ? "" : ",");
            first = false;
            str(sb, e.getKey());
            sb.append(":[");
            boolean f2 = true;
            for (int i : e.getValue()) {
                sb.append(f2 ? "" : ",").append(i);
                f2 = false;
            }
            sb.append(']');
        }
        sb.append('}');
    }

    private static void strings(StringBuilder sb, List<String> l) {
        sb.append('[');
        for (int i = 0; i < l.size(); i++) {
            sb.append(i == 0 ? "" : ",");
            str(sb, l.get(i));
        }
        sb.append(']');
    }

    /** A JSON string, safe inside a script (no "<", no line separators). */
    static void str(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
