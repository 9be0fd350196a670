package dev.qapidoc.domain;

/**
 * The text of a {@code qapi:*} role taken apart (qapi-domain-and-html.md §4.2): {@code !} (no
 * link), an explicit title {@code Title <target>}, {@code ~} (show the last dotted part), and the
 * type decorations {@code [T]} (array) and {@code T?} (optional).
 *
 * @param target what to look up
 * @param display the text to show
 * @param suppressed {@code !}: show the text, make no reference
 * @param array the target was written {@code [T]}
 * @param optional the target was written {@code T?}
 */
record Xref(String target, String display, boolean suppressed, boolean array, boolean optional) {

    static Xref parse(String text) {
        if (text.startsWith("!")) {
            String t = unescape(text.substring(1));
            return new Xref(t, t, true, false, false);
        }
        String title = null;
        String target = text;
        int lt = explicitStart(text);
        if (lt > 0) {
            title = unescape(text.substring(0, lt).stripTrailing());
            target = text.substring(lt + 1, text.length() - 1);
        }
        target = unescape(target);
        boolean hide = false;
        boolean optional = false;
        boolean array = false;
        if (target.startsWith("~")) {
            hide = true;
            target = target.substring(1);
        }
        if (target.endsWith("?")) {
            optional = true;
            target = target.substring(0, target.length() - 1);
        }
        if (target.length() >= 2 && target.startsWith("[") && target.endsWith("]")) {
            array = true;
            target = target.substring(1, target.length() - 1);
        }
        String display = title;
        if (display == null) {
            display = hide ? target.substring(target.lastIndexOf('.') + 1) : target;
        }
        return new Xref(target, display, false, array, optional);
    }

    /** Index of the first unescaped {@code <} after at least one character when the text ends with {@code >}. */
    private static int explicitStart(String text) {
        if (!text.endsWith(">")) {
            return -1;
        }
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '<') {
                return i;
            }
        }
        return -1;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                sb.append(s.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
