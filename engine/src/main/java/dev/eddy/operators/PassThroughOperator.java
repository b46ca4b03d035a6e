package dev.eddy.operators;

import dev.eddy.runtime.StreamOperator;
import dev.eddy.types.Row;

/**
 * Forwards records unchanged. Key-by, rebalance and union are not computations in Flink but ways
 * of connecting: their work happens in the partitioning of the edge into them, and this operator
 * only gives them a place (and counters) in the task.
 */
public final class PassThroughOperator extends StreamOperator {
    @Override
    public void processElement(Row row, long timestamp) {
        output.collect(row, timestamp);
    }
}
