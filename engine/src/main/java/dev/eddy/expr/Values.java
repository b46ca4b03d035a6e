package dev.eddy.expr;

import java.time.Instant;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/** Renders runtime values for CAST(... AS STRING), for printed expressions and for messages. */
final class Values {
    private static final int MESSAGE_LIMIT = 60;

    private Values() {}

    /** A value as SQL source text: 'it''s', 42, TRUE, TIMESTAMP '...', ARRAY[...], NULL. */
    static String literal(Object v) {
        if (v == null) return "NULL";
        if (v instanceof String s) return "'" + s.replace("'", "''") + "'";
        if (v instanceof Boolean b) return b ? "TRUE" : "FALSE";
        if (v instanceof Instant t) return "TIMESTAMP '" + Timestamps.format(t) + "'";
        if (v instanceof List<?> list) {
            StringBuilder b = new StringBuilder("ARRAY[");
            for (int i = 0; i < list.size(); i++) b.append(i > 0 ? ", " : "").append(literal(list.get(i)));
            return b.append(']').toString();
        }
        return v.toString();
    }

    /** A string quoted for a message, shortened so one bad row cannot flood a log. */
    static String quote(String s) {
        String q = literal(s);
        return q.length() <= MESSAGE_LIMIT ? q : q.substring(0, MESSAGE_LIMIT - 4) + "...'";
    }

    /** The text CAST(v AS STRING) produces. */
    static String toText(Object v) {
        if (v instanceof String s) return s;
        if (v instanceof Boolean b) return b ? "TRUE" : "FALSE";
        if (v instanceof Instant t) return Timestamps.format(t);
        if (v instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                Object e = list.get(i);
                b.append(i > 0 ? ", " : "").append(e == null ? "NULL" : toText(e));
            }
            return b.append(']').toString();
        }
        return String.valueOf(v);
    }

    /** The useful part of a pattern compiler's complaint; regex messages otherwise span several lines. */
    static String describe(IllegalArgumentException e) {
        if (e instanceof PatternSyntaxException pse) {
            return pse.getDescription() + (pse.getIndex() >= 0 ? " near index " + pse.getIndex() : "");
        }
        return e.getMessage();
    }
}
