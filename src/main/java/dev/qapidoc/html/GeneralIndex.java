package dev.qapidoc.html;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The general index page (qapi-domain-and-html.md §5.1): entries from {@code index} nodes, grouped
 * by initial letter ({@code Symbols} for the rest), sorted as Sphinx 5.3 sorts them, split into two
 * columns, rendered with Sphinx's {@code genindex} markup.
 */
final class GeneralIndex {
    private GeneralIndex() {}

    /**
     * One raw entry.
     *
     * @param type {@code single}, {@code pair} or {@code triple}
     * @param text the entry text ({@code A}, {@code A; B} ...)
     * @param uri link target, relative to the site root
     */
    record Entry(String type, String text, String uri) {}

    /** A word with its own links and sub-entries (each with links). */
    private static final class Word {
        final String text;
        final List<String> links = new ArrayList<>();
        final Map<String, List<String>> subs = new TreeMap<>();

        Word(String text) {
            this.text = text;
        }
    }

    static String html(List<Entry> entries) {
        Map<String, Word> words = new LinkedHashMap<>();
        for (Entry e : entries) {
            String[] parts = e.text().split(";");
            for (int i = 0; i < parts.length; i++) {
                parts[i] = parts[i].strip();
            }
            switch (e.type()) {
                case "pair" -> {
                    if (parts.length >= 2) {
                        add(words, parts[0], parts[1], e.uri());
                        add(words, parts[1], parts[0], e.uri());
                    }
                }
                case "triple" -> {
                    if (parts.length >= 3) {
                        add(words, parts[0], parts[1] + " " + parts[2], e.uri());
                        add(words, parts[1], parts[2] + ", " + parts[0], e.uri());
                        add(words, parts[2], parts[0] + " " + parts[1], e.uri());
                    }
                }
                default -> add(words, parts[0], parts.length > 1 ? parts[1] : null, e.uri());
            }
        }
        List<Word> sorted = new ArrayList<>(words.values());
        sorted.sort(Comparator.comparing((Word w) -> key(w.text)).thenComparing(w -> w.text));
        mergeParenthesised(sorted);
        Map<String, List<Word>> groups = new LinkedHashMap<>();
        for (Word w : sorted) {
            String nfd = Normalizer.normalize(w.text, Normalizer.Form.NFD);
            String first = nfd.isEmpty() ? "" : nfd.substring(0, 1).toUpperCase(Locale.ROOT);
            char c = first.isEmpty() ? ' ' : first.charAt(0);
            String g = Character.isLetter(c) || c == '_' ? first : "Symbols";
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(w);
        }
        HtmlWriter h = new HtmlWriter();
        h.raw("<h1 id=\"index\">Index</h1>").nl().nl();
        h.raw("<div class=\"genindex-jumpbox\">").nl();
        boolean first = true;
        for (String g : groups.keySet()) {
            h.raw(first ? " " : " | ")
                    .open("a", "href", "#" + g)
                    .raw("<strong>")
                    .text(g)
                    .raw("</strong></a>")
                    .nl();
            first = false;
        }
        h.raw(" ").nl().raw("</div>").nl();
        if (groups.isEmpty()) {
            h.raw("<p>The index is empty.</p>").nl();
        }
        for (Map.Entry<String, List<Word>> g : groups.entrySet()) {
            h.open("h2", "id", g.getKey()).text(g.getKey()).close("h2").nl();
            h.raw("<table style=\"width: 100%\" class=\"indextable genindextable\"><tr>")
                    .nl();
            List<Word> ws = g.getValue();
            int total = 0;
            for (Word w : ws) {
                total += 1 + w.subs.size();
            }
            int perColumn = total / 2;
            int count = 0;
            int split = ws.size();
            for (int i = 0; i < ws.size(); i++) {
                count += 1 + ws.get(i).subs.size();
                if (count >= perColumn) {
                    split = i + 1;
                    break;
                }
            }
            column(h, ws.subList(0, split));
            column(h, ws.subList(split, ws.size()));
            h.raw("</tr></table>").nl();
        }
        return h.toString();
    }

    private static final java.util.regex.Pattern FIX = java.util.regex.Pattern.compile("(.*) (\\([^()]*\\))");

    /**
     * Sphinx's fix-up (§5.1.2 step 3, as the golden genindex shows it): an entry "X (b)" that
     * follows an entry whose text is "X" or "X (a)" becomes a sub-entry "(b)" of that previous
     * entry, which keeps its own text and link ({@code transaction (QMP command)} with sub-entry
     * {@code (QMP module)}). Entries with sub-entries are never moved.
     */
    private static void mergeParenthesised(List<Word> sorted) {
        String oldKey = "";
        Word previous = null;
        for (java.util.Iterator<Word> it = sorted.iterator(); it.hasNext(); ) {
            Word w = it.next();
            if (w.subs.isEmpty()) {
                java.util.regex.Matcher m = FIX.matcher(w.text);
                if (m.lookingAt()) {
                    if (previous != null && oldKey.equals(m.group(1))) {
                        previous.subs
                                .computeIfAbsent(m.group(2), k -> new ArrayList<>())
                                .addAll(w.links);
                        it.remove();
                        continue;
                    }
                    oldKey = m.group(1);
                } else {
                    oldKey = w.text;
                }
            }
            previous = w;
        }
    }

    private static void add(Map<String, Word> words, String word, String sub, String uri) {
        if (word.isEmpty()) {
            return;
        }
        Word w = words.computeIfAbsent(word, Word::new);
        if (sub == null || sub.isEmpty()) {
            w.links.add(uri);
        } else {
            w.subs.computeIfAbsent(sub, k -> new ArrayList<>()).add(uri);
        }
    }

    /** Sphinx's sort key: (group, NFD lower case); letters and "_" after symbols. */
    private static String key(String text) {
        String lc = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        boolean letter = !lc.isEmpty() && (Character.isLetter(lc.charAt(0)) || lc.charAt(0) == '_');
        return (letter ? "1" : "0") + lc;
    }

    private static void column(HtmlWriter h, List<Word> ws) {
        if (ws.isEmpty()) {
            return;
        }
        h.raw("  <td style=\"width: 33%; vertical-align: top;\"><ul>").nl();
        for (Word w : ws) {
            h.raw("      <li>");
            links(h, w.text, w.links);
            if (!w.subs.isEmpty()) {
                h.nl().raw("      <ul>").nl();
                for (Map.Entry<String, List<String>> s : w.subs.entrySet()) {
                    h.raw("        <li>");
                    links(h, s.getKey(), s.getValue());
                    h.raw("</li>").nl();
                }
                h.raw("      </ul>");
            }
            h.raw("</li>").nl();
        }
        h.raw("  </ul></td>").nl();
    }

    private static void links(HtmlWriter h, String text, List<String> uris) {
        if (uris.isEmpty()) {
            h.text(text);
            return;
        }
        h.open("a", "href", uris.get(0)).text(text).close("a");
        for (int i = 1; i < uris.size(); i++) {
            h.raw(", ").open("a", "href", uris.get(i)).text("[" + i + "]").close("a");
        }
    }
}
