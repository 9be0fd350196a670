package dev.qapidoc.schema;

import dev.qapidoc.doc.Doc;
import java.util.List;

/**
 * The test dump of QEMU's {@code tests/qapi-schema} ({@code .out} files; schema-language.md §15):
 * every module with its entities, then every doc comment (doc-comments-and-rest.md §1.12).
 */
public final class SchemaDump {
    private SchemaDump() {}

    /** The whole dump, each line ending in LF. */
    public static String dump(Schema schema) {
        StringBuilder out = new StringBuilder(1 << 16);
        Printer p = new Printer(out);
        for (Module m : schema.modules()) {
            out.append("module ").append(m.name()).append('\n');
            for (Entity e : m.entities()) {
                e.accept(p);
            }
        }
        for (Doc d : schema.docs()) {
            d.appendTestDump(out);
        }
        return out.toString();
    }

    /** Python prints an absent type as {@code None}. */
    private static String none(String s) {
        return s == null ? "None" : s;
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    private static final class Printer implements SchemaVisitor<Void> {
        private final StringBuilder out;

        Printer(StringBuilder out) {
            this.out = out;
        }

        private void ifCond(IfCond c, String indent) {
            if (c != null) {
                out.append(indent).append("if ").append(c.dumpForm()).append('\n');
            }
        }

        private void features(List<Feature> fs, String indent) {
            for (Feature f : fs) {
                out.append(indent).append("feature ").append(f.name()).append('\n');
                ifCond(f.ifCond(), indent + "    ");
            }
        }

        private void common(Entity e) {
            ifCond(e.ifCond(), "    ");
            features(e.features(), "    ");
        }

        @Override
        public Void builtin(BuiltinType t) {
            return null;
        }

        @Override
        public Void enumType(EnumType t) {
            out.append("enum ").append(t.name()).append('\n');
            if (t.prefix() != null && !t.prefix().isEmpty()) {
                out.append("    prefix ").append(t.prefix()).append('\n');
            }
            for (EnumValue v : t.values()) {
                out.append("    member ").append(v.name()).append('\n');
                ifCond(v.ifCond(), "        ");
                features(v.features(), "        ");
            }
            common(t);
            return null;
        }

        @Override
        public Void arrayType(ArrayType t) {
            if (t.location() != null) {
                out.append("array ")
                        .append(t.name())
                        .append(' ')
                        .append(t.elementType())
                        .append('\n');
                ifCond(t.ifCond(), "    ");
            }
            return null;
        }

        @Override
        public Void objectType(ObjectType t) {
            out.append("object ").append(t.name()).append('\n');
            if (t.base() != null) {
                out.append("    base ").append(t.base()).append('\n');
            }
            for (Member m : t.localMembers()) {
                out.append("    member ")
                        .append(m.name())
                        .append(": ")
                        .append(m.type())
                        .append(" optional=")
                        .append(py(m.optional()))
                        .append('\n');
                ifCond(m.ifCond(), "        ");
                features(m.features(), "        ");
            }
            if (t.branches() != null) {
                out.append("    tag ").append(t.branches().tagName()).append('\n');
                variants(t.branches().variants());
            }
            common(t);
            return null;
        }

        private void variants(List<Variant> vs) {
            for (Variant v : vs) {
                out.append("    case ")
                        .append(v.name())
                        .append(": ")
                        .append(v.type())
                        .append('\n');
                ifCond(v.ifCond(), "        ");
            }
        }

        @Override
        public Void alternateType(AlternateType t) {
            out.append("alternate ").append(t.name()).append('\n');
            out.append("    tag ").append(t.tagMember().name()).append('\n');
            variants(t.variants());
            common(t);
            return null;
        }

        @Override
        public Void command(Command c) {
            CommandFlags f = c.flags();
            out.append("command ")
                    .append(c.name())
                    .append(' ')
                    .append(none(c.argType()))
                    .append(" -> ")
                    .append(none(c.returnType()))
                    .append('\n');
            out.append("    gen=")
                    .append(py(f.gen()))
                    .append(" success_response=")
                    .append(py(f.successResponse()))
                    .append(" boxed=")
                    .append(py(f.boxed()))
                    .append(" oob=")
                    .append(py(f.allowOob()))
                    .append(" preconfig=")
                    .append(py(f.allowPreconfig()));
            if (f.coroutine()) {
                out.append(" coroutine=True");
            }
            out.append('\n');
            common(c);
            return null;
        }

        @Override
        public Void event(Event e) {
            out.append("event ")
                    .append(e.name())
                    .append(' ')
                    .append(none(e.argType()))
                    .append('\n');
            out.append("    boxed=").append(py(e.boxed())).append('\n');
            common(e);
            return null;
        }

        @Override
        public Void include(Include i) {
            out.append("include ").append(i.name()).append('\n');
            return null;
        }
    }
}
