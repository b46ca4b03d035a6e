package dev.eddy.flink.runtime;

import dev.eddy.operators.KeyedRollingOperator;
import dev.eddy.types.Row;
import org.apache.flink.api.common.functions.ReduceFunction;

/** A reduce node's combiners as Flink's ReduceFunction: the previous result absorbs the next record. */
public final class ReduceRows implements ReduceFunction<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient KeyedRollingOperator fold;

    public ReduceRows(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public Row reduce(Row previous, Row next) {
        if (fold == null) fold = (KeyedRollingOperator) pipeline.binding(node).operator().create();
        return (Row) fold.add(previous, next);
    }
}
