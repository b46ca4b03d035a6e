package dev.eddy.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One listener's buffer of observations. The designer drains it once per frame; the CLI's
 * trace and the tests drain it as they go. Dropped samples are counted so a chart can say
 * "thinned" instead of lying.
 */
public final class Subscription implements AutoCloseable {
    private final ObservationBus bus;
    private final ArrayBlockingQueue<Observation> queue;
    final boolean wantsRecordSamples;
    private final AtomicLong dropped = new AtomicLong();

    Subscription(ObservationBus bus, int capacity, boolean wantsRecordSamples) {
        this.bus = bus;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.wantsRecordSamples = wantsRecordSamples;
    }

    void offer(Observation o) {
        if (!queue.offer(o)) dropped.incrementAndGet();
    }

    /** Everything buffered so far, oldest first. */
    public List<Observation> drain() {
        List<Observation> out = new ArrayList<>(queue.size());
        queue.drainTo(out);
        return out;
    }

    /** Waits up to the timeout for the next observation; null when none came. */
    public Observation poll(long timeout, TimeUnit unit) throws InterruptedException {
        return queue.poll(timeout, unit);
    }

    /** How many observations did not fit in the buffer and were thinned out. */
    public long dropped() { return dropped.get(); }

    @Override
    public void close() { bus.unsubscribe(this); }
}
