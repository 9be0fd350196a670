package dev.qapidoc.schema;

/** One method per entity kind; {@link Entity#accept} dispatches (the hierarchy is sealed). */
public interface SchemaVisitor<R> {
    R builtin(BuiltinType t);

    R enumType(EnumType t);

    R arrayType(ArrayType t);

    R objectType(ObjectType t);

    R alternateType(AlternateType t);

    R command(Command c);

    R event(Event e);

    R include(Include i);
}
