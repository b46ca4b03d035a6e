package dev.eddy.connectors;

import dev.eddy.types.Row;
import dev.eddy.types.RowJson;
import dev.eddy.types.Schema;
import dev.eddy.types.ValueText;

/** The text forms a sink can write a row in. */
public enum RowText {
    /** {"word":"to","count":2} */
    JSON,
    /** Flink's Row#toString, +I[to, 2], what Flink's print() shows for a Row. */
    ROW,
    /** to,2 with RFC 4180 quoting. */
    CSV;

    public static RowText parse(String s) { return valueOf(s.toUpperCase(java.util.Locale.ROOT)); }

    public String format(Row row, Schema schema) {
        switch (this) {
            case JSON: return RowJson.toLine(row, schema);
            case ROW: {
                StringBuilder b = new StringBuilder("+I[");
                for (int i = 0; i < row.arity(); i++) {
                    if (i > 0) b.append(", ");
                    Object v = row.get(i);
                    b.append(v == null ? "null" : ValueText.format(v));
                }
                return b.append(']').toString();
            }
            case CSV: {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < row.arity(); i++) {
                    if (i > 0) b.append(',');
                    b.append(csvCell(ValueText.format(row.get(i))));
                }
                return b.toString();
            }
            default: throw new AssertionError(this);
        }
    }

    public static String csvHeader(Schema schema) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < schema.size(); i++) {
            if (i > 0) b.append(',');
            b.append(csvCell(schema.field(i).name()));
        }
        return b.toString();
    }

    static String csvCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
