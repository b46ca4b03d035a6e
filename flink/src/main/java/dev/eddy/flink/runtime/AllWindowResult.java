package dev.eddy.flink.runtime;

import dev.eddy.operators.window.WindowFunction;
import dev.eddy.types.Row;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.util.Collector;

/** The result row of an incremental window over the whole stream (windowAll): the window's bounds, the aggregates or the reduced record. */
public final class AllWindowResult<A, W extends Window> extends ProcessAllWindowFunction<A, Row, W>
        implements ResultTypeQueryable<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient WindowFunction function;

    public AllWindowResult(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public void process(Context ctx, Iterable<A> accumulators, Collector<Row> out) {
        if (function == null) function = Windows.parts(pipeline, node).function();
        for (A acc : accumulators) {
            for (Row r : function.fromAccumulator(null, Windows.of(ctx.window()), acc)) out.collect(r);
        }
    }

    @Override
    public TypeInformation<Row> getProducedType() { return EddyTypes.ROW; }
}
