package dev.qapidoc.html;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Deflater;

/**
 * {@code objects.inv} in Sphinx's version-2 format (qapi-domain-and-html.md §5.3): four plain
 * header lines, then a zlib stream of {@code name domain:type priority uri dispname} lines, sorted
 * by domain and then by name, with an anchor that ends in the name shortened to {@code $} and a
 * display name equal to the name written as {@code -}. Other Sphinx projects link to us with it.
 */
public final class Inventory {
    private Inventory() {}

    /** One inventory line before shortening. */
    public record Item(String name, String domain, String type, String priority, String uri, String dispname) {}

    static byte[] write(String project, String version, List<Item> items) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(Item::domain)
                .thenComparing(Item::name)
                .thenComparing(Item::dispname)
                .thenComparing(Item::type)
                .thenComparing(Item::uri));
        StringBuilder body = new StringBuilder();
        for (Item it : sorted) {
            String uri = it.uri();
            int hash = uri.indexOf('#');
            if (hash >= 0
                    && uri.substring(hash + 1).endsWith(it.name())
                    && !it.name().isEmpty()) {
                uri = uri.substring(0, uri.length() - it.name().length()) + "$";
            }
            String disp = it.dispname().equals(it.name()) ? "-" : it.dispname();
            body.append(it.name())
                    .append(' ')
                    .append(it.domain())
                    .append(':')
                    .append(it.type())
                    .append(' ')
                    .append(it.priority())
                    .append(' ')
                    .append(uri)
                    .append(' ')
                    .append(disp)
                    .append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String header = "# Sphinx inventory version 2\n# Project: " + project + "\n# Version: " + version
                + "\n# The remainder of this file is compressed using zlib.\n";
        out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        Deflater d = new Deflater(9);
        d.setInput(body.toString().getBytes(StandardCharsets.UTF_8));
        d.finish();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            int n = d.deflate(buf);
            out.write(buf, 0, n);
        }
        d.end();
        return out.toByteArray();
    }
}
