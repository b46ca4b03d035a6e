package dev.eddy.operators;

import dev.eddy.expr.CompiledExpression;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;

/** Keeps the records for which the condition is TRUE; FALSE and NULL drop them, as SQL's WHERE does. */
public final class FilterOperator extends RecordOperator {
    private final CompiledExpression condition;

    public FilterOperator(Schema input, CompiledExpression condition) {
        super(input);
        this.condition = condition;
    }

    @Override
    protected void process(Row row, long timestamp) {
        if (condition.evaluate(row) == Boolean.TRUE) output.collect(row, timestamp);
    }
}
