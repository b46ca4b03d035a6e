package dev.eddy.observe;

/**
 * Exact counters of one subtask of one node. Only the task's own thread writes them; other
 * threads may read slightly stale values while the job runs, and exact ones once it ended
 * (a finished thread's writes are visible after join).
 */
public final class NodeMetrics {
    public final String node;
    public final int subtask;
    public long recordsIn;
    public long recordsOut;
    public long errors;
    /** The order-independent digest of what a discard sink received (RowDigest); 0 elsewhere. */
    public long digest;
    public long lastWatermark = Long.MIN_VALUE;
    /** Records a sink wrote a second time after restores: taken back by nothing (print, at-least-once files). */
    public long duplicated;
    /** Records a sink took back at restores: aborted transactions, table rows cut back. */
    public long withdrawn;

    public NodeMetrics(String node, int subtask) {
        this.node = node;
        this.subtask = subtask;
    }

    /** Goes on counting from another instance's counters (the same subtask before a restore). */
    public void carryOver(NodeMetrics before) {
        recordsIn = before.recordsIn;
        recordsOut = before.recordsOut;
        errors = before.errors;
        digest = before.digest;
        lastWatermark = before.lastWatermark;
        duplicated = before.duplicated;
        withdrawn = before.withdrawn;
    }

    public Snapshot snapshot() { return new Snapshot(recordsIn, recordsOut, errors, lastWatermark, digest); }

    /** An immutable copy of the counters. */
    public record Snapshot(long recordsIn, long recordsOut, long errors, long lastWatermark, long digest) {
        public Snapshot plus(Snapshot o) {
            return new Snapshot(recordsIn + o.recordsIn, recordsOut + o.recordsOut, errors + o.errors,
                    Math.min(lastWatermark, o.lastWatermark), digest + o.digest);
        }
    }
}
