package dev.qapidoc.cli;

import dev.qapidoc.html.ConfPy;
import dev.qapidoc.html.ConfPyRunner;
import dev.qapidoc.html.SiteConfig;
import dev.qapidoc.rst.SystemMessage;
import dev.qapidoc.rst.Transforms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration of a {@code build}: {@code SRCDIR/conf.py} as Sphinx reads it. A conf.py of
 * literal assignments is read as such; one that computes its values (QEMU's) is run in a child
 * python3 ({@link ConfPyRunner}) when one is found, with the {@code -t} tags, and its values and
 * tags are used; without python3 its literals are read and one note says what was skipped. A
 * conf.py that raises is fatal, as Sphinx's "Configuration error".
 *
 * @param config the values, before {@code -D} overrides
 * @param tags the tags for {@code only}: the builder's, {@code -t}'s and conf.py's own
 * @param read conf.py and every file it opened, absolute (for the dependency file)
 */
record BuildConf(SiteConfig config, Set<String> tags, List<Path> read) {

    /** conf.py raised (or could not be run to the end): its message, already in Sphinx's form. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** PEP 263's encoding declaration, on one of the first two lines. */
    private static final java.util.regex.Pattern CODING =
            java.util.regex.Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    /**
     * conf.py's text as Python reads a source file: UTF-8 unless an encoding declaration on one
     * of the first two lines names another. Bytes that do not decode are a configuration
     * error naming the line, as python3 refuses such a file too, instead of an internal error.
     */
    static String decode(byte[] bytes, String display) throws Failure {
        java.nio.charset.Charset cs = StandardCharsets.UTF_8;
        String head = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\n", 3);
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            java.util.regex.Matcher m = CODING.matcher(lines[i]);
            if (m.find()) {
                try {
                    cs = charset(m.group(1));
                } catch (IllegalArgumentException e) {
                    throw new Failure(display + ":" + (i + 1) + ": ERROR: unknown encoding '" + m.group(1)
                            + "' in the coding declaration");
                }
                break;
            }
        }
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.charset.CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        if (r.isError()) {
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new Failure(String.format(
                    "%s:%d: ERROR: conf.py is not valid %s (byte 0x%02X); save it as UTF-8, or declare its"
                            + " encoding on the first line (# -*- coding: latin-1 -*-)",
                    display, line, cs.name(), bytes[bad] & 0xff));
        }
        out.flip();
        return out.toString();
    }

    /** A Python codec name as Java knows it ({@code latin-1} is Java's {@code latin1}). */
    private static java.nio.charset.Charset charset(String name) {
        try {
            return java.nio.charset.Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return java.nio.charset.Charset.forName(name.replace("-", "").replace("_", ""));
        }
    }

    /**
     * Reads the configuration of {@code srcdir}; notes (INFO) go to {@code notes}.
     *
     * @param displayDir how messages name the source folder
     * @param commandLineTags the {@code -t} tags
     */
    static BuildConf load(
            Path srcdir, String displayDir, List<String> commandLineTags, java.util.function.Consumer<String> notes)
            throws IOException, Failure {
        Set<String> tags = new LinkedHashSet<>(Transforms.builderTags());
        tags.addAll(commandLineTags);
        Path confPy = srcdir.resolve("conf.py");
        if (!Files.isRegularFile(confPy)) {
            return new BuildConf(SiteConfig.empty(), tags, List.of());
        }
        String display = displayDir + "/conf.py";
        List<Path> read = new ArrayList<>(List.of(confPy.toAbsolutePath().normalize()));
        ConfPy.Result literal = ConfPy.parse(display, decode(Files.readAllBytes(confPy), display));
        if (literal.messages().isEmpty()) {
            return new BuildConf(literal.config(), tags, read);
        }
        Optional<Path> python = ConfPyRunner.interpreter();
        if (python.isPresent()) {
            ConfPyRunner.Result ran;
            try {
                ran = ConfPyRunner.run(python.get(), confPy, display, commandLineTags);
            } catch (IOException e) {
                ran = null;
                notes.accept(display + ": INFO: cannot start " + python.get() + " (" + e.getMessage()
                        + "); reading conf.py's literal assignments only");
            }
            if (ran != null) {
                if (ran.failed()) {
                    StringBuilder b = new StringBuilder();
                    for (SystemMessage m : ran.messages()) {
                        b.append(b.length() == 0 ? "" : "\n").append(m.render());
                    }
                    throw new Failure(b.toString());
                }
                Set<String> all = new LinkedHashSet<>(tags);
                all.addAll(ran.tags());
                read.addAll(ran.read());
                return new BuildConf(ran.config(), all, read);
            }
        }
        for (SystemMessage m : literal.messages()) {
            SystemMessage note = python.isPresent()
                    ? m
                    : new SystemMessage(m.level(), m.where(), m.message() + "; install python3 to run conf.py");
            notes.accept(note.render());
        }
        return new BuildConf(literal.config(), tags, read);
    }
}
