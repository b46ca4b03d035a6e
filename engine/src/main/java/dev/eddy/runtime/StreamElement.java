package dev.eddy.runtime;

import dev.eddy.types.Row;

/**
 * What travels in a channel between tasks, in order: records, and the control elements that
 * ride between them (watermarks, watermark status, checkpoint barriers, the end of a channel).
 */
public sealed interface StreamElement permits StreamElement.Record, StreamElement.Watermark, StreamElement.WatermarkStatus,
        StreamElement.Barrier, StreamElement.EndOfInput {

    /** Flink's StreamRecord: a row and its event timestamp, {@link Time#NO_TIMESTAMP} when it has none. */
    record Record(Row row, long timestamp) implements StreamElement {}

    /** Event time has reached {@code timestamp}: no record with a timestamp at or below it should follow. */
    record Watermark(long timestamp) implements StreamElement {}

    /** The producer went idle (it holds no watermark back) or became active again. */
    enum WatermarkStatus implements StreamElement { IDLE, ACTIVE }

    /**
     * Flink's CheckpointBarrier: everything before it on this channel belongs to checkpoint
     * {@code checkpointId}, everything after it to the next one.
     */
    record Barrier(long checkpointId) implements StreamElement {}

    /** The producer at the other end of this channel has finished. */
    enum EndOfInput implements StreamElement { INSTANCE }
}
