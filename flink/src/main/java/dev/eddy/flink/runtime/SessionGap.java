package dev.eddy.flink.runtime;

import dev.eddy.operators.window.WindowAssigner;
import dev.eddy.types.Row;
import org.apache.flink.streaming.api.windowing.assigners.SessionWindowTimeGapExtractor;

/** A session window's dynamicGap expression as Flink's gap extractor (milliseconds per record). */
public final class SessionGap implements SessionWindowTimeGapExtractor<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient WindowAssigner.Sessions sessions;

    public SessionGap(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public long extract(Row row) {
        if (sessions == null) sessions = (WindowAssigner.Sessions) Windows.parts(pipeline, node).assigner();
        return sessions.gapOf(row);
    }
}
