package dev.eddy.expr;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/** Timestamp text in and out. Everything is UTC and millisecond precision, like Flink's TIMESTAMP_LTZ(3). */
final class Timestamps {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /**
     * Accepts 'yyyy-MM-dd', 'yyyy-MM-dd HH:mm[:ss[.fraction]]', the same with T, and ISO-8601 with
     * Z or an offset. Text without an offset is read as UTC.
     */
    static Instant parse(String text) {
        String s = text.trim();
        if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (s.length() > 10 && s.charAt(10) == ' ') s = s.substring(0, 10) + 'T' + s.substring(11);
        TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(s);
        Instant instant = t.query(TemporalQueries.offset()) != null
                ? Instant.from(t) : LocalDateTime.from(t).toInstant(ZoneOffset.UTC);
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Parses with a user pattern; a pattern without a time of day means midnight. */
    static Instant parse(String text, DateTimeFormatter format) {
        TemporalAccessor t = format.parse(text);
        if (t.isSupported(ChronoField.INSTANT_SECONDS)) return Instant.from(t).truncatedTo(ChronoUnit.MILLIS);
        LocalDate date = t.query(TemporalQueries.localDate());
        if (date == null) throw new DateTimeException("the pattern has no date");
        LocalTime time = t.query(TemporalQueries.localTime());
        return date.atTime(time == null ? LocalTime.MIDNIGHT : time).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** 'yyyy-MM-dd HH:mm:ss', plus '.SSS' only when there are milliseconds. */
    static String format(Instant t) {
        String s = SECONDS.format(t);
        int millis = t.getNano() / 1_000_000;
        return millis == 0 ? s : s + String.format(java.util.Locale.ROOT, ".%03d", millis);
    }
}
