package dev.qapidoc.compat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.qapidoc.introspect.SchemaInfo;
import dev.qapidoc.introspect.SchemaInfo.AlternateMemberInfo;
import dev.qapidoc.introspect.SchemaInfo.MemberInfo;
import dev.qapidoc.introspect.SchemaInfo.VariantInfo;
import dev.qapidoc.schema.EnumValue;
import dev.qapidoc.schema.Feature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads what {@code query-qmp-schema} returns (a JSON array of SchemaInfo objects, or a whole
 * QMP response {@code {"return": [...]}}) into {@link SchemaInfo} records, so that the data a
 * management application recorded from a running QEMU compares like a schema does.
 *
 * <p>The JSON is read as a generic tree with Jackson's streaming parser (no data binding, the
 * same reason {@code introspect} writes with it), then mapped; unknown keys are ignored, as QMP
 * clients must ignore them.
 */
public final class IntrospectionJson {
    private static final Pattern LOOKS_LIKE = Pattern.compile("\\A\\s*(\\[|\\{\\s*\"return\"\\s*:)");

    private IntrospectionJson() {}

    /** True when {@code text} is introspection data rather than a QAPI schema file. */
    public static boolean looksLike(String text) {
        return LOOKS_LIKE.matcher(text).find();
    }

    /**
     * Parses introspection data.
     *
     * @throws IOException if it is not JSON, or not a list of SchemaInfo objects
     */
    public static List<SchemaInfo> parse(String text) throws IOException {
        Object root;
        try (JsonParser p = new JsonFactory().createParser(text)) {
            p.nextToken();
            root = value(p);
        }
        if (root instanceof Map<?, ?> m && m.get("return") != null) {
            root = m.get("return");
        }
        if (!(root instanceof List<?> list)) {
            throw new IOException("not introspection data: expected a JSON array of SchemaInfo");
        }
        List<SchemaInfo> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new IOException("not introspection data: an element is not an object");
            }
            out.add(info(m));
        }
        return out;
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                m.put(k, value(p));
            }
            return m;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> l = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                l.add(value(p));
            }
            return l;
        }
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == null) {
            throw new IOException("empty input");
        }
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static SchemaInfo info(Map<?, ?> m) throws IOException {
        String name = str(m, "name");
        String meta = str(m, "meta-type");
        List<Feature> f = features(m.get("features"), name);
        switch (meta) {
            case "command":
                return new SchemaInfo.CommandInfo(
                        name, null, f, str(m, "arg-type"), str(m, "ret-type"), "true".equals(m.get("allow-oob")));
            case "event":
                return new SchemaInfo.EventInfo(name, null, f, str(m, "arg-type"));
            case "builtin":
                return new SchemaInfo.BuiltinInfo(name, str(m, "json-type"));
            case "enum":
                return new SchemaInfo.EnumInfo(name, name, null, f, enumValues(m, name));
            case "array":
                return new SchemaInfo.ArrayInfo(name, null, str(m, "element-type"));
            case "object":
                return object(m, name, f);
            case "alternate": {
                List<AlternateMemberInfo> ms = new ArrayList<>();
                for (Map<?, ?> e : maps(m.get("members"))) {
                    ms.add(new AlternateMemberInfo(str(e, "type"), null));
                }
                return new SchemaInfo.AlternateInfo(name, name, null, f, ms);
            }
            default:
                throw new IOException("unknown meta-type '" + meta + "' of '" + name + "'");
        }
    }

    private static SchemaInfo object(Map<?, ?> m, String name, List<Feature> f) throws IOException {
        List<MemberInfo> ms = new ArrayList<>();
        for (Map<?, ?> e : maps(m.get("members"))) {
            String mn = str(e, "name");
            ms.add(new MemberInfo(mn, str(e, "type"), e.containsKey("default"), null, features(e.get("features"), mn)));
        }
        List<VariantInfo> vs = new ArrayList<>();
        for (Map<?, ?> e : maps(m.get("variants"))) {
            vs.add(new VariantInfo(str(e, "case"), str(e, "type"), null));
        }
        return new SchemaInfo.ObjectInfo(name, name, null, f, ms, (String) m.get("tag"), vs);
    }

    private static List<EnumValue> enumValues(Map<?, ?> m, String name) throws IOException {
        List<EnumValue> out = new ArrayList<>();
        if (m.get("members") != null) {
            for (Map<?, ?> e : maps(m.get("members"))) {
                String v = str(e, "name");
                out.add(new EnumValue(v, null, features(e.get("features"), v), name, null));
            }
        } else if (m.get("values") instanceof List<?> l) {
            // QEMU before 6.0 gave only the value names.
            for (Object v : l) {
                out.add(new EnumValue(String.valueOf(v), null, List.of(), name, null));
            }
        }
        return out;
    }

    private static List<Feature> features(Object o, String owner) {
        List<Feature> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object f : l) {
                out.add(new Feature(String.valueOf(f), null, owner, null));
            }
        }
        return out;
    }

    private static List<Map<?, ?>> maps(Object o) throws IOException {
        List<Map<?, ?>> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object e : l) {
                if (!(e instanceof Map<?, ?> m)) {
                    throw new IOException("not introspection data: expected objects in a list");
                }
                out.add(m);
            }
        }
        return out;
    }

    private static String str(Map<?, ?> m, String key) throws IOException {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new IOException("not introspection data: missing \"" + key + "\"");
        }
        return s;
    }
}
