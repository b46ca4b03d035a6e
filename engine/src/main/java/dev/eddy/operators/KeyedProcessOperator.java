package dev.eddy.operators;

import dev.eddy.expr.EvaluationException;
import dev.eddy.checkpoint.StateReader;
import dev.eddy.checkpoint.StateWriter;
import dev.eddy.observe.KeyedStateSnapshot;
import dev.eddy.process.CompiledProgram;
import dev.eddy.process.CompiledProgram.TimeDomain;
import dev.eddy.process.ProcessContext;
import dev.eddy.runtime.InspectableState;
import dev.eddy.runtime.InternalTimer;
import dev.eddy.runtime.KeySelector;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.StreamOperator;
import dev.eddy.runtime.Time;
import dev.eddy.runtime.TimerService;
import dev.eddy.state.HeapKeyedState;
import dev.eddy.state.KeyedState;
import dev.eddy.types.Row;
import dev.eddy.types.RowJson;
import dev.eddy.types.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a process program on a keyed stream, as Flink's KeyedProcessOperator runs a
 * KeyedProcessFunction: the record's key selects the state, timers are per key and timestamp,
 * event-time timers fire when the watermark reaches them (before the watermark goes on), and
 * processing-time timers when the clock does.
 *
 * <p>In BATCH mode the input comes sorted by key, and, as Flink's
 * BatchExecutionInternalTimeService does, a key's timers all fire when the next key begins (or
 * the input ends), event-time ones first, with the watermark at its maximum and new timers
 * ignored; while records are processed the watermark is at its minimum.
 */
public final class KeyedProcessOperator extends StreamOperator implements TimerService.Triggerable, ProcessContext, InspectableState {
    private final Schema input;
    private final KeySelector key;
    private final CompiledProgram program;
    private final boolean batch;
    private HeapKeyedState state;
    private TimerService timers;
    /** BATCH: the current key's timers, in time order. */
    private final TreeSet<Long> batchEventTimers = new TreeSet<>();
    private final TreeSet<Long> batchProcessingTimers = new TreeSet<>();
    private boolean batchFiring;
    private Object batchKey;

    public KeyedProcessOperator(Schema input, KeySelector key, CompiledProgram program, boolean batch) {
        this.input = input;
        this.key = key;
        this.program = program;
        this.batch = batch;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        super.open(context, output);
        state = new HeapKeyedState(program.states(), context::currentProcessingTime);
        timers = context.createTimerService(this);
    }

    /** Every key with state or a pending timer, as it is between two elements; keys in the order of their first timer or state. */
    @Override
    public List<KeyedStateSnapshot> keyedState() {
        long now = context.currentProcessingTime();
        Map<Object, List<KeyedStateSnapshot.StateValue>> values = state.peek(now);
        Map<Object, List<KeyedStateSnapshot.PendingTimer>> pending = new LinkedHashMap<>();
        if (batch) {
            if (batchKey != null) {
                for (long t : batchEventTimers) pending.computeIfAbsent(batchKey, k -> new ArrayList<>()).add(new KeyedStateSnapshot.PendingTimer("event", t));
                for (long t : batchProcessingTimers) {
                    pending.computeIfAbsent(batchKey, k -> new ArrayList<>()).add(new KeyedStateSnapshot.PendingTimer("processing", t));
                }
            }
        } else {
            for (InternalTimer t : timers.pendingEventTimers()) {
                pending.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(new KeyedStateSnapshot.PendingTimer("event", t.timestamp()));
            }
            for (InternalTimer t : timers.pendingProcessingTimers()) {
                pending.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(new KeyedStateSnapshot.PendingTimer("processing", t.timestamp()));
            }
        }
        Set<Object> keys = new LinkedHashSet<>(values.keySet());
        keys.addAll(pending.keySet());
        List<KeyedStateSnapshot> out = new ArrayList<>(keys.size());
        for (Object k : keys) {
            out.add(new KeyedStateSnapshot(now, context.nodeId(), context.subtaskIndex(), k, values.getOrDefault(k, List.of()),
                    pending.getOrDefault(k, List.of()), currentWatermark()));
        }
        return out;
    }

    @Override
    public void snapshotState(StateWriter out) {
        if (batch) throw new IllegalStateException("a BATCH run has no checkpoints");
        state.snapshot(out);
        timers.snapshot(out, StateWriter::writeValue);
    }

    @Override
    public void restoreState(StateReader in) {
        state.restore(in);
        timers.restore(in, StateReader::readValue);
    }

    @Override
    public void processElement(Row row, long timestamp) {
        Object k = key.getKey(row);
        if (batch && !k.equals(batchKey)) switchBatchKey(k);
        state.setCurrentKey(k);
        try {
            program.onRecord(this, row, timestamp);
        } catch (EvaluationException e) {
            context.recordFailed(row, timestamp, RowJson.toLine(row, input), e.getMessage());
        }
    }

    @Override
    public void processWatermark(long watermark) {
        if (batch) {
            if (watermark == Time.MAX_WATERMARK) switchBatchKey(null);
        } else {
            timers.advanceWatermark(watermark);
        }
        output.emitWatermark(watermark);
    }

    @Override
    public void endInput() {
        if (batch) switchBatchKey(null);
    }

    @Override
    public void onEventTime(InternalTimer timer) { fire(timer.key(), timer.timestamp(), TimeDomain.EVENT); }

    @Override
    public void onProcessingTime(InternalTimer timer) { fire(timer.key(), timer.timestamp(), TimeDomain.PROCESSING); }

    private void fire(Object k, long time, TimeDomain domain) {
        state.setCurrentKey(k);
        try {
            program.onTimer(this, time, domain);
        } catch (EvaluationException e) {
            context.recordFailed(Row.of(program.keyValues(k)), time, CompiledProgram.describeTimer(domain, time, k), e.getMessage());
        }
    }

    private void switchBatchKey(Object next) {
        if (batchKey != null) {
            batchFiring = true;
            state.setCurrentKey(batchKey);
            for (Long t : batchEventTimers) fire(batchKey, t, TimeDomain.EVENT);
            for (Long t : batchProcessingTimers) fire(batchKey, t, TimeDomain.PROCESSING);
            batchEventTimers.clear();
            batchProcessingTimers.clear();
            batchFiring = false;
        }
        batchKey = next;
    }

    // ProcessContext: what the program reaches.

    @Override
    public KeyedState state() { return state; }

    @Override
    public long currentWatermark() {
        if (batch) return batchFiring ? Long.MAX_VALUE : Long.MIN_VALUE;
        return timers.currentWatermark();
    }

    @Override
    public long currentProcessingTime() { return context.currentProcessingTime(); }

    @Override
    public void registerEventTimeTimer(long time) {
        if (batch) {
            if (!batchFiring) batchEventTimers.add(time);
        } else {
            timers.registerEventTimeTimer(state.currentKey(), null, time);
        }
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        if (batch) batchEventTimers.remove(time);
        else timers.deleteEventTimeTimer(state.currentKey(), null, time);
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        if (batch) {
            if (!batchFiring) batchProcessingTimers.add(time);
        } else {
            timers.registerProcessingTimeTimer(state.currentKey(), null, time);
        }
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        if (batch) batchProcessingTimers.remove(time);
        else timers.deleteProcessingTimeTimer(state.currentKey(), null, time);
    }

    @Override
    public void emit(String port, Row row, long timestamp) {
        if (port.equals(program.mainPort())) output.collect(row, timestamp);
        else output.collect(port, row, timestamp);
    }
}
