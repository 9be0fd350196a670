package dev.qapidoc.html;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Test helper: the text of an {@code objects.inv} (four header lines + the inflated entries). */
final class InventoryText {
    private InventoryText() {}

    static String of(byte[] inv) {
        int lines = 0;
        int i = 0;
        while (lines < 4 && i < inv.length) {
            if (inv[i++] == '\n') {
                lines++;
            }
        }
        Inflater inf = new Inflater();
        inf.setInput(inv, i, inv.length - i);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && inf.needsInput()) {
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new AssertionError("objects.inv is not zlib data", e);
        }
        return new String(inv, 0, i, StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8);
    }
}
