package dev.eddy.observe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans observations out to subscribers without ever blocking the engine: each subscriber has
 * a bounded buffer, and what does not fit is dropped and counted. With no subscriber a publish
 * is a single volatile read, so an unobserved run pays nothing.
 */
public final class ObservationBus {
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean active;
    private volatile boolean samplesWanted;

    public Subscription subscribe(int capacity, boolean wantsRecordSamples) {
        Subscription s = new Subscription(this, capacity, wantsRecordSamples);
        subscribers.add(s);
        active = true;
        samplesWanted |= wantsRecordSamples;
        return s;
    }

    void unsubscribe(Subscription s) {
        subscribers.remove(s);
        active = !subscribers.isEmpty();
        samplesWanted = subscribers.stream().anyMatch(x -> x.wantsRecordSamples);
    }

    public boolean isActive() { return active; }

    /** Whether anyone wants per-record samples; the engine skips building them otherwise. */
    public boolean wantsRecordSamples() { return samplesWanted; }

    public void publish(Observation o) {
        if (!active) return;
        boolean sample = Subscription.isSample(o);
        for (Subscription s : subscribers) {
            if (sample && !s.wantsRecordSamples) continue;
            s.offer(o);
        }
    }
}
