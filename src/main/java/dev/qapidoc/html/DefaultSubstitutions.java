package dev.qapidoc.html;

import dev.qapidoc.rst.ContentLine;
import dev.qapidoc.rst.RstNode;
import dev.qapidoc.rst.RstNode.Type;
import dev.qapidoc.source.SourceLocation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sphinx's default substitutions {@code |version|}, {@code |release|} and {@code |today|}, which
 * every page may use without defining them; a page (or rst_prolog/rst_epilog) that defines one
 * of these names itself keeps its own definition, as in Sphinx.
 *
 * <p>They are added as definitions after the page's lines and their definition nodes removed
 * once the page is read, so the page's tree (and the search index) holds only the replaced text.
 *
 * <p>{@code |today|} is, for reproducible builds: {@code today} from conf.py when set, else the
 * date of {@code SOURCE_DATE_EPOCH} (the reproducible-builds convention) when set, else the build
 * date, in UTC; formatted with {@code today_fmt} (default Sphinx's {@code %b %d, %Y}).
 */
final class DefaultSubstitutions {
    /** The pseudo file name of the added definitions, by which their nodes are found again. */
    static final String ORIGIN = "<qapidoc-defaults>";

    private static final List<String> NAMES = List.of("version", "release", "today");

    private final String version;
    private final String release;
    private final String today;

    DefaultSubstitutions(SiteConfig conf, String sourceDateEpoch, LocalDate buildDate) {
        this.version = conf.version();
        this.release = conf.release();
        String t = conf.string("today", "");
        if (t.isEmpty()) {
            LocalDate date = buildDate;
            if (sourceDateEpoch != null && sourceDateEpoch.strip().matches("[0-9]{1,18}")) {
                date = LocalDate.ofInstant(
                        Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.strip())), ZoneOffset.UTC);
            }
            t = format(conf.string("today_fmt", "%b %d, %Y"), date);
        }
        this.today = t;
    }

    /** With the process's {@code SOURCE_DATE_EPOCH} and today's date. */
    static DefaultSubstitutions of(SiteConfig conf) {
        return new DefaultSubstitutions(conf, System.getenv("SOURCE_DATE_EPOCH"), LocalDate.now(ZoneOffset.UTC));
    }

    String today() {
        return today;
    }

    /** Definition lines for the default names that {@code page} does not define itself. */
    List<ContentLine> lines(List<ContentLine> page) {
        List<ContentLine> out = new ArrayList<>();
        for (String name : NAMES) {
            Pattern own = Pattern.compile("^\\s*\\.\\.\\s+\\|" + name + "\\|\\s", Pattern.CASE_INSENSITIVE);
            if (page.stream().anyMatch(l -> own.matcher(l.text()).find())) {
                continue;
            }
            String value =
                    switch (name) {
                        case "version" -> version;
                        case "release" -> release;
                        default -> today;
                    };
            if (out.isEmpty()) {
                out.add(new ContentLine("", SourceLocation.of(ORIGIN, 0)));
            }
            out.add(new ContentLine(
                    ".. |" + name + "| replace:: " + escape(value), SourceLocation.of(ORIGIN, out.size())));
        }
        return out;
    }

    /** Removes the definitions {@link #lines} added, once the references are replaced. */
    static void strip(RstNode tree) {
        for (RstNode n : tree.findAll(Type.SUBSTITUTION_DEFINITION)) {
            if (n.location() != null && ORIGIN.equals(n.location().file()) && n.parent() != null) {
                n.parent().remove(n);
            }
        }
    }

    /** The value as literal text: every ASCII punctuation character backslash-escaped. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.replace('\n', ' ').toCharArray()) {
            if (c < 128 && !Character.isLetterOrDigit(c) && c != ' ') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString().isBlank() ? "\\ " : b.toString();
    }

    /** The strftime directives a date can fill ({@code %b %B %a %A %d %e %m %y %Y %j %%}). */
    static String format(String fmt, LocalDate d) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 == fmt.length()) {
                b.append(c);
                continue;
            }
            char f = fmt.charAt(++i);
            switch (f) {
                case 'b' -> b.append(d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> b.append(d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'a' -> b.append(d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> b.append(d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'd' -> b.append(String.format(Locale.ROOT, "%02d", d.getDayOfMonth()));
                case 'e' -> b.append(String.format(Locale.ROOT, "%2d", d.getDayOfMonth()));
                case 'm' -> b.append(String.format(Locale.ROOT, "%02d", d.getMonthValue()));
                case 'y' -> b.append(String.format(Locale.ROOT, "%02d", d.getYear() % 100));
                case 'Y' -> b.append(d.getYear());
                case 'j' -> b.append(String.format(Locale.ROOT, "%03d", d.getDayOfYear()));
                case '%' -> b.append('%');
                default -> b.append('%').append(f);
            }
        }
        return b.toString();
    }
}
