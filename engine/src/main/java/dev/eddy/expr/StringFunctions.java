package dev.eddy.expr;

import static dev.eddy.expr.Fn.strict;

import java.util.Locale;

/**
 * Text functions. Lengths and positions count Unicode code points, as Flink SQL does, so an
 * emoji is one character. Upper and lower case use Locale.ROOT so results do not depend on the
 * machine's language.
 */
final class StringFunctions {
    /** Largest string REPEAT, LPAD or RPAD may build; one row must not be able to exhaust memory. */
    static final long MAX_LENGTH = 10_000_000;

    private StringFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        r.category("string");
        r.fn("UPPER", "s STRING", "STRING", "s in upper case.",
                c -> strict(c.ev(0), (String s) -> s.toUpperCase(Locale.ROOT)));
        r.fn("LOWER", "s STRING", "STRING", "s in lower case.",
                c -> strict(c.ev(0), (String s) -> s.toLowerCase(Locale.ROOT)));
        r.fn("TRIM", "s STRING", "STRING", "s without leading and trailing spaces.",
                c -> strict(c.ev(0), (String s) -> trim(s, true, true)));
        r.fn("LTRIM", "s STRING", "STRING", "s without leading spaces.",
                c -> strict(c.ev(0), (String s) -> trim(s, true, false)));
        r.fn("RTRIM", "s STRING", "STRING", "s without trailing spaces.",
                c -> strict(c.ev(0), (String s) -> trim(s, false, true)));
        r.fn("LENGTH", "s STRING", "BIGINT", "Number of characters in s.",
                c -> strict(c.ev(0), (String s) -> (long) s.codePointCount(0, s.length())));
        r.alias("CHAR_LENGTH", "LENGTH");
        r.fn("SUBSTRING", "s STRING, start BIGINT[, length BIGINT]", "STRING",
                "Part of s from the 1-based position start (negative counts from the end), length characters long "
                        + "or to the end. Also written SUBSTRING(s FROM start [FOR length]).",
                c -> c.argc() == 2
                        ? strict(c.ev(0), c.ev(1), (String s, Long start) -> substring(s, start, Long.MAX_VALUE))
                        : strict(c.ev(0), c.ev(1), c.ev(2), (String s, Long start, Long len) -> substring(s, start, len)));
        r.alias("SUBSTR", "SUBSTRING");
        r.fn("REPLACE", "s STRING, search STRING, replacement STRING", "STRING",
                "s with every occurrence of search replaced by replacement.",
                c -> strict(c.ev(0), c.ev(1), c.ev(2), (String s, String a, String b) -> a.isEmpty() ? s : s.replace(a, b)));
        r.fn("CONCAT", "s STRING...", "STRING", "All arguments joined; NULL if any of them is NULL.", c -> concat(c.evs()));
        r.fn("CONCAT_WS", "separator STRING, s STRING...", "STRING",
                "The s arguments joined with separator between them, skipping NULLs; NULL if separator is NULL.",
                c -> concatWs(c.evs()));
        r.fn("POSITION", "needle STRING, s STRING", "BIGINT",
                "1-based position of the first needle in s, 0 when absent. Also written POSITION(needle IN s).",
                c -> strict(c.ev(0), c.ev(1), (String needle, String s) -> position(needle, s)));
        r.alias("LOCATE", "POSITION");
        r.fn("STARTS_WITH", "s STRING, prefix STRING", "BOOLEAN", "TRUE when s begins with prefix.",
                c -> strict(c.ev(0), c.ev(1), (String s, String p) -> s.startsWith(p)));
        r.fn("ENDS_WITH", "s STRING, suffix STRING", "BOOLEAN", "TRUE when s ends with suffix.",
                c -> strict(c.ev(0), c.ev(1), (String s, String p) -> s.endsWith(p)));
        r.fn("LPAD", "s STRING, length BIGINT, pad STRING", "STRING",
                "s padded on the left with repeats of pad to length characters, or cut to length; NULL if length < 0.",
                c -> strict(c.ev(0), c.ev(1), c.ev(2), (String s, Long n, String p) -> pad(s, n, p, true)));
        r.fn("RPAD", "s STRING, length BIGINT, pad STRING", "STRING",
                "s padded on the right with repeats of pad to length characters, or cut to length; NULL if length < 0.",
                c -> strict(c.ev(0), c.ev(1), c.ev(2), (String s, Long n, String p) -> pad(s, n, p, false)));
        r.fn("REPEAT", "s STRING, n BIGINT", "STRING", "s repeated n times; '' when n <= 0.",
                c -> strict(c.ev(0), c.ev(1), (String s, Long n) -> repeat(s, n)));
        r.fn("INITCAP", "s STRING", "STRING", "s with the first letter of each word upper case and the rest lower case.",
                c -> strict(c.ev(0), (String s) -> initcap(s)));
        r.fn("REVERSE", "s STRING", "STRING", "s with its characters in reverse order.",
                c -> strict(c.ev(0), (String s) -> new StringBuilder(s).reverse().toString()));
    }

    /** SQL trims spaces only; tabs and newlines stay, as in Flink. */
    static String trim(String s, boolean leading, boolean trailing) {
        int from = 0;
        int to = s.length();
        while (leading && from < to && s.charAt(from) == ' ') from++;
        while (trailing && to > from && s.charAt(to - 1) == ' ') to--;
        return s.substring(from, to);
    }

    /** Flink's rules: start 0 acts as 1, a negative start counts from the end, a negative length gives ''. */
    static String substring(String s, long start, long length) {
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

    private static Ev concat(Ev[] parts) {
        return row -> {
            StringBuilder b = new StringBuilder();
            for (Ev part : parts) {
                Object v = part.eval(row);
                if (v == null) return null;
                b.append((String) v);
            }
            return b.toString();
        };
    }

    private static Ev concatWs(Ev[] parts) {
        return row -> {
            Object sep = parts[0].eval(row);
            if (sep == null) return null;
            StringBuilder b = new StringBuilder();
            boolean first = true;
            for (int i = 1; i < parts.length; i++) {
                Object v = parts[i].eval(row);
                if (v == null) continue;
                if (!first) b.append((String) sep);
                b.append((String) v);
                first = false;
            }
            return b.toString();
        };
    }

    static long position(String needle, String s) {
        int i = s.indexOf(needle);
        return i < 0 ? 0 : s.codePointCount(0, i) + 1;
    }

    private static String pad(String s, long length, String pad, boolean left) {
        if (length < 0) return null;
        checkLength(length, left ? "LPAD" : "RPAD");
        int n = s.codePointCount(0, s.length());
        if (length <= n) return s.substring(0, s.offsetByCodePoints(0, (int) length));
        if (pad.isEmpty()) return s;
        int[] fill = pad.codePoints().toArray();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length - n; i++) b.appendCodePoint(fill[i % fill.length]);
        return left ? b.append(s).toString() : s + b;
    }

    private static String repeat(String s, long n) {
        if (n <= 0 || s.isEmpty()) return "";
        checkLength(n > MAX_LENGTH ? n : n * s.length(), "REPEAT");
        return s.repeat((int) n);
    }

    private static void checkLength(long length, String fn) {
        if (length > MAX_LENGTH) {
            throw new EvaluationException(fn + " would build a string of " + length + " characters; the limit is " + MAX_LENGTH);
        }
    }

    private static String initcap(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean wordStart = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            b.appendCodePoint(wordStart ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
            wordStart = !Character.isLetterOrDigit(cp);
            i += Character.charCount(cp);
        }
        return b.toString();
    }
}
