package dev.qapidoc.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What {@code qapidoc serve} watches: every file the last build read (pages, includes, schemas,
 * {@code .hx} files, conf.py), through a {@link WatchService} on their folders, and whole trees
 * (the source folder), where a new file can be a new page. Editors save in bursts (a temporary
 * file, a rename, a second write), so a change is reported only once the folders have been
 * quiet for a moment.
 */
final class SourceWatcher implements AutoCloseable {
    /** How long the folders must stay quiet before a change is reported. */
    private static final long QUIET_MS = 25;

    /** How long a burst may last before it is reported all the same (an editor that never stops). */
    private static final long MAX_BURST_MS = 400;

    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Set<Path> folders = new HashSet<>();
    private Set<Path> files = Set.of();
    private Set<Path> trees = Set.of();

    SourceWatcher() throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
    }

    /**
     * Watches {@code files} and everything under {@code trees} from now on (in place of what was
     * watched before; folders already registered stay registered).
     */
    void watch(Collection<Path> files, Collection<Path> trees) throws IOException {
        Set<Path> f = new HashSet<>();
        Set<Path> t = new HashSet<>();
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path p : files) {
            Path a = p.toAbsolutePath().normalize();
            f.add(a);
            if (a.getParent() != null) {
                dirs.add(a.getParent());
            }
        }
        for (Path p : trees) {
            Path a = p.toAbsolutePath().normalize();
            t.add(a);
            if (Files.isDirectory(a)) {
                try (Stream<Path> w = Files.walk(a)) {
                    w.filter(Files::isDirectory).forEach(dirs::add);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        }
        for (Path d : dirs) {
            if (!folders.contains(d) && Files.isDirectory(d)) {
                WatchKey k = d.register(
                        service,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                keys.put(k, d);
                folders.add(d);
            }
        }
        this.files = f;
        this.trees = t;
    }

    /**
     * Waits for a change to a watched file (or anything under a watched tree) and returns what
     * changed; returns an empty set when closed.
     */
    Set<Path> await() throws InterruptedException {
        Set<Path> changed = new LinkedHashSet<>();
        try {
            long quietAt = 0;
            long latest = 0;
            while (true) {
                WatchKey k;
                if (changed.isEmpty()) {
                    k = service.take();
                } else {
                    long now = System.nanoTime();
                    long until = Math.min(quietAt, latest);
                    if (now >= until) {
                        return changed;
                    }
                    k = service.poll(until - now, TimeUnit.NANOSECONDS);
                    if (k == null) {
                        return changed;
                    }
                }
                boolean first = changed.isEmpty();
                // only changes to what is watched count: the folders of watched files may be busy
                // with others (a shared /tmp), which must neither start nor prolong a burst
                if (collect(k, changed)) {
                    long now = System.nanoTime();
                    quietAt = now + QUIET_MS * 1_000_000;
                    if (first) {
                        latest = now + MAX_BURST_MS * 1_000_000;
                    }
                }
            }
        } catch (ClosedWatchServiceException e) {
            return Set.of();
        }
    }

    /** Adds the watched paths {@code k} reports changed; whether there were any. */
    private boolean collect(WatchKey k, Set<Path> changed) {
        Path dir = keys.get(k);
        boolean any = false;
        for (WatchEvent<?> e : k.pollEvents()) {
            if (dir == null || !(e.context() instanceof Path name)) {
                // an overflow: something changed, no telling what
                changed.add(dir == null ? Path.of("/") : dir);
                any = true;
                continue;
            }
            Path p = dir.resolve(name);
            if (files.contains(p) || (!scratch(name) && trees.stream().anyMatch(p::startsWith))) {
                changed.add(p);
                any = true;
            }
        }
        if (!k.reset()) {
            keys.remove(k);
            folders.remove(dir);
        }
        return any;
    }

    /** An editor's scratch file (vim's swap files and write test, backups): never a source. */
    private static boolean scratch(Path name) {
        String n = name.toString();
        return n.startsWith(".") || n.endsWith("~") || n.equals("4913") || n.startsWith("#");
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
