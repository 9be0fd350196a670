package dev.qapidoc.cli;

import dev.qapidoc.compat.History;
import dev.qapidoc.rst.ContentLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds history lines to the reST a release's schema expands to, for the versioned site
 * ({@code qapidoc html --history}): after each object directive's options a paragraph
 * "added in 4.2.0 · deprecated in 8.2.0 · removed in 9.1.0", the removal linked to the last
 * release manual that had it, and at the end of each member field whose history differs from
 * its definition's a paragraph of the same shape. The text goes into the reST (not the HTML),
 * so it is searchable and rendered by the theme like any other paragraph.
 *
 * <p>It also reads the HTML anchors the domain will give the objects ({@code
 * KIND-NS-MODULE.NAME}, the shape of QEMU's QMP manual), so that other pages can link to them
 * before the manual is built.
 */
final class HistoryAnnotator {
    /** {@code .. qapi:KIND:: NAME}: the object directives of both dialects. */
    static final Pattern OBJECT =
            Pattern.compile("^\\.\\. qapi:(command|event|enum|object|struct|union|alternate):: (\\S+)\\s*$");

    private static final Pattern MODULE = Pattern.compile("^\\.\\. qapi:module:: (\\S+)\\s*$");
    /** A member field of an object: {@code :arg TYPE NAME:}, {@code :value NAME:}, .... */
    private static final Pattern FIELD =
            Pattern.compile("^   :(arg|memb|value|feat|alt|choice) (?:[^:]* )?([^\\s:]+):");

    private final History history;
    /** The anchors of every release by release name, then entity name. */
    private final Map<String, Map<String, String>> anchors;

    HistoryAnnotator(History history, Map<String, Map<String, String>> anchors) {
        this.history = history;
        this.anchors = anchors;
    }

    /**
     * The anchors of the objects in {@code lines}, by entity name (the first one when a name is
     * documented twice), in line order.
     */
    static Map<String, String> anchors(List<ContentLine> lines, String namespace) {
        Map<String, String> out = new LinkedHashMap<>();
        String module = null;
        for (ContentLine l : lines) {
            Matcher m = MODULE.matcher(l.text());
            if (m.matches()) {
                module = m.group(1);
                continue;
            }
            m = OBJECT.matcher(l.text());
            if (m.matches()) {
                String qualified = module == null ? m.group(2) : module + "." + m.group(2);
                out.putIfAbsent(m.group(2), m.group(1) + "-" + namespace + "-" + qualified);
            }
        }
        return out;
    }

    /** The link to entity {@code name} in the manual of {@code release}, relative to a manual. */
    String link(String release, String name) {
        String id = anchors.getOrDefault(release, Map.of()).get(name);
        return "../" + release + "/index.html" + (id == null ? "" : "#" + id);
    }

    /** The release after the last one {@code e} is in (where it was removed), or null. */
    String removedIn(History.Entry e) {
        String last = history.last(e);
        if (last == null) {
            return null;
        }
        List<String> rs = history.releases();
        return rs.get(rs.indexOf(last) + 1);
    }

    /**
     * The history text of an entry of entity {@code entity} (for links), as reST: "added in X ·
     * deprecated in Y · removed in Z (last in W)", W linked to that release's manual.
     */
    String text(String entity, History.Entry e) {
        StringBuilder sb = new StringBuilder();
        sb.append(history.inOldest(e) ? "in " + history.first(e) + " already" : "added in " + history.first(e));
        if (history.deprecated(e) != null) {
            sb.append(" · deprecated in ").append(history.deprecated(e));
        }
        String removed = removedIn(e);
        if (removed != null) {
            String last = history.last(e);
            sb.append(" · removed in ").append(removed);
            sb.append(" (last in `")
                    .append(last)
                    .append(" <")
                    .append(link(last, entity))
                    .append(">`__)");
        }
        return sb.toString();
    }

    /** True when a member's history says more than its definition's. */
    private boolean noteworthy(History.Entry member, History.Entry owner) {
        return !history.first(member).equals(history.first(owner))
                || !java.util.Objects.equals(history.deprecated(member), history.deprecated(owner))
                || !java.util.Objects.equals(history.last(member), history.last(owner));
    }

    /** {@code lines} with the history paragraphs added. */
    List<ContentLine> annotate(List<ContentLine> lines) {
        List<ContentLine> out = new ArrayList<>(lines.size() + lines.size() / 8);
        String entity = null;
        History.Entry owner = null;
        for (int i = 0; i < lines.size(); i++) {
            ContentLine l = lines.get(i);
            Matcher m = OBJECT.matcher(l.text());
            if (m.matches()) {
                entity = m.group(2);
                owner = history.entities().get(entity);
                out.add(l);
                while (i + 1 < lines.size() && !lines.get(i + 1).isBlank()) {
                    out.add(lines.get(++i)); // the directive's options
                }
                if (owner != null) {
                    out.add(l.withText(""));
                    out.add(l.withText("   *History:* " + text(entity, owner)));
                }
                continue;
            }
            Matcher f = owner == null ? null : FIELD.matcher(l.text());
            History.Entry member =
                    f != null && f.find() ? owner.members().get(memberKey(f.group(1), f.group(2))) : null;
            if (member == null || !noteworthy(member, owner)) {
                out.add(l);
                continue;
            }
            int end = fieldEnd(lines, i);
            String indent = end > i ? indentOf(lines, i + 1, end) : "      ";
            out.addAll(lines.subList(i, end + 1));
            out.add(l.withText(""));
            out.add(l.withText(indent + "*History:* " + text(entity, member)));
            i = end;
        }
        return out;
    }

    /** The key {@link History} files a field's member under. */
    static String memberKey(String field, String name) {
        return switch (field) {
            case "feat" -> "feature " + name;
            case "alt", "choice" -> "branch " + name;
            default -> name;
        };
    }

    /** The last line of the field starting at {@code start}: its body is indented deeper. */
    private static int fieldEnd(List<ContentLine> lines, int start) {
        int end = start;
        for (int j = start + 1; j < lines.size(); j++) {
            String t = lines.get(j).text();
            if (t.isEmpty()) {
                continue;
            }
            if (indentation(t) <= 3) {
                break;
            }
            end = j;
        }
        return end;
    }

    /** The indentation of the first non-blank body line, which the body's paragraphs share. */
    private static String indentOf(List<ContentLine> lines, int from, int to) {
        for (int j = from; j <= to; j++) {
            String t = lines.get(j).text();
            if (!t.isEmpty()) {
                return " ".repeat(indentation(t));
            }
        }
        return "      ";
    }

    private static int indentation(String t) {
        int n = 0;
        while (n < t.length() && t.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
