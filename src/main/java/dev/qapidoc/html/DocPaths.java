package dev.qapidoc.html;

import dev.qapidoc.rst.Hrefs;
import java.util.ArrayList;
import java.util.List;

/**
 * Document names and the relative URIs between their pages. Every page of a site is {@code
 * DOCNAME.html} below the output root, so a link is a matter of the two document names.
 */
final class DocPaths {
    private DocPaths() {}

    /** Resolves a document reference relative to {@code from} ({@code /x} is absolute). */
    static String docRef(String from, String ref) {
        String r = ref.strip();
        if (r.endsWith(".rst")) {
            r = r.substring(0, r.length() - 4);
        }
        if (r.startsWith("/")) {
            return normalize(r.substring(1));
        }
        int slash = from.lastIndexOf('/');
        return normalize(slash < 0 ? r : from.substring(0, slash + 1) + r);
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(p);
        }
        return String.join("/", parts);
    }

    /**
     * Relative, percent-encoded URI from the page of {@code fromDoc} to {@code target} (a path
     * from the root, not encoded): {@link Hrefs#relative}, the one href function.
     */
    static String relative(String fromDoc, String target) {
        return Hrefs.relative(fromDoc, target);
    }

    /** The URI of document {@code to} (at {@code anchor}, when not null) from the page of {@code from}. */
    static String pageUri(String from, String to, String anchor) {
        return Hrefs.page(from, to, anchor);
    }
}
