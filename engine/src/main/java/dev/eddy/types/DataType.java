package dev.eddy.types;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The type of a field or an expression. Scalars are singletons; ARRAY carries its element type.
 * Runtime values: STRING → String, BIGINT → Long, DOUBLE → Double, BOOLEAN → Boolean,
 * TIMESTAMP → Instant (millisecond precision, like Flink SQL's TIMESTAMP_LTZ(3)), ARRAY → List.
 * Null is a value of every type.
 */
public final class DataType {
    public enum Kind { STRING, BIGINT, DOUBLE, BOOLEAN, TIMESTAMP, ARRAY, NULL }

    public static final DataType STRING = new DataType(Kind.STRING, null);
    public static final DataType BIGINT = new DataType(Kind.BIGINT, null);
    public static final DataType DOUBLE = new DataType(Kind.DOUBLE, null);
    public static final DataType BOOLEAN = new DataType(Kind.BOOLEAN, null);
    public static final DataType TIMESTAMP = new DataType(Kind.TIMESTAMP, null);
    /** The type of the literal NULL before it meets a context; assignable to every type. */
    public static final DataType NULL = new DataType(Kind.NULL, null);

    private final Kind kind;
    private final DataType element;

    private DataType(Kind kind, DataType element) {
        this.kind = kind;
        this.element = element;
    }

    public static DataType arrayOf(DataType element) {
        return new DataType(Kind.ARRAY, Objects.requireNonNull(element));
    }

    public Kind kind() { return kind; }

    /** The element type of an ARRAY, null for scalars. */
    public DataType element() { return element; }

    public boolean isNumeric() { return kind == Kind.BIGINT || kind == Kind.DOUBLE; }

    /** The names a person may write in a schema: STRING, BIGINT, DOUBLE, BOOLEAN, TIMESTAMP, ARRAY&lt;T&gt;. */
    public static DataType parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        switch (t) {
            case "STRING": case "VARCHAR": return STRING;
            case "BIGINT": case "LONG": case "INT": case "INTEGER": return BIGINT;
            case "DOUBLE": case "FLOAT": return DOUBLE;
            case "BOOLEAN": return BOOLEAN;
            case "TIMESTAMP": return TIMESTAMP;
            default:
                if (t.startsWith("ARRAY<") && t.endsWith(">")) {
                    return arrayOf(parse(t.substring(6, t.length() - 1)));
                }
                throw new IllegalArgumentException("\"" + text + "\" is not a type; expected one of "
                        + String.join(", ", names()));
        }
    }

    public static List<String> names() {
        return List.of("STRING", "BIGINT", "DOUBLE", "BOOLEAN", "TIMESTAMP", "ARRAY<type>");
    }

    /** Whether a value of this runtime class belongs to the type (null always does). */
    public boolean accepts(Object value) {
        if (value == null) return true;
        switch (kind) {
            case STRING: return value instanceof String;
            case BIGINT: return value instanceof Long;
            case DOUBLE: return value instanceof Double;
            case BOOLEAN: return value instanceof Boolean;
            case TIMESTAMP: return value instanceof Instant;
            case ARRAY:
                if (!(value instanceof List)) return false;
                for (Object o : (List<?>) value) if (!element.accepts(o)) return false;
                return true;
            default: return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataType d && d.kind == kind && Objects.equals(d.element, element);
    }

    @Override
    public int hashCode() { return kind.hashCode() * 31 + Objects.hashCode(element); }

    @Override
    public String toString() { return kind == Kind.ARRAY ? "ARRAY<" + element + ">" : kind.name(); }
}
