package dev.qapidoc.compat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * Renders a {@link History}: JSON {@code {"releases": [...], "entities": {"NAME": {"kind",
 * "first", "last", "deprecated", "members": {"KEY": {"kind", "first", "last",
 * "deprecated"}}}}}} with keys in that order and names sorted, or text (one line per entity,
 * members indented below it).
 */
public final class HistoryReport {
    private HistoryReport() {}

    /** The JSON document, pretty-printed, with a final newline. */
    public static String json(History h) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("releases");
            for (String r : h.releases()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("entities");
            for (Map.Entry<String, History.Entry> e : h.entities().entrySet()) {
                g.writeFieldName(e.getKey());
                entry(g, h, e.getValue(), true);
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return w + "\n";
    }

    private static void entry(JsonGenerator g, History h, History.Entry e, boolean withMembers) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", e.kind());
        g.writeStringField("first", h.first(e));
        g.writeStringField("last", h.last(e));
        g.writeStringField("deprecated", h.deprecated(e));
        if (withMembers) {
            g.writeObjectFieldStart("members");
            for (Map.Entry<String, History.Entry> m : e.members().entrySet()) {
                g.writeFieldName(m.getKey());
                entry(g, h, m.getValue(), false);
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /**
     * {@code KIND NAME: FIRST..LAST[, deprecated D]} per entity ({@code LAST} empty when still
     * there), each member indented by two spaces in the same form.
     */
    public static String text(History h) {
        StringBuilder sb = new StringBuilder("releases: ")
                .append(String.join(" ", h.releases()))
                .append('\n');
        for (Map.Entry<String, History.Entry> e : h.entities().entrySet()) {
            line(sb, "", h, e.getKey(), e.getValue());
            for (Map.Entry<String, History.Entry> m : e.getValue().members().entrySet()) {
                line(sb, "  ", h, m.getKey(), m.getValue());
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String indent, History h, String name, History.Entry e) {
        // Member keys such as "branch x" already say their kind.
        String label = name.startsWith(e.kind() + " ") ? name : e.kind() + " " + name;
        sb.append(indent).append(label).append(": ").append(h.first(e)).append("..");
        String last = h.last(e);
        if (last != null) {
            sb.append(last);
        }
        String dep = h.deprecated(e);
        if (dep != null) {
            sb.append(", deprecated ").append(dep);
        }
        sb.append('\n');
    }
}
