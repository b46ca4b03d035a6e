package dev.eddy.flink.runtime;

import dev.eddy.model.RuntimeMode;
import dev.eddy.operators.Aggregates;
import dev.eddy.operators.KeyedRollingOperator;
import dev.eddy.types.Row;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * An aggregate node (rolling COUNT, SUM, AVG, ... per key) as a KeyedProcessFunction with the
 * accumulator in keyed state, since Flink's DataStream API has rolling reduce but no rolling
 * aggregate. Streaming: each record emits its key's updated result with the record's timestamp.
 * Batch: a timer at the end of time emits only the final result, as Flink's batch reduce does.
 */
public final class RollingAggregate extends KeyedProcessFunction<Object, Row, Row> implements ResultTypeQueryable<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient KeyedRollingOperator fold;
    private transient ValueState<Aggregates.Acc> state;
    private transient boolean batch;

    public RollingAggregate(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public void open(OpenContext context) {
        fold = (KeyedRollingOperator) pipeline.binding(node).operator().create();
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("accumulator", EddyTypes.ACCUMULATOR));
        batch = pipeline.pipeline().settings().modeOrDefault() == RuntimeMode.BATCH;
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
        Aggregates.Acc acc = state.value();
        boolean first = acc == null;
        acc = (Aggregates.Acc) (first ? fold.first(row) : fold.add(acc, row));
        state.update(acc);
        if (!batch) {
            out.collect(fold.result(ctx.getCurrentKey(), acc));
        } else if (first) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        Aggregates.Acc acc = state.value();
        if (acc != null) out.collect(fold.result(ctx.getCurrentKey(), acc));
    }

    @Override
    public TypeInformation<Row> getProducedType() { return EddyTypes.ROW; }
}
