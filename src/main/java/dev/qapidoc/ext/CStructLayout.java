package dev.qapidoc.ext;

import java.util.ArrayList;
import java.util.List;

/**
 * A struct or union body laid out as kernel-doc's "Definition" block shows it: one member per
 * line, four spaces per nesting level, whitespace squeezed, members after a {@code private:}
 * comment left out until {@code public:}; and the members its "Members" list names: the direct
 * members, with an anonymous nested struct or union as {@code {unnamed_struct}} followed by its
 * own members.
 */
final class CStructLayout {

    /** A member the "Members" list may name: its shown name and its {@code @name} key. */
    record Member(String shown, String key) {}

    private final List<String> lines = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private boolean hidden;

    private CStructLayout() {}

    /**
     * Lays out {@code keyword name { body };}.
     *
     * @param keyword {@code struct} or {@code union}
     */
    static CStructLayout of(String keyword, String name, String body) {
        CStructLayout l = new CStructLayout();
        l.lines.add(keyword + " " + name + " {");
        l.items(body, 1, true);
        l.lines.add("};");
        return l;
    }

    /** The Definition block's lines. */
    List<String> lines() {
        return lines;
    }

    /** The members to describe, in declaration order. */
    List<Member> members() {
        return members;
    }

    private void items(String body, int depth, boolean listed) {
        String indent = "    ".repeat(depth);
        int i = 0;
        while (i < body.length()) {
            int start = i;
            int depthBraces = 0;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c == '{') {
                    depthBraces++;
                } else if (c == '}') {
                    depthBraces--;
                } else if (c == ';' && depthBraces == 0) {
                    break;
                }
                i++;
            }
            String item = body.substring(start, Math.min(i, body.length())).strip();
            i++;
            item = markers(item);
            if (item.isEmpty()) {
                continue;
            }
            int open = item.indexOf('{');
            if (open >= 0) {
                int close = CDeclarations.matching(item, open);
                String head = CDeclarations.squeeze(item.substring(0, open));
                String tail = close < 0 ? "" : CDeclarations.squeeze(item.substring(close + 1));
                String inner = close < 0 ? "" : item.substring(open + 1, close);
                boolean show = !hidden;
                if (show) {
                    lines.add(indent + head + " {");
                }
                String kw = head.startsWith("union") ? "union" : "struct";
                if (listed && show) {
                    members.add(tail.isEmpty() ? new Member("{unnamed_" + kw + "}", null) : new Member(tail, tail));
                }
                items(inner, depth + 1, listed && show && tail.isEmpty());
                if (show) {
                    lines.add(indent + (tail.isEmpty() ? "};" : "} " + tail + ";"));
                }
            } else if (!hidden) {
                String decl = CDeclarations.squeeze(item);
                lines.add(indent + decl + ";");
                if (listed) {
                    for (String part : CDeclarations.splitTopLevel(decl)) {
                        String n = CDeclarations.declaredName(part);
                        members.add(new Member(n, n));
                    }
                }
            }
        }
    }

    /** Applies and removes the {@code @private@}/{@code @public@} markers at the front of an item. */
    private String markers(String item) {
        String s = item;
        while (true) {
            if (s.startsWith("@private@")) {
                hidden = true;
                s = s.substring("@private@".length()).strip();
            } else if (s.startsWith("@public@")) {
                hidden = false;
                s = s.substring("@public@".length()).strip();
            } else {
                return s;
            }
        }
    }
}
