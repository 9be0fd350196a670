package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the real process does when its output cannot be written or it is interrupted (issue
 * 13.10): the CLI runs as a child JVM here, because signals, exit statuses and a full stdout only
 * exist for a process.
 */
class InterruptedRunTest {

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static boolean linux() {
        return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(120)
    void aFullStdoutIsAnError(@TempDir Path tmp) throws Exception {
        assumeTrue(linux() && Files.exists(Path.of("/dev/full")), "no /dev/full here; skipping");
        Path schema = tmp.resolve("s.json");
        Files.writeString(
                schema,
                "##\n# @Thing:\n#\n# A thing.\n#\n# @a: An int.\n##\n{ 'struct': 'Thing', 'data': {'a': 'int'} }\n");
        for (String cmd : List.of("dump", "rst", "introspect", "lint")) {
            Path err = tmp.resolve(cmd + ".err");
            Process p = new ProcessBuilder(java(cmd, schema.toString()))
                    .redirectOutput(new File("/dev/full"))
                    .redirectError(err.toFile())
                    .start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue(), cmd + ": " + read(err));
            assertTrue(
                    read(err).endsWith("qapidoc: " + cmd + ": cannot write output: No space left on device\n"),
                    cmd + ": " + read(err));
        }
    }

    @Test
    @Timeout(120)
    void aWriteFailingUnderBuildLeavesTheOldSiteAndNamesTheFile(@TempDir Path tmp) throws Exception {
        assumeTrue(linux() && Files.isExecutable(Path.of("/bin/bash")), "needs Linux and bash (ulimit -f); skipping");
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("index.rst"), "Old\n===\n\nThe old site.\n");
        Path out = tmp.resolve("out");
        assertEquals(
                0, Main.capture("build", "-q", src.toString(), out.toString()).exitCode());
        String old = read(out.resolve("index.html"));
        // a page bigger than the file size limit the child runs under: its write fails (EFBIG)
        Files.writeString(
                src.resolve("index.rst"), "New\n===\n\n" + "A line of text for a big page.\n\n".repeat(20_000));
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", "-c", "ulimit -f 256; exec \"$@\"", "bash"));
        cmd.addAll(java("build", "-q", src.toString(), out.toString()));
        Path err = tmp.resolve("err");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(false)
                .redirectError(err.toFile())
                .start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(100, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), read(err));
        assertTrue(
                read(err)
                        .contains("qapidoc: build: cannot write " + out.resolve("index.html") + ": File too large; "
                                + out + " was left unchanged"),
                read(err));
        assertEquals(old, read(out.resolve("index.html")));
        assertNoLeftovers(tmp);
    }

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    @Timeout(300)
    void aSignalWhileWritingLeavesTheOldSiteAndNoLeftovers(String signal, int status, @TempDir Path tmp)
            throws Exception {
        assumeTrue(
                linux() && Files.isExecutable(Path.of("/bin/sh")) && Files.isExecutable(Path.of("/usr/bin/perl")),
                "needs Linux, /bin/sh and /usr/bin/perl; skipping");
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("index.rst"), "Old\n===\n\nThe old site.\n");
        Path out = tmp.resolve("out");
        assertEquals(
                0, Main.capture("build", "-q", src.toString(), out.toString()).exitCode());
        String old = read(out.resolve("index.html"));
        // a big tree: thousands of images, copied into _images/, so that writing the site takes a while
        StringBuilder index = new StringBuilder("New\n===\n\n");
        byte[] blob = new byte[100 << 10];
        new java.util.Random(1).nextBytes(blob);
        for (int i = 0; i < 3000; i++) {
            Files.write(src.resolve("img" + i + ".png"), blob);
            index.append(".. image:: img").append(i).append(".png\n\n");
        }
        Files.writeString(src.resolve("index.rst"), index);
        Path err = tmp.resolve("err");
        // a run started in the background (as by a script's '&') inherits SIGINT ignored, and a
        // shell cannot undo that: perl puts the signal back to its default for the child
        List<String> cmd =
                new ArrayList<>(List.of("/usr/bin/perl", "-e", "$SIG{" + signal + "}='DEFAULT'; exec @ARGV"));
        cmd.addAll(java("build", "-q", src.toString(), out.toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .start();
        // a shell waiting to send the signal with its builtin kill: no process start when it counts
        Process killer = new ProcessBuilder("/bin/sh", "-c", "read go; kill -" + signal + " " + p.pid())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        boolean signalled = false;
        while (p.isAlive()) {
            if (leftovers(tmp).stream().anyMatch(n -> n.startsWith(".out.tmp-"))) {
                killer.getOutputStream().write("go\n".getBytes(StandardCharsets.US_ASCII));
                killer.getOutputStream().flush();
                signalled = true;
                break;
            }
            Thread.sleep(1);
        }
        killer.getOutputStream().close();
        assertTrue(killer.waitFor(60, TimeUnit.SECONDS));
        assertTrue(signalled, "the build ended before it was seen writing: " + read(err));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(status, p.exitValue(), "the signal came after the site was written? " + read(err));
        assertNoLeftovers(tmp);
        assertEquals(old, read(out.resolve("index.html")));
        assertFalse(Files.exists(out.resolve("_images")));
    }

    private static List<String> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(".tmp-") || n.contains(".old-"))
                    .toList();
        }
    }

    private static void assertNoLeftovers(Path dir) throws IOException {
        assertEquals(List.of(), leftovers(dir));
    }
}
