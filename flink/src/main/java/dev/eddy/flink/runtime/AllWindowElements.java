package dev.eddy.flink.runtime;

import dev.eddy.operators.window.WindowFunction;
import dev.eddy.types.Row;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.util.Collector;

/** The full-window function of a window over the whole stream (windowAll). */
public final class AllWindowElements<W extends Window> extends ProcessAllWindowFunction<Row, Row, W>
        implements ResultTypeQueryable<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient WindowFunction function;

    public AllWindowElements(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public void process(Context ctx, Iterable<Row> elements, Collector<Row> out) {
        if (function == null) function = Windows.parts(pipeline, node).function();
        WindowElements.emit(function, null, ctx.window(), elements, out);
    }

    @Override
    public TypeInformation<Row> getProducedType() { return EddyTypes.ROW; }
}
