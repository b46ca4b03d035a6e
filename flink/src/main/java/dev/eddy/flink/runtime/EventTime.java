package dev.eddy.flink.runtime;

import dev.eddy.expr.EvaluationException;
import dev.eddy.operators.time.EventTimeParts;
import dev.eddy.operators.time.TimestampsAndWatermarksOperator;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.types.Row;
import dev.eddy.types.RowJson;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * A watermarks node's (or a source's own strategy's) timestamp expression as Flink's TimestampAssigner. A record whose event time
 * cannot be computed stops the job with Eddy's message; under onError "skip" a
 * {@link TimestampCheck} before it has already set such records aside.
 */
public final class EventTime implements SerializableTimestampAssigner<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient EventTimeParts parts;
    private transient OperatorContext context;

    public EventTime(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    /** What the records look like: the input of a watermarks node, or what a source with its own strategy reads. */
    private dev.eddy.types.Schema recordSchema() {
        return pipeline.node(node).type().startsWith("source.") ? pipeline.schema(node, "out") : pipeline.inputSchema(node, "in");
    }

    @Override
    public long extractTimestamp(Row row, long recordTimestamp) {
        if (parts == null) {
            parts = EventTimeParts.of(pipeline.binding(node).parts());
            context = pipeline.context(node, 0, 1);
        }
        try {
            return TimestampsAndWatermarksOperator.eventTime(parts.timestamp(), row, recordTimestamp);
        } catch (EvaluationException e) {
            context.recordFailed(row, recordTimestamp, RowJson.toLine(row, recordSchema()), e.getMessage());
            throw e; // recordFailed throws under "fail"; a checked stream never gets here under "skip"
        }
    }
}
