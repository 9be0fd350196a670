package dev.qapidoc.rst;

import java.util.Optional;

/**
 * Reads a list nested {@code args[0]} deep, for {@link DeepNestingMemoryTest}, which runs it in a
 * JVM with a small heap: exit 0 and a summary line when the read fits.
 */
public final class DeepNestingCheck {
    private DeepNestingCheck() {}

    /** The list: item {@code k} is indented {@code 2k} columns (4,000 deep is 16 MB). */
    static String deepList(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < depth; k++) {
            sb.append(" ".repeat(2 * k)).append("- item ").append(k).append("\n\n");
        }
        return sb.toString();
    }

    /** Admonitions each inside the one before, 3 columns a level (4,000 deep is 24 MB). */
    static String deepNotes(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < depth; k++) {
            sb.append(" ".repeat(3 * k)).append(".. note::\n\n");
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        int depth = Integer.parseInt(args[0]);
        boolean notes = args.length > 1 && args[1].equals("notes");
        var lines = ContentLine.of("deep.rst", notes ? deepNotes(depth) : deepList(depth));
        RstReader.Result r = new RstReader(
                        new RstReader.Options(null, false, "default", false, (p, f) -> Optional.empty()))
                .read(lines);
        long items = r.document()
                .findAll(notes ? RstNode.Type.ADMONITION : RstNode.Type.LIST_ITEM)
                .size();
        long limits = r.messages().stream()
                .filter(m -> m.message().startsWith("Maximum nesting depth"))
                .count();
        System.out.println("items=" + items + " limits=" + limits);
    }
}
