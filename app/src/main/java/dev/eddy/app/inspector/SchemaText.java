package dev.eddy.app.inspector;

import dev.eddy.types.Schema;

/** A schema as the inspector shows it: one field per line, name and type. */
public final class SchemaText {
    private SchemaText() {}

    public static String of(Schema s) {
        if (s.fields().isEmpty()) return "no fields";
        StringBuilder b = new StringBuilder();
        s.fields().forEach(f -> b.append(f.name()).append("  ").append(f.type()).append('\n'));
        return b.toString().strip();
    }
}
