package dev.qapidoc.html;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds HTML text. This is the one place that escapes: every piece of document text and every
 * attribute value goes through {@link #text} / {@link #escape}; only markup produced by this
 * package goes through {@link #raw}. URLs from documents pass {@link #safeUrl} before they may
 * become an {@code href}.
 */
final class HtmlWriter {
    private final StringBuilder sb = new StringBuilder();

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    /** Text as Sphinx escapes it (qapi-domain-and-html.md §9.2): {@code & < > " @}. */
    static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r =
                    switch (c) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '"' -> "&quot;";
                        case '@' -> "&#64;";
                        default -> null;
                    };
            if (r != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (r != null) {
                    out.append(r);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    /** Escaping inside code blocks (Pygments' formatter, spec §7.3). */
    static String escapeCode(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /**
     * True when a document URL may be emitted as a link: http(s) URLs and relative references
     * only. Anything with another scheme ({@code javascript:}, {@code data:}, {@code vbscript:},
     * {@code file:}, ...) or with control characters or whitespace (which browsers strip before
     * looking at the scheme) is refused.
     */
    static boolean safeUrl(String url) {
        if (url == null || url.isEmpty()) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c)) {
                return false;
            }
        }
        var m = SCHEME.matcher(url);
        if (m.find()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https");
        }
        // "//host/x" is protocol-relative: a network resource in disguise; "\\" is treated as "/"
        return !url.startsWith("//") && !url.startsWith("\\\\") && !url.startsWith("/\\");
    }

    HtmlWriter text(String s) {
        sb.append(escape(s));
        return this;
    }

    HtmlWriter raw(String s) {
        sb.append(s);
        return this;
    }

    /** {@code <name a="v" ...>} with escaped attribute values; null values are skipped. */
    HtmlWriter open(String name, String... attrs) {
        sb.append('<').append(name);
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                sb.append(' ')
                        .append(attrs[i])
                        .append("=\"")
                        .append(escape(attrs[i + 1]))
                        .append('"');
            }
        }
        sb.append('>');
        return this;
    }

    HtmlWriter close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    HtmlWriter nl() {
        sb.append('\n');
        return this;
    }

    char last() {
        return sb.length() == 0 ? '\n' : sb.charAt(sb.length() - 1);
    }

    int length() {
        return sb.length();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
