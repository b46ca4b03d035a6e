package dev.eddy.expr;

import dev.eddy.types.DataType;
import dev.eddy.types.DataType.Kind;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Which conversions CAST allows, and the converters, chosen once per node. */
final class Casts {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(NaN|Infinity)");

    private Casts() {}

    static boolean allowed(DataType from, DataType to) {
        if (from.equals(to) || Types.isNull(from) || to.kind() == Kind.STRING) return true;
        switch (from.kind()) {
            case STRING: return to.kind() != Kind.ARRAY;
            case BIGINT: return to.kind() == Kind.DOUBLE || to.kind() == Kind.BOOLEAN;
            case DOUBLE: return to.kind() == Kind.BIGINT;
            case BOOLEAN: return to.isNumeric();
            case ARRAY: return to.kind() == Kind.ARRAY && allowed(from.element(), to.element());
            default: return false;
        }
    }

    static String hint(DataType from, DataType to) {
        if (from.kind() == Kind.TIMESTAMP && to.isNumeric()) return "; use EPOCH_MILLIS(ts) for milliseconds since 1970";
        if (from.isNumeric() && to.kind() == Kind.TIMESTAMP) return "; use TO_TIMESTAMP(millis)";
        if (from.kind() == Kind.STRING && to.kind() == Kind.ARRAY) return "; use SPLIT(s, delimiter)";
        return "";
    }

    static Ev compile(Expr.Cast cast, Ev operand) {
        DataType from = cast.operand().type();
        if (from.equals(cast.type()) || Types.isNull(from)) return operand;
        UnaryOperator<Object> convert = converter(from, cast.type());
        if (cast.kind() == Expr.CastKind.TRY) {
            return row -> {
                Object v = operand.eval(row);
                if (v == null) return null;
                try {
                    return convert.apply(v);
                } catch (EvaluationException notConvertible) {
                    return null;
                }
            };
        }
        return row -> {
            Object v = operand.eval(row);
            return v == null ? null : convert.apply(v);
        };
    }

    /** Converts a non-null value; throws EvaluationException when text does not parse. */
    static UnaryOperator<Object> converter(DataType from, DataType to) {
        if (from.equals(to) || Types.isNull(from)) return v -> v;
        if (to.kind() == Kind.STRING) return Values::toText;
        if (from.kind() == Kind.ARRAY) {
            UnaryOperator<Object> element = converter(from.element(), to.element());
            return v -> {
                Object[] out = ((List<?>) v).toArray();
                for (int i = 0; i < out.length; i++) if (out[i] != null) out[i] = element.apply(out[i]);
                return Collections.unmodifiableList(Arrays.asList(out));
            };
        }
        switch (from.kind()) {
            case STRING:
                switch (to.kind()) {
                    case BIGINT: return v -> toBigint((String) v);
                    case DOUBLE: return v -> toDouble((String) v);
                    case BOOLEAN: return v -> toBoolean((String) v);
                    case TIMESTAMP: return v -> toTimestamp((String) v);
                    default: break;
                }
                break;
            case BIGINT:
                if (to.kind() == Kind.DOUBLE) return v -> ((Long) v).doubleValue();
                if (to.kind() == Kind.BOOLEAN) return v -> (Long) v != 0L;
                break;
            case DOUBLE:
                // Java's narrowing, as Flink's generated code does: toward zero, saturating, NaN to 0.
                if (to.kind() == Kind.BIGINT) return v -> ((Double) v).longValue();
                break;
            case BOOLEAN:
                if (to.kind() == Kind.BIGINT) return v -> (Boolean) v ? 1L : 0L;
                if (to.kind() == Kind.DOUBLE) return v -> (Boolean) v ? 1.0 : 0.0;
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("no CAST from " + from + " to " + to);
    }

    private static Object toBigint(String s) {
        String t = s.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            String why = INTEGER.matcher(t).matches() ? " is out of the BIGINT range"
                    : DECIMAL.matcher(t).matches() ? " is not a whole number" : " is not a number";
            throw failure(s, "BIGINT", why);
        }
    }

    private static Object toDouble(String s) {
        String t = s.trim();
        // Double.parseDouble alone would also take "1.5d" and hex floats, which SQL does not.
        if (!DECIMAL.matcher(t).matches()) throw failure(s, "DOUBLE", " is not a number");
        return Double.parseDouble(t);
    }

    private static Object toBoolean(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "t": case "yes": case "y": case "1": return Boolean.TRUE;
            case "false": case "f": case "no": case "n": case "0": return Boolean.FALSE;
            default: throw failure(s, "BOOLEAN", " is not a boolean (true/false, yes/no, 1/0)");
        }
    }

    private static Object toTimestamp(String s) {
        try {
            return Timestamps.parse(s);
        } catch (DateTimeException e) {
            throw failure(s, "TIMESTAMP", " is not a timestamp ('yyyy-MM-dd HH:mm:ss[.SSS]' or ISO-8601)");
        }
    }

    private static EvaluationException failure(String s, String type, String why) {
        String q = Values.quote(s);
        return new EvaluationException("CAST(" + q + " AS " + type + "): " + q + why);
    }
}
