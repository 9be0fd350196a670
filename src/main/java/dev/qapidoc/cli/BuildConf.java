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
        ConfPy.Result literal = ConfPy.parse(display, Files.readString(confPy, StandardCharsets.UTF_8));
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
