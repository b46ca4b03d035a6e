package dev.eddy.runtime;

/**
 * How records of an edge are spread over the receiving subtasks, as Flink's partitioners do:
 * forward (subtask i to subtask i, and chained when parallelism matches), hash by key group,
 * round-robin rebalance, or broadcast to all.
 */
public enum Partitioning { FORWARD, HASH, REBALANCE, BROADCAST }
