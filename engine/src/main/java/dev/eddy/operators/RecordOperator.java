package dev.eddy.operators;

import dev.eddy.expr.EvaluationException;
import dev.eddy.runtime.StreamOperator;
import dev.eddy.types.Row;
import dev.eddy.types.RowJson;
import dev.eddy.types.Schema;

/**
 * Base of operators that evaluate user expressions per record: a record whose expression fails
 * goes through the node's error policy with the record and the reason, and the run goes on or
 * stops as the policy says. Nothing is dropped silently.
 */
public abstract class RecordOperator extends StreamOperator {
    protected final Schema inputSchema;

    protected RecordOperator(Schema inputSchema) { this.inputSchema = inputSchema; }

    @Override
    public final void processElement(Row row, long timestamp) {
        try {
            process(row, timestamp);
        } catch (EvaluationException e) {
            context.recordFailed(row, timestamp, RowJson.toLine(row, inputSchema), e.getMessage());
        }
    }

    protected abstract void process(Row row, long timestamp);
}
