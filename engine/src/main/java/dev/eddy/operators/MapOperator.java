package dev.eddy.operators;

import dev.eddy.expr.CompiledExpression;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.util.List;

/** Computes each output field from the input record; the record keeps its timestamp. */
public final class MapOperator extends RecordOperator {
    private final CompiledExpression[] fields;

    public MapOperator(Schema input, List<CompiledExpression> fields) {
        super(input);
        this.fields = fields.toArray(new CompiledExpression[0]);
    }

    @Override
    protected void process(Row row, long timestamp) {
        Object[] out = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) out[i] = fields[i].evaluate(row);
        output.collect(Row.wrap(out), timestamp);
    }
}
