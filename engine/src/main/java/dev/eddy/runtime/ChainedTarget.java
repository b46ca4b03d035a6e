package dev.eddy.runtime;

import dev.eddy.observe.NodeMetrics;
import dev.eddy.types.Row;

/** A direct call into the next operator of the same chain: no queue, no copy. */
final class ChainedTarget implements Target {
    private final StreamOperator operator;
    private final NodeMetrics metrics;
    private final String nodeId;

    ChainedTarget(StreamOperator operator, NodeMetrics metrics) {
        this.operator = operator;
        this.metrics = metrics;
        this.nodeId = metrics.node;
    }

    @Override
    public void collect(Row row, long timestamp) {
        collect(0, row, timestamp);
    }

    /** A record arriving on input port {@code input} (0 for the first; a join's right is 1). */
    void collect(int input, Row row, long timestamp) {
        metrics.recordsIn++;
        try {
            operator.processElement(input, row, timestamp);
        } catch (JobFailedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // A failure no operator handled (a bug, or a user regex too deep for the stack): name the node.
            throw new JobFailedException(nodeId, "node \"" + nodeId + "\" failed on record " + row + ": " + Failures.describe(e), e);
        }
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
