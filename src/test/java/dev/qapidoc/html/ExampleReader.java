package dev.qapidoc.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads commonmark-style example files (EXAMPLES.md §5): a fence line of 32 backticks followed by
 * {@code example} and a title opens an example; a lone {@code .} separates the reST input, the
 * expected tree dump and the expected HTML; a fence closes it. Markdown headings set the section.
 * Everything outside fences is prose.
 */
final class ExampleReader {
    static final String FENCE = "`".repeat(32);

    /** One example; {@link #toString()} is the test's display name. */
    record Example(
            Path file, String section, int number, String title, int line, String source, String tree, String html) {
        @Override
        public String toString() {
            return file.getFileName() + ", " + section + ", example " + number + " (" + title + ", line " + line + ")";
        }
    }

    private ExampleReader() {}

    static List<Example> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Example> out = new ArrayList<>();
        String section = "";
        int number = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("#")) {
                section = l.replaceFirst("^#+\\s*", "");
                continue;
            }
            if (!l.startsWith(FENCE + " example")) {
                continue;
            }
            String title = l.substring((FENCE + " example").length()).strip();
            int start = i + 1;
            List<StringBuilder> parts = new ArrayList<>(List.of(new StringBuilder()));
            int j = start;
            while (j < lines.size() && !lines.get(j).equals(FENCE)) {
                if (lines.get(j).equals(".")) {
                    parts.add(new StringBuilder());
                } else {
                    parts.get(parts.size() - 1)
                            .append(lines.get(j).replace('\u2192', '\t'))
                            .append('\n');
                }
                j++;
            }
            i = j; // the closing fence; the loop header steps past it
            if (parts.size() != 3) {
                throw new IOException(file + ":" + start + ": example needs source, tree and html separated by '.'");
            }
            out.add(new Example(
                    file,
                    section,
                    ++number,
                    title,
                    start,
                    parts.get(0).toString(),
                    parts.get(1).toString(),
                    parts.get(2).toString()));
        }
        return out;
    }

    /** Rewrites the expected parts of every example (-Dqapidoc.regenerate=true), keeping prose. */
    static void rewrite(Path file, java.util.function.Function<Example, String[]> actual) throws IOException {
        List<Example> examples = read(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        int k = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            sb.append(l).append('\n');
            if (l.startsWith(FENCE + " example")) {
                Example e = examples.get(k++);
                String[] got = actual.apply(e);
                sb.append(e.source()).append(".\n").append(got[0]).append(".\n").append(got[1]);
                while (i + 1 < lines.size() && !lines.get(i + 1).equals(FENCE)) {
                    i++;
                }
            }
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
