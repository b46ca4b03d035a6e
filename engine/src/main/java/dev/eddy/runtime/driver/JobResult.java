package dev.eddy.runtime.driver;

import dev.eddy.observe.JobState;
import dev.eddy.observe.NodeMetrics;
import dev.eddy.runtime.ResultTables;
import java.util.Map;

/**
 * How a run ended: its final state, the failure in words when it failed, exact per-node totals
 * summed over subtasks, the in-memory tables, and how long it took in wall and virtual time.
 */
public record JobResult(JobState state, String failure, String failedNode, Map<String, NodeMetrics.Snapshot> totals,
                        ResultTables tables, long wallMillis, long virtualEndTime) {
    public boolean succeeded() { return state == JobState.FINISHED; }

    public long recordsOut(String node) {
        NodeMetrics.Snapshot s = totals.get(node);
        return s == null ? 0 : s.recordsOut();
    }

    public long recordsIn(String node) {
        NodeMetrics.Snapshot s = totals.get(node);
        return s == null ? 0 : s.recordsIn();
    }
}
