package dev.eddy.operators.window;

/** A window: a time interval [start, end), or the one global window. */
public sealed interface Window permits Window.TimeWindow, Window.GlobalWindow {
    /** The largest timestamp that still belongs to the window; results carry it as their timestamp. */
    long maxTimestamp();

    long start();

    long end();

    /** Flink's TimeWindow: [start, end), maxTimestamp = end - 1, equal by (start, end). */
    record TimeWindow(long start, long end) implements Window {
        @Override
        public long maxTimestamp() { return end - 1; }

        /**
         * Mixed bits, as Flink's TimeWindow hashes: the record's own hash of (start, end) sends the
         * aligned windows of one key to a handful of buckets, and lookups walk long chains.
         */
        @Override
        public int hashCode() {
            long h = start * 0x9E3779B97F4A7C15L + end;
            h = (h ^ (h >>> 32)) * 0xD6E8FEB86659FD93L;
            return (int) (h ^ (h >>> 32));
        }

        // Written out: the record's generated equals goes through method handles, which showed as a fifth of a sliding window's time.
        @Override
        public boolean equals(Object o) { return o instanceof TimeWindow w && w.start == start && w.end == end; }

        /** TimeWindow#intersects: windows that merely touch intersect too. */
        public boolean intersects(TimeWindow other) { return start <= other.end && end >= other.start; }

        public TimeWindow cover(TimeWindow other) {
            return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
        }

        /**
         * TimeWindow#getWindowStartWithOffset: the start of the window of the given size and offset
         * that contains the timestamp, with Java's remainder (negative timestamps round down).
         */
        public static long startWithOffset(long timestamp, long offset, long size) {
            long remainder = (timestamp - offset) % size;
            return remainder < 0 ? timestamp - (remainder + size) : timestamp - remainder;
        }
    }

    /** The single window of GlobalWindows; it never ends. */
    enum GlobalWindow implements Window {
        INSTANCE;

        @Override
        public long maxTimestamp() { return Long.MAX_VALUE; }

        @Override
        public long start() { return Long.MIN_VALUE; }

        @Override
        public long end() { return Long.MAX_VALUE; }
    }
}
