package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's count check: {@code qapidoc history} over the release bundle agrees with QEMU's own
 * hand-kept pages, {@code docs/about/removed-features.rst} and {@code deprecated.rst}, for every
 * QMP entry whose release is in range. The pages' QMP command and event sections are parsed here:
 * each entry title names a command or event (or several, "``a`` and ``b``"), optionally members of
 * it ("``migrate`` command option ``blk``", "``block-commit`` arguments ``base`` and ``top``",
 * "``query-sgx`` return value member ``section-size``"), then its release: "(removed in 5.2)" or,
 * on the deprecated page, "(since 8.2)".
 *
 * <p>"Removed in 5.2" must be history's {@code last} = the release before 5.2.0 (5.1.0); a removal
 * in the release after the newest tag means the master snapshot (HEAD, the next release's
 * development tree) no longer has it. "Since 8.2" must be history's {@code deprecated} = 8.2.0.
 * In range: releases after the oldest one in the bundle (2.10.0, where "already" hides the real
 * release) up to the release after the newest tag. Titles that name no schema element (a
 * behaviour, a path like {@code dirty-bitmaps[i].status}) are counted as not checkable. Titles that
 * name a thing by another name (HMP spellings, a nested member by its path, an enum value as an
 * "option") are checked where history keeps it ({@link #RESOLVE}). Every disagreement is listed in
 * {@link #KNOWN} with its reason; the test fails on a new one, and on a known one that no longer
 * disagrees, so the list stays true.
 */
@Timeout(600)
class DeprecationPagesTest {
    private static final Path ABOUT = Path.of("../shared/corpus/qemu-docs-master/docs/about");

    /**
     * Entries whose title names the thing differently from the schema, and where history keeps
     * it: the claim is checked there. Key: {@link Claim#key()}; value: {@code ENTITY} or {@code
     * ENTITY/MEMBER} (a history member key), then why.
     */
    private static final Map<String, String[]> RESOLVE = Map.ofEntries(
            resolve("migrate_set_cache_size: removed", "migrate-set-cache-size", "the page gives the HMP spelling"),
            resolve(
                    "query-block/inserted.encryption_key_missing: removed",
                    "BlockDeviceInfo/encryption_key_missing",
                    "a member of the 'inserted' member's type"),
            resolve("query-migrate/skipped: removed", "MigrationStats/skipped", "a member of the 'ram' member's type"),
            resolve(
                    "migrate-set-capabilities/block: removed",
                    "MigrationCapability/block",
                    "a value of the capability enum"),
            resolve(
                    "migrate-set-capabilities/zero-blocks: removed",
                    "MigrationCapability/zero-blocks",
                    "a value of the capability enum"),
            resolve(
                    "migrate-set-capability/compress: removed",
                    "MigrationCapability/compress",
                    "the page says migrate-set-capability; a value of the capability enum"),
            resolve(
                    "migrate-set-parameter/compress-level: removed",
                    "migrate-set-parameters/compress-level",
                    "the page says migrate-set-parameter (the HMP spelling)"),
            resolve(
                    "migrate-set-parameter/compress-threads: removed",
                    "migrate-set-parameters/compress-threads",
                    "the page says migrate-set-parameter (the HMP spelling)"),
            resolve(
                    "migrate-set-parameter/compress-wait-thread: removed",
                    "migrate-set-parameters/compress-wait-thread",
                    "the page says migrate-set-parameter (the HMP spelling)"),
            resolve(
                    "migrate-set-parameter/decompress-threads: removed",
                    "migrate-set-parameters/decompress-threads",
                    "the page says migrate-set-parameter (the HMP spelling)"),
            resolve(
                    "query-qmp-schema/values: deprecated",
                    "SchemaInfoEnum/values",
                    "a member of the enum branch of the returned SchemaInfo"));

    /** Entries that disagree with history even where it keeps them, and why. */
    private static final Map<String, String> KNOWN = Map.of(
            "block-commit/base: deprecated",
            "deprecated in 3.1 in prose; the schema marks it with the 'deprecated' feature since 5.0.0, the"
                    + " first release whose schema language has features on members",
            "block-commit/top: deprecated",
            "deprecated in 3.1 in prose; the schema marks it with the 'deprecated' feature since 5.0.0, the"
                    + " first release whose schema language has features on members");

    private static Map.Entry<String, String[]> resolve(String key, String where, String why) {
        return Map.entry(key, new String[] {where, why});
    }

    /** One checkable claim of a page. */
    record Claim(String page, String title, String entity, String member, String kind, String release) {
        String key() {
            return entity + (member == null ? "" : "/" + member) + ": " + kind;
        }
    }

    private static final Pattern ENTRY = Pattern.compile("^(.*\\S)\\s+\\((removed in|since) (\\d+)\\.(\\d+)\\)$");
    private static final Pattern LITERAL = Pattern.compile("``([^`]+)``|\"([A-Za-z0-9_-]+)\"");
    private static final Pattern MEMBER_WORDS =
            Pattern.compile("(?i)\\b(arguments?|option|parameter|member|result|field|output member)\\b");

    @Test
    void historyAgreesWithQemusPages(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isDirectory(ABOUT), ABOUT + " absent (../shared/corpus): skipped");
        CompatCommandTest.cloneBundle(tmp);
        Main.Result r = Main.capture("history", "--format", "json", "--git", tmp.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode h = new JsonMapper().readTree(r.stdout());
        List<String> releases = new ArrayList<>();
        h.get("releases").forEach(n -> releases.add(n.asText()));
        JsonNode entities = h.get("entities");

        List<Claim> claims = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        for (String page : List.of("removed-features.rst", "deprecated.rst")) {
            parse(page, Files.readAllLines(ABOUT.resolve(page)), claims, unparsed);
        }
        int checked = 0;
        int outOfRange = 0;
        Map<String, String> disagree = new LinkedHashMap<>();
        List<String> resolved = new ArrayList<>();
        for (Claim c : claims) {
            String expected = expected(c, releases);
            if (expected == null) {
                outOfRange++;
                continue;
            }
            checked++;
            String[] where = RESOLVE.get(c.key());
            JsonNode e = where == null ? find(entities, c) : at(entities, where[0]);
            if (where != null) {
                resolved.add(c.key() + " -> " + where[0] + " (" + where[1] + ")");
            }
            String field = c.kind().equals("removed") ? "last" : "deprecated";
            String actual = e == null
                    ? "absent"
                    : e.get(field).isNull() ? "null" : e.get(field).asText();
            if (!actual.equals(expected)) {
                disagree.put(
                        c.key(),
                        c.page() + ": '" + c.title() + "': page says " + field + " " + expected + ", history "
                                + actual);
            }
        }
        StringBuilder report = new StringBuilder();
        report.append("checked ")
                .append(checked)
                .append(" entries (")
                .append(outOfRange)
                .append(" out of range, ")
                .append(unparsed.size())
                .append(" not about a schema element), ")
                .append(disagree.size())
                .append(" disagree:\n");
        disagree.forEach((k, v) -> report.append("  ")
                .append(v)
                .append("\n    -> ")
                .append(KNOWN.getOrDefault(k, "NOT EXPLAINED"))
                .append('\n'));
        report.append("checked where history keeps them:\n");
        resolved.forEach(u -> report.append("  ").append(u).append('\n'));
        report.append("not checkable:\n");
        unparsed.forEach(u -> report.append("  ").append(u).append('\n'));
        System.out.println(report);
        assertTrue(checked >= 40, report.toString());
        assertEquals(new TreeMap<>(KNOWN).keySet(), new TreeMap<>(disagree).keySet(), report.toString());
        assertEquals(RESOLVE.size(), resolved.size(), "every resolution is used: " + resolved);
    }

    /**
     * The QMP claims of one page: its sections "QEMU Machine Protocol (QMP) commands" and
     * "... events" (underlined with '-'), each entry a title underlined with '\''.
     */
    private static void parse(String page, List<String> lines, List<Claim> out, List<String> unparsed) {
        boolean qmp = false;
        for (int i = 0; i + 1 < lines.size(); i++) {
            String t = lines.get(i).strip();
            String under = lines.get(i + 1);
            if (t.isEmpty() || under.length() < t.length() / 2) {
                continue;
            }
            if (under.matches("-{4,}")) {
                qmp = t.startsWith("QEMU Machine Protocol (QMP)");
            } else if (qmp && under.matches("'{4,}")) {
                Matcher m = ENTRY.matcher(t);
                if (!m.matches()) {
                    unparsed.add(page + ": " + t + " (no release)");
                    continue;
                }
                String kind = page.startsWith("removed") ? "removed" : "deprecated";
                String rel = m.group(3) + "." + m.group(4);
                if (!title(page, m.group(1), kind, rel, t, out)) {
                    unparsed.add(page + ": " + t);
                }
            }
        }
    }

    /**
     * Splits a title into names: the literals before a member word are the commands (or
     * events), those after it their members. False when the title is not of that shape (text
     * before the first literal, or between literals something other than ',' / 'and' / a
     * member word).
     */
    private static boolean title(String page, String text, String kind, String rel, String t, List<Claim> out) {
        Matcher m = LITERAL.matcher(text);
        List<String> names = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        int at = 0;
        while (m.find()) {
            gaps.add(text.substring(at, m.start()).strip());
            names.add(m.group(1) != null ? m.group(1) : m.group(2));
            at = m.end();
        }
        gaps.add(text.substring(at).strip());
        if (names.isEmpty() || !gaps.get(0).isEmpty()) {
            return false;
        }
        List<String> owners = new ArrayList<>();
        List<String> members = new ArrayList<>();
        boolean inMembers = false;
        for (int i = 0; i < names.size(); i++) {
            String before = gaps.get(i);
            if (i > 0 && MEMBER_WORDS.matcher(before).find()) {
                inMembers = true;
            } else if (i > 0 && !before.matches(",|and|, and|")) {
                return false;
            }
            if (i > 0 && before.isEmpty() && !inMembers) {
                inMembers = true; // "``migrate-set-capabilities`` ``block`` option"
            }
            (inMembers ? members : owners).add(names.get(i));
        }
        String tail = gaps.get(gaps.size() - 1);
        if (!tail.isEmpty() && !MEMBER_WORDS.matcher(tail).matches()) {
            return false;
        }
        if (!tail.isEmpty() && members.isEmpty()) {
            return false;
        }
        for (String o : owners) {
            if (!o.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                return false;
            }
            if (members.isEmpty()) {
                out.add(new Claim(page, t, o, null, kind, rel));
            }
            for (String mem : members) {
                out.add(new Claim(page, t, o, mem, kind, rel));
            }
        }
        return true;
    }

    /**
     * The release history must give, or null when the page's release is out of range: for a
     * removal in R, the release before R.0 (the newest tag when R is the one after it and HEAD
     * is there); for a deprecation since R, R.0 (HEAD when R is the next release).
     */
    private static String expected(Claim c, List<String> releases) {
        String r0 = c.release() + ".0";
        int i = releases.indexOf(r0);
        boolean head = releases.get(releases.size() - 1).equals("HEAD");
        int newestTag = head ? releases.size() - 2 : releases.size() - 1;
        if (i < 0) {
            boolean next = head && isNext(releases.get(newestTag), c.release());
            if (!next) {
                return null;
            }
            return c.kind().equals("removed") ? releases.get(newestTag) : "HEAD";
        }
        if (i == 0) {
            return null;
        }
        return c.kind().equals("removed") ? releases.get(i - 1) : r0;
    }

    /** True when release {@code r} ("11.0") is the one after tag {@code newest} ("10.2.0"). */
    private static boolean isNext(String newest, String r) {
        String[] n = newest.split("\\.");
        String[] x = r.split("\\.");
        int nm = Integer.parseInt(n[0]);
        int nn = Integer.parseInt(n[1]);
        int xm = Integer.parseInt(x[0]);
        int xn = Integer.parseInt(x[1]);
        return (xm == nm && xn == nn + 1) || (xm == nm + 1 && xn == 0);
    }

    /** The history entry at {@code ENTITY} or {@code ENTITY/MEMBER}. */
    private static JsonNode at(JsonNode entities, String where) {
        int slash = where.indexOf('/');
        JsonNode e = entities.get(slash < 0 ? where : where.substring(0, slash));
        return e == null || slash < 0 ? e : e.get("members").get(where.substring(slash + 1));
    }

    /** The history entry a claim is about: the entity, or its argument or return member. */
    private static JsonNode find(JsonNode entities, Claim c) {
        JsonNode e = entities.get(c.entity());
        if (e == null || c.member() == null) {
            return e;
        }
        JsonNode ms = e.get("members");
        JsonNode m = ms.get(c.member());
        return m != null ? m : ms.get("return " + c.member());
    }
}
