package dev.eddy.runtime;

import dev.eddy.model.DeliveryGuarantee;

/**
 * How a run survives failures, as Flink's checkpoint config and fixed-delay restart strategy say:
 * checkpoint every {@code checkpointInterval} ms of processing time (0: never), and restart a
 * failed run up to {@code restartAttempts} times, {@code restartDelay} ms after the failure, from
 * the last completed checkpoint or, without one, from the start. {@code failAfterRecords} (0:
 * never) injects one failure once the sources have emitted that many records in all,
 * {@code randomFailurePoints} one at each of those counts (drawn from settings.randomFailures' seed).
 * {@code guarantee} (null: none stated and no checkpoints) decides how sinks write and what a
 * restart takes back; {@code unaligned} makes exactly-once checkpoints unaligned (between threads).
 */
public record FaultTolerance(long checkpointInterval, int restartAttempts, long restartDelay, long failAfterRecords,
                             DeliveryGuarantee guarantee, boolean unaligned, java.util.List<Long> randomFailurePoints) {
    public static final FaultTolerance NONE = new FaultTolerance(0, 0, 0, 0, null, false, java.util.List.of());

    public FaultTolerance {
        randomFailurePoints = java.util.List.copyOf(randomFailurePoints);
    }

    public boolean checkpoints() { return checkpointInterval > 0; }
}
