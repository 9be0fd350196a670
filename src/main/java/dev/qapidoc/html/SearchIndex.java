package dev.qapidoc.html;

import java.util.ArrayList;
import java.util.HashMap;
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
 * file://} where fetching a JSON file is forbidden. What it indexes are places ({@link
 * SearchUnits}: sections and object descriptions), so a result links to the object or section
 * holding the match. Each place's prose is stored once ({@code texts}), for the excerpt around a
 * match; words point at places by number ({@code terms}: word to the ascending place numbers,
 * each written as the difference from the one before, which keeps a manual's postings short), and
 * member names, enum values and features have postings of their own so they rank above prose.
 * Terms are lower-cased words; the page's script matches query words as prefixes. (Sphinx's own
 * index stems words; ours does not, and the search index is outside the parity target, spec
 * §10.3.)
 */
final class SearchIndex {
    /**
     * Words too common to point anywhere (Sphinx's English search leaves out the same kind of
     * list); they stay in the stored texts and in titles.
     */
    private static final Set<String> STOPWORDS = Set.of(
            "a", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "near", "no",
            "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to",
            "was", "will", "with");

    private final List<String> docnames = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();
    /** Places: doc number, anchor, title, kind, fqn (the last two empty for sections). */
    private final List<String[]> units = new ArrayList<>();

    private final List<String> texts = new ArrayList<>();
    // hash maps while collecting (a large manual adds a million words); sorted when written
    private final Map<String, TreeSet<Integer>> terms = new HashMap<>();
    private final Map<SearchUnits.NameKind, Map<String, TreeSet<Integer>>> names = new TreeMap<>();

    /**
     * Adds a document's places; {@code fqns} gives the fully-qualified name of an object by its
     * anchor (QAPI objects: {@code QMP:block-core.blockdev-backup}), searched like its name.
     */
    void add(String docname, String title, List<SearchUnits.Unit> places, Map<String, String> fqns) {
        int doc = docnames.size();
        docnames.add(docname);
        titles.add(title);
        for (SearchUnits.Unit u : places) {
            String prose = u.prose();
            if (u.title.isEmpty() && prose.isEmpty() && u.code.isEmpty()) {
                continue;
            }
            int idx = units.size();
            units.add(new String[] {String.valueOf(doc), u.anchor, u.title, u.kind, fqns.getOrDefault(u.anchor, "")});
            texts.add(prose);
            Set<String> distinct = new HashSet<>();
            words(u.title, distinct::add);
            words(prose, distinct::add);
            words(u.code.toString(), distinct::add);
            for (String w : distinct) {
                if (!STOPWORDS.contains(w)) {
                    terms.computeIfAbsent(w, k -> new TreeSet<>()).add(idx);
                }
            }
            for (SearchUnits.Name n : u.names) {
                names.computeIfAbsent(n.kind(), k -> new HashMap<>())
                        .computeIfAbsent(n.name().toLowerCase(Locale.ROOT), k -> new TreeSet<>())
                        .add(idx);
            }
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
        sb.append(",\"units\":[");
        for (int i = 0; i < units.size(); i++) {
            String[] u = units.get(i);
            sb.append(i == 0 ? "" : ",").append('[').append(u[0]).append(',');
            str(sb, u[1]);
            sb.append(',');
            str(sb, u[2]);
            if (!u[3].isEmpty() || !u[4].isEmpty()) {
                sb.append(',');
                str(sb, u[3]);
                sb.append(',');
                str(sb, u[4]);
            }
            sb.append(']');
        }
        // a text already written (QEMU's QSD manual repeats the QMP manual's block definitions)
        // is written as the number of the place that has it
        sb.append("],\"texts\":[");
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            Integer earlier = t.length() > 16 ? first.putIfAbsent(t, i) : null;
            sb.append(i == 0 ? "" : ",");
            if (earlier != null) {
                sb.append(earlier);
            } else {
                str(sb, t);
            }
        }
        sb.append(']');
        sb.append(",\"terms\":");
        termMap(sb, terms);
        for (SearchUnits.NameKind k : SearchUnits.NameKind.values()) {
            sb.append(",\"").append(k.name().toLowerCase(Locale.ROOT)).append("s\":");
            termMap(sb, names.getOrDefault(k, Map.of()));
        }
        sb.append("});\n");
        return sb.toString();
    }

    /** {@code {"term":[first, gap, gap...]}}, terms sorted (same input, same bytes). */
    private static void termMap(StringBuilder sb, Map<String, ? extends SortedSet<Integer>> unsorted) {
        Map<String, SortedSet<Integer>> m = new TreeMap<>(unsorted);
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, SortedSet<Integer>> e : m.entrySet()) {
            sb.append(first ? "" : ",");
            first = false;
            str(sb, e.getKey());
            sb.append(":[");
            int prev = 0;
            boolean f2 = true;
            for (int i : e.getValue()) {
                sb.append(f2 ? "" : ",").append(i - prev);
                prev = i;
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
