package dev.eddy.connectors;

import dev.eddy.observe.NodeMetrics;
import dev.eddy.observe.Observation;
import dev.eddy.runtime.OperatorContext;

/**
 * What one sink subtask has delivered, told as {@link Observation.SinkDelivery}. Duplicates and
 * withdrawals are counted in the subtask's metrics, which go on over restarts: a restore knows how
 * many records had come when the checkpoint was taken, the metrics how many had come at the failure,
 * and the difference comes again.
 */
final class DeliveryLedger {
    private final OperatorContext context;
    private final String delivery;

    DeliveryLedger(OperatorContext context, String delivery) {
        this.context = context;
        this.delivery = delivery;
    }

    /** How many records came after a checkpoint that recorded {@code takenAtCheckpoint}: they come again. */
    long rewoundSince(long takenAtCheckpoint) { return Math.max(0, context.metrics().recordsIn - takenAtCheckpoint); }

    /**
     * Records this subtask took in earlier attempts of the run, when it opens without a checkpoint
     * to go back to: a restart from the start, which brings them all again. 0 on a first start.
     */
    long takenBefore() { return context.metrics().recordsIn; }

    void duplicated(long records) { context.metrics().duplicated += records; }

    void withdrew(long records) { context.metrics().withdrawn += records; }

    void publish(long committed, long pending) {
        NodeMetrics m = context.metrics();
        context.environment().observations().publish(new Observation.SinkDelivery(context.currentProcessingTime(),
                context.nodeId(), context.subtaskIndex(), delivery, committed, pending, m.duplicated, m.withdrawn));
    }

    /** A sink that writes through has made visible every record it took, each time it took it. */
    void publishWriteThrough() { publish(context.metrics().recordsIn, 0); }
}
