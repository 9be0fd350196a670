package dev.qapidoc.rst;

import java.nio.charset.StandardCharsets;

/**
 * The one place a link to a file of the site is made: every {@code href} and {@code src} the
 * Java side writes for a page, an image, an index or an inventory goes through here.
 *
 * <p>Page paths come from file names, which the source tree chooses: a page called {@code
 * javascript:alert(1).rst} must not become {@code href="javascript:alert(1).html"}, and one called
 * {@code a#b.rst} or {@code 50%.rst} must still link to its own file (issue 13). So each path is
 * percent-encoded as Sphinx's html builder does ({@code urllib.parse.quote} with {@code /} kept:
 * letters, digits, {@code -._~} and {@code /} stay, every other byte of the UTF-8 form becomes
 * {@code %XX}), which leaves no {@code :} for a scheme, no {@code ?} or {@code #} to end the path
 * early, and names QEMU's tree uses unchanged.
 */
public final class Hrefs {
    private Hrefs() {}

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** {@code path} with every byte other than letters, digits, {@code -._~/} percent-encoded. */
    public static String encodePath(String path) {
        int i = 0;
        while (i < path.length() && plain(path.charAt(i))) {
            i++;
        }
        if (i == path.length()) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path.length() + 16).append(path, 0, i);
        for (byte b : path.substring(i).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && plain((char) c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return sb.toString();
    }

    private static boolean plain(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '/';
    }

    /**
     * The encoded URI, relative to the page of document {@code fromDoc}, of the site file {@code
     * target} (a path from the output root, not encoded; empty for the root folder itself).
     */
    public static String relative(String fromDoc, String target) {
        String fromDir = fromDoc.contains("/") ? fromDoc.substring(0, fromDoc.lastIndexOf('/') + 1) : "";
        String rel;
        if (!fromDir.isEmpty() && target.startsWith(fromDir)) {
            rel = target.substring(fromDir.length());
        } else {
            int depth = 0;
            for (int i = 0; i < fromDoc.length(); i++) {
                if (fromDoc.charAt(i) == '/') {
                    depth++;
                }
            }
            rel = "../".repeat(depth) + target;
        }
        return encodePath(rel);
    }

    /**
     * The URI of document {@code to}'s page (at {@code anchor}, when not null) from the page of
     * {@code from}; an anchor on the same page is just {@code #anchor}.
     */
    public static String page(String from, String to, String anchor) {
        if (from.equals(to) && anchor != null) {
            return "#" + anchor;
        }
        String uri = relative(from, to + ".html");
        return anchor == null ? uri : uri + "#" + anchor;
    }

    /** The URI of document {@code doc}'s page (at {@code anchor}, when not null) from the output root. */
    public static String fromRoot(String doc, String anchor) {
        String uri = encodePath(doc + ".html");
        return anchor == null ? uri : uri + "#" + anchor;
    }
}
