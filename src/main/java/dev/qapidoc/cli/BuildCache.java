package dev.qapidoc.cli;

import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.source.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What {@code build} remembers between runs, in {@code OUTDIR/.qapidoc-cache}: the fingerprint of
 * everything that is not a file (qapidoc's own jar, the configuration after {@code -D}, the
 * tags, the options, the date {@code |today|} stands for), a hash of every file the build read
 * (pages, includes, schemas, {@code .hx} files, conf.py and what it opened, images, static
 * files), the names of the files in the source folder (a page added or deleted changes what is
 * read even though no file read so far changed), the size of every output file, and the
 * messages the build printed.
 *
 * <p>When all of that is unchanged the site in OUTDIR is exactly what a clean build would write,
 * so the build writes nothing and repeats the messages: same output, same exit status. Any
 * difference, and any doubt (no cache, a cache of another version, an output file changed or
 * gone), means a full build; correctness first. The cache is written into the new site's folder
 * before it replaces OUTDIR, so the site and its cache are always from the same build, and it
 * holds no time stamps or paths of OUTDIR, so it is the same bytes for the same inputs.
 *
 * <p>The format is plain text, one record a line, tab-separated, with {@code \}, tab and newline
 * escaped: {@code key}, {@code listing}, {@code tolerant}, then {@code input HASH PATH}, {@code
 * output SIZE PATH}, {@code dep PATH} (the depfile's list, in its order) and {@code message LEVEL
 * LINE FILE TEXT} lines.
 */
final class BuildCache {
    /** The cache's name inside OUTDIR. */
    static final String FILE = ".qapidoc-cache";

    private static final String MAGIC = "qapidoc-build-cache\t1";

    /**
     * One build's record.
     *
     * @param key the fingerprint of what is not a file ({@link #fingerprint})
     * @param listing the hash of the source folder's file names ({@link #listing})
     * @param inputs every file read (absolute) → its content hash
     * @param outputs every output file (relative to OUTDIR) → its size
     * @param deps the depfile's list of files, in order
     * @param tolerant the tolerant-load summary line, or null
     * @param messages the build's messages, in report order
     */
    record State(
            String key,
            String listing,
            Map<String, String> inputs,
            Map<String, Long> outputs,
            List<String> deps,
            String tolerant,
            List<SystemMessage> messages) {

        /** True when the site in {@code outdir} is what a build with {@code key} would write now. */
        boolean upToDate(String key, String listing, Path outdir) {
            if (!this.key.equals(key) || !this.listing.equals(listing)) {
                return false;
            }
            for (Map.Entry<String, Long> e : outputs.entrySet()) {
                Path f = outdir.resolve(e.getKey());
                try {
                    if (!Files.isRegularFile(f) || Files.size(f) != e.getValue()) {
                        return false;
                    }
                } catch (IOException ex) {
                    return false;
                }
            }
            for (Map.Entry<String, String> e : inputs.entrySet()) {
                if (!hash(Path.of(e.getKey())).equals(e.getValue())) {
                    return false;
                }
            }
            return true;
        }

        byte[] bytes() {
            StringBuilder b = new StringBuilder(MAGIC).append('\n');
            line(b, "key", key);
            line(b, "listing", listing);
            line(b, "tolerant", tolerant == null ? "-" : "+" + tolerant);
            inputs.forEach((p, h) -> line(b, "input", h, p));
            outputs.forEach((p, n) -> line(b, "output", Long.toString(n), p));
            deps.forEach(p -> line(b, "dep", p));
            for (SystemMessage m : messages) {
                line(
                        b,
                        "message",
                        m.level().name(),
                        m.where() == null ? "-" : Integer.toString(m.where().line()),
                        m.where() == null ? "" : m.where().file(),
                        m.message());
            }
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private BuildCache() {}

    /** The cache of the site in {@code outdir}, if there is one this version can read. */
    static Optional<State> read(Path outdir) {
        Path f = outdir.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            return Optional.empty();
        }
        String key = null;
        String listing = null;
        String tolerant = null;
        Map<String, String> inputs = new TreeMap<>();
        Map<String, Long> outputs = new TreeMap<>();
        List<String> deps = new ArrayList<>();
        List<SystemMessage> messages = new ArrayList<>();
        try {
            for (String line : lines.subList(1, lines.size())) {
                List<String> f0 = fields(line);
                switch (f0.get(0)) {
                    case "key" -> key = f0.get(1);
                    case "listing" -> listing = f0.get(1);
                    case "tolerant" ->
                        tolerant = f0.get(1).startsWith("+") ? f0.get(1).substring(1) : null;
                    case "input" -> inputs.put(f0.get(2), f0.get(1));
                    case "output" -> outputs.put(f0.get(2), Long.parseLong(f0.get(1)));
                    case "dep" -> deps.add(f0.get(1));
                    case "message" ->
                        messages.add(new SystemMessage(
                                SystemMessage.Level.valueOf(f0.get(1)),
                                f0.get(2).equals("-")
                                        ? null
                                        : SourceLocation.of(f0.get(3), Integer.parseInt(f0.get(2))),
                                f0.get(4)));
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (RuntimeException e) {
            // a damaged cache is no cache: the build starts afresh
            return Optional.empty();
        }
        if (key == null || listing == null) {
            return Optional.empty();
        }
        return Optional.of(new State(key, listing, inputs, outputs, deps, tolerant, messages));
    }

    /** The hashes of {@code files} (absolute), by path. */
    static Map<String, String> hashes(Collection<Path> files) {
        Map<String, String> m = new TreeMap<>();
        for (Path p : files) {
            m.put(p.toAbsolutePath().normalize().toString(), hash(p));
        }
        return m;
    }

    /** The SHA-256 of a file's bytes, or {@code missing} when it cannot be read. */
    static String hash(Path p) {
        if (!Files.isRegularFile(p)) {
            // never opened: a FIFO or device would block or never end (such a read is refused anyway)
            return Files.exists(p) ? "not-a-file" : "missing";
        }
        try {
            return HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(p)));
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /**
     * The fingerprint of what a build depends on besides the files it reads: qapidoc itself (its
     * version and its jar's size and time), and the given parts (options, configuration, tags)
     * in a canonical form that does not depend on map or set order.
     */
    static String fingerprint(List<Object> parts) {
        StringBuilder b = new StringBuilder("qapidoc ").append(Version.get()).append('\n');
        b.append(codeIdentity()).append('\n');
        for (Object o : parts) {
            canonical(o, b);
            b.append('\n');
        }
        return HexFormat.of().formatHex(sha256().digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The hash of the names of every file under {@code roots} (relative to each root), so that
     * a page added or deleted is seen; {@code outdir} and its temporary siblings are left out
     * (OUTDIR may be inside SRCDIR, as in {@code build docs docs/_build}).
     */
    static String listing(List<Path> roots, Path outdir) throws IOException {
        Path out = outdir.toAbsolutePath().normalize();
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        MessageDigest md = sha256();
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            if (!Files.isDirectory(r)) {
                md.update(("absent " + r + "\n").getBytes(StandardCharsets.UTF_8));
                continue;
            }
            Set<String> names = new TreeSet<>();
            try (Stream<Path> walk = Files.walk(r)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (p.startsWith(out)
                            || (p.getParent() != null
                                    && p.getParent().equals(out.getParent())
                                    && p.getFileName().toString().startsWith("." + name + "."))) {
                        continue;
                    }
                    if (Files.isRegularFile(p)) {
                        names.add(r.relativize(p).toString());
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            md.update(("root " + r + "\n").getBytes(StandardCharsets.UTF_8));
            for (String n : names) {
                md.update((n + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The jar (or classes folder) qapidoc runs from: a new build of qapidoc invalidates caches. */
    private static String codeIdentity() {
        try {
            Path p = Path.of(BuildCache.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isRegularFile(p)) {
                return p + " " + Files.size(p) + " "
                        + Files.getLastModifiedTime(p).toMillis();
            }
            return p.toString();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void canonical(Object o, StringBuilder b) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            b.append('{');
            sorted.forEach((k, v) -> {
                b.append(quote(k)).append(':');
                canonical(v, b);
                b.append(',');
            });
            b.append('}');
        } else if (o instanceof Set<?> s) {
            Set<String> sorted = new TreeSet<>();
            for (Object e : s) {
                StringBuilder eb = new StringBuilder();
                canonical(e, eb);
                sorted.add(eb.toString());
            }
            b.append("set").append(sorted);
        } else if (o instanceof Collection<?> c) {
            b.append('[');
            for (Object e : c) {
                canonical(e, b);
                b.append(',');
            }
            b.append(']');
        } else if (o instanceof Object[] a) {
            canonical(List.of(a), b);
        } else if (o == null) {
            b.append("null");
        } else if (o instanceof String s) {
            b.append(quote(s));
        } else {
            b.append(o.getClass().getSimpleName())
                    .append('(')
                    .append(quote(o.toString()))
                    .append(')');
        }
    }

    private static String quote(String s) {
        return '"' + escape(s) + '"';
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void line(StringBuilder b, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            b.append(i == 0 ? "" : "\t").append(escape(fields[i]));
        }
        b.append('\n');
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '"' -> b.append("\\\"");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                out.add(cur.toString());
                cur.setLength(0);
            } else if (c == '\\' && i + 1 < line.length()) {
                char n = line.charAt(++i);
                cur.append(
                        switch (n) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> n;
                        });
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
