package dev.qapidoc.compat;

import dev.qapidoc.schema.AlternateType;
import dev.qapidoc.schema.ArrayType;
import dev.qapidoc.schema.Command;
import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.EnumType;
import dev.qapidoc.schema.EnumValue;
import dev.qapidoc.schema.Event;
import dev.qapidoc.schema.Feature;
import dev.qapidoc.schema.Include;
import dev.qapidoc.schema.Member;
import dev.qapidoc.schema.ObjectType;
import dev.qapidoc.schema.Schema;
import dev.qapidoc.schema.Variant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When each entity and member of a schema appeared, was deprecated and disappeared, computed
 * from the schema at a list of revisions (oldest first).
 *
 * <p>Entities are the definitions a user wrote (not built-ins, arrays or implicit {@code q_*}
 * types). Members, keyed so that different kinds cannot collide: command arguments, event data
 * and struct/union members (base members included) by their name, enum values by their name,
 * union and alternate branches as {@code branch NAME}, the definition's features as
 * {@code feature NAME}, and a command's return members (when it returns an object or an array
 * of objects) as {@code return NAME}. Keys are sorted, so the output is deterministic.
 *
 * <p>{@code first} is the first revision something is in (the oldest one when it was there
 * already, so it says "at least since"), {@code last} the last one it is in, null when it is
 * in the newest revision; {@code deprecated} the first revision in which it carries the
 * {@code deprecated} feature. Something removed and later added again keeps its first {@code
 * first} and its final {@code last}.
 */
public final class History {
    private final List<String> releases;
    private final Map<String, Entry> entities = new TreeMap<>();

    /**
     * The history of one entity or member. Its kind is {@code command}, {@code event},
     * {@code enum}, {@code struct}, {@code union} or {@code alternate}; for members
     * {@code argument}, {@code member}, {@code value}, {@code branch}, {@code feature} or
     * {@code return}.
     */
    public static final class Entry {
        private final String kind;
        private int first = -1;
        private int lastSeen = -1;
        private int deprecated = -1;
        private final Map<String, Entry> members = new TreeMap<>();

        Entry(String kind) {
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }

        /** Members by key (empty for members themselves). */
        public Map<String, Entry> members() {
            return Collections.unmodifiableMap(members);
        }

        void seen(int rev, boolean dep) {
            if (first < 0) {
                first = rev;
            }
            lastSeen = rev;
            if (dep && deprecated < 0) {
                deprecated = rev;
            }
        }
    }

    private History(List<String> releases) {
        this.releases = List.copyOf(releases);
    }

    /** Computes the history of {@code schemas}, one per release name, oldest first. */
    public static History compute(List<String> releases, List<Schema> schemas) {
        History h = new History(releases);
        for (int i = 0; i < schemas.size(); i++) {
            h.add(i, schemas.get(i));
        }
        return h;
    }

    /** The release names, oldest first. */
    public List<String> releases() {
        return releases;
    }

    /** Entities by name. */
    public Map<String, Entry> entities() {
        return Collections.unmodifiableMap(entities);
    }

    /** The release an entry first appears in. */
    public String first(Entry e) {
        return releases.get(e.first);
    }

    /** True when the entry is in the oldest release, so its real first release is unknown. */
    public boolean inOldest(Entry e) {
        return e.first == 0;
    }

    /** The last release an entry is in, or null when it is in the newest one. */
    public String last(Entry e) {
        return e.lastSeen == releases.size() - 1 ? null : releases.get(e.lastSeen);
    }

    /** The first release in which the entry is deprecated, or null. */
    public String deprecated(Entry e) {
        return e.deprecated < 0 ? null : releases.get(e.deprecated);
    }

    /**
     * The first release in which {@code entity} ({@code member} null) or its member
     * {@code member} carries {@code deprecated}, or null when it never does or is unknown.
     * A command's return member is found under its return type's name, as on the wire, or as
     * {@code return NAME} of the command.
     */
    public String deprecatedSince(String entity, String member) {
        Entry e = entities.get(entity);
        if (e != null && member != null) {
            Entry m = e.members.get(member);
            e = m != null ? m : e.members.get("return " + member);
        }
        return e == null ? null : deprecated(e);
    }

    private void add(int rev, Schema s) {
        for (Entity e : s.entities()) {
            if (e instanceof Include || e instanceof ArrayType || e.isImplicit()) {
                continue;
            }
            Entry en = entities.computeIfAbsent(e.name(), n -> new Entry(e.meta()));
            en.seen(rev, deprecated(e.features()));
            for (Feature f : e.features()) {
                member(en, "feature " + f.name(), "feature", rev, false);
            }
            members(s, e, en, rev);
        }
    }

    private void members(Schema s, Entity e, Entry en, int rev) {
        if (e instanceof Command c) {
            for (Member m : s.arguments(c)) {
                member(en, m.name(), "argument", rev, deprecated(m.features()));
            }
            Entity ret = c.returnType() == null ? null : s.type(c.returnType()).orElse(null);
            if (ret instanceof ArrayType a) {
                ret = s.type(a.elementType()).orElse(null);
            }
            if (ret instanceof ObjectType o) {
                for (Member m : s.allMembers(o)) {
                    member(en, "return " + m.name(), "return", rev, deprecated(m.features()));
                }
            }
        } else if (e instanceof Event ev) {
            for (Member m : s.arguments(ev)) {
                member(en, m.name(), "member", rev, deprecated(m.features()));
            }
        } else if (e instanceof ObjectType o) {
            for (Member m : s.allMembers(o)) {
                member(en, m.name(), "member", rev, deprecated(m.features()));
            }
            if (o.branches() != null) {
                for (Variant v : o.branches().variants()) {
                    if (!v.implicit()) {
                        member(en, "branch " + v.name(), "branch", rev, false);
                    }
                }
            }
        } else if (e instanceof EnumType t) {
            for (EnumValue v : t.values()) {
                member(en, v.name(), "value", rev, deprecated(v.features()));
            }
        } else if (e instanceof AlternateType a) {
            for (Variant v : a.variants()) {
                member(en, "branch " + v.name(), "branch", rev, false);
            }
        }
    }

    private static void member(Entry en, String key, String kind, int rev, boolean dep) {
        en.members.computeIfAbsent(key, k -> new Entry(kind)).seen(rev, dep);
    }

    private static boolean deprecated(List<Feature> fs) {
        for (Feature f : fs) {
            if (f.name().equals("deprecated")) {
                return true;
            }
        }
        return false;
    }

    /** Every member key that ever existed, for reports. */
    List<String> keys(Entry e) {
        return new ArrayList<>(e.members.keySet());
    }
}
