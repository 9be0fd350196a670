package dev.qapidoc.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects the {@code dbus} domain described in one build, by full name ({@code
 * org.qemu.Display1.VM.Name}): what its cross-reference roles resolve to and what its index lists.
 * Filled while documents are read (in name order), read once every document is.
 *
 * <p>Besides the full names it keeps, per object type, the object described last under each
 * short name (the part after the last dot): a reference whose name is not found as written is
 * looked up by its last part, and QEMU's manual shows that the last description wins there
 * ({@code :dbus:meth:`Register`} in the Clipboard interface's text links Chardev's {@code
 * Register}, described after Clipboard's; {@code Name} in Chardev's text links Chardev's, not the
 * VM's).
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
    /** {@code objtype:short name} → the object of that type and short name described last. */
    private final Map<String, Entry> byShortName = new TreeMap<>();

    synchronized void add(Entry e) {
        if (byName.putIfAbsent(e.fqn(), e) == null) {
            byShortName.put(e.objtype() + ":" + e.fqn().substring(e.fqn().lastIndexOf('.') + 1), e);
        }
    }

    /** The {@code objtype} object described last whose name ends in {@code .shortName}, or null. */
    public synchronized Entry lastByShortName(String objtype, String shortName) {
        return byShortName.get(objtype + ":" + shortName);
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
