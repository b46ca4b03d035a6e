package dev.eddy.flink.runtime;

import dev.eddy.operators.window.DeltaFunction;
import dev.eddy.types.Row;

/**
 * A window node's deltaOf as Flink's DeltaFunction for DeltaTrigger and DeltaEvictor. Where Eddy
 * has no delta (a NULL value) this gives NaN, which is neither above nor at any threshold, so
 * Flink's trigger does not fire and its evictor keeps the record, as Eddy's do.
 */
public final class Delta implements org.apache.flink.streaming.api.functions.windowing.delta.DeltaFunction<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient DeltaFunction delta;

    public Delta(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public double getDelta(Row older, Row newer) {
        if (delta == null) delta = Windows.parts(pipeline, node).delta();
        Double d = delta.delta(delta.valueOf(older), delta.valueOf(newer));
        return d == null ? Double.NaN : d;
    }
}
