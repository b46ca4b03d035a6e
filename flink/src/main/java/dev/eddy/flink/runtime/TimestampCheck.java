package dev.eddy.flink.runtime;

import dev.eddy.expr.EvaluationException;
import dev.eddy.operators.time.EventTimeParts;
import dev.eddy.operators.time.TimestampsAndWatermarksOperator;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.types.Row;
import dev.eddy.types.RowJson;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Flink's timestamp assigners cannot set a record aside, so under onError "skip" this goes first:
 * records whose event time fails go through the node's error policy to its errors output, the
 * rest on to the assigner, which then computes the same timestamp without failing.
 */
public final class TimestampCheck extends ProcessFunction<Row, Row> implements ResultTypeQueryable<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient EventTimeParts parts;
    private transient OperatorContext context;
    private transient Context current;

    public TimestampCheck(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public void open(OpenContext openContext) {
        parts = EventTimeParts.of(pipeline.binding(node).parts());
        var task = getRuntimeContext().getTaskInfo();
        context = pipeline.context(node, task.getIndexOfThisSubtask(), task.getNumberOfParallelSubtasks());
        context.bindOutput(new Output() {
            @Override
            public void collect(Row row, long timestamp) {}

            @Override
            public void collect(String port, Row row, long timestamp) { current.output(Ports.tag(node, port), row); }

            @Override
            public void emitWatermark(long watermark) {}

            @Override
            public void emitWatermarkStatus(boolean idle) {}
        });
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) {
        long previous = ctx.timestamp() == null ? Long.MIN_VALUE : ctx.timestamp();
        try {
            TimestampsAndWatermarksOperator.eventTime(parts.timestamp(), row, previous);
        } catch (EvaluationException e) {
            current = ctx;
            context.recordFailed(row, previous, RowJson.toLine(row, pipeline.inputSchema(node, "in")), e.getMessage());
            return;
        }
        out.collect(row);
    }

    @Override
    public TypeInformation<Row> getProducedType() { return EddyTypes.ROW; }
}
