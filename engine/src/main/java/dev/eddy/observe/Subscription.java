package dev.eddy.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One listener's buffer of observations. The designer drains it once per frame; the CLI's
 * trace and the tests drain it as they go. Only samples (records leaving nodes, elements entering
 * windows) may be thinned when more than the capacity of them wait; they are counted so a chart
 * can say "thinned" instead of lying. Everything else (watermarks, firings, late records, state
 * changes, totals) is always kept, in order.
 */
public final class Subscription implements AutoCloseable {
    private final ObservationBus bus;
    private final LinkedBlockingQueue<Observation> queue = new LinkedBlockingQueue<>();
    private final int capacity;
    private final AtomicInteger samplesQueued = new AtomicInteger();
    final boolean wantsRecordSamples;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    /** Keep one sample in this many; 1 while the reader keeps up. Publishers update it without a lock: near enough is enough. */
    private volatile int stride = 1;

    Subscription(ObservationBus bus, int capacity, boolean wantsRecordSamples) {
        this.bus = bus;
        this.capacity = capacity;
        this.wantsRecordSamples = wantsRecordSamples;
    }

    /** Whether an observation is a sample (a record leaving a node, an element entering a window), which may be thinned. */
    public static boolean isSample(Observation o) {
        return o instanceof Observation.RecordSampled || o instanceof Observation.WindowElementAdded;
    }

    void offer(Observation o) {
        if (isSample(o)) {
            // Thinned evenly, not cut off: while the reader lags, only every stride-th sample is kept,
            // the stride doubling while the buffer is over half full and halving while it is nearly
            // empty (looked at every 1,024 samples), so a chart of a run flat out has dots all along it
            // rather than in bursts.
            long n = offered.incrementAndGet();
            int queued = samplesQueued.get();
            int s = stride;
            if ((n & 1023) == 0) {
                if (queued > capacity / 2) stride = s = Math.min(s * 2, 1 << 20);
                else if (s > 1 && queued < capacity / 8) stride = s = s / 2;
            }
            boolean kept = n % s == 0;
            // A place is reserved before the check, so concurrent publishers never overfill the buffer.
            if (kept && samplesQueued.incrementAndGet() > capacity) {
                samplesQueued.decrementAndGet();
                kept = false;
            }
            if (!kept) {
                dropped.incrementAndGet();
                return;
            }
        }
        queue.add(o);
    }

    private void taken(Observation o) {
        if (o != null && isSample(o)) samplesQueued.decrementAndGet();
    }

    /** Everything buffered so far, oldest first. */
    public List<Observation> drain() { return drain(Integer.MAX_VALUE); }

    /** At most {@code max} of what is buffered, oldest first: a frame's worth, so no frame takes all of a burst. */
    public List<Observation> drain(int max) {
        List<Observation> out = new ArrayList<>(Math.min(max, queue.size()));
        queue.drainTo(out, max);
        for (Observation o : out) taken(o);
        return out;
    }

    /** Waits up to the timeout for the next observation; null when none came. */
    public Observation poll(long timeout, TimeUnit unit) throws InterruptedException {
        Observation o = queue.poll(timeout, unit);
        taken(o);
        return o;
    }

    /** How many samples did not fit in the buffer and were thinned out. */
    public long dropped() { return dropped.get(); }

    @Override
    public void close() { bus.unsubscribe(this); }
}
