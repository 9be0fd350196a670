package dev.qapidoc.rst;

/**
 * The text of a cross-reference role split into display title and target
 * (qapi-domain-and-html.md §4.2 step 2): {@code Title <target>} gives an explicit title; otherwise
 * title and target are the whole text. Backslash escapes are removed from both afterwards.
 *
 * @param title the text to display
 * @param target what to look up
 * @param explicit whether the title was written explicitly
 */
public record RoleText(String title, String target, boolean explicit) {

    /** Splits raw role text as Sphinx's cross-reference roles do. */
    public static RoleText parse(String text) {
        if (text.endsWith(">")) {
            // the first unescaped "<" after at least one character
            for (int i = 1; i < text.length() - 1; i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i++;
                    continue;
                }
                if (c == '<') {
                    String title = text.substring(0, i).stripTrailing();
                    String target = text.substring(i + 1, text.length() - 1);
                    return new RoleText(InlineParser.unescape(title), InlineParser.unescape(target), true);
                }
            }
        }
        String t = InlineParser.unescape(text);
        return new RoleText(t, t, false);
    }
}
