package dev.eddy.operators.time;

import java.util.Locale;

/**
 * The watermark generators of Flink's WatermarkStrategy, by the names a pipeline file uses.
 * Periodic ones emit on the auto-watermark interval; punctuated ones right after a record.
 */
public enum WatermarkStrategy {
    /** forBoundedOutOfOrderness(d): watermark = max timestamp - d - 1, periodically. */
    BOUNDED_OUT_OF_ORDERNESS,
    /** forMonotonousTimestamps(): bounded out-of-orderness with d = 0. */
    MONOTONOUS,
    /** A watermark at a record's timestamp right after each record for which a condition holds. */
    PUNCTUATED,
    /** Timestamps from the processing-time clock, never going back (IngestionTimeAssigner), monotonous watermarks. */
    INGESTION_TIME,
    /** noWatermarks(): timestamps only; event time moves only at the end of input. */
    NONE;

    public static WatermarkStrategy parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    public boolean isPeriodic() {
        return this == BOUNDED_OUT_OF_ORDERNESS || this == MONOTONOUS || this == INGESTION_TIME;
    }
}
