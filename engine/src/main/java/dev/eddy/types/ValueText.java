package dev.eddy.types;

import java.time.Instant;
import java.util.List;

/** Values as plain text, for CSV cells and the print sink. */
public final class ValueText {
    private ValueText() {}

    public static String format(Object v) {
        if (v == null) return "";
        if (v instanceof Instant t) return t.toString();
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) b.append(", ");
                b.append(format(l.get(i)));
            }
            return b.append(']').toString();
        }
        return v.toString();
    }

    /** Reads a CSV cell as a value of the type; the empty cell is null. */
    public static Object parse(String text, DataType type) {
        if (text.isEmpty()) return null;
        switch (type.kind()) {
            case STRING: return text;
            case BIGINT:
                try {
                    return Long.parseLong(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("\"" + text + "\" is not a BIGINT (a whole number)");
                }
            case DOUBLE:
                try {
                    return Double.parseDouble(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("\"" + text + "\" is not a DOUBLE (a number such as 21.5)");
                }
            case BOOLEAN:
                String b = text.trim().toLowerCase(java.util.Locale.ROOT);
                if (b.equals("true")) return Boolean.TRUE;
                if (b.equals("false")) return Boolean.FALSE;
                throw new IllegalArgumentException("\"" + text + "\" is not a BOOLEAN (true or false)");
            case TIMESTAMP:
                try {
                    if (text.trim().matches("-?\\d+")) return Instant.ofEpochMilli(Long.parseLong(text.trim()));
                    return RowJson.parseInstant(text);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("\"" + text + "\" is not a TIMESTAMP (2024-01-01T00:00:00Z or epoch milliseconds)");
                }
            default:
                throw new IllegalArgumentException("a CSV cell cannot hold a value of type " + type);
        }
    }
}
