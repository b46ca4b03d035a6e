package dev.eddy.runtime;

import dev.eddy.observe.NodeMetrics;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.types.Row;

/**
 * A direct call into the next operator of the same chain: no queue, no copy. Into a sink, which
 * has no output to sample, it samples what arrives (port "in"), so a live view can list what each
 * sink received with the sink's own subtask.
 */
final class ChainedTarget implements Target {
    private final StreamOperator operator;
    private final NodeMetrics metrics;
    private final String nodeId;
    private final ObservationBus sinkSamples;
    private final ProcessingTimeService clock;

    ChainedTarget(StreamOperator operator, NodeMetrics metrics) {
        this(operator, metrics, null, null);
    }

    ChainedTarget(StreamOperator operator, NodeMetrics metrics, ObservationBus sinkSamples, ProcessingTimeService clock) {
        this.operator = operator;
        this.metrics = metrics;
        this.nodeId = metrics.node;
        this.sinkSamples = sinkSamples;
        this.clock = clock;
    }

    @Override
    public void collect(Row row, long timestamp) {
        collect(0, row, timestamp);
    }

    /** A record arriving on input port {@code input} (0 for the first; a join's right is 1). */
    void collect(int input, Row row, long timestamp) {
        metrics.recordsIn++;
        if (sinkSamples != null && sinkSamples.wantsRecordSamples()) {
            sinkSamples.publish(new Observation.RecordSampled(clock.currentProcessingTime(), nodeId, metrics.subtask, "in", row, timestamp));
        }
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
