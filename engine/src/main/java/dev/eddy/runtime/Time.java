package dev.eddy.runtime;

/** Flink's markers for time: the absent timestamp and the final watermark. */
public final class Time {
    /** StreamRecord#getTimestamp of a record that has no timestamp. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;
    /** Watermark.MAX_WATERMARK: sent at the end of bounded input; fires every event-time timer. */
    public static final long MAX_WATERMARK = Long.MAX_VALUE;

    private Time() {}

    public static Long orNull(long timestamp) { return timestamp == NO_TIMESTAMP ? null : timestamp; }
}
