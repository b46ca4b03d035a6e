package dev.eddy.flink.runtime;

import dev.eddy.operators.window.WindowFunction;
import dev.eddy.types.Row;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.util.Collector;

/**
 * The result row of a keyed incremental window (aggregate or reduce): the key's columns, the
 * window's bounds, the aggregates or the reduced record. {@code A} is what Flink's window state
 * folded: an aggregate's accumulator, or the reduced record itself.
 */
public final class WindowResult<A, W extends Window> extends ProcessWindowFunction<A, Row, Object, W>
        implements ResultTypeQueryable<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient WindowFunction function;

    public WindowResult(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public void process(Object key, Context ctx, Iterable<A> accumulators, Collector<Row> out) {
        if (function == null) function = Windows.parts(pipeline, node).function();
        for (A acc : accumulators) {
            for (Row r : function.fromAccumulator(key, Windows.of(ctx.window()), acc)) out.collect(r);
        }
    }

    @Override
    public TypeInformation<Row> getProducedType() { return EddyTypes.ROW; }
}
