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

    @Test
    @Timeout(300)
    void sigintWhileWritingLeavesTheOldSiteAndNoLeftovers(@TempDir Path tmp) throws Exception {
        assumeTrue(linux() && Files.isExecutable(Path.of("/bin/kill")), "needs Linux and /bin/kill; skipping");
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("index.rst"), "Old\n===\n\nThe old site.\n");
        Path out = tmp.resolve("out");
        assertEquals(
                0, Main.capture("build", "-q", src.toString(), out.toString()).exitCode());
        String old = read(out.resolve("index.html"));
        // a big tree: many images, copied into _images/, so that writing the site takes a while
        StringBuilder index = new StringBuilder("New\n===\n\n");
        byte[] blob = new byte[1 << 20];
        new java.util.Random(1).nextBytes(blob);
        for (int i = 0; i < 300; i++) {
            Files.write(src.resolve("img" + i + ".png"), blob);
            index.append(".. image:: img").append(i).append(".png\n\n");
        }
        Files.writeString(src.resolve("index.rst"), index);
        Path err = tmp.resolve("err");
        Process p = new ProcessBuilder(java("build", "-q", src.toString(), out.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .start();
        boolean signalled = false;
        while (p.isAlive()) {
            if (leftovers(tmp).stream().anyMatch(n -> n.startsWith(".out.tmp-"))) {
                new ProcessBuilder("/bin/kill", "-INT", Long.toString(p.pid()))
                        .start()
                        .waitFor();
                signalled = true;
                break;
            }
            Thread.sleep(1);
        }
        assertTrue(signalled, "the build ended before it was seen writing: " + read(err));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(130, p.exitValue(), read(err));
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
