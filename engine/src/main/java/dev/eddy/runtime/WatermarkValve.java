package dev.eddy.runtime;

/**
 * Flink's StatusWatermarkValve: combines the watermarks of a task's input channels into the
 * task's watermark, the minimum over active, aligned channels, emitted only when it advances.
 * Nothing is emitted until every channel has sent a watermark.
 */
public final class WatermarkValve {
    /** Returned when an input does not move the combined watermark. */
    public static final long NO_CHANGE = Long.MIN_VALUE;

    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] aligned;
    private long lastOutput = Long.MIN_VALUE;

    public WatermarkValve(int channels) {
        watermarks = new long[channels];
        idle = new boolean[channels];
        aligned = new boolean[channels];
        java.util.Arrays.fill(watermarks, Long.MIN_VALUE);
        java.util.Arrays.fill(aligned, true);
    }

    public long lastOutput() { return lastOutput; }

    /** A watermark arrived on a channel; returns the new combined watermark or {@link #NO_CHANGE}. */
    public long inputWatermark(int channel, long watermark) {
        if (idle[channel] || watermark <= watermarks[channel]) return NO_CHANGE;
        watermarks[channel] = watermark;
        if (!aligned[channel] && watermark >= lastOutput) aligned[channel] = true;
        return advanceToMinimum();
    }

    /** A channel went idle: it no longer holds the minimum back. */
    public long markIdle(int channel) {
        if (idle[channel]) return NO_CHANGE;
        idle[channel] = true;
        aligned[channel] = false;
        boolean allIdle = true;
        for (boolean b : idle) allIdle &= b;
        if (allIdle) {
            long max = Long.MIN_VALUE;
            for (long w : watermarks) max = Math.max(max, w);
            if (max > lastOutput) {
                lastOutput = max;
                return max;
            }
            return NO_CHANGE;
        }
        return advanceToMinimum();
    }

    /** A channel is active again; it rejoins the minimum once it has caught up. */
    public void markActive(int channel) {
        if (!idle[channel]) return;
        idle[channel] = false;
        aligned[channel] = watermarks[channel] >= lastOutput;
    }

    public int channels() { return watermarks.length; }

    public long channelWatermark(int channel) { return watermarks[channel]; }

    public boolean isChannelIdle(int channel) { return idle[channel]; }

    public boolean isChannelAligned(int channel) { return aligned[channel]; }

    public boolean isIdle() {
        for (boolean b : idle) if (!b) return false;
        return true;
    }

    private long advanceToMinimum() {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (aligned[i] && !idle[i]) {
                min = Math.min(min, watermarks[i]);
                any = true;
            }
        }
        if (any && min > lastOutput) {
            lastOutput = min;
            return min;
        }
        return NO_CHANGE;
    }
}
