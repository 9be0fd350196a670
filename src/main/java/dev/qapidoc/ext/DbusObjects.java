package dev.qapidoc.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects the {@code dbus} domain described in one build, by full name ({@code
 * org.qemu.Display1.VM.Name}): what its cross-reference roles resolve to and what its index lists.
 * Filled while documents are read (in name order), read once every document is.
 */
public final class DbusObjects {

    /**
     * One described object.
     *
     * @param fqn full name, also the anchor id
     * @param objtype {@code interface}, {@code method}, {@code signal} or {@code property}
     * @param docname the document describing it
     */
    public record Entry(String fqn, String objtype, String docname) {}

    private final Map<String, Entry> byName = new TreeMap<>();

    synchronized void add(Entry e) {
        byName.putIfAbsent(e.fqn(), e);
    }

    /** The object named {@code fqn}, or null. */
    public synchronized Entry get(String fqn) {
        return byName.get(fqn);
    }

    /** Every object, sorted by full name. */
    public synchronized List<Entry> all() {
        return new ArrayList<>(byName.values());
    }
}
