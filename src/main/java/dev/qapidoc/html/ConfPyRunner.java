package dev.qapidoc.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.source.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code conf.py} that computes its values (QEMU's joins paths with {@code os.path}, reads
 * {@code ../VERSION}, builds {@code rst_epilog} from a dict and a file, tests
 * {@code sphinx.version_info}) in a child {@code python3}, as Sphinx itself would, and reads back
 * every global that JSON can carry. The child gets stand-ins for Sphinx's own modules and a
 * {@code tags} object ({@code confpy_runner.py} beside this class says which), so a conf.py written
 * for Sphinx runs unmodified without Sphinx installed.
 *
 * <p>Why a child process and not an embedded interpreter: QEMU's build always has a python3, a
 * child costs about 30 ms, and a conf.py can do anything Python can, which only Python reproduces.
 * Where no python3 is found the caller falls back to {@link ConfPy}'s literal reading.
 *
 * <p>{@code QAPIDOC_PYTHON} (or the system property {@code qapidoc.python}) names the interpreter
 * ({@code none} turns running off); otherwise the first {@code python3} on {@code PATH} is used.
 */
public final class ConfPyRunner {
    private ConfPyRunner() {}

    /** Seconds a conf.py may run before it is stopped; Sphinx has no limit, but a build must not hang. */
    static final long TIMEOUT_SECONDS = 60;

    /**
     * What running conf.py gave.
     *
     * @param config its values (in name order), or empty values when it failed
     * @param tags the tags set when it finished (the builder's, {@code -t}'s and its own
     *     {@code tags.add})
     * @param messages an ERROR naming conf.py's line when it raised, else nothing
     * @param read the files conf.py opened for reading (absolute; not conf.py itself), for the
     *     dependency file
     */
    public record Result(SiteConfig config, Set<String> tags, List<SystemMessage> messages, List<Path> read) {
        public Result(SiteConfig config, Set<String> tags, List<SystemMessage> messages) {
            this(config, tags, messages, List.of());
        }

        public boolean failed() {
            return messages.stream().anyMatch(m -> m.level().compareTo(SystemMessage.Level.ERROR) >= 0);
        }
    }

    /** The interpreter to use, if any: {@code QAPIDOC_PYTHON}, else {@code python3} on {@code PATH}. */
    public static Optional<Path> interpreter() {
        // the system property qapidoc.python, like QAPIDOC_PYTHON, lets in-process tests choose
        String env = System.getProperty("qapidoc.python", System.getenv("QAPIDOC_PYTHON"));
        if (env != null && !env.isEmpty()) {
            return env.equals("none") ? Optional.empty() : Optional.of(Path.of(env));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "python3");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code confPy} with {@code python}; {@code display} is the name messages give the file.
     *
     * @throws IOException when the interpreter cannot be started at all (the caller then reads
     *     literals, as without python3)
     */
    public static Result run(Path python, Path confPy, String display, List<String> commandLineTags)
            throws IOException {
        Path script = Files.createTempFile("qapidoc-confpy-", ".py");
        try {
            try (InputStream in = ConfPyRunner.class.getResourceAsStream("confpy_runner.py")) {
                if (in == null) {
                    throw new IOException("confpy_runner.py is missing from the jar");
                }
                Files.write(script, in.readAllBytes());
            }
            List<String> cmd = new ArrayList<>(List.of(
                    python.toString(),
                    "-I",
                    "-B",
                    script.toString(),
                    confPy.toAbsolutePath().toString()));
            cmd.addAll(commandLineTags);
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.redirectInput(ProcessBuilder.Redirect.PIPE);
            pb.directory(confPy.toAbsolutePath().getParent().toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = readAll(p.getInputStream(), p);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return failure(display, 0, "conf.py did not finish within " + TIMEOUT_SECONDS + " seconds");
            }
            return parse(display, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running conf.py", e);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static byte[] readAll(InputStream in, Process p) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        int n;
        while ((n = in.read(chunk)) >= 0) {
            buf.write(chunk, 0, n);
            if (buf.size() > 64 << 20 || System.nanoTime() > deadline) {
                p.destroyForcibly();
                break;
            }
        }
        return buf.toByteArray();
    }

    /** Reads the child's JSON answer ({@code {"values":...,"tags":[...]}} or {@code {"error":..,"line":N}}). */
    static Result parse(String display, byte[] json) throws IOException {
        if (json.length == 0) {
            return failure(display, 0, "running conf.py gave no answer (python3 failed to start the runner)");
        }
        Object top;
        try (JsonParser jp = new JsonFactory().createParser(json)) {
            jp.nextToken();
            top = value(jp, 0);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return failure(display, 0, "running conf.py gave an unreadable answer");
        }
        if (!(top instanceof Map<?, ?> m)) {
            return failure(display, 0, "running conf.py gave an unreadable answer");
        }
        if (m.get("error") instanceof String err) {
            int line = m.get("line") instanceof Number num ? num.intValue() : 0;
            return failure(display, line, "There is a programmable error in your configuration file: " + err);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (m.get("values") instanceof Map<?, ?> vs) {
            for (Map.Entry<?, ?> e : vs.entrySet()) {
                values.put((String) e.getKey(), e.getValue());
            }
        }
        Set<String> tags = new LinkedHashSet<>();
        if (m.get("tags") instanceof List<?> ts) {
            for (Object t : ts) {
                tags.add(String.valueOf(t));
            }
        }
        List<Path> read = new ArrayList<>();
        if (m.get("read") instanceof List<?> rs) {
            for (Object r : rs) {
                read.add(Path.of(String.valueOf(r)));
            }
        }
        return new Result(new SiteConfig(values), tags, List.of(), List.copyOf(read));
    }

    private static Result failure(String display, int line, String message) {
        return new Result(
                SiteConfig.empty(),
                Set.of(),
                List.of(new SystemMessage(
                        SystemMessage.Level.ERROR, SourceLocation.of(display, Math.max(line, 1)), message)));
    }

    private static Object value(JsonParser jp, int depth) throws IOException {
        if (depth > 200) {
            throw new IOException("conf.py value nested too deeply");
        }
        JsonToken t = jp.currentToken();
        if (t == null) {
            throw new IOException("conf.py answer ends early");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (jp.nextToken() == JsonToken.FIELD_NAME) {
                    String k = jp.currentName();
                    jp.nextToken();
                    m.put(k, value(jp, depth + 1));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (jp.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(jp, depth + 1));
                }
                return l;
            }
            case VALUE_STRING -> {
                return jp.getText();
            }
            case VALUE_NUMBER_INT -> {
                // as ConfPy reads a literal: a Long when it fits (SiteConfig.bool reads Longs)
                return jp.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? jp.getBigIntegerValue()
                        : (Object) jp.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return jp.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + t + " in conf.py answer");
        }
    }

    /** For tests: the runner script's text. */
    static String script() throws IOException {
        try (InputStream in = ConfPyRunner.class.getResourceAsStream("confpy_runner.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
