package dev.eddy.operators;

import dev.eddy.expr.CompiledExpression;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.util.List;

/**
 * Turns one record into as many as an array expression has elements (zero for an empty array or
 * NULL), each with the kept input fields and the element; every output keeps the input's timestamp.
 */
public final class FlatMapOperator extends RecordOperator {
    private final CompiledExpression array;
    private final int[] kept;

    public FlatMapOperator(Schema input, CompiledExpression array, int[] keptFields) {
        super(input);
        this.array = array;
        this.kept = keptFields;
    }

    @Override
    protected void process(Row row, long timestamp) {
        Object v = array.evaluate(row);
        if (!(v instanceof List<?> elements)) return;
        for (Object e : elements) {
            Object[] out = new Object[kept.length + 1];
            for (int i = 0; i < kept.length; i++) out[i] = row.get(kept[i]);
            out[kept.length] = e;
            output.collect(Row.wrap(out), timestamp);
        }
    }
}
