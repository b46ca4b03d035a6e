package dev.eddy.operators;

import dev.eddy.runtime.KeySelector;
import dev.eddy.runtime.SerializedKeyOrder;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling aggregation on a keyed stream, with Flink's two behaviours:
 * <ul>
 * <li>STREAMING (StreamGroupedReduceOperator): every input emits the key's updated result,
 * carrying the input's timestamp.</li>
 * <li>BATCH (BatchGroupedReduceOperator over sorted input): only each key's final result, with
 * timestamp Long.MAX_VALUE, keys in the order of their serialized bytes and each key's records
 * folded in timestamp order, emitted when the final watermark arrives and before it is
 * forwarded.</li>
 * </ul>
 * Subclasses say how a result starts from the first record and how it absorbs the next one.
 */
public abstract class KeyedRollingOperator extends RecordOperator {
    private final KeySelector key;
    private final boolean batch;
    private final Map<Object, Object> accumulators = new HashMap<>();
    private final Map<Object, List<Row>> batchRows = new HashMap<>();
    private final Map<Object, List<Long>> batchTimes = new HashMap<>();
    private boolean flushed;

    protected KeyedRollingOperator(Schema input, KeySelector key, boolean batch) {
        super(input);
        this.key = key;
        this.batch = batch;
    }

    /** The accumulator after the key's first record. */
    public abstract Object first(Row row);

    /** The accumulator after one more record. */
    public abstract Object add(Object accumulator, Row row);

    /** The record to emit for a key's accumulator. */
    public abstract Row result(Object key, Object accumulator);

    @Override
    protected void process(Row row, long timestamp) {
        Object k = key.getKey(row);
        if (batch) {
            batchRows.computeIfAbsent(k, x -> new ArrayList<>()).add(row);
            batchTimes.computeIfAbsent(k, x -> new ArrayList<>()).add(timestamp);
            return;
        }
        Object acc = accumulators.get(k);
        acc = acc == null ? first(row) : add(acc, row);
        accumulators.put(k, acc);
        output.collect(result(k, acc), timestamp);
    }

    @Override
    public void snapshotState(dev.eddy.checkpoint.StateWriter out) {
        if (batch) throw new IllegalStateException("a BATCH run has no checkpoints");
        out.writeInt(accumulators.size());
        accumulators.forEach((k, acc) -> {
            out.writeValue(k).writeBoolean(acc instanceof Aggregates.Acc);
            if (acc instanceof Aggregates.Acc a) a.write(out);
            else out.writeValue(acc);
        });
    }

    @Override
    public void restoreState(dev.eddy.checkpoint.StateReader in) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            Object k = in.readValue();
            accumulators.put(k, in.readBoolean() ? Aggregates.Acc.read(in) : in.readValue());
        }
    }

    @Override
    public void processWatermark(long watermark) {
        if (batch && watermark == Time.MAX_WATERMARK) flushBatch();
        output.emitWatermark(watermark);
    }

    @Override
    public void endInput() {
        if (batch) flushBatch();
    }

    private void flushBatch() {
        if (flushed) return;
        flushed = true;
        List<Object> keys = new ArrayList<>(batchRows.keySet());
        keys.sort(SerializedKeyOrder.INSTANCE);
        for (Object k : keys) {
            List<Row> rows = batchRows.get(k);
            List<Long> times = batchTimes.get(k);
            Integer[] order = new Integer[rows.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            java.util.Arrays.sort(order, (a, b) -> Long.compare(times.get(a), times.get(b)));
            Object acc = null;
            for (Integer i : order) {
                Row r = rows.get(i);
                acc = acc == null ? first(r) : add(acc, r);
            }
            if (acc != null) output.collect(result(k, acc), Time.MAX_WATERMARK);
        }
        batchRows.clear();
        batchTimes.clear();
    }
}
