package dev.eddy.runtime;

import dev.eddy.checkpoint.StateReader;
import dev.eddy.checkpoint.StateWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Event-time and processing-time timers of one keyed operator subtask, as Flink's
 * InternalTimerServiceImpl keeps them: at most one timer per (timestamp, key, namespace),
 * event-time timers fire when a watermark reaches their timestamp, in timestamp order, and a
 * timer registered for a time already passed fires only at the next watermark. Flink leaves the
 * order of equal timestamps to its heap; here it is the order of registration, so runs repeat.
 */
public final class TimerService {
    /** What fires: the operator that owns the timers. */
    public interface Triggerable {
        void onEventTime(InternalTimer timer);

        void onProcessingTime(InternalTimer timer);
    }

    private final Triggerable target;
    private final TaskTimers taskTimers;
    private final TimerQueue eventTimers = new TimerQueue();
    private final TimerQueue processingTimers = new TimerQueue();
    private long currentWatermark = Long.MIN_VALUE;
    private boolean quiesced;
    private long scheduledWakeUp = Long.MAX_VALUE;

    public TimerService(Triggerable target, TaskTimers taskTimers) {
        this.target = target;
        this.taskTimers = taskTimers;
    }

    public long currentWatermark() { return currentWatermark; }

    /** The event-time timers not fired yet, in the order they will fire; for showing, not for changing. */
    public List<InternalTimer> pendingEventTimers() { return eventTimers.all(); }

    /** The processing-time timers not fired yet, in the order they will fire. */
    public List<InternalTimer> pendingProcessingTimers() { return processingTimers.all(); }

    public void registerEventTimeTimer(Object key, Object namespace, long time) {
        if (quiesced) return;
        eventTimers.add(new InternalTimer(time, key, namespace));
    }

    public void deleteEventTimeTimer(Object key, Object namespace, long time) {
        eventTimers.remove(new InternalTimer(time, key, namespace));
    }

    public void registerProcessingTimeTimer(Object key, Object namespace, long time) {
        if (quiesced) return;
        processingTimers.add(new InternalTimer(time, key, namespace));
        // Like InternalTimerServiceImpl: one task-level wake-up for the earliest processing timer.
        if (time < scheduledWakeUp) scheduleWakeUp(time);
    }

    public void deleteProcessingTimeTimer(Object key, Object namespace, long time) {
        processingTimers.remove(new InternalTimer(time, key, namespace));
    }

    /** Fires every event-time timer at or before the watermark, in order, then remembers it. */
    public void advanceWatermark(long watermark) {
        currentWatermark = watermark;
        InternalTimer t;
        while ((t = eventTimers.pollDue(watermark)) != null) target.onEventTime(t);
    }

    /**
     * BATCH mode's end of input (BatchExecutionInternalTimeService): key by key in the given key
     * order, every event-time timer in timestamp order, then every processing-time timer, with the
     * watermark at Long.MAX_VALUE. Timers registered meanwhile are ignored, as Flink's quiesced
     * timer service ignores them.
     */
    public void fireAllByKey(Comparator<Object> keyOrder) {
        currentWatermark = Long.MAX_VALUE;
        TreeMap<Object, List<InternalTimer>> eventByKey = new TreeMap<>(keyOrder);
        TreeMap<Object, List<InternalTimer>> procByKey = new TreeMap<>(keyOrder);
        InternalTimer t;
        while ((t = eventTimers.pollDue(Long.MAX_VALUE)) != null) eventByKey.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t);
        while ((t = processingTimers.pollDue(Long.MAX_VALUE)) != null) procByKey.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t);
        quiesced = true;
        TreeSet<Object> allKeys = new TreeSet<>(keyOrder);
        allKeys.addAll(eventByKey.keySet());
        allKeys.addAll(procByKey.keySet());
        for (Object key : allKeys) {
            for (InternalTimer e : eventByKey.getOrDefault(key, List.of())) target.onEventTime(e);
            for (InternalTimer p : procByKey.getOrDefault(key, List.of())) target.onProcessingTime(p);
        }
    }

    /**
     * Writes the pending timers, each queue in firing order, with the namespace written by the
     * operator that owns it (a window, a string). The current watermark is not written: as in
     * Flink's InternalTimerServiceImpl, a restored service starts at Long.MIN_VALUE.
     */
    public void snapshot(StateWriter out, BiConsumer<StateWriter, Object> namespaceWriter) {
        for (TimerQueue q : new TimerQueue[] {eventTimers, processingTimers}) {
            List<InternalTimer> all = q.all();
            out.writeInt(all.size());
            for (InternalTimer t : all) {
                out.writeLong(t.timestamp()).writeValue(t.key());
                namespaceWriter.accept(out, t.namespace());
            }
        }
    }

    /** Takes the timers back; processing-time ones already due fire at the next chance. */
    public void restore(StateReader in, Function<StateReader, Object> namespaceReader) {
        for (TimerQueue q : new TimerQueue[] {eventTimers, processingTimers}) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                long time = in.readLong();
                Object key = in.readValue();
                q.add(new InternalTimer(time, key, namespaceReader.apply(in)));
            }
        }
        InternalTimer next = processingTimers.peek();
        if (next != null) scheduleWakeUp(next.timestamp());
    }

    private void scheduleWakeUp(long time) {
        scheduledWakeUp = time;
        taskTimers.register(time, now -> onWakeUp(time, now));
    }

    private void onWakeUp(long forTime, long now) {
        // A wake-up superseded by an earlier one has nothing left to do.
        if (forTime != scheduledWakeUp) return;
        scheduledWakeUp = Long.MAX_VALUE;
        InternalTimer t;
        while ((t = processingTimers.pollDue(now)) != null) target.onProcessingTime(t);
        InternalTimer next = processingTimers.peek();
        if (next != null) scheduleWakeUp(next.timestamp());
    }
}
