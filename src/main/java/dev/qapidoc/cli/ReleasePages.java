package dev.qapidoc.cli;

import dev.qapidoc.compat.Finding;
import dev.qapidoc.compat.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reST of the versioned site's release pages (issue 16, item 4): "Changes in X" (what was
 * added, deprecated and removed in a release, and the breaking changes {@code compat} finds
 * against the release before) and "Removed entities" (everything removed, with the release that
 * removed it). Entries come in name order ({@link History} keeps names sorted), so the pages are
 * deterministic.
 */
final class ReleasePages {
    private final History history;
    private final HistoryAnnotator links;
    private final String release;
    private final String switcher;

    ReleasePages(History history, HistoryAnnotator links, String release, String switcher) {
        this.history = history;
        this.links = links;
        this.release = release;
        this.switcher = switcher;
    }

    /** The page of release {@code release}; {@code previous} is null for the oldest one. */
    String changes(String previous, List<Finding> breaking) {
        List<String> added = new ArrayList<>();
        List<String> deprecated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, History.Entry> e : history.entities().entrySet()) {
            String name = e.getKey();
            History.Entry en = e.getValue();
            classify(name, null, en, previous, added, deprecated, removed);
            if (previous != null && (history.first(en).equals(release) || release.equals(links.removedIn(en)))) {
                continue; // a new entity's members are new with it, a removed one's go with it
            }
            for (Map.Entry<String, History.Entry> m : en.members().entrySet()) {
                classify(name, m.getKey(), m.getValue(), previous, added, deprecated, removed);
            }
        }
        StringBuilder sb = new StringBuilder(":orphan:\n\n");
        heading(sb, "Changes in " + release, '=');
        sb.append(switcher).append("\n\n");
        if (previous == null) {
            sb.append("This is the oldest release of the site: everything in it was there already.\n");
            return sb.toString();
        }
        sb.append("Compared with ").append(previous).append(".\n\n");
        section(sb, "Added", added);
        section(sb, "Deprecated", deprecated);
        section(sb, "Removed", removed);
        List<String> b = new ArrayList<>();
        for (Finding f : breaking) {
            b.add(literal(f.direction() + ": " + f.path() + ": " + f.message()));
        }
        section(sb, "Breaking changes", b);
        return sb.toString();
    }

    private void classify(
            String entity,
            String member,
            History.Entry e,
            String previous,
            List<String> added,
            List<String> deprecated,
            List<String> removed) {
        if (previous == null) {
            return;
        }
        String label = label(entity, member, e);
        if (history.first(e).equals(release) && !history.inOldest(e)) {
            added.add("`" + label + " <" + links.link(release, entity) + ">`__");
        }
        if (release.equals(history.deprecated(e))) {
            deprecated.add("`" + label + " <" + links.link(release, entity) + ">`__");
        }
        if (release.equals(links.removedIn(e))) {
            removed.add("`" + label + " <" + links.link(previous, entity) + ">`__ (last in " + previous + ")");
        }
    }

    /** The page of everything removed: by the release that removed it, entities then members. */
    String removed() {
        StringBuilder sb = new StringBuilder(":orphan:\n\n");
        heading(sb, "Removed entities", '=');
        sb.append(switcher).append("\n\n");
        List<String> rs = history.releases();
        for (int i = 1; i < rs.size(); i++) {
            List<String> items = new ArrayList<>();
            for (Map.Entry<String, History.Entry> e : history.entities().entrySet()) {
                String name = e.getKey();
                History.Entry en = e.getValue();
                boolean gone = rs.get(i).equals(links.removedIn(en));
                if (gone) {
                    items.add(item(name, null, en));
                    continue;
                }
                for (Map.Entry<String, History.Entry> m : en.members().entrySet()) {
                    if (rs.get(i).equals(links.removedIn(m.getValue()))) {
                        items.add(item(name, m.getKey(), m.getValue()));
                    }
                }
            }
            section(sb, "Removed in " + rs.get(i), items);
        }
        return sb.toString();
    }

    private String item(String entity, String member, History.Entry e) {
        String last = history.last(e);
        return "`" + label(entity, member, e) + " <" + links.link(last, entity) + ">`__ ("
                + links.text(entity, e).replaceAll(" \\(last in `[^`]*`__\\)$", "") + ")";
    }

    /** {@code command x}, {@code command x, argument b}. */
    private String label(String entity, String member, History.Entry e) {
        String owner = history.entities().get(entity).kind() + " " + entity;
        if (member == null) {
            return escape(owner);
        }
        String name = member.contains(" ") ? member.substring(member.indexOf(' ') + 1) : member;
        return escape(owner + ", " + e.kind() + " " + name);
    }

    private static void section(StringBuilder sb, String title, List<String> items) {
        heading(sb, title, '-');
        if (items.isEmpty()) {
            sb.append("None.\n\n");
            return;
        }
        for (String i : items) {
            sb.append("- ").append(i).append('\n');
        }
        sb.append('\n');
    }

    private static void heading(StringBuilder sb, String title, char underline) {
        sb.append(title)
                .append('\n')
                .append(String.valueOf(underline).repeat(title.length()))
                .append("\n\n");
    }

    /** Text inside a reference or list item: reST's markup characters escaped. */
    private static String escape(String s) {
        return s.replace("\\", "\\\\")
                .replace("`", "\\`")
                .replace("<", "\\<")
                .replace("*", "\\*")
                .replace("_", "\\_");
    }

    /** A finding's text as an inline literal, which needs no escaping but a backquote-free text. */
    private static String literal(String s) {
        return "``" + s.replace("``", "` `") + "``";
    }
}
