package dev.qapidoc.schema;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Name mapping and name rules (schema-language.md §8). */
final class Names {
    private Names() {}

    private static final Set<String> PROTECTED = Set.of(("auto break case char const continue"
                    + " default do double else enum extern float for goto if int long register return"
                    + " short signed sizeof static struct switch typedef union unsigned void volatile"
                    + " while inline restrict _Bool _Complex _Imaginary _Alignas _Alignof _Atomic"
                    + " _Generic _Noreturn _Static_assert _Thread_local asm typeof bool catch class"
                    + " const_cast delete dynamic_cast explicit false friend mutable namespace new"
                    + " operator private protected public reinterpret_cast static_cast template this"
                    + " throw true try typeid typename using virtual wchar_t and and_eq bitand bitor"
                    + " compl not not_eq or or_eq xor xor_eq unix errno mips sparc i386 linux")
            .split(" "));

    /** The §8.2 pattern, compiled only when the equivalence test asks for it. */
    private static final class Regex {
        static final Pattern VALID =
                Pattern.compile("(__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)", Pattern.CASE_INSENSITIVE);
    }

    /** §8.1 {@code c_name}. */
    static String cName(String name, boolean protect) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok && sb == null) {
                sb = new StringBuilder(name.substring(0, i));
            }
            if (sb != null) {
                sb.append(ok ? c : '_');
            }
        }
        String r = sb == null ? name : sb.toString();
        if (protect && (PROTECTED.contains(r) || (!r.isEmpty() && r.charAt(0) >= '0' && r.charAt(0) <= '9'))) {
            return "q_" + r;
        }
        return r;
    }

    /**
     * §8.2: the stem of a valid name, or null when the name is invalid. A hand-written matcher
     * for {@code (__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)}, ASCII case ignored, with the same
     * backtracking outcome; {@link #stemByRegex} is the reference it is tested against.
     */
    static String stem(String name) {
        if (cName(name, false).startsWith("q_")) {
            return null;
        }
        int n = name.length();
        int start = 0;
        // group 1: "__" then [a-z0-9.-]+ then "_"; the run cannot contain '_', so the first '_'
        // after "__" ends it, and the rest must match groups 2-3 (else group 1 is skipped).
        if (n > 2 && name.charAt(0) == '_' && name.charAt(1) == '_') {
            int i = 2;
            while (i < n && isPrefixChar(name.charAt(i))) {
                i++;
            }
            if (i > 2 && i < n && name.charAt(i) == '_') {
                String s = stemAfterPrefix(name, i + 1);
                if (s != null) {
                    return s;
                }
            }
        }
        return stemAfterPrefix(name, start);
    }

    private static String stemAfterPrefix(String name, int from) {
        int n = name.length();
        if (n - from >= 2 && (name.charAt(from) | 0x20) == 'x' && name.charAt(from + 1) == '-') {
            if (isStem(name, from + 2)) {
                return name.substring(from + 2);
            }
        }
        return isStem(name, from) ? name.substring(from) : null;
    }

    private static boolean isStem(String name, int from) {
        int n = name.length();
        if (from >= n || !isLetter(name.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < n; i++) {
            char c = name.charAt(i);
            if (!(isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isPrefixChar(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    /** The regex version of {@link #stem}, kept for the equivalence test. */
    static String stemByRegex(String name) {
        Matcher m = Regex.VALID.matcher(name);
        if (!m.matches() || cName(name, false).startsWith("q_")) {
            return null;
        }
        return m.group(3);
    }

    static boolean hasUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    static boolean hasLowerOrDash(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || c == '-') {
                return true;
            }
        }
        return false;
    }

    /** {@code [A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*} in full. */
    static boolean isCamel(String s) {
        if (s.isEmpty() || !(s.charAt(0) >= 'A' && s.charAt(0) <= 'Z')) {
            return false;
        }
        boolean lower = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum) {
                return false;
            }
            if (c >= 'a' && c <= 'z') {
                lower = true;
            }
        }
        return lower;
    }

    /** {@code [A-Z][A-Z0-9_]*} in full (§13.2). */
    static boolean isIfIdentifier(String s) {
        if (s.isEmpty() || !(s.charAt(0) >= 'A' && s.charAt(0) <= 'Z')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
