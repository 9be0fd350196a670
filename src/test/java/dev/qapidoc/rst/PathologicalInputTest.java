package dev.qapidoc.rst;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile input: the reader always returns a tree, quickly, and never overflows the stack. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PathologicalInputTest {
    private static RstReader.Result read(String text) {
        return new RstReader(new RstReader.Options("any", false, "default", true, (p, f) -> java.util.Optional.empty()))
                .read(ContentLine.of("p.rst", text));
    }

    @Test
    void manyUnmatchedStartStrings() {
        for (String unit : List.of("*a ", "**a ", "`a ", "``a ", "|a ", "_`a ", ":r:`a ")) {
            RstReader.Result r = read(unit.repeat(40_000));
            assertNotNull(r.document());
        }
    }

    @Test
    void deepBlockQuotes() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append(" ".repeat(i)).append("x\n\n");
        }
        RstReader.Result r = read(sb.toString());
        assertTrue(r.messages().stream().anyMatch(m -> m.message().startsWith("Maximum nesting depth")));
    }

    @Test
    void deepDirectiveNesting() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            sb.append("   ".repeat(i)).append(".. note::\n\n");
        }
        sb.append("   ".repeat(500)).append("x\n");
        assertNotNull(read(sb.toString()).document());
    }

    @Test
    void randomGarbage() {
        Random rnd = new Random(4);
        String alphabet = " \n\t*`_|:.-=+#[]()<>\\abc123\"'";
        for (int n = 0; n < 300; n++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(400);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            assertNotNull(read(sb.toString()).document(), sb.toString());
        }
    }
}
