package dev.eddy.runtime;

import dev.eddy.observe.NodeMetrics;
import dev.eddy.types.Row;

/** A direct call into the next operator of the same chain: no queue, no copy. */
final class ChainedTarget implements Target {
    private final StreamOperator operator;
    private final NodeMetrics metrics;

    ChainedTarget(StreamOperator operator, NodeMetrics metrics) {
        this.operator = operator;
        this.metrics = metrics;
    }

    @Override
    public void collect(Row row, long timestamp) {
        metrics.recordsIn++;
        operator.processElement(row, timestamp);
    }

    @Override
    public void emitWatermark(long watermark) {
        operator.processWatermark(watermark);
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        operator.processWatermarkStatus(idle);
    }
}
