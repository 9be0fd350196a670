package dev.qapidoc.rst;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Identifier rules: docutils' {@code make_id} for section and label ids (qapi-domain-and-html.md
 * §3.2) and Sphinx's case-preserving variant for object ids (§3.1), plus reference-name
 * normalisation.
 */
public final class Ids {
    private Ids() {}

    /** Letters that NFKD does not reduce to ASCII, mapped as docutils does (§3.1 step 2). */
    private static final Map<Character, String> SPECIAL = Map.ofEntries(
            Map.entry('ø', "o"),
            Map.entry('đ', "d"),
            Map.entry('ħ', "h"),
            Map.entry('ı', "i"),
            Map.entry('ł', "l"),
            Map.entry('ŧ', "t"),
            Map.entry('ƀ', "b"),
            Map.entry('ƃ', "b"),
            Map.entry('ƈ', "c"),
            Map.entry('ƌ', "d"),
            Map.entry('ƒ', "f"),
            Map.entry('ƙ', "k"),
            Map.entry('ƚ', "l"),
            Map.entry('ƞ', "n"),
            Map.entry('ƥ', "p"),
            Map.entry('ƫ', "t"),
            Map.entry('ƭ', "t"),
            Map.entry('ƴ', "y"),
            Map.entry('ƶ', "z"),
            Map.entry('ǥ', "g"),
            Map.entry('ȥ', "z"),
            Map.entry('ȴ', "l"),
            Map.entry('ȵ', "n"),
            Map.entry('ȶ', "t"),
            Map.entry('ȷ', "j"),
            Map.entry('ȼ', "c"),
            Map.entry('ȿ', "s"),
            Map.entry('ɀ', "z"),
            Map.entry('ɇ', "e"),
            Map.entry('ɉ', "j"),
            Map.entry('ɋ', "q"),
            Map.entry('ɍ', "r"),
            Map.entry('ɏ', "y"),
            Map.entry('ß', "sz"),
            Map.entry('æ', "ae"),
            Map.entry('œ', "oe"),
            Map.entry('ȸ', "db"),
            Map.entry('ȹ', "qp"));

    private static final Pattern WS = Pattern.compile("\\s+");

    /**
     * docutils' section/label id: lower case, ASCII, runs of other characters become {@code -},
     * leading digits/hyphens and trailing hyphens removed. May return the empty string.
     */
    public static String docutils(String text) {
        if (isAscii(text)) {
            return asciiId(text, false);
        }
        String s = asciiFold(text.toLowerCase(Locale.ROOT));
        s = String.join(" ", WS.split(s.strip()));
        s = s.replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^[-0-9]+|-+$", "");
        return s;
    }

    /**
     * Sphinx's object id body (§3.1 step 2): case kept, {@code .} and {@code _} kept, other runs
     * become {@code -}, leading {@code [-0-9._]} and trailing {@code -} stripped.
     */
    public static String sphinx(String text) {
        if (isAscii(text)) {
            return asciiId(text, true);
        }
        String s = asciiFold(text);
        s = String.join(" ", WS.split(s.strip()));
        s = s.replaceAll("[^A-Za-z0-9._]+", "-");
        s = s.replaceAll("^[-0-9._]+|-+$", "");
        return s;
    }

    /** Whitespace-normalised, lower-cased reference name (docutils {@code fully_normalize_name}). */
    public static String normalizeName(String name) {
        return String.join(" ", WS.split(name.strip())).toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #sphinx} ({@code keepCase}) or {@link #docutils} of ASCII text in one pass, without
     * the regexes and the Unicode normalisation (a QMP manual makes thousands of ids, nearly all
     * ASCII). For ASCII the folding changes nothing, and whitespace, like every other character
     * outside the id alphabet, ends up in a run that becomes one {@code -} or is stripped at an end,
     * so the result is the same as the general path's.
     */
    private static String asciiId(String text, boolean keepCase) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean run = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!keepCase && c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || (keepCase && ((c >= 'A' && c <= 'Z') || c == '.' || c == '_'));
            if (!ok) {
                run = true;
                continue;
            }
            if (run) {
                sb.append('-');
                run = false;
            }
            sb.append(c);
        }
        // leading [-0-9] ([-0-9._] for Sphinx); a trailing run was never appended
        int start = 0;
        while (start < sb.length()) {
            char c = sb.charAt(start);
            if (c == '-' || (c >= '0' && c <= '9') || (keepCase && (c == '.' || c == '_'))) {
                start++;
            } else {
                break;
            }
        }
        return sb.substring(start);
    }

    private static String asciiFold(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String r = SPECIAL.get(c);
            if (r == null) {
                r = SPECIAL.get(Character.toLowerCase(c));
                if (r != null && Character.isUpperCase(c)) {
                    r = r.toUpperCase(Locale.ROOT);
                }
            }
            sb.append(r != null ? r : String.valueOf(c));
        }
        String n = Normalizer.normalize(sb, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < 128) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
