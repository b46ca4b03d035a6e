package dev.eddy.flink.nativejob.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions the pipeline's expressions call, with Eddy's (and Flink SQL's) meaning: NULL in,
 * NULL out, lengths and positions in Unicode code points, upper and lower case in Locale.ROOT,
 * ROUND half away from zero on the decimal Java prints. Written by Eddy into the exported job; it
 * depends on nothing but the JDK.
 */
public final class SqlFunctions {
    private SqlFunctions() {}

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

    public static <T> T nullIf(T value, T other) { return value == null || other != null && Sql.same(value, other) ? null : value; }

    // ---- time and arrays ----

    public static Long epochMillis(Instant t) { return t == null ? null : (Long) t.toEpochMilli(); }

    public static Instant timestampAdd(Instant t, Long millis) { return t == null || millis == null ? null : t.plusMillis(millis); }

    public static Long cardinality(List<?> a) { return a == null ? null : (Long) (long) a.size(); }

    /** Whether the array holds the value (a NULL value looks for NULL elements); NULL for a NULL array. */
    public static Boolean arrayContains(List<?> a, Object value) {
        if (a == null) return null;
        for (Object x : a) if (value == null ? x == null : x != null && Sql.same(x, value)) return true;
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
}
