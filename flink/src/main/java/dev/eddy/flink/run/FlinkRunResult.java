package dev.eddy.flink.run;

import java.util.List;

/**
 * The outcome of a run on Flink: the job's id and final state, why it failed (null when it did
 * not), the vertices' metrics, and how many records reached the sinks.
 */
public record FlinkRunResult(String jobId, String state, String failure, List<VertexMetrics> vertices, long sinkRecords) {
    public boolean succeeded() { return failure == null && "FINISHED".equals(state); }
}
