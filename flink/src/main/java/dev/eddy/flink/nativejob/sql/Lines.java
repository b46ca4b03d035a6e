package dev.eddy.flink.nativejob.sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text forms records are read from and written in, as the pipeline's sources and sinks have
 * them: JSON objects (one per line), CSV cells with RFC 4180 quoting, and Flink's Row text
 * ({@code +I[a, 1]}). Written by Eddy into the exported job; it depends on nothing but the JDK.
 */
public final class Lines {
    private Lines() {}

    /** {"name":value,...} in the given field order, as Jackson writes it. */
    public static String json(String[] names, Object... values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) b.append(',');
            quote(b, names[i]).append(':');
            jsonValue(b, values[i]);
        }
        return b.append('}').toString();
    }

    private static void jsonValue(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            quote(b, s);
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) quote(b, d.toString());
            else b.append(d);
        } else if (v instanceof Instant t) {
            quote(b, t.toString());
        } else if (v instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) b.append(',');
                jsonValue(b, list.get(i));
            }
            b.append(']');
        } else if (v instanceof Long || v instanceof Boolean) {
            b.append(v);
        } else {
            quote(b, v.toString());
        }
    }

    private static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"');
    }

    /** Flink's Row#toString for an insert: +I[a, 1], NULL as null. */
    public static String row(Object... values) {
        StringBuilder b = new StringBuilder("+I[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) b.append(", ");
            b.append(values[i] == null ? "null" : plain(values[i]));
        }
        return b.append(']').toString();
    }

    /** One CSV line; a cell is quoted only when it must be. */
    public static String csv(Object... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) b.append(',');
            b.append(cell(plain(values[i])));
        }
        return b.toString();
    }

    public static String csvHeader(String... names) { return csv((Object[]) names); }

    private static String cell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** A value as plain text: NULL empty, a timestamp in ISO-8601, a list in brackets. */
    private static String plain(Object v) {
        if (v == null) return "";
        if (v instanceof Instant t) return t.toString();
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) b.append(i > 0 ? ", " : "").append(plain(l.get(i)));
            return b.append(']').toString();
        }
        return v.toString();
    }

    /** The cells of one CSV line: RFC 4180 quoting, "" for a quote inside a quoted cell. */
    public static List<String> cells(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    cell.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("a quoted cell is not closed in: " + line);
        cells.add(cell.toString());
        return cells;
    }

    /** The cells of a line that must have {@code count} of them. */
    public static List<String> cells(String line, char delimiter, int count) {
        List<String> c = cells(line, delimiter);
        if (c.size() != count) throw new IllegalArgumentException("expected " + count + " fields but found " + c.size() + " in: " + line);
        return c;
    }

    public static String string(String cell) { return cell.isEmpty() ? null : cell; }

    public static Long bigint(String cell) {
        if (cell.isEmpty()) return null;
        try {
            return Long.parseLong(cell.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + cell + "\" is not a BIGINT (a whole number)");
        }
    }

    public static Double doubleValue(String cell) {
        if (cell.isEmpty()) return null;
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + cell + "\" is not a DOUBLE (a number such as 21.5)");
        }
    }

    public static Boolean bool(String cell) {
        if (cell.isEmpty()) return null;
        String b = cell.trim().toLowerCase(Locale.ROOT);
        if (b.equals("true")) return Boolean.TRUE;
        if (b.equals("false")) return Boolean.FALSE;
        throw new IllegalArgumentException("\"" + cell + "\" is not a BOOLEAN (true or false)");
    }

    /** Epoch milliseconds, or ISO-8601 with a zone, or without one read as UTC. */
    public static Instant timestamp(String cell) {
        if (cell.isEmpty()) return null;
        String t = cell.trim();
        try {
            if (t.matches("-?\\d+")) return Instant.ofEpochMilli(Long.parseLong(t));
            if (t.length() >= 11 && t.charAt(10) == ' ') t = t.substring(0, 10) + "T" + t.substring(11);
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) return java.time.OffsetDateTime.parse(t).toInstant();
            return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("\"" + cell + "\" is not a TIMESTAMP (2024-01-01T00:00:00Z or epoch milliseconds)");
        }
    }
}
