package dev.qapidoc.compat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/**
 * Renders {@link Finding}s as text (one line each), JSON, Markdown (a table) or SARIF 2.1.0.
 * Returns strings; printing is the command's business.
 */
public final class CompatReport {
    private CompatReport() {}

    /** One {@code SEVERITY DIRECTION: PATH: MESSAGE} line per finding. */
    public static String text(List<Finding> fs) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : fs) {
            sb.append(f.text()).append('\n');
        }
        return sb.toString();
    }

    /** A JSON array of objects: severity, direction, path, message, old, new. */
    public static String json(List<Finding> fs) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Finding f : fs) {
                g.writeStartObject();
                g.writeStringField("severity", f.severity());
                g.writeStringField("direction", f.direction());
                g.writeStringField("path", f.path());
                g.writeStringField("message", f.message());
                where(g, "old", f.old());
                where(g, "new", f.now());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return w + "\n";
    }

    private static void where(JsonGenerator g, String key, WireModel.Where w) throws IOException {
        if (w == null) {
            g.writeNullField(key);
            return;
        }
        g.writeObjectFieldStart(key);
        g.writeStringField("file", w.file());
        g.writeNumberField("line", w.line());
        g.writeEndObject();
    }

    /** A Markdown table, breaking changes counted in a heading line. */
    public static String markdown(List<Finding> fs) {
        long breaking = fs.stream().filter(Finding::breaking).count();
        StringBuilder sb = new StringBuilder("# QAPI compatibility\n\n")
                .append(breaking)
                .append(" breaking, ")
                .append(fs.size() - breaking)
                .append(" compatible\n\n");
        if (fs.isEmpty()) {
            return sb.toString();
        }
        sb.append("| severity | direction | path | message |\n| --- | --- | --- | --- |\n");
        for (Finding f : fs) {
            sb.append("| ")
                    .append(f.severity())
                    .append(" | ")
                    .append(f.direction())
                    .append(" | ")
                    .append(cell(f.path()))
                    .append(" | ")
                    .append(cell(f.message()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|");
    }

    /**
     * A SARIF 2.1.0 log: one run, two rules ({@code breaking}, {@code compatible}); a breaking
     * finding is an {@code error}, a compatible one a {@code note}; located at the new side (or
     * the old one for removals) when known.
     */
    public static String sarif(List<Finding> fs) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "qapidoc compat");
            g.writeArrayFieldStart("rules");
            for (String id : List.of(Finding.BREAKING, Finding.COMPATIBLE)) {
                g.writeStartObject();
                g.writeStringField("id", id);
                g.writeObjectFieldStart("shortDescription");
                g.writeStringField(
                        "text",
                        id.equals(Finding.BREAKING)
                                ? "a change that breaks existing QMP clients"
                                : "a change existing QMP clients do not notice");
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Finding f : fs) {
                result(g, f);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        return w + "\n";
    }

    private static void result(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.severity());
        g.writeStringField("level", f.breaking() ? "error" : "note");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.direction() + ": " + f.path() + ": " + f.message());
        g.writeEndObject();
        WireModel.Where at = f.now() != null ? f.now() : f.old();
        if (at != null) {
            g.writeArrayFieldStart("locations");
            g.writeStartObject();
            g.writeObjectFieldStart("physicalLocation");
            g.writeObjectFieldStart("artifactLocation");
            g.writeStringField("uri", at.file());
            g.writeEndObject();
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", Math.max(1, at.line()));
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
