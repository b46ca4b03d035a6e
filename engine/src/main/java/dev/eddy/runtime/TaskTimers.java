package dev.eddy.runtime;

import java.util.PriorityQueue;
import java.util.function.LongConsumer;

/**
 * The processing-time timers of one task (Flink's per-task ProcessingTimeService): callbacks
 * that run on the task's own thread once processing time reaches them, in time order and, for
 * equal times, in the order they were registered. The driver asks for the next due time and
 * fires what is due; operators never see threads or wall clocks.
 */
public final class TaskTimers {
    /** Returned by {@link #nextTime()} when no timer is pending. */
    public static final long NONE = Long.MAX_VALUE;

    private record Timer(long time, long seq, LongConsumer callback) {}

    private final PriorityQueue<Timer> queue = new PriorityQueue<>((a, b) ->
            a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private long seq;
    private boolean quiesced;

    /** The callback gets the processing time at which it fires (at or after its time). */
    public void register(long time, LongConsumer callback) {
        if (!quiesced) queue.add(new Timer(time, seq++, callback));
    }

    public long nextTime() {
        Timer t = queue.peek();
        return t == null ? NONE : t.time;
    }

    /** Runs every callback due at or before now, including ones they register that are due too. */
    public void fireDue(long now) {
        while (!quiesced) {
            Timer t = queue.peek();
            if (t == null || t.time > now) return;
            queue.poll();
            t.callback.accept(now);
        }
    }

    /**
     * At the end of input pending processing-time timers never fire (StreamOperatorWrapper#finish
     * quiesces the processing time service): drop them and refuse new ones.
     */
    public void quiesce() {
        quiesced = true;
        queue.clear();
    }
}
