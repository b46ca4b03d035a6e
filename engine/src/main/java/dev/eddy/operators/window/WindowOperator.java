package dev.eddy.operators.window;

import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.operators.RecordOperator;
import dev.eddy.observe.WindowQuery;
import dev.eddy.observe.WindowSnapshot;
import dev.eddy.runtime.InspectableWindows;
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
public final class WindowOperator extends RecordOperator implements TimerService.Triggerable, InspectableWindows {
    public static final String LATE_PORT = "late";
    /** The one key of a non-keyed window (windowAll), like Flink's NullByteKeySelector. */
    public static final Object NON_KEYED = Byte.valueOf((byte) 0);

    private final WindowAssigner assigner;
    private final Trigger trigger;
    private final Evictor evictor;
    private final long allowedLateness;
    private final WindowFunction function;
    /** Whether contents are folded as records arrive: an incremental function and no evictor. */
    private final boolean incremental;
    private final KeySelector keySelector;
    private final boolean batch;
    private final Map<Object, KeyWindows> keys = new HashMap<>();
    private final Ctx ctx = new Ctx();
    private TimerService timers;
    private ObservationBus bus;

    public WindowOperator(Schema input, KeySelector keySelector, WindowAssigner assigner, Trigger trigger, Evictor evictor,
                          long allowedLateness, WindowFunction function, boolean batch) {
        super(input);
        this.keySelector = keySelector;
        this.assigner = assigner;
        this.trigger = trigger;
        this.evictor = evictor;
        this.allowedLateness = allowedLateness;
        this.function = function;
        this.incremental = evictor == null && function.incremental();
        this.batch = batch;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        super.open(context, output);
        timers = context.createTimerService(this);
        bus = context.environment().observations();
    }

    @Override
    public void snapshotState(dev.eddy.checkpoint.StateWriter out) {
        if (batch) throw new IllegalStateException("a BATCH run has no checkpoints");
        out.writeInt(keys.size());
        keys.forEach((key, ks) -> {
            out.writeValue(key);
            ks.write(out);
        });
        timers.snapshot(out, KeyWindows::writeWindow);
    }

    @Override
    public void restoreState(dev.eddy.checkpoint.StateReader in) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            Object key = in.readValue();
            keys.put(key, KeyWindows.read(in));
        }
        timers.restore(in, KeyWindows::readWindow);
    }

    private KeyWindows state(Object key) {
        KeyWindows ks = keys.get(key);
        if (ks == null) {
            ks = new KeyWindows();
            keys.put(key, ks);
        }
        return ks;
    }

    @Override
    protected void process(Row row, long timestamp) {
        Object key = keySelector == null ? NON_KEYED : keySelector.getKey(row);
        List<Window> windows = assigner.assign(row, timestamp, context.currentProcessingTime());
        KeyWindows ks = state(key);
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
            KeyWindows.Slot slot = ks.slotOrNew(stateWindow);
            boolean created = add(slot, row, timestamp);
            if (bus.wantsRecordSamples()) {
                bus.publish(new Observation.WindowElementAdded(now(), context.nodeId(), context.subtaskIndex(), shownKey(key),
                        actual.start(), actual.end(), row, timestamp, created, incremental));
            }
            TriggerResult r = trigger.onElement(row, timestamp, actual, ctx.at(key, actual, actual == stateWindow ? slot : null));
            if (r.isFire()) emit(key, ks, actual, stateWindow, Cause.ELEMENT, 0);
            if (r.isPurge()) purge(key, ks, actual, stateWindow);
            registerCleanupTimer(key, ks, actual);
        }
        if (skipped && isElementLate(timestamp)) late(key, row, timestamp, windows);
        dropIfEmpty(key, ks);
    }

    /** Adds to the contents; true when this made the window's contents exist. */
    private boolean add(KeyWindows.Slot slot, Row row, long timestamp) {
        Object c = slot.contents;
        boolean created = c == null;
        if (incremental) {
            slot.contents = function.add(c, row);
        } else {
            @SuppressWarnings("unchecked")
            List<TimestampedRow> list = created ? new ArrayList<>() : (List<TimestampedRow>) c;
            list.add(new TimestampedRow(row, timestamp));
            slot.contents = list;
        }
        return created;
    }

    /** The merge callback of processElement: checks, trigger merge, clean the merged windows, merge contents. */
    private void merge(Object key, KeyWindows ks, Window.TimeWindow result, Collection<Window.TimeWindow> merged,
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
            deleteCleanupTimer(key, ks, m);
        }
        for (Window.TimeWindow s : mergedState) {
            Object from = ks.removeContents(s);
            if (from == null) continue;
            Object into = ks.contents(stateResult);
            ks.putContents(stateResult, into == null ? from : combine(into, from));
        }
        if (bus.isActive()) {
            bus.publish(new Observation.WindowsMerged(now(), context.nodeId(), context.subtaskIndex(), shownKey(key),
                    result.start(), result.end(), merged.size() + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private Object combine(Object into, Object from) {
        if (incremental) return function.merge(into, from);
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
        KeyWindows ks = keys.get(key);
        if (ks == null) return;
        KeyWindows.Slot slot = ks.slot(window);
        if (slot != null) {
            if (eventTime) slot.forgetEventTimer(timer.timestamp());
            else slot.forgetProcessingTimer(timer.timestamp());
        }
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
    private void emit(Object key, KeyWindows ks, Window window, Window stateWindow, Cause cause, long timerTime) {
        Object contents = ks.contents(stateWindow);
        if (contents == null) return;
        List<Row> results;
        if (evictor != null) {
            List<TimestampedRow> elements = (List<TimestampedRow>) contents;
            evictor.evictBefore(elements, window);
            results = function.fromElements(shownKey(key), window, elements);
            evictor.evictAfter(elements, window);
            // FLINK-4369: evictions are permanent; no elements left means no state.
            if (elements.isEmpty()) ks.removeContents(stateWindow);
        } else if (incremental) {
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

    private void purge(Object key, KeyWindows ks, Window window, Window stateWindow) {
        if (ks.removeContents(stateWindow) != null && bus.isActive()) {
            bus.publish(new Observation.WindowCleared(now(), context.nodeId(), context.subtaskIndex(), shownKey(key),
                    window.start(), window.end(), "purged by the " + trigger.describe()));
        }
    }

    /** WindowOperator#clearAllState: contents, trigger state, and the window's place in the session set. */
    private void clearAllState(Object key, KeyWindows ks, Window window, Window stateWindow) {
        boolean had = ks.removeContents(stateWindow) != null;
        trigger.clear(window, ctx.at(key, window));
        if (ks.merging != null) ks.merging.retireWindow((Window.TimeWindow) window);
        if (bus.isActive()) {
            bus.publish(new Observation.WindowCleared(now(), context.nodeId(), context.subtaskIndex(), shownKey(key),
                    window.start(), window.end(), had ? CLEANED_UP : "cleaned up (already empty)"));
        }
    }

    private void late(Object key, Row row, long timestamp, List<Window> windows) {
        long wm = timers.currentWatermark();
        if (bus.isActive()) {
            // An event-time assigner always gives a record at least one window.
            Window last = windows.get(0);
            for (Window w : windows) if (w.end() > last.end()) last = w;
            bus.publish(new Observation.LateRecord(now(), context.nodeId(), context.subtaskIndex(), shownKey(key), row, timestamp,
                    wm, allowedLateness, last.start(), last.end(), lateReason(timestamp, allowedLateness, wm, last, cleanupTime(last))));
        }
        output.collect(LATE_PORT, row, timestamp);
    }

    /** Why a record went to the late port, in the words both window operators report it with. */
    static String lateReason(long timestamp, long allowedLateness, long watermark, Window last, long lastCleanup) {
        return "its timestamp " + instant(timestamp) + (allowedLateness > 0 ? " + allowed lateness " + dev.eddy.catalog.Durations.format(allowedLateness) : "")
                + " is at or below the watermark " + instant(watermark) + ", so every window it belongs to (the last, [" + instant(last.start())
                + ", " + instant(last.end()) + "), was cleaned up once the watermark passed " + instant(lastCleanup) + ")";
    }

    /** An event time as a learner reads it (2024-01-01T00:00:04.999Z), with the two ends of time named. */
    private static String instant(long t) {
        if (t == Long.MIN_VALUE) return "the beginning of time";
        if (t == Long.MAX_VALUE) return "the end of time";
        return java.time.Instant.ofEpochMilli(t).toString();
    }

    /** The reason a window's state is cleared when the watermark passes its end + allowed lateness. */
    static final String CLEANED_UP = "cleaned up at window end + allowed lateness";

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

    private void registerCleanupTimer(Object key, KeyWindows ks, Window w) {
        long t = cleanupTime(w);
        if (t == Long.MAX_VALUE) return;
        if (assigner.isEventTime()) registerEventTimer(key, ks.slot(w), w, t);
        else registerProcessingTimer(key, ks.slot(w), w, t);
    }

    private void deleteCleanupTimer(Object key, KeyWindows ks, Window w) {
        long t = cleanupTime(w);
        if (t == Long.MAX_VALUE) return;
        if (assigner.isEventTime()) deleteEventTimer(key, ks.slot(w), w, t);
        else deleteProcessingTimer(key, ks.slot(w), w, t);
    }

    private void registerEventTimer(Object key, KeyWindows.Slot slot, Window w, long t) {
        if (slot == null || slot.rememberEventTimer(t)) timers.registerEventTimeTimer(key, w, t);
    }

    private void deleteEventTimer(Object key, KeyWindows.Slot slot, Window w, long t) {
        if (slot != null) slot.forgetEventTimer(t);
        timers.deleteEventTimeTimer(key, w, t);
    }

    private void registerProcessingTimer(Object key, KeyWindows.Slot slot, Window w, long t) {
        if (slot == null || slot.rememberProcessingTimer(t)) timers.registerProcessingTimeTimer(key, w, t);
    }

    private void deleteProcessingTimer(Object key, KeyWindows.Slot slot, Window w, long t) {
        if (slot != null) slot.forgetProcessingTimer(t);
        timers.deleteProcessingTimeTimer(key, w, t);
    }

    private void dropIfEmpty(Object key, KeyWindows ks) {
        if (ks.isEmpty()) keys.remove(key);
    }

    /** The windows the query names, as they are between two elements; the driver orders the subtasks' answers. */
    @Override
    public List<WindowSnapshot> openWindows(WindowQuery query) {
        List<WindowSnapshot> out = new ArrayList<>();
        keys.forEach((key, ks) -> {
            Object shown = shownKey(key);
            ks.forEachWithContents((window, contents) -> {
                if (query.matches(shown, window.start())) out.add(snapshot(shown, window, contents));
            });
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private WindowSnapshot snapshot(Object shownKey, Window window, Object contents) {
        List<WindowSnapshot.Element> elements = List.of();
        List<Row> result;
        if (incremental) {
            result = function.fromAccumulator(shownKey, window, contents);
        } else {
            // A copy, so that showing what a firing would emit evicts nothing for real.
            List<TimestampedRow> kept = new ArrayList<>((List<TimestampedRow>) contents);
            elements = kept.stream().map(e -> new WindowSnapshot.Element(e.row(), e.timestamp())).toList();
            if (evictor != null) evictor.evictBefore(kept, window);
            result = function.fromElements(shownKey, window, kept);
        }
        return new WindowSnapshot(now(), context.nodeId(), context.subtaskIndex(), shownKey, window.start(), window.end(),
                incremental, elements, result, timers.currentWatermark(), cleanupTime(window));
    }

    private Object shownKey(Object key) { return key == NON_KEYED ? null : key; }

    private long now() { return context.currentProcessingTime(); }

    /** The trigger's view of one (key, window); reused, never kept by a trigger. */
    private final class Ctx implements Trigger.MergeContext {
        private Object key;
        private Window window;
        /** The window's slot when the caller has it at hand; else looked up when a timer is asked for. */
        private KeyWindows.Slot slot;
        private Collection<? extends Window> mergedWindows = List.of();

        Ctx at(Object k, Window w) { return at(k, w, null); }

        Ctx at(Object k, Window w, KeyWindows.Slot s) {
            key = k;
            window = w;
            slot = s;
            mergedWindows = List.of();
            return this;
        }

        private KeyWindows.Slot slot() {
            if (slot != null) return slot;
            KeyWindows ks = keys.get(key);
            return ks == null ? null : ks.slot(window);
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
        public void registerEventTimeTimer(long time) { registerEventTimer(key, slot(), window, time); }

        @Override
        public void deleteEventTimeTimer(long time) { deleteEventTimer(key, slot(), window, time); }

        @Override
        public void registerProcessingTimeTimer(long time) { registerProcessingTimer(key, slot(), window, time); }

        @Override
        public void deleteProcessingTimeTimer(long time) { deleteProcessingTimer(key, slot(), window, time); }

        @Override
        public Object state(String name) {
            Map<String, Object> m = state(key).triggerState(window);
            return m == null ? null : m.get(name);
        }

        // A slot may be made or dropped here; the next timer call looks it up again.
        @Override
        public void setState(String name, Object value) {
            state(key).setTriggerState(window, name, value);
            slot = null;
        }

        @Override
        public void clearState(String name) {
            state(key).clearTriggerState(window, name);
            slot = null;
        }

        @Override
        public void mergeState(String name, java.util.function.BinaryOperator<Object> combine) {
            Object acc = state(name);
            KeyWindows ks = state(key);
            for (Window m : mergedWindows) {
                if (m.equals(window)) continue;
                Map<String, Object> s = ks.triggerState(m);
                Object v = s == null ? null : s.get(name);
                if (v != null) acc = acc == null ? v : combine.apply(acc, v);
            }
            if (acc != null) setState(name, acc);
        }

        private KeyWindows state(Object k) { return WindowOperator.this.state(k); }
    }
}
