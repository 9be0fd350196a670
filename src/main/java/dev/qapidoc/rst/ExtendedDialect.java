package dev.qapidoc.rst;

import dev.qapidoc.schema.Schema;

final class ExtendedDialect {
    private final Schema schema;
    private final Emitter out;

    ExtendedDialect(Schema schema, Emitter out) {
        this.schema = schema;
        this.out = out;
    }

    void write(String namespace) {
        new QemuDialect(schema, out).write(namespace);
    }
}
