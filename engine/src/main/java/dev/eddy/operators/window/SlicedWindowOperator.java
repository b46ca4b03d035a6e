package dev.eddy.operators.window;

import dev.eddy.checkpoint.StateReader;
import dev.eddy.checkpoint.StateWriter;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.observe.WindowQuery;
import dev.eddy.observe.WindowSnapshot;
import dev.eddy.operators.Aggregates;
import dev.eddy.operators.RecordOperator;
import dev.eddy.runtime.InspectableWindows;
import dev.eddy.runtime.InternalTimer;
import dev.eddy.runtime.KeySelector;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.TimerService;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sliding event-time windows whose aggregates do not depend on the order they see records in
 * (COUNT, SUM of BIGINT, MIN, MAX), computed as Flink SQL's slicing windows compute them: a
 * record goes into the one slice of the slide's length it falls in, and a window, when it fires,
 * combines its size / slide slices. A record then costs one accumulator update instead of one
 * per window it belongs to.
 *
 * <p>Everything else is {@link WindowOperator}'s with the default trigger and no lateness, and
 * must stay so (SlicedWindowsTest compares the two on random timelines): which windows a record
 * joins, what fires when, the results, their timestamps and order, and the observations. The
 * order holds because a key's timer for a window is registered by the record that first reaches
 * the window in both: that record always opens a new slice, since a slice already there would
 * mean an earlier record of the window. Timestamps within a window's size of Long.MIN_VALUE or
 * Long.MAX_VALUE, where window bounds overflow, are computed differently (both are nonsense there).
 */
public final class SlicedWindowOperator extends RecordOperator implements TimerService.Triggerable, InspectableWindows {
    /** Written first in a snapshot, where WindowOperator writes its number of keys, so the two formats cannot be confused. */
    private static final int FORMAT = -1;

    private final WindowAssigner.Sliding assigner;
    private final WindowFunction.Aggregate function;
    private final Aggregates aggregates;
    private final KeySelector keySelector;
    private final long size;
    private final long slide;
    private final Map<Object, Slices> keys = new HashMap<>();
    private TimerService timers;
    private ObservationBus bus;

    /**
     * Whether a window node's configuration is one this operator computes exactly as WindowOperator.
     * Not in a checkpointed job: after a restore the watermark starts again from nothing, as in
     * Flink, so a window that fired before can open again, empty, for a record that comes before the
     * next watermark, and slices shared with later windows cannot say which of their records came
     * after the restore (found by review, 2026-12-07).
     */
    public static boolean applies(WindowAssigner assigner, Trigger trigger, Evictor evictor, long allowedLateness, WindowFunction f,
                                  boolean batch, boolean checkpointed) {
        return !batch && !checkpointed && evictor == null && allowedLateness == 0 && trigger == Triggers.EVENT_TIME
                && assigner instanceof WindowAssigner.Sliding s && s.isEventTime() && s.size() % s.slide() == 0
                && f instanceof WindowFunction.Aggregate a && a.aggregates().orderInsensitive();
    }

    public SlicedWindowOperator(Schema input, KeySelector keySelector, WindowAssigner.Sliding assigner, WindowFunction.Aggregate function) {
        super(input);
        this.keySelector = keySelector;
        this.assigner = assigner;
        this.function = function;
        this.aggregates = function.aggregates();
        this.size = assigner.size();
        this.slide = assigner.slide();
    }

    /** One key's slices: their starts and accumulators, scanned (a key has about size / slide of them). */
    private static final class Slices {
        long[] starts = new long[8];
        Aggregates.Acc[] accs = new Aggregates.Acc[8];
        int n;

        int indexOf(long start) {
            for (int i = 0; i < n; i++) if (starts[i] == start) return i;
            return -1;
        }

        Aggregates.Acc get(long start) {
            int i = indexOf(start);
            return i < 0 ? null : accs[i];
        }

        void add(long start, Aggregates.Acc acc) {
            if (n == starts.length) {
                starts = java.util.Arrays.copyOf(starts, n * 2);
                accs = java.util.Arrays.copyOf(accs, n * 2);
            }
            starts[n] = start;
            accs[n++] = acc;
        }

        void remove(long start) {
            int i = indexOf(start);
            if (i < 0) return;
            n--;
            starts[i] = starts[n];
            accs[i] = accs[n];
            accs[n] = null;
        }
    }

    @Override
    public void open(OperatorContext context, Output output) {
        super.open(context, output);
        timers = context.createTimerService(this);
        bus = context.environment().observations();
    }

    @Override
    protected void process(Row row, long timestamp) {
        // The assigner's own refusal of a record without an event time.
        if (timestamp == Long.MIN_VALUE) assigner.assign(row, timestamp, 0);
        Object key = keySelector == null ? WindowOperator.NON_KEYED : keySelector.getKey(row);
        long sliceStart = Window.TimeWindow.startWithOffset(timestamp, assigner.offset(), slide);
        long watermark = timers.currentWatermark();
        // The window starting with this slice ends last; when it is late, all of the record's windows are.
        if (sliceStart + size - 1 <= watermark) {
            late(key, row, timestamp, sliceStart, watermark);
            return;
        }
        Slices ks = keys.get(key);
        if (ks == null) {
            ks = new Slices();
            keys.put(key, ks);
        }
        Aggregates.Acc acc = ks.get(sliceStart);
        boolean newSlice = acc == null;
        boolean samples = bus.wantsRecordSamples();
        if (newSlice || samples) {
            // The record's windows in the assigner's order, latest start first; the late ones it does not join.
            for (long start = sliceStart; start > timestamp - size; start -= slide) {
                if (start + size - 1 <= watermark) continue;
                Window.TimeWindow w = new Window.TimeWindow(start, start + size);
                if (samples) {
                    bus.publish(new Observation.WindowElementAdded(now(), context.nodeId(), context.subtaskIndex(), shownKey(key),
                            start, start + size, row, timestamp, newSlice && !hasSliceIn(ks, start), true));
                }
                if (newSlice) timers.registerEventTimeTimer(key, w, w.maxTimestamp());
            }
        }
        if (newSlice) {
            acc = aggregates.create();
            ks.add(sliceStart, acc);
        }
        aggregates.add(acc, row);
    }

    private boolean hasSliceIn(Slices ks, long windowStart) {
        for (int i = 0; i < ks.n; i++) if (ks.starts[i] >= windowStart && ks.starts[i] < windowStart + size) return true;
        return false;
    }

    /** The window's slices combined, in no particular order: the aggregates do not care. */
    private Aggregates.Acc combined(Slices ks, long windowStart) {
        Aggregates.Acc acc = aggregates.create();
        for (int i = 0; i < ks.n; i++) {
            if (ks.starts[i] >= windowStart && ks.starts[i] < windowStart + size) aggregates.merge(acc, ks.accs[i]);
        }
        return acc;
    }

    @Override
    public void processWatermark(long watermark) {
        timers.advanceWatermark(watermark);
        output.emitWatermark(watermark);
    }

    /** The window's end: fire it, then clean it up, which drops the slice no later window holds. */
    @Override
    public void onEventTime(InternalTimer timer) {
        Object key = timer.key();
        Window.TimeWindow window = (Window.TimeWindow) timer.namespace();
        Slices ks = keys.get(key);
        if (ks == null) return;
        List<Row> results = function.fromAccumulator(shownKey(key), window, combined(ks, window.start()));
        for (Row r : results) output.collect(r, window.maxTimestamp());
        if (bus.isActive()) {
            bus.publish(new Observation.WindowFired(now(), context.nodeId(), context.subtaskIndex(), shownKey(key), window.start(),
                    window.end(), Triggers.EVENT_TIME.describe() + " on watermark " + timers.currentWatermark(), results.size(),
                    timers.currentWatermark()));
        }
        ks.remove(window.start());
        if (bus.isActive()) {
            bus.publish(new Observation.WindowCleared(now(), context.nodeId(), context.subtaskIndex(), shownKey(key),
                    window.start(), window.end(), WindowOperator.CLEANED_UP));
        }
        if (ks.n == 0) keys.remove(key);
    }

    @Override
    public void onProcessingTime(InternalTimer timer) {}

    private void late(Object key, Row row, long timestamp, long sliceStart, long watermark) {
        if (bus.isActive()) {
            Window.TimeWindow last = new Window.TimeWindow(sliceStart, sliceStart + size);
            bus.publish(new Observation.LateRecord(now(), context.nodeId(), context.subtaskIndex(), shownKey(key), row, timestamp,
                    watermark, 0, last.start(), last.end(), WindowOperator.lateReason(timestamp, 0, watermark, last, last.maxTimestamp())));
        }
        output.collect(WindowOperator.LATE_PORT, row, timestamp);
    }

    @Override
    public void snapshotState(StateWriter out) {
        out.writeInt(FORMAT).writeInt(keys.size());
        keys.forEach((key, ks) -> {
            out.writeValue(key).writeInt(ks.n);
            for (int i = 0; i < ks.n; i++) {
                out.writeLong(ks.starts[i]);
                ks.accs[i].write(out);
            }
        });
        timers.snapshot(out, KeyWindows::writeWindow);
    }

    @Override
    public void restoreState(StateReader in) {
        if (in.readInt() != FORMAT) {
            throw new IllegalStateException("the checkpoint holds this sliding window's state as windows, as Eddy kept it before it"
                    + " kept slices; it cannot be restored: start the run without it");
        }
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            Object key = in.readValue();
            Slices ks = new Slices();
            int slices = in.readInt();
            for (int i = 0; i < slices; i++) {
                long start = in.readLong();
                ks.add(start, Aggregates.Acc.read(in));
            }
            keys.put(key, ks);
        }
        timers.restore(in, KeyWindows::readWindow);
    }

    /** The open windows the query names: each not yet late window with a slice, its slices combined. */
    @Override
    public List<WindowSnapshot> openWindows(WindowQuery query) {
        List<WindowSnapshot> out = new ArrayList<>();
        long watermark = timers.currentWatermark();
        keys.forEach((key, ks) -> {
            Object shown = shownKey(key);
            TreeSet<Long> starts = new TreeSet<>();
            for (int i = 0; i < ks.n; i++) {
                for (long start = ks.starts[i]; start > ks.starts[i] - size; start -= slide) {
                    if (start + size - 1 > watermark) starts.add(start);
                }
            }
            for (long start : starts) {
                if (!query.matches(shown, start)) continue;
                Window.TimeWindow w = new Window.TimeWindow(start, start + size);
                out.add(new WindowSnapshot(now(), context.nodeId(), context.subtaskIndex(), shown, start, start + size, true, List.of(),
                        function.fromAccumulator(shown, w, combined(ks, start)), watermark, w.maxTimestamp()));
            }
        });
        return out;
    }

    private static Object shownKey(Object key) { return key == WindowOperator.NON_KEYED ? null : key; }

    private long now() { return context.currentProcessingTime(); }
}
