package dev.eddy.flink.nativejob.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL's rules where Java's differ, for the expressions of the pipeline: a NULL operand makes the
 * result NULL, AND and OR are three-valued, text is counted in Unicode code points, timestamps are
 * UTC with millisecond precision. BIGINT arithmetic wraps around as Java's long does; a BIGINT
 * division by zero fails the record. Written by Eddy into the exported job; it depends on nothing
 * but the JDK.
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

    /** Equality of two values of one type, for IN, CASE and NULLIF. */
    private static boolean same(Object a, Object b) {
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

    /** TRY_CAST: NULL where the cast fails. */
    public static <T> T orNull(Supplier<T> cast) {
        try {
            return cast.get();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- text ----

    public static String concat(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p == null) return null;
            b.append(p);
        }
        return b.toString();
    }

    public static String concatWs(String separator, String... parts) {
        if (separator == null) return null;
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (String p : parts) {
            if (p == null) continue;
            if (!first) b.append(separator);
            b.append(p);
            first = false;
        }
        return b.toString();
    }

    public static String upper(String s) { return s == null ? null : s.toUpperCase(Locale.ROOT); }

    public static String lower(String s) { return s == null ? null : s.toLowerCase(Locale.ROOT); }

    /** SQL trims spaces only; tabs and newlines stay. */
    public static String trim(String s) { return s == null ? null : strip(s, true, true); }

    public static String ltrim(String s) { return s == null ? null : strip(s, true, false); }

    public static String rtrim(String s) { return s == null ? null : strip(s, false, true); }

    private static String strip(String s, boolean leading, boolean trailing) {
        int from = 0;
        int to = s.length();
        while (leading && from < to && s.charAt(from) == ' ') from++;
        while (trailing && to > from && s.charAt(to - 1) == ' ') to--;
        return s.substring(from, to);
    }

    public static Long length(String s) { return s == null ? null : (Long) (long) s.codePointCount(0, s.length()); }

    public static String substring(String s, Long start) { return substring(s, start, Long.MAX_VALUE); }

    /** Start 0 acts as 1, a negative start counts from the end, a negative length gives ''. */
    public static String substring(String s, Long start, Long length) {
        if (s == null || start == null || length == null) return null;
        int n = s.codePointCount(0, s.length());
        long from = start > 0 ? start - 1 : start < 0 ? n + start : 0;
        if (length < 0) return "";
        long end = from + Math.min(length, 2L * n + 2);
        long lo = Math.max(from, 0);
        long hi = Math.min(end, n);
        if (lo >= hi) return "";
        int b = s.offsetByCodePoints(0, (int) lo);
        return s.substring(b, s.offsetByCodePoints(b, (int) (hi - lo)));
    }

    public static String replace(String s, String search, String replacement) {
        if (s == null || search == null || replacement == null) return null;
        return search.isEmpty() ? s : s.replace(search, replacement);
    }

    public static Long position(String needle, String s) {
        if (needle == null || s == null) return null;
        int i = s.indexOf(needle);
        return i < 0 ? 0L : (Long) (long) (s.codePointCount(0, i) + 1);
    }

    public static Boolean startsWith(String s, String prefix) { return s == null || prefix == null ? null : s.startsWith(prefix); }

    public static Boolean endsWith(String s, String suffix) { return s == null || suffix == null ? null : s.endsWith(suffix); }

    public static String reverse(String s) { return s == null ? null : new StringBuilder(s).reverse().toString(); }

    public static Boolean regexp(String s, String pattern) { return s == null || pattern == null ? null : Pattern.compile(pattern).matcher(s).find(); }

    public static String regexpExtract(String s, String pattern) { return regexpExtract(s, pattern, 0L); }

    public static String regexpExtract(String s, String pattern, Long group) {
        if (s == null || pattern == null || group == null) return null;
        Matcher m = Pattern.compile(pattern).matcher(s);
        if (group < 0 || group > m.groupCount() || !m.find()) return null;
        return m.group((int) (long) group);
    }

    public static String regexpReplace(String s, String pattern, String replacement) {
        if (s == null || pattern == null || replacement == null) return null;
        return Pattern.compile(pattern).matcher(s).replaceAll(replacement);
    }

    /** java.util.regex split rules: trailing empty parts dropped. */
    public static List<String> regexpSplit(String s, String pattern) {
        return s == null || pattern == null ? null : List.of(Pattern.compile(pattern).split(s));
    }

    /** Empty parts kept, leading and trailing ones too; one element per character when the delimiter is ''. */
    public static List<String> split(String s, String delimiter) {
        if (s == null || delimiter == null) return null;
        List<String> out = new ArrayList<>();
        if (delimiter.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return Collections.unmodifiableList(out);
        }
        int from = 0;
        for (int i = s.indexOf(delimiter); i >= 0; i = s.indexOf(delimiter, from)) {
            out.add(s.substring(from, i));
            from = i + delimiter.length();
        }
        out.add(s.substring(from));
        return Collections.unmodifiableList(out);
    }

    // ---- numbers ----

    public static Long abs(Long x) { return x == null ? null : (Long) Math.abs(x); }

    public static Double abs(Double x) { return x == null ? null : (Double) Math.abs(x); }

    public static Long ceil(Long x) { return x; }

    public static Double ceil(Double x) { return x == null ? null : (Double) Math.ceil(x); }

    public static Long floor(Long x) { return x; }

    public static Double floor(Double x) { return x == null ? null : (Double) Math.floor(x); }

    public static Long sign(Long x) { return x == null ? null : (Long) (long) Long.signum(x); }

    public static Double sign(Double x) { return x == null ? null : (Double) Math.signum(x); }

    public static Long round(Long x) { return round(x, 0L); }

    public static Double round(Double x) { return round(x, 0L); }

    public static Long round(Long x, Long digits) {
        if (x == null || digits == null) return null;
        if (digits >= 0) return x;
        return BigDecimal.valueOf(x).setScale((int) Math.max(-20, digits), RoundingMode.HALF_UP).longValue();
    }

    /** Rounds the decimal value Java prints for x, so ROUND(2.675, 2) is 2.68 as a person expects. */
    public static Double round(Double x, Long digits) {
        if (x == null || digits == null) return null;
        if (Double.isNaN(x) || Double.isInfinite(x)) return x;
        int scale = (int) Math.max(-400, Math.min(400, digits));
        return BigDecimal.valueOf(x).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    public static Double sqrt(Double x) { return x == null ? null : (Double) Math.sqrt(x); }

    public static Double power(Double x, Double y) { return x == null || y == null ? null : (Double) Math.pow(x, y); }

    public static Double exp(Double x) { return x == null ? null : (Double) Math.exp(x); }

    public static Double ln(Double x) { return x == null ? null : (Double) Math.log(x); }

    public static Double log10(Double x) { return x == null ? null : (Double) Math.log10(x); }

    /** The largest of the values; NULL if any is NULL (NaN above every other DOUBLE). */
    @SafeVarargs
    public static <T extends Comparable<? super T>> T greatest(T... values) { return extreme(1, values); }

    @SafeVarargs
    public static <T extends Comparable<? super T>> T least(T... values) { return extreme(-1, values); }

    @SafeVarargs
    private static <T extends Comparable<? super T>> T extreme(int sign, T... values) {
        T best = null;
        for (T v : values) {
            if (v == null) return null;
            if (best == null || sign * v.compareTo(best) > 0) best = v;
        }
        return best;
    }

    // ---- choices ----

    @SafeVarargs
    public static <T> T coalesce(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }

    /** As COALESCE, each value computed only when the ones before it are NULL. */
    @SafeVarargs
    public static <T> T coalesceLazily(Supplier<T>... values) {
        for (Supplier<T> v : values) {
            T x = v.get();
            if (x != null) return x;
        }
        return null;
    }

    public static <T> T nullIf(T value, T other) { return value == null || other != null && same(value, other) ? null : value; }

    // ---- time and arrays ----

    /** A record's event time in epoch milliseconds; a record without one fails, naming the expression. */
    public static long eventTime(Instant t, String expression) {
        if (t == null) throw new IllegalArgumentException("the timestamp `" + expression + "` is NULL");
        return t.toEpochMilli();
    }

    public static long eventTime(Long millis, String expression) {
        if (millis == null) throw new IllegalArgumentException("the timestamp `" + expression + "` is NULL");
        return millis;
    }

    public static Long epochMillis(Instant t) { return t == null ? null : (Long) t.toEpochMilli(); }

    public static Instant toTimestamp(Long millis) { return millis == null ? null : Instant.ofEpochMilli(millis); }

    public static Instant timestampAdd(Instant t, Long millis) { return t == null || millis == null ? null : t.plusMillis(millis); }

    public static Long cardinality(List<?> a) { return a == null ? null : (Long) (long) a.size(); }

    /** Whether the array holds the value (a NULL value looks for NULL elements); NULL for a NULL array. */
    public static Boolean arrayContains(List<?> a, Object value) {
        if (a == null) return null;
        for (Object x : a) if (value == null ? x == null : x != null && same(x, value)) return true;
        return false;
    }

    /** The elements joined with the separator, NULL elements skipped. */
    public static String arrayJoin(List<String> a, String separator) {
        if (a == null || separator == null) return null;
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (String x : a) {
            if (x == null) continue;
            if (!first) b.append(separator);
            b.append(x);
            first = false;
        }
        return b.toString();
    }

    /** The array with the value (NULL too) at the end; NULL for a NULL array. */
    public static <T> List<T> arrayAppend(List<T> a, T value) {
        if (a == null) return null;
        List<T> out = new ArrayList<>(a);
        out.add(value);
        return Collections.unmodifiableList(out);
    }

    public static <T> List<T> arraySlice(List<T> a, Long start) { return arraySlice(a, start, a == null ? 0L : (long) a.size()); }

    /** From start to end, both included and 1-based; 0 is the first, negative counts from the end. */
    public static <T> List<T> arraySlice(List<T> a, Long start, Long end) {
        if (a == null || start == null || end == null) return null;
        int n = a.size();
        long from = start == 0 ? 1 : start < 0 ? n + start + 1 : start;
        long to = end == 0 ? 1 : end < 0 ? n + end + 1 : end;
        from = Math.max(from, 1);
        to = Math.min(to, n);
        if (from > to) return List.of();
        return Collections.unmodifiableList(new ArrayList<>(a.subList((int) from - 1, (int) to)));
    }

    public static <T extends Comparable<? super T>> List<T> arraySort(List<T> a) { return arraySort(a, true, true); }

    public static <T extends Comparable<? super T>> List<T> arraySort(List<T> a, Boolean ascending) { return arraySort(a, ascending, ascending); }

    /** Sorted; NULL elements first or last as nullsFirst says. */
    public static <T extends Comparable<? super T>> List<T> arraySort(List<T> a, Boolean ascending, Boolean nullsFirst) {
        if (a == null || ascending == null || nullsFirst == null) return null;
        java.util.Comparator<T> order = java.util.Comparator.naturalOrder();
        if (!ascending) order = order.reversed();
        order = nullsFirst ? java.util.Comparator.nullsFirst(order) : java.util.Comparator.nullsLast(order);
        List<T> out = new ArrayList<>(a);
        out.sort(order);
        return Collections.unmodifiableList(out);
    }

    /** 1-based; NULL outside the array. */
    public static <T> T elementAt(List<T> a, Long index) {
        if (a == null || index == null) return null;
        return index < 1 || index > a.size() ? null : a.get((int) (index - 1));
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

    // ---- what process programs need of their state and clocks ----

    /** A list state's contents as a list; nothing is the empty list. */
    public static <T> List<T> list(Iterable<T> elements) {
        List<T> out = new ArrayList<>();
        if (elements != null) for (T e : elements) out.add(e);
        return out;
    }

    /** A map state's keys, sorted, so that a program's output does not depend on a hash order. */
    public static <K extends Comparable<? super K>> List<K> sorted(Iterable<K> keys) {
        List<K> out = list(keys);
        Collections.sort(out);
        return out;
    }

    /** What a `for` goes through: a copy of the array, nothing for NULL. */
    public static <T> List<T> elements(List<T> array) { return array == null ? List.of() : new ArrayList<>(array); }

    /** The new contents of a list state: NULL is empty, and no element may be NULL. */
    public static <T> List<T> noNulls(List<T> list, String why) {
        if (list == null) return new ArrayList<>();
        for (T e : list) if (e == null) throw new IllegalArgumentException(why);
        return new ArrayList<>(list);
    }

    public static <T> T required(T value, String why) {
        if (value == null) throw new IllegalArgumentException(why);
        return value;
    }

    /** The current watermark as a timestamp; NULL before the first one. */
    public static Instant watermark(long watermark) { return watermark == Long.MIN_VALUE ? null : Instant.ofEpochMilli(watermark); }

    public static long timerTime(Instant t, String expression) {
        if (t == null) throw new IllegalArgumentException("the timer's time `" + expression + "` is NULL");
        return t.toEpochMilli();
    }

    public static long timerTime(Long millis, String expression) {
        if (millis == null) throw new IllegalArgumentException("the timer's time `" + expression + "` is NULL");
        return millis;
    }
}
