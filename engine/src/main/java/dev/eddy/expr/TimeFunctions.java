package dev.eddy.expr;

import static dev.eddy.expr.Fn.strict;

import dev.eddy.types.DataType.Kind;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.function.Function;

/** Timestamp functions, all in UTC so a pipeline gives the same answer on every machine. */
final class TimeFunctions {
    private TimeFunctions() {}

    static void register(FunctionRegistry.Builder r) {
        r.category("time");
        r.fn("TO_TIMESTAMP", "value BIGINT|STRING[, format STRING]", "TIMESTAMP",
                "Milliseconds since 1970-01-01 UTC, or text like '2024-01-01 12:00:00[.123]' or ISO-8601, "
                        + "or text in the java.time format given, as a TIMESTAMP.", TimeFunctions::toTimestamp);
        r.fn("EPOCH_MILLIS", "ts TIMESTAMP", "BIGINT", "Milliseconds since 1970-01-01 00:00:00 UTC.",
                c -> strict(c.ev(0), (Instant t) -> t.toEpochMilli()));
        r.fn("YEAR", "ts TIMESTAMP", "BIGINT", "Year of ts.", c -> field(c, ChronoField.YEAR));
        r.fn("MONTH", "ts TIMESTAMP", "BIGINT", "Month of ts, 1 to 12.", c -> field(c, ChronoField.MONTH_OF_YEAR));
        r.fn("DAYOFMONTH", "ts TIMESTAMP", "BIGINT", "Day of the month of ts, 1 to 31.", c -> field(c, ChronoField.DAY_OF_MONTH));
        r.fn("DAYOFWEEK", "ts TIMESTAMP", "BIGINT", "Day of the week of ts, 1 (Sunday) to 7 (Saturday) as in SQL.",
                c -> strict(c.ev(0), (Instant t) -> (long) (t.atOffset(ZoneOffset.UTC).getDayOfWeek().getValue() % 7 + 1)));
        r.fn("DAYOFYEAR", "ts TIMESTAMP", "BIGINT", "Day of the year of ts, 1 to 366.", c -> field(c, ChronoField.DAY_OF_YEAR));
        r.fn("HOUR", "ts TIMESTAMP", "BIGINT", "Hour of ts, 0 to 23.", c -> field(c, ChronoField.HOUR_OF_DAY));
        r.fn("MINUTE", "ts TIMESTAMP", "BIGINT", "Minute of ts, 0 to 59.", c -> field(c, ChronoField.MINUTE_OF_HOUR));
        r.fn("SECOND", "ts TIMESTAMP", "BIGINT", "Second of ts, 0 to 59.", c -> field(c, ChronoField.SECOND_OF_MINUTE));
        r.fn("DATE_FORMAT", "ts TIMESTAMP, format STRING", "STRING",
                "ts as text in a java.time pattern such as 'yyyy-MM-dd HH:mm'.", c -> {
                    Function<String, DateTimeFormatter> f = formatter(c, 1);
                    Expr where = c.where();
                    return strict(c.ev(0), c.ev(1), (Instant t, String p) -> format(f.apply(p), t, where));
                });
        r.fn("TIMESTAMP_ADD", "ts TIMESTAMP, millis BIGINT", "TIMESTAMP", "ts moved by millis milliseconds (negative goes back).",
                c -> {
                    Expr where = c.where();
                    return strict(c.ev(0), c.ev(1), (Instant t, Long ms) -> add(t, ms, where));
                });
        r.fn("FLOOR_TO", "ts TIMESTAMP, unit STRING", "TIMESTAMP",
                "ts rounded down to the start of its SECOND, MINUTE, HOUR, DAY, MONTH or YEAR.", c -> {
                    Function<String, ChronoUnit> unit = c.prepared(1, "bad FLOOR_TO unit", TimeFunctions::unit);
                    return strict(c.ev(0), c.ev(1), (Instant t, String u) -> floor(t, unit.apply(u)));
                });
    }

    private static Ev toTimestamp(CallContext c) throws ExpressionError {
        Expr where = c.where();
        boolean millis = c.argType(0).kind() == Kind.BIGINT;
        if (c.argc() == 2) {
            if (millis) throw c.error(1, "TO_TIMESTAMP takes a format only when the value is a STRING");
            Function<String, DateTimeFormatter> f = formatter(c, 1);
            return strict(c.ev(0), c.ev(1), (String s, String p) -> parse(s, where, () -> Timestamps.parse(s, f.apply(p))));
        }
        if (millis) return strict(c.ev(0), (Long ms) -> Instant.ofEpochMilli(ms));
        return strict(c.ev(0), (String s) -> parse(s, where, () -> Timestamps.parse(s)));
    }

    private interface Parse { Instant get(); }

    private static Instant parse(String s, Expr where, Parse p) {
        try {
            return p.get();
        } catch (DateTimeException e) {
            throw new EvaluationException(Exprs.print(where) + ": " + Values.quote(s) + " is not a timestamp in the expected form");
        }
    }

    private static Function<String, DateTimeFormatter> formatter(CallContext c, int arg) throws ExpressionError {
        return c.prepared(arg, "bad date-time pattern", p -> DateTimeFormatter.ofPattern(p, Locale.ROOT).withZone(ZoneOffset.UTC));
    }

    private static Ev field(CallContext c, ChronoField f) {
        return strict(c.ev(0), (Instant t) -> t.atOffset(ZoneOffset.UTC).getLong(f));
    }

    private static String format(DateTimeFormatter f, Instant t, Expr where) {
        try {
            return f.format(t);
        } catch (DateTimeException e) {
            throw new EvaluationException(Exprs.print(where) + ": " + e.getMessage());
        }
    }

    private static Instant add(Instant t, long millis, Expr where) {
        try {
            return t.plusMillis(millis);
        } catch (DateTimeException | ArithmeticException e) {
            throw new EvaluationException(Exprs.print(where) + ": the result is out of the timestamp range");
        }
    }

    static ChronoUnit unit(String name) {
        switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "SECOND": return ChronoUnit.SECONDS;
            case "MINUTE": return ChronoUnit.MINUTES;
            case "HOUR": return ChronoUnit.HOURS;
            case "DAY": return ChronoUnit.DAYS;
            case "MONTH": return ChronoUnit.MONTHS;
            case "YEAR": return ChronoUnit.YEARS;
            default: throw new IllegalArgumentException("use SECOND, MINUTE, HOUR, DAY, MONTH or YEAR");
        }
    }

    static Instant floor(Instant t, ChronoUnit unit) {
        if (unit == ChronoUnit.MONTHS || unit == ChronoUnit.YEARS) {
            var day = t.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
            var first = unit == ChronoUnit.MONTHS ? day.with(TemporalAdjusters.firstDayOfMonth()) : day.with(TemporalAdjusters.firstDayOfYear());
            return first.toInstant();
        }
        return t.truncatedTo(unit);
    }
}
