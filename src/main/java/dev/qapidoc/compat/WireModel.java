package dev.qapidoc.compat;

import dev.qapidoc.introspect.Introspector;
import dev.qapidoc.introspect.SchemaInfo;
import dev.qapidoc.introspect.SchemaInfo.CommandInfo;
import dev.qapidoc.introspect.SchemaInfo.EventInfo;
import dev.qapidoc.schema.Command;
import dev.qapidoc.schema.Entity;
import dev.qapidoc.schema.EnumType;
import dev.qapidoc.schema.EnumValue;
import dev.qapidoc.schema.Event;
import dev.qapidoc.schema.Member;
import dev.qapidoc.schema.ObjectType;
import dev.qapidoc.schema.Schema;
import dev.qapidoc.source.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One side of a comparison as a QMP client sees it: the {@code query-qmp-schema} data
 * (schema-language.md §16), whether it was computed from a schema or read from a running QEMU's
 * answer. Both inputs go through this one shape, so a schema and introspection data compare the
 * same way; type names are only keys here (they may be masked numbers), never compared.
 *
 * <p>A model built from a schema also knows where things are written ({@link #locate}); one read
 * from introspection JSON knows no locations.
 */
public final class WireModel {
    private final Map<String, SchemaInfo> types = new LinkedHashMap<>();
    private final Map<String, CommandInfo> commands = new LinkedHashMap<>();
    private final Map<String, EventInfo> events = new LinkedHashMap<>();
    private final Schema schema;
    private final String filePrefix;

    private WireModel(List<SchemaInfo> infos, Schema schema, String filePrefix) {
        for (SchemaInfo i : infos) {
            if (i instanceof CommandInfo c) {
                commands.putIfAbsent(c.name(), c);
            } else if (i instanceof EventInfo e) {
                events.putIfAbsent(e.name(), e);
            } else {
                types.putIfAbsent(i.name(), i);
            }
        }
        this.schema = schema;
        this.filePrefix = filePrefix;
    }

    /**
     * The wire view of a loaded schema; locations are reported with {@code filePrefix} before
     * the file name (e.g. {@code v9.0.0:} for a schema read from git, empty for a file).
     */
    public static WireModel of(Schema schema, String filePrefix) {
        return new WireModel(Introspector.introspect(schema, true), schema, filePrefix);
    }

    /** The wire view of introspection data (no locations). */
    public static WireModel of(List<SchemaInfo> infos) {
        return new WireModel(infos, null, "");
    }

    /** Commands by name, in introspection order. */
    public Map<String, CommandInfo> commands() {
        return commands;
    }

    /** Events by name, in introspection order. */
    public Map<String, EventInfo> events() {
        return events;
    }

    /** The type a {@code type}/{@code arg-type}/... reference names, or null. */
    public SchemaInfo type(String ref) {
        return types.get(ref);
    }

    /**
     * Where a definition ({@code member} null) or one of its members or enum values is
     * written; null when unknown (introspection input, implicit types without location).
     */
    public Where locate(String entityName, String member) {
        if (schema == null || entityName == null) {
            return null;
        }
        Entity e = schema.entity(entityName).orElse(null);
        if (e == null) {
            return null;
        }
        SourceLocation loc = e.location();
        if (member != null && e instanceof ObjectType o) {
            for (Member m : schema.allMembers(o)) {
                if (m.name().equals(member)) {
                    loc = m.location();
                }
            }
        } else if (member != null && e instanceof EnumType en) {
            for (EnumValue v : en.values()) {
                if (v.name().equals(member)) {
                    loc = v.location();
                }
            }
        }
        return loc == null ? null : new Where(filePrefix + loc.file(), loc.line());
    }

    /**
     * The definition a user wrote that {@code entityName} belongs to: the command or event
     * whose inline {@code data} made an implicit argument type, else the name itself (also
     * for introspection input, whose names are all there is).
     */
    public String definedBy(String entityName) {
        Entity e = schema == null ? null : schema.entity(entityName).orElse(null);
        if (e == null || !e.isImplicit()) {
            return entityName;
        }
        for (Entity d : schema.entities()) {
            if ((d instanceof Command c && entityName.equals(c.argType()))
                    || (d instanceof Event ev && entityName.equals(ev.argType()))) {
                return d.name();
            }
        }
        return entityName;
    }

    /** The entity names of every command and event (for tests and reports). */
    List<String> rootNames() {
        List<String> out = new ArrayList<>(commands.keySet());
        out.addAll(events.keySet());
        return out;
    }

    /**
     * A source position in a report.
     *
     * @param file the file, with the revision prefix for schemas read from git
     * @param line 1-based line of the defining expression
     */
    public record Where(String file, int line) {}
}
