package dev.eddy.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

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
    public void fireAllByKey(java.util.Comparator<Object> keyOrder) {
        currentWatermark = Long.MAX_VALUE;
        java.util.TreeMap<Object, java.util.List<InternalTimer>> eventByKey = new java.util.TreeMap<>(keyOrder);
        java.util.TreeMap<Object, java.util.List<InternalTimer>> procByKey = new java.util.TreeMap<>(keyOrder);
        InternalTimer t;
        while ((t = eventTimers.pollDue(Long.MAX_VALUE)) != null) eventByKey.computeIfAbsent(t.key(), k -> new java.util.ArrayList<>()).add(t);
        while ((t = processingTimers.pollDue(Long.MAX_VALUE)) != null) procByKey.computeIfAbsent(t.key(), k -> new java.util.ArrayList<>()).add(t);
        quiesced = true;
        java.util.TreeSet<Object> allKeys = new java.util.TreeSet<>(keyOrder);
        allKeys.addAll(eventByKey.keySet());
        allKeys.addAll(procByKey.keySet());
        for (Object key : allKeys) {
            for (InternalTimer e : eventByKey.getOrDefault(key, java.util.List.of())) target.onEventTime(e);
            for (InternalTimer p : procByKey.getOrDefault(key, java.util.List.of())) target.onProcessingTime(p);
        }
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

    public int eventTimerCount() { return eventTimers.size(); }

    /** Timers in (timestamp, registration) order, unique per (timestamp, key, namespace). */
    private static final class TimerQueue {
        private final TreeMap<Long, Map<InternalTimer, Long>> byTime = new TreeMap<>();
        private final Map<InternalTimer, Long> seqOf = new HashMap<>();
        private long seq;

        void add(InternalTimer t) {
            if (seqOf.containsKey(t)) return;
            long s = seq++;
            seqOf.put(t, s);
            byTime.computeIfAbsent(t.timestamp(), k -> new java.util.LinkedHashMap<>()).put(t, s);
        }

        void remove(InternalTimer t) {
            if (seqOf.remove(t) == null) return;
            Map<InternalTimer, Long> m = byTime.get(t.timestamp());
            m.remove(t);
            if (m.isEmpty()) byTime.remove(t.timestamp());
        }

        InternalTimer peek() {
            Map.Entry<Long, Map<InternalTimer, Long>> e = byTime.firstEntry();
            return e == null ? null : e.getValue().keySet().iterator().next();
        }

        InternalTimer pollDue(long time) {
            InternalTimer t = peek();
            if (t == null || t.timestamp() > time) return null;
            remove(t);
            return t;
        }

        int size() { return seqOf.size(); }
    }
}
