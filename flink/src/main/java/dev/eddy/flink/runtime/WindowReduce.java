package dev.eddy.flink.runtime;

import dev.eddy.operators.window.WindowFunction;
import dev.eddy.types.Row;
import org.apache.flink.api.common.functions.ReduceFunction;

/**
 * A window node's reduce as Flink's ReduceFunction: Flink's reducing state combines the window's
 * record so far with each new one (and merged sessions' records with each other) by Eddy's
 * combiners; {@link WindowResult} adds the window's bounds.
 */
public final class WindowReduce implements ReduceFunction<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient WindowFunction.Reduce reduce;

    public WindowReduce(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public Row reduce(Row soFar, Row next) {
        if (reduce == null) reduce = (WindowFunction.Reduce) Windows.parts(pipeline, node).function();
        return (Row) reduce.merge(soFar, next);
    }
}
