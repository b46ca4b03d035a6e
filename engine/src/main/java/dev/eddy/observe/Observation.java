package dev.eddy.observe;

import dev.eddy.types.Row;

/**
 * What a run reports about itself, for the designer's charts, the CLI's --trace and the tests.
 * Every observation carries the processing time (virtual under the deterministic driver) at
 * which it happened.
 */
public sealed interface Observation {
    long time();

    /**
     * A record leaving a node's port, or (port "in") arriving at a sink; samples may be thinned,
     * totals are in {@link NodeMetrics}.
     */
    record RecordSampled(long time, String node, int subtask, String port, Row row, long timestamp) implements Observation {}

    /** A node's output watermark advanced. */
    record WatermarkAdvanced(long time, String node, int subtask, long watermark) implements Observation {}

    /** A record failed in a node and, under the skip policy, went to the errors port. */
    record RecordFailed(long time, String node, int subtask, String reason, Row row) implements Observation {}

    /**
     * A window got an element (and was created, if it is its first). Bounds are Long.MIN_VALUE and
     * Long.MAX_VALUE for the global window; key is null for a non-keyed window. {@code folded}: the
     * window keeps no elements, only an accumulator the element was folded into (an incremental
     * function without an evictor); otherwise the element is kept until the window fires or is purged.
     */
    record WindowElementAdded(long time, String node, int subtask, Object key, long start, long end, Row row, long timestamp,
                              boolean created, boolean folded) implements Observation {}

    /** A window fired: which trigger and why, and how many result rows it produced. */
    record WindowFired(long time, String node, int subtask, Object key, long start, long end, String reason, int results,
                       long watermark) implements Observation {}

    /** A window's contents were cleared: purged by its trigger, or cleaned up at window end + lateness. */
    record WindowCleared(long time, String node, int subtask, Object key, long start, long end, String reason) implements Observation {}

    /** Session windows merged into one. */
    record WindowsMerged(long time, String node, int subtask, Object key, long start, long end, int merged) implements Observation {}

    /**
     * A record came too late for every window it belongs to: its timestamp plus the allowed
     * lateness is at or below the watermark. It went to the late port (dropped if nothing is
     * connected). The window named is the last-ending one it belongs to, long since cleaned up.
     */
    record LateRecord(long time, String node, int subtask, Object key, Row row, long timestamp, long watermark,
                      long allowedLateness, long windowStart, long windowEnd, String reason) implements Observation {}

    /** A subtask has seen the end of its input and finished. */
    record SubtaskFinished(long time, String node, int subtask) implements Observation {}

    /** The job changed state (RUNNING, PAUSED, FINISHED, FAILED, CANCELED), with a reason on failure. */
    record JobStateChanged(long time, JobState state, String reason) implements Observation {}

    /**
     * Every task's state was written into checkpoint {@code checkpoint} ({@code stateBytes} in all),
     * with the position of each source subtask in it.
     */
    record CheckpointCompleted(long time, long checkpoint, long stateBytes) implements Observation {}

    /** The coordinator started checkpoint {@code checkpoint} at the sources (between threads). */
    record CheckpointTriggered(long time, long checkpoint) implements Observation {}

    /** Checkpoint {@code checkpoint} will not complete: {@code reason} says why (a failure while it was under way). */
    record CheckpointAborted(long time, long checkpoint, String reason) implements Observation {}

    /**
     * A subtask had checkpoint {@code checkpoint}'s barrier on every input and took its snapshot:
     * {@code mode} aligned, unaligned or at-least-once; {@code held} elements waited behind a
     * barrier while it did, {@code inFlight} were kept in the checkpoint (unaligned).
     */
    record BarriersAligned(long time, String node, int subtask, long checkpoint, String mode, int held, int inFlight)
            implements Observation {}

    /** Every task was thrown away and rebuilt from checkpoint {@code checkpoint}; {@code reason} says why. */
    record RestoredFromCheckpoint(long time, long checkpoint, String reason) implements Observation {}

    /**
     * Where one sink subtask's output stands after a checkpoint completed, a restore or its end:
     * records {@code committed} (visible for good), {@code pending} (in open transactions, not yet
     * visible), and in all restores so far {@code duplicated} (written again, as print does) and
     * {@code withdrawn} (taken back: aborted transactions, rows cut back). {@code delivery} is how
     * the sink wrote: "transactional", "idempotent" or "write-through".
     */
    record SinkDelivery(long time, String node, int subtask, String delivery, long committed, long pending,
                        long duplicated, long withdrawn) implements Observation {}

    /** Periodic totals of one subtask of one node; exact at the moment they were taken. */
    record MetricsReported(long time, String node, int subtask, NodeMetrics.Snapshot totals) implements Observation {}
}
