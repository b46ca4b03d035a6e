package dev.eddy.operators;

import dev.eddy.runtime.CompositeKey;
import dev.eddy.runtime.KeySelector;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.util.List;

/**
 * A keyed aggregate: the output is the key's columns followed by one column per aggregate
 * call, updated with every record (STREAMING) or only final (BATCH).
 */
public final class RollingAggregateOperator extends KeyedRollingOperator {
    private final AggregateCall[] calls;
    private final int keyColumns;

    public RollingAggregateOperator(Schema input, KeySelector key, boolean batch, int keyColumns, List<AggregateCall> calls) {
        super(input, key, batch);
        this.calls = calls.toArray(new AggregateCall[0]);
        this.keyColumns = keyColumns;
    }

    /** Per call: the running value, and for AVG the sum and count. */
    private static final class Acc {
        final Object[] values;
        final long[] counts;

        Acc(int n) {
            values = new Object[n];
            counts = new long[n];
        }
    }

    @Override
    protected Object first(Row row) { return add(new Acc(calls.length), row); }

    @Override
    protected Object add(Object accumulator, Row row) {
        Acc acc = (Acc) accumulator;
        for (int i = 0; i < calls.length; i++) {
            AggregateCall c = calls[i];
            Object v = c.field() < 0 ? Boolean.TRUE : row.get(c.field());
            if (v == null) continue;
            Object cur = acc.values[i];
            switch (c.function()) {
                case COUNT -> acc.counts[i]++;
                case SUM -> acc.values[i] = FieldCombiner.SUM.combine(cur, v);
                case MIN -> acc.values[i] = FieldCombiner.MIN.combine(cur, v);
                case MAX -> acc.values[i] = FieldCombiner.MAX.combine(cur, v);
                case FIRST -> acc.values[i] = cur == null ? v : cur;
                case LAST -> acc.values[i] = v;
                case AVG -> {
                    acc.values[i] = (cur == null ? 0.0 : (Double) cur) + ((Number) v).doubleValue();
                    acc.counts[i]++;
                }
            }
        }
        return acc;
    }

    @Override
    protected Row result(Object key, Object accumulator) {
        Acc acc = (Acc) accumulator;
        Object[] out = new Object[keyColumns + calls.length];
        if (keyColumns == 1) {
            out[0] = key;
        } else {
            List<Object> fields = ((CompositeKey) key).fields();
            for (int i = 0; i < keyColumns; i++) out[i] = fields.get(i);
        }
        for (int i = 0; i < calls.length; i++) {
            switch (calls[i].function()) {
                case COUNT -> out[keyColumns + i] = acc.counts[i];
                case AVG -> out[keyColumns + i] = acc.counts[i] == 0 ? null : (Double) acc.values[i] / acc.counts[i];
                default -> out[keyColumns + i] = acc.values[i];
            }
        }
        return Row.wrap(out);
    }
}
