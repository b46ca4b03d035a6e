package dev.eddy.runtime;

import dev.eddy.types.Row;

/**
 * One operator of a task: it gets records and watermarks in order on one thread and emits to
 * its {@link Output}. The same operator code runs under the deterministic and the parallel
 * driver; it never sees threads, channels or clocks other than through its context.
 */
public abstract class StreamOperator {
    protected OperatorContext context;
    protected Output output;

    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
    }

    public abstract void processElement(Row row, long timestamp);

    /** A record on input {@code input} (0 for the first port); operators with one input ignore it. */
    public void processElement(int input, Row row, long timestamp) {
        processElement(row, timestamp);
    }

    /**
     * Whether this is one of Flink's two-input operators (built on connect), whose inputs each
     * combine their own channels' watermarks before the operator takes the minimum of the two.
     * Unions and window joins (a union in Flink) have one input of all channels.
     */
    public boolean isTwoInput() { return false; }

    /** AbstractStreamOperator#processWatermark: fire what is due, then forward. */
    public void processWatermark(long watermark) {
        output.emitWatermark(watermark);
    }

    /** The input went idle or active again; an operator passes the status on. */
    public void processWatermarkStatus(boolean idle) {
        output.emitWatermarkStatus(idle);
    }

    /** All input has arrived (bounded input): emit what is held back, e.g. BATCH results. */
    public void endInput() {}

    /**
     * Writes what this operator holds (windows, accumulators, buffers, timers) into a checkpoint,
     * between two elements. Watermarks are not part of it, as in Flink: a restored operator starts
     * from Long.MIN_VALUE until its inputs send watermarks again. Stateless operators write nothing.
     */
    public void snapshotState(dev.eddy.checkpoint.StateWriter out) {}

    /**
     * Flink's prepareSnapshotPreBarrier: checkpoint {@code checkpointId} is about to be taken. A
     * transactional sink pre-commits here: what it wrote since the last one becomes a pending
     * transaction that the checkpoint carries.
     */
    public void prepareSnapshotPreBarrier(long checkpointId) {}

    /** Every task has checkpoint {@code checkpointId}: a transactional sink commits what it pre-committed. */
    public void notifyCheckpointComplete(long checkpointId) {}

    /** Takes back what {@link #snapshotState} wrote; called after {@link #open}, before the first element. */
    public void restoreState(dev.eddy.checkpoint.StateReader in) {}

    public void close() {}
}
