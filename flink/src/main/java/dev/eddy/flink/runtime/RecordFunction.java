package dev.eddy.flink.runtime;

import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.StreamOperator;
import dev.eddy.types.Row;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A stateless Eddy node (map, filter, flat-map) as a Flink ProcessFunction: Eddy's own operator
 * evaluates the node's expressions, Flink does everything else. A record that fails goes to the
 * errors side output or stops the job, as the node's onError says; records keep their timestamps
 * as in Flink's map, filter and flatMap.
 */
public final class RecordFunction extends ProcessFunction<Row, Row> implements ResultTypeQueryable<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient StreamOperator operator;
    private transient ProcessFunctionOutput output;

    public RecordFunction(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public void open(OpenContext openContext) {
        var task = getRuntimeContext().getTaskInfo();
        OperatorContext context = pipeline.context(node, task.getIndexOfThisSubtask(), task.getNumberOfParallelSubtasks());
        output = new ProcessFunctionOutput(node);
        context.bindOutput(output);
        operator = pipeline.binding(node).operator().create();
        operator.open(context, output);
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> collector) {
        output.at(ctx, collector);
        Long ts = ctx.timestamp();
        operator.processElement(row, ts == null ? dev.eddy.runtime.Time.NO_TIMESTAMP : ts);
    }

    @Override
    public void close() { if (operator != null) operator.close(); }

    @Override
    public TypeInformation<Row> getProducedType() { return EddyTypes.ROW; }
}
