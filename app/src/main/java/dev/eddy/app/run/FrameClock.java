package dev.eddy.app.run;

import java.util.Arrays;

/**
 * How fluid the window stayed while a run was drawn: the time between consecutive frames (what a
 * person feels) and the time the run's own work took in each (draining, views, badges).
 */
public final class FrameClock {
    private long[] intervals = new long[1024];
    private long[] work = new long[1024];
    private int count;
    private long previous;

    void frame(long now, long workNanos) {
        if (previous != 0) {
            if (count == intervals.length && count < 4_000_000) {
                intervals = Arrays.copyOf(intervals, count * 2);
                work = Arrays.copyOf(work, count * 2);
            }
            if (count < intervals.length) {
                intervals[count] = now - previous;
                work[count] = workNanos;
                count++;
            }
        }
        previous = now;
    }

    void clear() {
        count = 0;
        previous = 0;
    }

    public int frames() { return count; }

    /** The q-quantile (0..1) of frame-to-frame time, in milliseconds; 0 before two frames. */
    public double intervalMillis(double q) { return quantile(intervals, q); }

    /** The q-quantile of the run's work per frame, in milliseconds. */
    public double workMillis(double q) { return quantile(work, q); }

    private double quantile(long[] values, double q) {
        if (count == 0) return 0;
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int i = (int) Math.min(count - 1, Math.max(0, Math.ceil(q * count) - 1));
        return sorted[i] / 1e6;
    }
}
