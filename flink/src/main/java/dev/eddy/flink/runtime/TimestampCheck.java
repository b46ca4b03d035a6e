package dev.eddy.flink.runtime;

import dev.eddy.expr.EvaluationException;
import dev.eddy.operators.time.EventTimeParts;
import dev.eddy.operators.time.TimestampsAndWatermarksOperator;
import dev.eddy.runtime.OperatorContext;
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
    private transient ProcessFunctionOutput output;

    public TimestampCheck(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public void open(OpenContext openContext) {
        parts = EventTimeParts.of(pipeline.binding(node).parts());
        var task = getRuntimeContext().getTaskInfo();
        context = pipeline.context(node, task.getIndexOfThisSubtask(), task.getNumberOfParallelSubtasks());
        // Only the errors port is used: a record that passes is collected below, by this function itself.
        output = new ProcessFunctionOutput(node);
        context.bindOutput(output);
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) {
        long previous = ctx.timestamp() == null ? Long.MIN_VALUE : ctx.timestamp();
        try {
            TimestampsAndWatermarksOperator.eventTime(parts.timestamp(), row, previous);
        } catch (EvaluationException e) {
            output.at(ctx, out);
            context.recordFailed(row, previous, RowJson.toLine(row, pipeline.inputSchema(node, "in")), e.getMessage());
            return;
        }
        out.collect(row);
    }

    @Override
    public TypeInformation<Row> getProducedType() { return EddyTypes.ROW; }
}
