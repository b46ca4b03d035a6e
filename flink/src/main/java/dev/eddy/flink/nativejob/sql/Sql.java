package dev.eddy.flink.nativejob.sql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * SQL's rules where Java's differ, for the operators of the pipeline's expressions: a NULL
 * operand makes the result NULL, AND and OR are three-valued, casts parse as SQL's do, timestamps
 * are UTC with millisecond precision. BIGINT arithmetic wraps around as Java's long does; a BIGINT
 * division by zero fails the record. The functions an expression calls are in SqlFunctions.
 * Written by Eddy into the exported job; it depends on nothing but the JDK.
 */
public final class Sql {
    private Sql() {}

    // ---- arithmetic ----

    public static Long add(Long a, Long b) { return a == null || b == null ? null : a + b; }

    public static Double add(Double a, Double b) { return a == null || b == null ? null : a + b; }

    public static Long subtract(Long a, Long b) { return a == null || b == null ? null : a - b; }

    public static Double subtract(Double a, Double b) { return a == null || b == null ? null : a - b; }

    public static Long multiply(Long a, Long b) { return a == null || b == null ? null : a * b; }

    public static Double multiply(Double a, Double b) { return a == null || b == null ? null : a * b; }

    public static Long divide(Long a, Long b) {
        if (a == null || b == null) return null;
        if (b == 0) throw new ArithmeticException("division by zero");
        return a / b;
    }

    public static Double divide(Double a, Double b) { return a == null || b == null ? null : a / b; }

    public static Long mod(Long a, Long b) {
        if (a == null || b == null) return null;
        if (b == 0) throw new ArithmeticException("division by zero");
        return a % b;
    }

    public static Double mod(Double a, Double b) { return a == null || b == null ? null : a % b; }

    public static Long negate(Long a) { return a == null ? null : -a; }

    public static Double negate(Double a) { return a == null ? null : -a; }

    // ---- logic ----

    public static Boolean not(Boolean a) { return a == null ? null : !a; }

    /** FALSE wins over NULL. */
    public static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) return false;
        return a == null || b == null ? null : Boolean.TRUE;
    }

    /** As {@link #and(Boolean, Boolean)}, the right side computed only when the left is not FALSE. */
    public static Boolean and(Boolean a, Supplier<Boolean> b) { return Boolean.FALSE.equals(a) ? Boolean.FALSE : and(a, b.get()); }

    /** TRUE wins over NULL. */
    public static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) return true;
        return a == null || b == null ? null : Boolean.FALSE;
    }

    public static Boolean or(Boolean a, Supplier<Boolean> b) { return Boolean.TRUE.equals(a) ? Boolean.TRUE : or(a, b.get()); }

    /** Whether a condition holds: NULL does not. */
    public static boolean isTrue(Boolean b) { return Boolean.TRUE.equals(b); }

    // ---- comparisons: NULL when either side is; DOUBLE compares as Java's double (NaN equals nothing, -0.0 = 0.0) ----

    public static Boolean eq(Double a, Double b) { return a == null || b == null ? null : a.doubleValue() == b.doubleValue(); }

    public static Boolean ne(Double a, Double b) { return a == null || b == null ? null : a.doubleValue() != b.doubleValue(); }

    public static Boolean lt(Double a, Double b) { return a == null || b == null ? null : a.doubleValue() < b.doubleValue(); }

    public static Boolean le(Double a, Double b) { return a == null || b == null ? null : a.doubleValue() <= b.doubleValue(); }

    public static Boolean gt(Double a, Double b) { return a == null || b == null ? null : a.doubleValue() > b.doubleValue(); }

    public static Boolean ge(Double a, Double b) { return a == null || b == null ? null : a.doubleValue() >= b.doubleValue(); }

    public static <T extends Comparable<? super T>> Boolean eq(T a, T b) { return a == null || b == null ? null : a.compareTo(b) == 0; }

    public static <T extends Comparable<? super T>> Boolean ne(T a, T b) { return a == null || b == null ? null : a.compareTo(b) != 0; }

    public static <T extends Comparable<? super T>> Boolean lt(T a, T b) { return a == null || b == null ? null : a.compareTo(b) < 0; }

    public static <T extends Comparable<? super T>> Boolean le(T a, T b) { return a == null || b == null ? null : a.compareTo(b) <= 0; }

    public static <T extends Comparable<? super T>> Boolean gt(T a, T b) { return a == null || b == null ? null : a.compareTo(b) > 0; }

    public static <T extends Comparable<? super T>> Boolean ge(T a, T b) { return a == null || b == null ? null : a.compareTo(b) >= 0; }

    public static Boolean eq(List<?> a, List<?> b) { return a == null || b == null ? null : a.equals(b); }

    public static Boolean ne(List<?> a, List<?> b) { return a == null || b == null ? null : !a.equals(b); }

    /** Equality of two values of one type, for IN, CASE, NULLIF and ARRAY_CONTAINS. */
    public static boolean same(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) return x.doubleValue() == y.doubleValue();
        return a.equals(b);
    }

    /** {@code value IN (items)}: TRUE when found, else NULL when an item is NULL, else FALSE. */
    public static Boolean in(Object value, Object... items) {
        if (value == null) return null;
        boolean sawNull = false;
        for (Object item : items) {
            if (item == null) sawNull = true;
            else if (same(value, item)) return true;
        }
        return sawNull ? null : Boolean.FALSE;
    }

    /** CASE value WHEN w: whether value equals w (both present). */
    public static boolean matches(Object value, Object when) { return value != null && when != null && same(value, when); }

    public static <T extends Comparable<? super T>> Boolean between(T value, T low, T high) {
        if (value == null) return null;
        if ((low != null && value.compareTo(low) < 0) || (high != null && value.compareTo(high) > 0)) return false;
        return low == null || high == null ? null : Boolean.TRUE;
    }

    public static Boolean between(Double value, Double low, Double high) {
        if (value == null) return null;
        if ((low != null && !(value >= low)) || (high != null && !(value <= high))) return false;
        return low == null || high == null ? null : Boolean.TRUE;
    }

    /** {@code s LIKE pattern}: % any run, _ one character; {@code escape} (or null) makes the next one literal. */
    public static Boolean like(String s, String pattern, String escape) {
        if (s == null || pattern == null) return null;
        StringBuilder rx = new StringBuilder();
        char esc = escape == null ? 0 : escape.charAt(0);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == esc) {
                if (i + 1 >= pattern.length()) throw new IllegalArgumentException("LIKE pattern ends with its escape character");
                rx.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                rx.append(".*");
            } else if (c == '_') {
                rx.append('.');
            } else {
                rx.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(rx.toString(), Pattern.DOTALL).matcher(s).matches();
    }

    // ---- casts ----

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(NaN|Infinity)");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** CAST(v AS STRING). */
    public static String text(Object v) {
        if (v == null || v instanceof String) return (String) v;
        if (v instanceof Boolean b) return b ? "TRUE" : "FALSE";
        if (v instanceof Instant t) {
            String s = SECONDS.format(t);
            int millis = t.getNano() / 1_000_000;
            return millis == 0 ? s : s + String.format(Locale.ROOT, ".%03d", millis);
        }
        if (v instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) b.append(i > 0 ? ", " : "").append(list.get(i) == null ? "NULL" : text(list.get(i)));
            return b.append(']').toString();
        }
        return String.valueOf(v);
    }

    public static Long toBigint(String s) {
        if (s == null) return null;
        String t = s.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            String why = INTEGER.matcher(t).matches() ? " is out of the BIGINT range"
                    : DECIMAL.matcher(t).matches() ? " is not a whole number" : " is not a number";
            throw new IllegalArgumentException("CAST('" + s + "' AS BIGINT): '" + s + "'" + why);
        }
    }

    public static Long toBigint(Double d) { return d == null ? null : (Long) d.longValue(); }

    public static Long toBigint(Boolean b) { return b == null ? null : (Long) (b ? 1L : 0L); }

    public static Double toDouble(String s) {
        if (s == null) return null;
        String t = s.trim();
        if (!DECIMAL.matcher(t).matches()) throw new IllegalArgumentException("CAST('" + s + "' AS DOUBLE): '" + s + "' is not a number");
        return Double.parseDouble(t);
    }

    public static Double toDouble(Long v) { return v == null ? null : (Double) v.doubleValue(); }

    public static Double toDouble(Boolean b) { return b == null ? null : (Double) (b ? 1.0 : 0.0); }

    public static Boolean toBoolean(Long v) { return v == null ? null : v != 0L; }

    public static Boolean toBoolean(String s) {
        if (s == null) return null;
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "t": case "yes": case "y": case "1": return Boolean.TRUE;
            case "false": case "f": case "no": case "n": case "0": return Boolean.FALSE;
            default: throw new IllegalArgumentException("CAST('" + s + "' AS BOOLEAN): '" + s + "' is not a boolean (true/false, yes/no, 1/0)");
        }
    }

    /** 'yyyy-MM-dd', 'yyyy-MM-dd HH:mm[:ss[.fraction]]', the same with T, or ISO-8601 with an offset; UTC without one. */
    public static Instant toTimestamp(String text) {
        if (text == null) return null;
        try {
            String s = text.trim();
            if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (s.length() > 10 && s.charAt(10) == ' ') s = s.substring(0, 10) + 'T' + s.substring(11);
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(s);
            Instant instant = t.query(TemporalQueries.offset()) != null ? Instant.from(t) : LocalDateTime.from(t).toInstant(ZoneOffset.UTC);
            return instant.truncatedTo(ChronoUnit.MILLIS);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("CAST('" + text + "' AS TIMESTAMP): '" + text
                    + "' is not a timestamp ('yyyy-MM-dd HH:mm:ss[.SSS]' or ISO-8601)");
        }
    }

    /** Epoch milliseconds as a timestamp (TO_TIMESTAMP of a BIGINT). */
    public static Instant toTimestamp(Long millis) { return millis == null ? null : Instant.ofEpochMilli(millis); }

    /** TRY_CAST: NULL where the cast fails. */
    public static <T> T orNull(Supplier<T> cast) {
        try {
            return cast.get();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- event time ----

    /** A record's event time in epoch milliseconds; a record without one fails, naming the expression. */
    public static long eventTime(Instant t, String expression) {
        if (t == null) throw new IllegalArgumentException("the timestamp `" + expression + "` is NULL");
        return t.toEpochMilli();
    }

    public static long eventTime(Long millis, String expression) {
        if (millis == null) throw new IllegalArgumentException("the timestamp `" + expression + "` is NULL");
        return millis;
    }

    // ---- how a reduce or an aggregate combines a field: NULLs are skipped, as SQL's aggregates skip them ----

    public static Long sum(Long acc, Long next) { return next == null ? acc : acc == null ? next : (Long) (acc + next); }

    public static Double sum(Double acc, Double next) { return next == null ? acc : acc == null ? next : (Double) (acc + next); }

    /** The smaller; the accumulated one on a tie. */
    public static <T extends Comparable<? super T>> T min(T acc, T next) {
        return next == null ? acc : acc == null ? next : acc.compareTo(next) <= 0 ? acc : next;
    }

    public static <T extends Comparable<? super T>> T max(T acc, T next) {
        return next == null ? acc : acc == null ? next : acc.compareTo(next) >= 0 ? acc : next;
    }

    public static <T> T first(T acc, T next) { return acc == null ? next : acc; }

    public static <T> T last(T acc, T next) { return next == null ? acc : next; }
}
