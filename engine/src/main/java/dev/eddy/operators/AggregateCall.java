package dev.eddy.operators;

import dev.eddy.types.DataType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One aggregate of an aggregate node, written as {@code SUM(amount)} or {@code COUNT(*)}:
 * the function, the input field's position (-1 for COUNT(*)) and the result type.
 */
public record AggregateCall(Function function, int field, DataType resultType) {
    private static final Pattern CALL = Pattern.compile("\\s*([A-Za-z_]+)\\s*\\(\\s*(\\*|`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*");

    public enum Function {
        COUNT, SUM, MIN, MAX, AVG, FIRST, LAST;

        public String description() {
            switch (this) {
                case COUNT: return "number of records (COUNT(*)) or of non-NULL values (COUNT(field))";
                case SUM: return "sum of the values; BIGINT stays BIGINT (wrapping on overflow), DOUBLE stays DOUBLE";
                case MIN: return "smallest value";
                case MAX: return "largest value";
                case AVG: return "arithmetic mean as a DOUBLE";
                case FIRST: return "first non-NULL value in arrival order";
                case LAST: return "last non-NULL value in arrival order";
                default: throw new AssertionError(this);
            }
        }
    }

    /** The parsed call's pieces: the function and the field name (or "*"). */
    public record Parsed(Function function, String field) {}

    /** Parses the text of a call, or throws with a sentence saying what was expected. */
    public static Parsed parse(String text) {
        Matcher m = CALL.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not an aggregate such as SUM(amount) or COUNT(*)");
        }
        Function f;
        try {
            f = Function.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + m.group(1) + "\" is not an aggregate function; use one of COUNT, SUM, MIN, MAX, AVG, FIRST, LAST");
        }
        String field = m.group(2);
        if (field.startsWith("`")) field = field.substring(1, field.length() - 1);
        if (field.equals("*") && f != Function.COUNT) {
            throw new IllegalArgumentException(f + "(*) is not defined; only COUNT takes *");
        }
        return new Parsed(f, field);
    }

    /** The result type for an input field type, or an error sentence. */
    public static DataType resultType(Function f, DataType input) {
        switch (f) {
            case COUNT: return DataType.BIGINT;
            case AVG:
                if (!input.isNumeric()) throw new IllegalArgumentException("AVG needs a BIGINT or DOUBLE field, not " + input);
                return DataType.DOUBLE;
            case SUM:
                if (!input.isNumeric()) throw new IllegalArgumentException("SUM needs a BIGINT or DOUBLE field, not " + input);
                return input;
            case MIN: case MAX:
                if (input.kind() == DataType.Kind.ARRAY) throw new IllegalArgumentException(f + " cannot compare arrays");
                return input;
            default: return input;
        }
    }
}
