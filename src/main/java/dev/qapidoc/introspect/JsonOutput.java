package dev.qapidoc.introspect;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.qapidoc.introspect.SchemaInfo.AlternateInfo;
import dev.qapidoc.introspect.SchemaInfo.AlternateMemberInfo;
import dev.qapidoc.introspect.SchemaInfo.ArrayInfo;
import dev.qapidoc.introspect.SchemaInfo.BuiltinInfo;
import dev.qapidoc.introspect.SchemaInfo.CommandInfo;
import dev.qapidoc.introspect.SchemaInfo.EnumInfo;
import dev.qapidoc.introspect.SchemaInfo.EventInfo;
import dev.qapidoc.introspect.SchemaInfo.MemberInfo;
import dev.qapidoc.introspect.SchemaInfo.ObjectInfo;
import dev.qapidoc.introspect.SchemaInfo.VariantInfo;
import dev.qapidoc.schema.EnumValue;
import dev.qapidoc.schema.Feature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Streams a SchemaInfo list as JSON, formatted like Python's {@code json.dumps(value, indent=1)}
 * (schema-language.md §16.5), which is how the goldens were made: jackson-core's generator only,
 * no data binding, because start-up time matters for a command-line tool.
 */
final class JsonOutput {
    private JsonOutput() {}

    static void write(List<SchemaInfo> infos, OutputStream out) throws IOException {
        JsonFactory factory = JsonFactory.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new PythonIndent());
            g.setCharacterEscapes(PythonEscapes.INSTANCE);
            g.writeStartArray();
            for (SchemaInfo info : infos) {
                writeInfo(g, info);
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
        out.flush();
    }

    /** Keys in the order of §16.3: the kind's own keys, then name, meta-type, features. */
    private static void writeInfo(JsonGenerator g, SchemaInfo info) throws IOException {
        g.writeStartObject();
        if (info instanceof CommandInfo c) {
            g.writeStringField("arg-type", c.argType());
            g.writeStringField("ret-type", c.retType());
            if (c.allowOob()) {
                g.writeBooleanField("allow-oob", true);
            }
        } else if (info instanceof EventInfo e) {
            g.writeStringField("arg-type", e.argType());
        } else if (info instanceof BuiltinInfo b) {
            g.writeStringField("json-type", b.jsonType());
        } else if (info instanceof EnumInfo en) {
            g.writeArrayFieldStart("members");
            for (EnumValue v : en.members()) {
                g.writeStartObject();
                g.writeStringField("name", v.name());
                writeFeatures(g, v.features());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("values");
            for (EnumValue v : en.members()) {
                g.writeString(v.name());
            }
            g.writeEndArray();
        } else if (info instanceof ArrayInfo a) {
            g.writeStringField("element-type", a.elementType());
        } else if (info instanceof ObjectInfo o) {
            writeObjectKeys(g, o);
        } else if (info instanceof AlternateInfo alt) {
            g.writeArrayFieldStart("members");
            for (AlternateMemberInfo m : alt.members()) {
                g.writeStartObject();
                g.writeStringField("type", m.type());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("name", info.name());
        g.writeStringField("meta-type", info.metaType());
        writeFeatures(g, info.features());
        g.writeEndObject();
    }

    private static void writeObjectKeys(JsonGenerator g, ObjectInfo o) throws IOException {
        g.writeArrayFieldStart("members");
        for (MemberInfo m : o.members()) {
            g.writeStartObject();
            g.writeStringField("name", m.name());
            g.writeStringField("type", m.type());
            if (m.optional()) {
                g.writeNullField("default");
            }
            writeFeatures(g, m.features());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (o.tag() != null) {
            g.writeStringField("tag", o.tag());
            g.writeArrayFieldStart("variants");
            for (VariantInfo v : o.variants()) {
                g.writeStartObject();
                g.writeStringField("case", v.caseName());
                g.writeStringField("type", v.type());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    /** The {@code features} key, only when there are features (§16.3). */
    private static void writeFeatures(JsonGenerator g, List<Feature> features) throws IOException {
        if (features.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("features");
        for (Feature f : features) {
            g.writeString(f.name());
        }
        g.writeEndArray();
    }

    /**
     * Python's {@code indent=1} layout: every value of a non-empty container on its own line,
     * indented one space per level; {@code ","} at line ends, {@code ": "} after keys; empty
     * containers as {@code []} and {@code {}}.
     */
    private static final class PythonIndent implements PrettyPrinter {
        /** Newline plus indentation for the first few levels; SchemaInfo nests 5 deep. */
        private static final String[] NEWLINES = new String[8];

        static {
            for (int i = 0; i < NEWLINES.length; i++) {
                NEWLINES[i] = "\n".concat(" ".repeat(i));
            }
        }

        private int depth;

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw(depth < NEWLINES.length ? NEWLINES[depth] : "\n".concat(" ".repeat(depth)));
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        /* Objects and arrays indent alike (Python's json.dumps(indent=...)): an opening bracket
        deepens, a separator is a comma and a new line, a closing bracket goes on its own line
        unless the container is empty ("{}", "[]"). */

        private void open(JsonGenerator g, char bracket) throws IOException {
            g.writeRaw(bracket);
            depth++;
        }

        private void close(JsonGenerator g, int entries, char bracket) throws IOException {
            depth--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw(bracket);
        }

        private void separate(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            open(g, '{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            close(g, nrOfEntries, '}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            separate(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            open(g, '[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            close(g, nrOfValues, ']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            separate(g);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }
    }

    /**
     * Python's {@code ensure_ascii} escaping: {@code \"}, {@code \\}, {@code \b \f \n \r \t}, and
     * {@code \}{@code u} with four lower-case hex digits for every other control character and
     * everything from U+007F up (each UTF-16 unit of a surrogate pair separately). Jackson's own
     * escapes use upper-case hex, which would not be byte-identical.
     */
    static final class PythonEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final PythonEscapes INSTANCE = new PythonEscapes();
        private static final int[] ASCII = new int[128];

        static {
            for (int c = 0; c < 0x20; c++) {
                ASCII[c] = ESCAPE_CUSTOM;
            }
            ASCII['\b'] = 'b';
            ASCII['\f'] = 'f';
            ASCII['\n'] = 'n';
            ASCII['\r'] = 'r';
            ASCII['\t'] = 't';
            ASCII['"'] = '"';
            ASCII['\\'] = '\\';
            ASCII[0x7f] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
    }
}
