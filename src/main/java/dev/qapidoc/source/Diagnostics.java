package dev.qapidoc.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects diagnostics in the order they were found. {@code dump} prints only the first (QEMU
 * stops there); {@code lint} reports them all.
 */
public final class Diagnostics {
    private final List<Diagnostic> list = new ArrayList<>();

    public void add(Diagnostic d) {
        list.add(d);
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(list);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }
}
