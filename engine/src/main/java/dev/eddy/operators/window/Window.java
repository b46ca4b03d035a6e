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
         * Flink's TimeWindow hash: the splitmix64 finalizer over start + end. Its bits are mixed (the
         * record's own hash put a key's aligned windows into a few buckets), and it must be Flink's
         * exactly: the session windows merged at once sit in a HashSet, and the first of them in
         * its iteration order keeps the state, which decides FIRST and LAST of merged sessions.
         */
        @Override
        public int hashCode() {
            long h = start + end;
            h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
            h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
            return (int) (h ^ (h >>> 31));
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
