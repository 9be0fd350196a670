package dev.qapidoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapidoc.QemuVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code qapidoc lint} on every QEMU vector with a non-empty {@code .err}: exit status 1 and
 * QEMU's message on the finding line ({@code FILE:LINE[:COL]: error: MESSAGE [RULE]}). The one
 * exception is {@code missing-schema}: an unreadable root file is exit status 2 by design.
 */
class LintVectorsCliTest {
    static final Path VECTORS = QemuVectors.DIR;
    private static final Pattern LOCATION = Pattern.compile("^([^\\s:][^:]*:\\d+(?::\\d+)?): (.*)$");

    static Stream<String> vectors() throws IOException {
        return QemuVectors.rejected();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void exitsOneWithQemusMessage(String name) throws IOException {
        String err = Files.readString(VECTORS.resolve(name + ".err"), StandardCharsets.UTF_8);
        Main.Result r = Main.capture("lint", VECTORS.resolve(name + ".json").toString());
        String prefix = VECTORS + "/";
        if (name.equals("missing-schema")) {
            assertEquals(2, r.exitCode());
            assertEquals("qapidoc: " + err.replace(prefix, ""), r.stderr().replace(prefix, ""));
            return;
        }
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        String out = r.stdout().replace(prefix, "");
        String[] lines = err.split("\n");
        // the diagnostic's own location line is the first one after QEMU's include-chain and
        // context lines; "error:" goes there, any further message lines follow unchanged
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LOCATION.matcher(lines[i]);
            if (m.matches()) {
                String expected = m.group(1) + ": error: " + m.group(2);
                assertTrue(out.contains(expected), () -> "expected '" + expected + "' in\n" + out);
                return;
            }
        }
        throw new AssertionError("no location line in " + name + ".err");
    }
}
