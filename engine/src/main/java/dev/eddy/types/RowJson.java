package dev.eddy.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Rows to JSON and back, by schema. Timestamps are written as ISO-8601 instants and read from
 * ISO-8601 text or epoch milliseconds. Reading is strict: a value of the wrong type is an error
 * that names the field and what was expected, never a silent null.
 */
public final class RowJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RowJson() {}

    public static ObjectNode toJson(Row row, Schema schema) {
        ObjectNode o = F.objectNode();
        for (int i = 0; i < schema.size(); i++) o.set(schema.field(i).name(), value(row.get(i)));
        return o;
    }

    /** One line of JSON, as JSON Lines files and error reports show a record. */
    public static String toLine(Row row, Schema schema) {
        try {
            return MAPPER.writeValueAsString(toJson(row, schema));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode value(Object v) {
        if (v == null) return F.nullNode();
        if (v instanceof String s) return F.textNode(s);
        if (v instanceof Long l) return F.numberNode(l);
        if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? F.textNode(d.toString()) : F.numberNode(d);
        if (v instanceof Boolean b) return F.booleanNode(b);
        if (v instanceof Instant t) return F.textNode(t.toString());
        if (v instanceof List<?> l) {
            ArrayNode a = F.arrayNode();
            for (Object o : l) a.add(value(o));
            return a;
        }
        return F.textNode(v.toString());
    }

    /** Reads a JSON object into a row of the schema; unknown fields are an error, missing ones are null. */
    public static Row fromJson(JsonNode node, Schema schema) {
        if (!node.isObject()) throw new IllegalArgumentException("expected a JSON object with fields " + schema.names() + " but found " + abbreviate(node.toString()));
        Object[] values = new Object[schema.size()];
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            int i = schema.indexOf(name);
            if (i < 0) throw new IllegalArgumentException("unknown field \"" + name + "\"; the schema has " + String.join(", ", schema.names()));
            values[i] = parse(node.get(name), schema.field(i));
        }
        return Row.wrap(values);
    }

    public static Object parse(JsonNode v, Field field) {
        if (v == null || v.isNull()) return null;
        DataType t = field.type();
        switch (t.kind()) {
            case STRING:
                if (v.isTextual()) return v.textValue();
                break;
            case BIGINT:
                if (v.isIntegralNumber() && v.canConvertToLong()) return v.longValue();
                break;
            case DOUBLE:
                if (v.isNumber()) return v.doubleValue();
                break;
            case BOOLEAN:
                if (v.isBoolean()) return v.booleanValue();
                break;
            case TIMESTAMP:
                if (v.isIntegralNumber()) return Instant.ofEpochMilli(v.longValue());
                if (v.isTextual()) {
                    try {
                        return parseInstant(v.textValue());
                    } catch (DateTimeParseException e) {
                        break;
                    }
                }
                break;
            case ARRAY:
                if (v.isArray()) {
                    List<Object> out = new ArrayList<>();
                    Field element = new Field(field.name() + "[]", t.element());
                    for (JsonNode e : v) out.add(parse(e, element));
                    return out;
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("field \"" + field.name() + "\": expected " + t + " but found " + abbreviate(v.toString()));
    }

    /** ISO-8601 with a zone (2024-01-01T00:00:00Z), or without one and read as UTC (2024-01-01 00:00:00). */
    public static Instant parseInstant(String text) {
        String s = text.trim();
        if (s.length() >= 11 && s.charAt(10) == ' ') s = s.substring(0, 10) + "T" + s.substring(11);
        if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) return java.time.OffsetDateTime.parse(s).toInstant();
        return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
    }

    static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }
}
