package dev.eddy.operators.window;

import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.operators.Aggregates;
import dev.eddy.operators.RecordOperator;
import dev.eddy.runtime.InternalTimer;
import dev.eddy.runtime.JobFailedException;
import dev.eddy.runtime.KeySelector;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.SerializedKeyOrder;
import dev.eddy.runtime.Time;
import dev.eddy.runtime.TimerService;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flink's WindowOperator and EvictingWindowOperator in one: assigns each record to windows per
 * key, keeps their contents (folded, or whole when an evictor or a full-window function needs
 * the elements), asks the trigger what to do on each element and timer, emits results stamped
 * with the window's max timestamp, cleans windows up at end + allowed lateness, and sends records
 * that are late for every window to the "late" port. The pseudo-code of FLINK-SEMANTICS.md §5
 * is followed step by step.
 */
public final class WindowOperator extends RecordOperator implements TimerService.Triggerable {
    public static final String LATE_PORT = "late";
    /** The one key of a non-keyed window (windowAll), like Flink's NullByteKeySelector. */
    public static final Object NON_KEYED = Byte.valueOf((byte) 0);

    private final WindowAssigner assigner;
    private final Trigger trigger;
    private final Evictor evictor;
    private final long allowedLateness;
    private final WindowFunction function;
    private final Aggregates incremental;
    private final KeySelector keySelector;
    private final boolean batch;
    private final Map<Object, KeyState> keys = new HashMap<>();
    private final Ctx ctx = new Ctx();
    private TimerService timers;
    private ObservationBus bus;

    /** Per key: contents by state window, trigger state by actual window, and the session set. */
    private static final class KeyState {
        // Most keys have one or two windows open at a time: start small.
        final Map<Window, Object> contents = new HashMap<>(4);
        final Map<Window, Map<String, Object>> triggerState = new HashMap<>(4);
        MergingWindowSet merging;
    }

    public WindowOperator(Schema input, KeySelector keySelector, WindowAssigner assigner, Trigger trigger, Evictor evictor,
                          long allowedLateness, WindowFunction function, Aggregates incremental, boolean batch) {
        super(input);
        this.keySelector = keySelector;
        this.assigner = assigner;
        this.trigger = trigger;
        this.evictor = evictor;
        this.allowedLateness = allowedLateness;
        this.function = function;
        this.incremental = evictor == null && function.incremental() ? incremental : null;
        this.batch = batch;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        super.open(context, output);
        timers = context.createTimerService(this);
        bus = context.environment().observations();
    }

    private KeyState state(Object key) { return keys.computeIfAbsent(key, k -> new KeyState()); }

    @Override
    protected void process(Row row, long timestamp) {
        Object key = keySelector == null ? NON_KEYED : keySelector.getKey(row);
        List<Window> windows = assigner.assign(row, timestamp, context.currentProcessingTime());
        KeyState ks = state(key);
        boolean skipped = true;
        for (Window window : windows) {
            Window actual;
            Window stateWindow;
            if (assigner.isMerging()) {
                if (ks.merging == null) ks.merging = new MergingWindowSet();
                actual = ks.merging.addWindow((Window.TimeWindow) window, (result, merged, stateResult, mergedState) ->
                        merge(key, ks, result, merged, stateResult, mergedState));
                if (isWindowLate(actual)) {
                    ks.merging.retireWindow((Window.TimeWindow) actual);
                    continue;
                }
                stateWindow = ks.merging.stateWindow(actual);
            } else {
                actual = window;
                if (isWindowLate(actual)) continue;
                stateWindow = actual;
            }
            skipped = false;
            boolean created = add(ks, stateWindow, row, timestamp);
            if (bus.wantsRecordSamples()) {
                bus.publish(new Observation.WindowElementAdded(now(), context.nodeId(), context.subtaskIndex(), shownKey(key),
                        actual.start(), actual.end(), row, timestamp, created));
            }
            TriggerResult r = trigger.onElement(row, timestamp, actual, ctx.at(key, actual));
            if (r.isFire()) emit(key, ks, actual, stateWindow, Cause.ELEMENT, 0);
            if (r.isPurge()) purge(key, ks, actual, stateWindow);
            registerCleanupTimer(key, actual);
        }
        if (skipped && isElementLate(timestamp)) late(key, row, timestamp, windows);
        dropIfEmpty(key, ks);
    }

    /** Adds to the contents; true when this made the window's contents exist. */
    private boolean add(KeyState ks, Window stateWindow, Row row, long timestamp) {
        Object c = ks.contents.get(stateWindow);
        boolean created = c == null;
        if (incremental != null) {
            ks.contents.put(stateWindow, incremental.add(created ? incremental.create() : (Aggregates.Acc) c, row));
        } else {
            @SuppressWarnings("unchecked")
            List<TimestampedRow> list = created ? new ArrayList<>() : (List<TimestampedRow>) c;
            list.add(new TimestampedRow(row, timestamp));
            ks.contents.put(stateWindow, list);
        }
        return created;
    }

    /** The merge callback of processElement: checks, trigger merge, clean the merged windows, merge contents. */
    private void merge(Object key, KeyState ks, Window.TimeWindow result, Collection<Window.TimeWindow> merged,
                       Window.TimeWindow stateResult, Collection<Window.TimeWindow> mergedState) {
        if (assigner.isEventTime() && result.maxTimestamp() + allowedLateness <= timers.currentWatermark()) {
            throw new JobFailedException(context.nodeId(), "window \"" + context.nodeId() + "\": the end timestamp of an"
                    + " event-time window cannot become earlier than the current watermark by merging (watermark "
                    + timers.currentWatermark() + ", window " + result + ")");
        }
        if (!assigner.isEventTime() && result.maxTimestamp() <= context.currentProcessingTime()) {
            throw new JobFailedException(context.nodeId(), "window \"" + context.nodeId() + "\": the end timestamp of a"
                    + " processing-time window cannot become earlier than the current processing time by merging");
        }
        trigger.onMerge(result, ctx.merging(key, result, merged));
        for (Window.TimeWindow m : merged) {
            trigger.clear(m, ctx.at(key, m));
            deleteCleanupTimer(key, m);
        }
        for (Window.TimeWindow s : mergedState) {
            Object from = ks.contents.remove(s);
            if (from == null) continue;
            Object into = ks.contents.get(stateResult);
            ks.contents.put(stateResult, into == null ? from : combine(into, from));
        }
        if (bus.isActive()) {
            bus.publish(new Observation.WindowsMerged(now(), context.nodeId(), context.subtaskIndex(), shownKey(key),
                    result.start(), result.end(), merged.size() + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private Object combine(Object into, Object from) {
        if (incremental != null) return incremental.merge((Aggregates.Acc) into, (Aggregates.Acc) from);
        ((List<TimestampedRow>) into).addAll((List<TimestampedRow>) from);
        return into;
    }

    @Override
    public void processWatermark(long watermark) {
        if (batch && watermark == Time.MAX_WATERMARK) {
            timers.fireAllByKey(SerializedKeyOrder.INSTANCE);
        } else {
            timers.advanceWatermark(watermark);
        }
        output.emitWatermark(watermark);
    }

    @Override
    public void onEventTime(InternalTimer timer) { onTimer(timer, true); }

    @Override
    public void onProcessingTime(InternalTimer timer) { onTimer(timer, false); }

    /** WindowOperator#onEventTime / #onProcessingTime. */
    private void onTimer(InternalTimer timer, boolean eventTime) {
        Object key = timer.key();
        Window window = (Window) timer.namespace();
        KeyState ks = keys.get(key);
        if (ks == null) return;
        Window stateWindow = window;
        if (assigner.isMerging()) {
            stateWindow = ks.merging == null ? null : ks.merging.stateWindow(window);
            // A timer of a window that no longer exists (merged away): nothing to do.
            if (stateWindow == null) return;
        }
        TriggerResult r = eventTime ? trigger.onEventTime(timer.timestamp(), window, ctx.at(key, window))
                : trigger.onProcessingTime(timer.timestamp(), window, ctx.at(key, window));
        if (r.isFire()) emit(key, ks, window, stateWindow, eventTime ? Cause.WATERMARK : Cause.PROCESSING_TIME, timer.timestamp());
        if (r.isPurge()) purge(key, ks, window, stateWindow);
        if (assigner.isEventTime() == eventTime && timer.timestamp() == cleanupTime(window)) {
            clearAllState(key, ks, window, stateWindow);
        }
        dropIfEmpty(key, ks);
    }

    /** What made a window fire; put into words only when someone listens. */
    private enum Cause { ELEMENT, WATERMARK, PROCESSING_TIME }

    private String describe(Cause cause, long timerTime) {
        switch (cause) {
            case ELEMENT: return trigger.describe() + " on an element";
            case WATERMARK: return trigger.describe() + " on watermark " + timers.currentWatermark();
            default: return trigger.describe() + " at processing time " + timerTime;
        }
    }

    @SuppressWarnings("unchecked")
    private void emit(Object key, KeyState ks, Window window, Window stateWindow, Cause cause, long timerTime) {
        Object contents = ks.contents.get(stateWindow);
        if (contents == null) return;
        List<Row> results;
        if (evictor != null) {
            List<TimestampedRow> elements = (List<TimestampedRow>) contents;
            evictor.evictBefore(elements, window);
            results = function.fromElements(shownKey(key), window, elements);
            evictor.evictAfter(elements, window);
            // FLINK-4369: evictions are permanent; no elements left means no state.
            if (elements.isEmpty()) ks.contents.remove(stateWindow);
        } else if (incremental != null) {
            results = function.fromAccumulator(shownKey(key), window, contents);
        } else {
            results = function.fromElements(shownKey(key), window, (List<TimestampedRow>) contents);
        }
        for (Row r : results) output.collect(r, window.maxTimestamp());
        if (bus.isActive()) {
            bus.publish(new Observation.WindowFired(now(), context.nodeId(), context.subtaskIndex(), shownKey(key), window.start(),
                    window.end(), describe(cause, timerTime), results.size(), timers.currentWatermark()));
        }
    }

    private void purge(Object key, KeyState ks, Window window, Window stateWindow) {
        if (ks.contents.remove(stateWindow) != null && bus.isActive()) {
            bus.publish(new Observation.WindowCleared(now(), context.nodeId(), context.subtaskIndex(), shownKey(key),
                    window.start(), window.end(), "purged by the " + trigger.describe()));
        }
    }

    /** WindowOperator#clearAllState: contents, trigger state, and the window's place in the session set. */
    private void clearAllState(Object key, KeyState ks, Window window, Window stateWindow) {
        boolean had = ks.contents.remove(stateWindow) != null;
        trigger.clear(window, ctx.at(key, window));
        if (ks.merging != null) ks.merging.retireWindow((Window.TimeWindow) window);
        if (bus.isActive()) {
            bus.publish(new Observation.WindowCleared(now(), context.nodeId(), context.subtaskIndex(), shownKey(key),
                    window.start(), window.end(), had ? "cleaned up at window end + allowed lateness" : "cleaned up (already empty)"));
        }
    }

    private void late(Object key, Row row, long timestamp, List<Window> windows) {
        long wm = timers.currentWatermark();
        if (bus.isActive()) {
            String why = "its timestamp " + timestamp + (allowedLateness > 0 ? " + allowed lateness " + allowedLateness : "")
                    + " is at or below the watermark " + wm + (windows.isEmpty() ? "" : ", so every window it belongs to"
                    + " (the last ending at " + windows.get(0).end() + ") has already been cleaned up");
            bus.publish(new Observation.LateRecord(now(), context.nodeId(), context.subtaskIndex(), shownKey(key), row, timestamp,
                    wm, allowedLateness, why));
        }
        output.collect(LATE_PORT, row, timestamp);
    }

    /** cleanupTime: event time waits for the allowed lateness (never past Long.MAX_VALUE); processing time does not. */
    private long cleanupTime(Window w) {
        if (!assigner.isEventTime()) return w.maxTimestamp();
        long t = w.maxTimestamp() + allowedLateness;
        return t >= w.maxTimestamp() ? t : Long.MAX_VALUE;
    }

    private boolean isWindowLate(Window w) {
        return assigner.isEventTime() && cleanupTime(w) <= timers.currentWatermark();
    }

    private boolean isElementLate(long timestamp) {
        return assigner.isEventTime() && timestamp + allowedLateness <= timers.currentWatermark();
    }

    private void registerCleanupTimer(Object key, Window w) {
        long t = cleanupTime(w);
        if (t == Long.MAX_VALUE) return;
        if (assigner.isEventTime()) timers.registerEventTimeTimer(key, w, t);
        else timers.registerProcessingTimeTimer(key, w, t);
    }

    private void deleteCleanupTimer(Object key, Window w) {
        long t = cleanupTime(w);
        if (t == Long.MAX_VALUE) return;
        if (assigner.isEventTime()) timers.deleteEventTimeTimer(key, w, t);
        else timers.deleteProcessingTimeTimer(key, w, t);
    }

    private void dropIfEmpty(Object key, KeyState ks) {
        if (ks.contents.isEmpty() && ks.triggerState.isEmpty() && (ks.merging == null || ks.merging.isEmpty())) keys.remove(key);
    }

    private Object shownKey(Object key) { return key == NON_KEYED ? null : key; }

    private long now() { return context.currentProcessingTime(); }

    /** The trigger's view of one (key, window); reused, never kept by a trigger. */
    private final class Ctx implements Trigger.MergeContext {
        private Object key;
        private Window window;
        private Collection<? extends Window> mergedWindows = List.of();

        Ctx at(Object k, Window w) {
            key = k;
            window = w;
            mergedWindows = List.of();
            return this;
        }

        Ctx merging(Object k, Window w, Collection<? extends Window> merged) {
            at(k, w);
            mergedWindows = merged;
            return this;
        }

        @Override
        public long currentWatermark() { return timers.currentWatermark(); }

        @Override
        public long currentProcessingTime() { return context.currentProcessingTime(); }

        @Override
        public void registerEventTimeTimer(long time) { timers.registerEventTimeTimer(key, window, time); }

        @Override
        public void deleteEventTimeTimer(long time) { timers.deleteEventTimeTimer(key, window, time); }

        @Override
        public void registerProcessingTimeTimer(long time) { timers.registerProcessingTimeTimer(key, window, time); }

        @Override
        public void deleteProcessingTimeTimer(long time) { timers.deleteProcessingTimeTimer(key, window, time); }

        @Override
        public Object state(String name) {
            Map<String, Object> m = state(key).triggerState.get(window);
            return m == null ? null : m.get(name);
        }

        @Override
        public void setState(String name, Object value) {
            state(key).triggerState.computeIfAbsent(window, w -> new HashMap<>()).put(name, value);
        }

        @Override
        public void clearState(String name) {
            Map<Window, Map<String, Object>> all = state(key).triggerState;
            Map<String, Object> m = all.get(window);
            if (m == null) return;
            m.remove(name);
            if (m.isEmpty()) all.remove(window);
        }

        @Override
        public void mergeState(String name, java.util.function.BinaryOperator<Object> combine) {
            Object acc = state(name);
            Map<Window, Map<String, Object>> all = state(key).triggerState;
            for (Window m : mergedWindows) {
                if (m.equals(window)) continue;
                Map<String, Object> s = all.get(m);
                Object v = s == null ? null : s.get(name);
                if (v != null) acc = acc == null ? v : combine.apply(acc, v);
            }
            if (acc != null) setState(name, acc);
        }

        private KeyState state(Object k) { return WindowOperator.this.state(k); }
    }
}
