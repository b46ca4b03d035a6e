package dev.eddy.process;

import dev.eddy.runtime.CompositeKey;
import dev.eddy.runtime.Time;
import dev.eddy.state.StateSpec;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A checked process program, ready to run for any number of keys and subtasks: it holds no
 * state of its own (that lives in the context's {@link dev.eddy.state.KeyedState}), so one
 * instance serves every operator that runs it.
 *
 * <p>Output timestamps follow Flink's KeyedProcessOperator: what {@code on record} emits carries
 * the record's timestamp; what an event-time timer emits carries the timer's time; what a
 * processing-time timer emits has no timestamp on the main output and the timer's time on a side
 * output (OnTimerContext#output stamps it).
 */
public final class CompiledProgram {
    public enum TimeDomain { EVENT, PROCESSING }

    private final List<StateSpec> states;
    private final Map<String, Schema> outputs;
    private final String mainPort;
    private final Step onRecord;
    private final int recordSlots;
    private final int inputFields;
    private final int keyColumns;
    private final Step onTimer;
    private final int timerSlots;
    /** The key columns that are not fields of the record, which the record scope adds after the fields. */
    private final int[] keyColumnsOutsideInput;

    CompiledProgram(List<StateSpec> states, Map<String, Schema> outputs, String mainPort, Step onRecord, int recordSlots,
                    int inputFields, int keyColumns, int[] keyColumnsOutsideInput, Step onTimer, int timerSlots, CheckedProgram checked) {
        this.checked = checked;
        this.states = List.copyOf(states);
        this.outputs = Map.copyOf(outputs);
        this.mainPort = mainPort;
        this.onRecord = onRecord;
        this.recordSlots = recordSlots;
        this.inputFields = inputFields;
        this.keyColumns = keyColumns;
        this.onTimer = onTimer;
        this.timerSlots = timerSlots;
        this.keyColumnsOutsideInput = keyColumnsOutsideInput.clone();
    }

    private final CheckedProgram checked;

    /** The program as checked, every statement typed: for writing it in another language. */
    public CheckedProgram checked() { return checked; }

    public List<StateSpec> states() { return states; }

    /** The schema of every output port, the main one included (empty when nothing is emitted to it). */
    public Map<String, Schema> outputs() { return outputs; }

    public String mainPort() { return mainPort; }

    public boolean hasTimerHandler() { return onTimer != null; }

    /**
     * Runs {@code on record} for one record; the context's state must be set to the record's key.
     *
     * @throws dev.eddy.expr.EvaluationException when an expression fails on this record
     */
    public void onRecord(ProcessContext context, Row record, long timestamp) {
        Frame f = new Frame(recordSlots, context, timestamp, timestamp);
        int i = 0;
        for (; i < inputFields; i++) f.slots[i] = record.get(i);
        if (keyColumnsOutsideInput.length > 0) {
            Object[] key = keyValues(context.state().currentKey());
            for (int k : keyColumnsOutsideInput) f.slots[i++] = key[k];
        }
        f.slots[i++] = timestamp == Time.NO_TIMESTAMP ? null : Instant.ofEpochMilli(timestamp);
        clocks(f, i);
        onRecord.run(f);
    }

    /** Runs {@code on timer} for a timer of the context's current key, if the program has one. */
    public void onTimer(ProcessContext context, long time, TimeDomain domain) {
        if (onTimer == null) return;
        long main = domain == TimeDomain.EVENT ? time : Time.NO_TIMESTAMP;
        Frame f = new Frame(timerSlots, context, main, time);
        Object[] key = keyValues(context.state().currentKey());
        int i = 0;
        for (; i < keyColumns; i++) f.slots[i] = key[i];
        f.slots[i++] = Instant.ofEpochMilli(time);
        f.slots[i++] = domain == TimeDomain.EVENT ? "event" : "processing";
        clocks(f, i);
        onTimer.run(f);
    }

    /** A timer as a failure report names it, in place of the record it does not have. */
    public static String describeTimer(TimeDomain domain, long time, Object key) {
        return "the " + domain.name().toLowerCase(java.util.Locale.ROOT) + "-time timer at " + Instant.ofEpochMilli(time)
                + " of key " + key;
    }

    /** The key's column values: the key itself, or the fields of a composite key. */
    public Object[] keyValues(Object key) {
        if (keyColumns == 1) return new Object[] {key};
        if (key instanceof CompositeKey k) return k.fields().toArray();
        return new Object[keyColumns];
    }

    private static void clocks(Frame f, int i) {
        long wm = f.context.currentWatermark();
        f.slots[i] = wm == Long.MIN_VALUE ? null : Instant.ofEpochMilli(wm);
        f.slots[i + 1] = Instant.ofEpochMilli(f.context.currentProcessingTime());
    }
}
