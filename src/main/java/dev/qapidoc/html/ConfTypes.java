package dev.qapidoc.html;

import dev.qapidoc.rst.SystemMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sphinx's check of conf.py value types: a value whose Python type differs from its default's is
 * reported ({@code The config value `exclude_patterns' has type `str', defaults to `list'.}), as
 * Sphinx does, instead of being taken silently and read as something else (issue 13). Only the
 * values of conf.py are checked: {@code -D} gives strings, which are converted as Sphinx
 * converts them (lists split at commas).
 */
public final class ConfTypes {
    private ConfTypes() {}

    /** The names qapidoc reads whose Sphinx default has a type, with that type's Python name. */
    private static final Map<String, String> DEFAULT_TYPES = new LinkedHashMap<>();

    static {
        for (String s : List.of(
                "project",
                "version",
                "release",
                "copyright",
                "root_doc",
                "master_doc",
                "highlight_language",
                "html_theme",
                "html_title",
                "language",
                "today")) {
            DEFAULT_TYPES.put(s, "str");
        }
        for (String s : List.of(
                "exclude_patterns",
                "templates_path",
                "html_static_path",
                "html_css_files",
                "html_js_files",
                "html_theme_path")) {
            DEFAULT_TYPES.put(s, "list");
        }
        DEFAULT_TYPES.put("smartquotes", "bool");
    }

    /** One warning (no location, as Sphinx's) per value of {@code conf} of the wrong type. */
    public static List<SystemMessage> check(SiteConfig conf) {
        List<SystemMessage> out = new ArrayList<>();
        for (Map.Entry<String, String> e : DEFAULT_TYPES.entrySet()) {
            if (!conf.values().containsKey(e.getKey())) {
                continue;
            }
            String actual = pythonType(conf.values().get(e.getKey()));
            String expected = e.getValue();
            // bool is a kind of int in Python, and Sphinx accepts types with a common base
            boolean ok = actual.equals(expected) || (expected.equals("bool") && actual.equals("int"));
            if (!ok) {
                out.add(SystemMessage.warning(
                        null,
                        "The config value `" + e.getKey() + "' has type `" + actual + "', defaults to `" + expected
                                + "'."));
            }
        }
        return out;
    }

    /** The Python type name of a conf.py value as read (tuples and sets come as lists). */
    static String pythonType(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Long || v instanceof Integer) {
            return "int";
        }
        if (v instanceof Double) {
            return "float";
        }
        if (v instanceof List<?>) {
            return "list";
        }
        if (v instanceof Map<?, ?>) {
            return "dict";
        }
        return v.getClass().getSimpleName();
    }
}
