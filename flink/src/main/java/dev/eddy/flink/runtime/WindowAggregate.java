package dev.eddy.flink.runtime;

import dev.eddy.operators.Aggregates;
import dev.eddy.operators.window.WindowFunction;
import dev.eddy.types.Row;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * A window node's aggregates (COUNT, SUM, AVG, FIRST, ...) as Flink's AggregateFunction: Flink
 * folds each record into the window's accumulator as it arrives, and merges accumulators when
 * session windows merge; {@link WindowResult} turns the accumulator into the result row.
 */
public final class WindowAggregate implements AggregateFunction<Row, Aggregates.Acc, Aggregates.Acc> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient Aggregates aggregates;

    public WindowAggregate(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    private Aggregates aggregates() {
        if (aggregates == null) aggregates = ((WindowFunction.Aggregate) Windows.parts(pipeline, node).function()).aggregates();
        return aggregates;
    }

    @Override
    public Aggregates.Acc createAccumulator() { return aggregates().create(); }

    @Override
    public Aggregates.Acc add(Row row, Aggregates.Acc acc) { return aggregates().add(acc, row); }

    @Override
    public Aggregates.Acc getResult(Aggregates.Acc acc) { return acc; }

    @Override
    public Aggregates.Acc merge(Aggregates.Acc a, Aggregates.Acc b) { return aggregates().merge(a, b); }
}
