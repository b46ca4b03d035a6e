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
    private final Aggregates aggregates;
    private final int keyColumns;

    public RollingAggregateOperator(Schema input, KeySelector key, boolean batch, int keyColumns, List<AggregateCall> calls) {
        super(input, key, batch);
        this.aggregates = new Aggregates(calls);
        this.keyColumns = keyColumns;
    }

    @Override
    public Object first(Row row) { return aggregates.add(aggregates.create(), row); }

    @Override
    public Object add(Object accumulator, Row row) { return aggregates.add((Aggregates.Acc) accumulator, row); }

    @Override
    public Row result(Object key, Object accumulator) {
        Object[] out = new Object[keyColumns + aggregates.size()];
        writeKey(key, keyColumns, out);
        aggregates.results((Aggregates.Acc) accumulator, out, keyColumns);
        return Row.wrap(out);
    }

    /** The key's columns at the start of a result row: the key itself, or the parts of a composite key. */
    public static void writeKey(Object key, int keyColumns, Object[] out) {
        if (keyColumns == 0) return;
        if (keyColumns == 1) {
            out[0] = key;
            return;
        }
        List<Object> fields = ((CompositeKey) key).fields();
        for (int i = 0; i < keyColumns; i++) out[i] = fields.get(i);
    }
}
